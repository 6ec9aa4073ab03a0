package footprint.cli;

import footprint.bench.Bench;
import footprint.bench.BenchRow;
import footprint.bench.MachineInfo;
import footprint.bench.NetworkGenerator;
import footprint.bench.OrLibCapFile;
import footprint.optimize.Backend;
import footprint.optimize.SolveOptions;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code footprint bench}: solves synthetic networks and the OR-Library set with each backend (and
 * the exported MPS with reference solvers) and prints the tables of docs/benchmarks.md.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the optimiser: solve synthetic networks of documented sizes (S, M, L, LL, XL) and the OR-Library"
                    + " capacitated warehouse location set with each backend, and print per instance and solver the"
                    + " MILP's size (variables, binaries, rows, nonzeros), build and solve time, status, objective,"
                    + " bound, gap and peak memory (Java heap, and the process's resident set), beside the"
                    + " published optimum for the OR-Library. With --reference, the exported MPS is also solved by"
                    + " OR-Tools' HiGHS (highs-mps) and by the CBC command line (cbc-cli, Debian's coinor-cbc) in"
                    + " the same run. Progress goes to standard error; the tables to standard output.",
            "Give the JVM room for large sizes: FOOTPRINT_JAVA_OPTS=-Xmx16g ./footprint bench --size XL"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  footprint bench --size S --size M --size L --reference",
            "  footprint bench --orlib data/orlib-cap --quick --backends highs",
            "  footprint bench --orlib data/orlib-cap --time-limit 120 --reference --markdown > orlib.md",
            "  footprint bench --orlib data/orlib-cap --only capa --backends highs --techniques recommended \\",
            "      --reference --reference-forms strong,weak --time-limit 60",
            "",
            "Exit codes: 0 done (whatever the solvers answered), 2 wrong command line, 3 unreadable instance."
        })
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--size",
            paramLabel = "S|M|L|LL|XL",
            split = ",",
            description = "A synthetic network size (repeat or separate with commas): see docs/benchmarks.md.")
    List<String> sizes = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "The generator's seed (default 1).")
    long seed;

    @Option(
            names = "--orlib",
            paramLabel = "DIR",
            description = "Run every instance of DIR/capopt.txt found in DIR (cap41..cap134; capa/b/c variants too).")
    Path orlib;

    @Option(names = "--quick", description = "With --orlib: leave out the capa, capb and capc variants.")
    boolean quick;

    @Option(
            names = "--only",
            paramLabel = "NAME",
            split = ",",
            description = "With --orlib: only instances whose name starts with one of these (capa, cap4, ...).")
    List<String> only = new ArrayList<>();

    @Option(
            names = "--backends",
            paramLabel = "LIST",
            split = ",",
            defaultValue = "highs,scip,cbc",
            description = "Footprint's backends to run, through OR-Tools (default: highs,scip,cbc; 'none' for none).")
    List<String> backends;

    @Option(
            names = "--time-limit",
            paramLabel = "S",
            defaultValue = "120",
            description = "Seconds each solver may take per instance (default: 120; 0 for none).")
    double timeLimit;

    @Option(
            names = "--gap",
            paramLabel = "G",
            defaultValue = "1e-4",
            description = "Relative gap at which a solve stops, from 0 up to (not including) 1 (default: 1e-4).")
    double gap;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "1",
            description = "Threads per solver (default: 1, so that solvers compare core for core), at most 4 per"
                    + " processor.")
    int threads;

    @Option(
            names = "--reference",
            description = "Also solve the exported MPS with OR-Tools' HiGHS and the cbc command line.")
    boolean reference;

    @Option(
            names = "--reference-forms",
            paramLabel = "LIST",
            split = ",",
            defaultValue = "strong",
            description = "With --reference: the formulations the references solve, strong (with the per-flow"
                    + " linking rows, as Footprint builds it) and/or weak (without them); default: strong.")
    List<String> referenceForms;

    @Option(
            names = "--techniques",
            paramLabel = "LIST",
            description = "Speed techniques to run each backend with: auto (Footprint chooses for each network,"
                    + " as solve does), none (the plain MILP), all, recommended (lagrangian, warm-start,"
                    + " reduced-cost-fixing) or a comma-separated list of lazy-linking, lagrangian, warm-start,"
                    + " reduced-cost-fixing, column-generation, decomposition. Repeat to run several"
                    + " configurations one after the other (default: auto).")
    List<String> techniques = new ArrayList<>();

    @Option(
            names = "--keep-mps",
            paramLabel = "DIR",
            description = "With --reference: keep the exported MPS files in DIR (made when missing), one per instance"
                    + " and formulation (NAME.mps, NAME-weak.mps); an existing one is replaced only with --force.")
    Path keepMps;

    @Option(names = "--force", description = "With --keep-mps: replace MPS files that exist in DIR.")
    boolean force;

    @Option(names = "--markdown", description = "Print the tables as Markdown, ready for docs/benchmarks.md.")
    boolean markdown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (sizes.isEmpty() && orlib == null) {
            throw new UserError("give --size S|M|L|LL|XL and/or --orlib DIR", ExitCode.USAGE);
        }
        Flags.timeLimit("--time-limit", timeLimit);
        Flags.gap("--gap", gap);
        Flags.threads("--threads", threads);
        if (keepMps != null && Files.exists(keepMps) && !Files.isDirectory(keepMps)) {
            throw new UserError(
                    Quote.of(keepMps) + " is not a folder: --keep-mps names the folder the MPS files go to",
                    ExitCode.USAGE);
        }
        List<Backend> chosen = new ArrayList<>();
        for (String b : backends) {
            if (b.equalsIgnoreCase("none")) {
                continue;
            }
            try {
                chosen.add(Backend.parse(b));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage(), ExitCode.USAGE);
            }
        }
        List<Bench.Instance> synthetic = new ArrayList<>();
        for (String s : sizes) {
            try {
                synthetic.add(Bench.synthetic(NetworkGenerator.Size.parse(s), seed));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage(), ExitCode.USAGE);
            }
        }
        Bench.Progress progress = line -> {
            err.println(line);
            err.flush();
        };
        List<Bench.Instance> orLibrary = new ArrayList<>();
        if (orlib != null) {
            if (!Files.isRegularFile(orlib.resolve("capopt.txt"))) {
                throw new UserError(Quote.of(orlib) + " has no capopt.txt (the published optima)", ExitCode.USAGE);
            }
            for (Bench.Instance i : Bench.orLibrary(orlib, quick, progress)) {
                if (only.isEmpty() || only.stream().anyMatch(o -> i.name().startsWith(o))) {
                    orLibrary.add(i);
                }
            }
        }
        for (String t : techniques) {
            try {
                SolveOptions.defaults().withTechniques(t);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage(), ExitCode.USAGE);
            }
        }
        Set<Bench.Form> forms = EnumSet.noneOf(Bench.Form.class);
        for (String f : referenceForms) {
            try {
                forms.add(Bench.Form.parse(f));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage(), ExitCode.USAGE);
            }
        }
        if (keepMps != null && reference) {
            // the MPS files bench keeps, declared before any instance is solved
            Outputs files = Outputs.of(force);
            for (Bench.Instance i : synthetic) {
                mpsFiles(files, i.name(), forms);
            }
            for (Bench.Instance i : orLibrary) {
                mpsFiles(files, i.name(), forms);
            }
            files.check();
        }
        Bench.Options options = new Bench.Options(
                chosen, timeLimit, gap, threads, reference, forms, Optional.ofNullable(keepMps), techniques);

        MachineInfo machine = MachineInfo.read(Bench.solverVersions(reference));
        header(out, machine);
        progress.message("warming up (natives, JIT)");
        Bench.warmUp(options);
        if (!synthetic.isEmpty()) {
            List<BenchRow> rows = runAll(synthetic, options, progress);
            table(out, "Synthetic networks (seed " + seed + ")", rows, false);
            sizes(out);
        }
        if (!orLibrary.isEmpty()) {
            List<BenchRow> rows = runAll(orLibrary, options, progress);
            table(out, "OR-Library capacitated warehouse location", rows, true);
            summary(out, rows);
        }
        out.println((markdown ? "Load average at the end (1, 5, 15 min): " : "load average at the end: ")
                + Bench.loadAverage());
        out.flush();
        return ExitCode.OK;
    }

    /** Declares the MPS files Bench writes for an instance into --keep-mps (see Bench.references). */
    private void mpsFiles(Outputs files, String instance, Set<Bench.Form> forms) {
        for (Bench.Form f : forms) {
            files.output("--keep-mps", keepMps.resolve(instance + (f == Bench.Form.STRONG ? "" : "-weak") + ".mps"));
        }
    }

    private static List<BenchRow> runAll(List<Bench.Instance> instances, Bench.Options options, Bench.Progress p) {
        List<BenchRow> rows = new ArrayList<>();
        for (Bench.Instance i : instances) {
            try {
                rows.addAll(Bench.run(i, options, p));
            } catch (OrLibCapFile.Malformed e) {
                throw new UserError(e.located());
            } catch (UncheckedIOException e) {
                throw new UserError(e.getMessage());
            }
        }
        return rows;
    }

    private void header(PrintWriter out, MachineInfo machine) {
        if (markdown) {
            out.println("Measured " + LocalDate.now() + ":");
            out.println();
            machine.lines().forEach(l -> out.println("- " + l));
            out.println("- options: " + optionsLine());
            out.println("- load average at the start (1, 5, 15 min): " + Bench.loadAverage());
        } else {
            out.println("footprint bench, " + LocalDate.now());
            machine.lines().forEach(out::println);
            out.println("options: " + optionsLine());
            out.println("load average at the start (1, 5, 15 min): " + Bench.loadAverage());
        }
        out.println();
    }

    private String optionsLine() {
        return String.format(
                        Locale.ROOT,
                        "time limit %s s, gap %s, %d thread%s per solver, backends %s%s",
                        fmt(timeLimit),
                        fmt(gap),
                        threads,
                        threads == 1 ? "" : "s",
                        String.join(",", backends),
                        reference
                                ? ", references highs-mps and cbc-cli on the " + String.join(" and ", referenceForms)
                                        + " formulation"
                                : "")
                + ", techniques " + (techniques.isEmpty() ? "auto" : String.join(" / ", techniques));
    }

    // ---- tables ---------------------------------------------------------------------------------

    private static final String[] COLUMNS = {
        "instance",
        "solver",
        "vars",
        "bins",
        "rows",
        "nonzeros",
        "build s",
        "solve s",
        "cpu s",
        "status",
        "objective",
        "bound",
        "gap",
        "heap MiB",
        "RSS MiB"
    };

    private void table(PrintWriter out, String title, List<BenchRow> rows, boolean withOptimum) {
        List<String> head = new ArrayList<>(List.of(COLUMNS));
        if (withOptimum) {
            head.add("optimum");
            head.add("rel. diff");
        }
        head.add("note");
        List<List<String>> cells = new ArrayList<>();
        for (BenchRow r : rows) {
            List<String> c = new ArrayList<>(List.of(
                    r.instance(),
                    r.solver(),
                    Long.toString(r.variables()),
                    Long.toString(r.binaries()),
                    Long.toString(r.rows()),
                    Long.toString(r.nonzeros()),
                    seconds(r.buildSeconds()),
                    seconds(r.solveSeconds()),
                    seconds(r.cpuSeconds()),
                    r.status().toLowerCase(Locale.ROOT).replace('_', ' '),
                    value(r.objective()),
                    value(r.bound()),
                    Double.isNaN(r.gap()) ? "-" : String.format(Locale.ROOT, "%.2e", r.gap()),
                    mib(r.heapMiB()),
                    mib(r.residentMiB())));
            if (withOptimum) {
                c.add(value(r.optimum()));
                c.add(
                        Double.isNaN(r.relativeDifference())
                                ? "-"
                                : String.format(Locale.ROOT, "%+.1e", r.relativeDifference()));
            }
            c.add(r.note().isEmpty() ? "" : r.note());
            cells.add(c);
        }
        print(out, title, head, cells);
    }

    private void sizes(PrintWriter out) {
        List<List<String>> cells = new ArrayList<>();
        for (String s : this.sizes) {
            NetworkGenerator.Spec sp = NetworkGenerator.Size.parse(s).spec();
            cells.add(List.of(
                    sp.name(),
                    Integer.toString(sp.regions()),
                    Integer.toString(sp.countries()),
                    Integer.toString(sp.markets()),
                    Integer.toString(sp.plants()),
                    Integer.toString(sp.componentPlants()),
                    Integer.toString(sp.platforms()),
                    Integer.toString(sp.products()),
                    Integer.toString(sp.components()),
                    Integer.toString(sp.years())));
        }
        print(
                out,
                "Sizes (NetworkGenerator.Size)",
                List.of(
                        "size",
                        "regions",
                        "countries",
                        "markets",
                        "plants",
                        "component plants",
                        "platforms",
                        "products",
                        "components",
                        "years"),
                cells);
    }

    /** Per solver: how many instances it proved at the published optimum, and its times. */
    private void summary(PrintWriter out, List<BenchRow> rows) {
        Map<String, List<BenchRow>> bySolver = new LinkedHashMap<>();
        rows.forEach(r ->
                bySolver.computeIfAbsent(r.solver(), x -> new ArrayList<>()).add(r));
        List<List<String>> cells = new ArrayList<>();
        for (var e : bySolver.entrySet()) {
            for (boolean variants : List.of(false, true)) {
                List<BenchRow> set = e.getValue().stream()
                        .filter(r -> r.instance().contains("-") == variants)
                        .toList();
                if (set.isEmpty()) {
                    continue;
                }
                long matched = set.stream().filter(BenchRow::matchesOptimum).count();
                long plans = set.stream()
                        .filter(r -> r.status().equals("OPTIMAL") || r.status().equals("FEASIBLE"))
                        .count();
                double total = set.stream()
                        .mapToDouble(r -> (Double.isNaN(r.buildSeconds()) ? 0 : r.buildSeconds()) + r.solveSeconds())
                        .sum();
                double worst = set.stream()
                        .mapToDouble(r -> (Double.isNaN(r.buildSeconds()) ? 0 : r.buildSeconds()) + r.solveSeconds())
                        .max()
                        .orElse(0);
                cells.add(List.of(
                        e.getKey(),
                        variants ? "capa/b/c variants" : "cap41..cap134",
                        set.size() + "",
                        matched + "",
                        plans + "",
                        seconds(total),
                        seconds(worst)));
            }
        }
        print(
                out,
                "OR-Library summary",
                List.of("solver", "set", "instances", "proved at the optimum", "with a plan", "total s", "worst s"),
                cells);
    }

    private void print(PrintWriter out, String title, List<String> head, List<List<String>> cells) {
        if (markdown) {
            out.println("**" + title + "**");
            out.println();
            out.println("| " + String.join(" | ", head) + " |");
            StringBuilder rule = new StringBuilder("|");
            for (int i = 0; i < head.size(); i++) {
                rule.append(i < 2 || head.get(i).equals("status") || head.get(i).equals("note") ? "---|" : "---:|");
            }
            out.println(rule);
            for (List<String> c : cells) {
                out.println("| " + String.join(" | ", c).replace("\n", " ") + " |");
            }
            out.println();
            return;
        }
        int[] width = new int[head.size()];
        for (int i = 0; i < head.size(); i++) {
            width[i] = head.get(i).length();
            for (List<String> c : cells) {
                if (i < head.size() - 1 || !head.get(i).equals("note")) {
                    width[i] = Math.max(width[i], c.get(i).length());
                }
            }
        }
        out.println(title);
        out.println(line(head, width));
        for (List<String> c : cells) {
            out.println(line(c, width));
        }
        out.println();
    }

    private static String line(List<String> cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                b.append("  ");
            }
            boolean left = i < 2 || i == cells.size() - 1;
            b.append(left ? pad(c, width[i], true) : pad(c, width[i], false));
        }
        return b.toString().stripTrailing();
    }

    private static String pad(String s, int width, boolean left) {
        if (s.length() >= width) {
            return s;
        }
        String fill = " ".repeat(width - s.length());
        return left ? s + fill : fill + s;
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "-" : String.format(Locale.ROOT, "%.2f", s);
    }

    private static String value(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return Math.abs(v) < 1e9 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.10g", v);
    }

    private static String mib(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String fmt(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
