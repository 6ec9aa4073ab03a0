package footprint.bench;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;
import footprint.model.Network;
import footprint.optimize.Backend;
import footprint.optimize.Optimizer;
import footprint.optimize.Plan;
import footprint.optimize.SolveListener;
import footprint.optimize.SolveOptions;
import footprint.optimize.Technique;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs the benchmark: each instance with each chosen backend through Footprint's optimiser, and,
 * as references, the exported MPS with OR-Tools' HiGHS and with the CBC command line, in the same
 * run on the same machine. Records the model's size (deterministic) beside times, status, objective,
 * bound, gap and peak memory ({@link PeakMemory}). Progress goes to the {@link Progress} passed in.
 */
public final class Bench {
    /**
     * How to run.
     *
     * @param reference also solve the exported MPS with highs-mps and cbc-cli
     * @param referenceForms the formulations the references solve: the strong one (with the
     *     per-flow linking rows, as Footprint builds it) and/or the weak one (without them)
     * @param mpsDir where to keep the exported MPS files (else a temporary file, deleted after use)
     * @param techniques the speed techniques to run each backend with, as a planner types them, one
     *     configuration after the other ({@code auto}, the default: Footprint chooses for each network;
     *     {@code none}: the plain MILP); a row's solver is then named {@code highs+auto}, {@code
     *     highs+lagrangian,...} or {@code highs}
     */
    public record Options(
            List<Backend> backends,
            double timeLimitSeconds,
            double gap,
            int threads,
            boolean reference,
            Set<Form> referenceForms,
            Optional<Path> mpsDir,
            List<String> techniques) {
        public Options {
            backends = List.copyOf(backends);
            referenceForms = referenceForms.isEmpty() ? EnumSet.of(Form.STRONG) : EnumSet.copyOf(referenceForms);
            techniques = techniques.isEmpty() ? List.of(Technique.AUTO) : List.copyOf(techniques);
            for (String t : techniques) {
                SolveOptions.defaults().withTechniques(t); // throws, naming what is accepted
            }
        }

        /** Options with the plain MILP only. */
        public Options(
                List<Backend> backends,
                double timeLimitSeconds,
                double gap,
                int threads,
                boolean reference,
                Optional<Path> mpsDir) {
            this(backends, timeLimitSeconds, gap, threads, reference, Set.of(), mpsDir, List.of("none"));
        }
    }

    /** The formulation a reference solver reads from the exported MPS. */
    public enum Form {
        /** As Footprint builds it: with the linking rows that are there for strength only. */
        STRONG,
        /** Without the rows for strength: the same optimum, a weaker LP, a much smaller model. */
        WEAK;

        /** The form of a word (strong, weak), in any case. */
        public static Form parse(String word) {
            for (Form f : values()) {
                if (f.name().equalsIgnoreCase(word.strip())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("no formulation '" + word + "'; choose strong or weak");
        }
    }

    /** A backend's name in the tables, with the techniques it ran with (a list as a planner types it). */
    static String solverName(Backend b, String list) {
        if (Technique.isAuto(list)) {
            return b.word() + "+" + Technique.AUTO;
        }
        Set<Technique> techniques = Technique.parse(list);
        if (techniques.isEmpty()) {
            return b.word();
        }
        return b.word() + "+"
                + (techniques.containsAll(EnumSet.allOf(Technique.class))
                        ? "all"
                        : techniques.stream().map(Technique::word).collect(Collectors.joining(",")));
    }

    /** A row's note: the techniques Footprint chose (where it chose them) and the plan's notes. */
    private static String note(Plan plan) {
        List<String> notes = new ArrayList<>();
        if (plan.techniques().auto()) {
            notes.add("auto: " + plan.techniques().words() + " ("
                    + plan.techniques().reason() + ")");
        }
        notes.addAll(plan.notes());
        return String.join("; ", notes);
    }

    /** An instance to run; the network is made when it is run (a large one only then takes memory). */
    public record Instance(String name, Supplier<Network> network, OptionalDouble optimum) {}

    /** Receives progress lines. */
    public interface Progress {
        void message(String text);
    }

    private Bench() {}

    /** The versions of the solvers, for the header of the tables. */
    public static String solverVersions(boolean reference) {
        Loader.loadNativeLibraries();
        List<String> out = new ArrayList<>();
        for (String id : List.of("SCIP", "CBC")) {
            MPSolver s = MPSolver.createSolver(id);
            if (s != null) {
                out.add(s.solverVersion());
                s.delete();
            }
        }
        // MPSolver answers "PDLP Solver" for HiGHS's version: HiGHS's own log says it
        out.add(0, ReferenceSolvers.highsVersion().orElse("HiGHS (the version bundled with OR-Tools)"));
        String versions = ortoolsVersion() + " (" + String.join("; ", out) + ")";
        if (reference) {
            versions += "; cbc command line: "
                    + ReferenceSolvers.cbcVersion().orElse("not found (apt-get install coinor-cbc)");
        }
        return versions;
    }

    private static String ortoolsVersion() {
        try (var in =
                Loader.class.getResourceAsStream("/META-INF/maven/com.google.ortools/ortools-java/pom.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                return "OR-Tools " + p.getProperty("version", "(version unknown)");
            }
        } catch (IOException e) {
            // fall through
        }
        return "OR-Tools (version unknown)";
    }

    /**
     * Solves a tiny network once with every backend, so that loading the natives and warming up the
     * JIT are not counted in the first instance's times.
     */
    public static void warmUp(Options options) {
        Network tiny =
                footprint.optimize.OrLibCap.parse("2 1\n 10 1\n 10 2\n 5\n 1. 2.\n", "warm-up", OptionalDouble.empty());
        for (Backend b : options.backends()) {
            Optimizer.solve(
                    tiny,
                    SolveOptions.defaults()
                            .withBackend(b)
                            .withThreads(options.threads())
                            .withShadowPrices(false),
                    SolveListener.NONE);
        }
    }

    /** A synthetic network of a documented size. */
    public static Instance synthetic(NetworkGenerator.Size size, long seed) {
        String name = size.name() + (seed == NetworkGenerator.DEFAULT_SEED ? "" : "-seed" + seed);
        return new Instance(name, () -> NetworkGenerator.generate(size.spec(), seed), OptionalDouble.empty());
    }

    /**
     * The OR-Library instances of capopt.txt found in a directory, in its order: cap41 ... cap134,
     * and unless {@code quick} the capacity variants of capa, capb and capc (named capa-8000, ...).
     *
     * @throws UncheckedIOException if capopt.txt cannot be read
     */
    public static List<Instance> orLibrary(Path dir, boolean quick, Progress progress) {
        List<Instance> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve("capopt.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            String[] f = line.strip().split("\\s+");
            if (line.startsWith("#") || f.length != 3) {
                continue;
            }
            boolean variant = !f[1].equals("-");
            if (variant && quick) {
                continue;
            }
            Path file = dir.resolve(f[0] + ".txt");
            if (!Files.isRegularFile(file)) {
                progress.message("skipping " + f[0] + ": no " + file);
                continue;
            }
            OptionalDouble capacity = variant ? OptionalDouble.of(Double.parseDouble(f[1])) : OptionalDouble.empty();
            String name = variant ? f[0] + "-" + f[1] : f[0];
            out.add(new Instance(
                    name, () -> OrLibCapFile.read(file, capacity), OptionalDouble.of(Double.parseDouble(f[2]))));
        }
        return out;
    }

    /** Runs one instance with every backend (and the references) and returns its rows. */
    public static List<BenchRow> run(Instance instance, Options options, Progress progress) {
        List<BenchRow> rows = new ArrayList<>();
        long start = System.nanoTime();
        Network network = instance.network().get();
        progress.message(String.format(
                Locale.ROOT, "[%s] network made in %.2f s", instance.name(), (System.nanoTime() - start) / 1e9));
        double optimum = instance.optimum().orElse(Double.NaN);
        Plan.Size size = null;
        for (Backend b : options.backends()) {
            for (String techniques : options.techniques()) {
                String solver = solverName(b, techniques);
                progress.message("[" + instance.name() + "] " + solver + ": building and solving");
                SolveOptions so = SolveOptions.defaults()
                        .withBackend(b)
                        .withTimeLimit(options.timeLimitSeconds())
                        .withGap(options.gap())
                        .withThreads(options.threads())
                        .withShadowPrices(false)
                        .withTechniques(techniques);
                Plan plan;
                PeakMemory.Peak peak;
                double cpu;
                try (PeakMemory memory = PeakMemory.start()) {
                    long cpuStart = processCpuNanos();
                    plan = Optimizer.solve(network, so, listener(instance.name(), solver, progress));
                    cpu = (processCpuNanos() - cpuStart) / 1e9;
                    peak = memory.stop();
                }
                size = plan.size();
                rows.add(new BenchRow(
                        instance.name(),
                        solver,
                        size.variables(),
                        size.binaries(),
                        size.rows(),
                        size.nonzeros(),
                        plan.buildSeconds(),
                        plan.solveSeconds(),
                        cpu,
                        plan.status().name(),
                        plan.objective(),
                        plan.bestBound(),
                        plan.hasPlan() ? plan.gap() : Double.NaN,
                        peak.heapMiB(),
                        peak.residentMiB(),
                        optimum,
                        note(plan)));
                progress.message(
                        done(instance.name(), solver, plan.status().name(), plan.objective(), plan.solveSeconds()));
            }
        }
        if (options.reference()) {
            rows.addAll(references(instance, network, options, optimum, progress));
        }
        return rows;
    }

    private static List<BenchRow> references(
            Instance instance, Network network, Options options, double optimum, Progress progress) {
        List<BenchRow> rows = new ArrayList<>();
        for (Form form : options.referenceForms()) {
            rows.addAll(references(instance, network, form, options, optimum, progress));
        }
        return rows;
    }

    private static List<BenchRow> references(
            Instance instance, Network network, Form form, Options options, double optimum, Progress progress) {
        List<BenchRow> rows = new ArrayList<>();
        String suffix = form == Form.STRONG ? "" : " (weak)";
        String highs = "highs-mps" + suffix;
        String cbc = "cbc-cli" + suffix;
        String fileName = instance.name() + (form == Form.STRONG ? "" : "-weak");
        Path mps;
        boolean temporary = options.mpsDir().isEmpty();
        try {
            long start = System.nanoTime();
            String text = Optimizer.mps(network, form == Form.STRONG);
            mps = temporary
                    ? Files.createTempFile("footprint-" + fileName, ".mps")
                    : Files.createDirectories(options.mpsDir().get()).resolve(fileName + ".mps");
            Files.writeString(mps, text, StandardCharsets.UTF_8);
            progress.message(String.format(
                    Locale.ROOT,
                    "[%s] exported the %s MPS (%.1f MB) in %.2f s",
                    instance.name(),
                    form.name().toLowerCase(Locale.ROOT),
                    text.length() / 1e6,
                    (System.nanoTime() - start) / 1e9));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OutOfMemoryError | RuntimeException e) {
            // a model too large for one Java string (2^31 characters) or for the heap: say so
            String why = "could not export the MPS: " + e;
            progress.message("[" + instance.name() + "] " + why);
            rows.add(failed(instance.name(), highs, optimum, why));
            rows.add(failed(instance.name(), cbc, optimum, why));
            return rows;
        }
        try {
            MpsStats stats = MpsStats.of(mps);
            progress.message("[" + instance.name() + "] " + highs + ": reading the MPS and solving");
            ReferenceSolvers.Outcome h =
                    ReferenceSolvers.highs(mps, options.timeLimitSeconds(), options.gap(), options.threads());
            rows.add(row(instance.name(), highs, stats, h, optimum));
            progress.message(done(instance.name(), highs, h.status(), h.objective(), h.solveSeconds()));
            if (ReferenceSolvers.cbcVersion().isEmpty()) {
                rows.add(failed(instance.name(), cbc, optimum, "no cbc command (apt-get install coinor-cbc)"));
            } else {
                progress.message("[" + instance.name() + "] " + cbc + ": solving the MPS");
                ReferenceSolvers.Outcome c = ReferenceSolvers.cbc(
                        mps, stats.maximise(), options.timeLimitSeconds(), options.gap(), options.threads());
                rows.add(row(instance.name(), cbc, stats, c, optimum));
                progress.message(done(instance.name(), cbc, c.status(), c.objective(), c.solveSeconds()));
            }
        } finally {
            if (temporary) {
                try {
                    Files.deleteIfExists(mps);
                } catch (IOException e) {
                    progress.message("could not delete " + mps);
                }
            }
        }
        return rows;
    }

    private static BenchRow row(
            String instance, String solver, MpsStats s, ReferenceSolvers.Outcome o, double optimum) {
        boolean plan = o.status().equals("OPTIMAL") || o.status().equals("FEASIBLE");
        return new BenchRow(
                instance,
                solver,
                s.columns(),
                s.integers(),
                s.rows(),
                s.nonzeros(),
                o.buildSeconds(),
                o.solveSeconds(),
                o.cpuSeconds(),
                o.status(),
                o.objective(),
                o.bound(),
                plan ? BenchRow.gapOf(o.objective(), o.bound()) : Double.NaN,
                o.memory().heapMiB(),
                o.memory().residentMiB(),
                optimum,
                o.note());
    }

    private static BenchRow failed(String instance, String solver, double optimum, String why) {
        return new BenchRow(
                instance,
                solver,
                0,
                0,
                0,
                0,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                "ERROR",
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                optimum,
                why);
    }

    /** CPU time of this process, all threads, in ns (-1 where the JVM cannot tell). */
    static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** The load average of the machine (/proc/loadavg: 1, 5 and 15 minutes), or "unknown". */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII)
                    .strip()
                    .split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String done(String instance, String solver, String status, double objective, double seconds) {
        return String.format(
                Locale.ROOT, "[%s] %s: %s, objective %.10g, %.2f s", instance, solver, status, objective, seconds);
    }

    private static SolveListener listener(String instance, String solver, Progress progress) {
        return new SolveListener() {
            @Override
            public void message(String text) {
                if (text.startsWith("Built")) {
                    progress.message("[" + instance + "] " + solver + ": " + text);
                }
            }

            @Override
            public void elapsed(double seconds) {
                if (Math.round(seconds) % 30 < 5) {
                    progress.message(String.format(
                            Locale.ROOT, "[%s] %s: still solving after %.0f s", instance, solver, seconds));
                }
            }
        };
    }
}
