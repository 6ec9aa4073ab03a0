package footprint.report.compare;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.model.Figure;
import footprint.model.Network;
import footprint.optimize.Optimizer;
import footprint.optimize.Plan;
import footprint.optimize.SolveListener;
import footprint.optimize.SolveOptions;
import footprint.report.Format;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Reads and solves several models or scenarios on a small pool of threads, one solver thread each
 * (HiGHS in OR-Tools keeps the thread count of its first solve for the whole process, so every
 * solve asks for one), and reports progress line by line.
 */
public final class ScenarioSolver {
    private ScenarioSolver() {}

    /** The pool size for {@code jobs} solves: one per core, at most one per job, at least one. */
    public static int poolSize(int jobs) {
        return Math.max(1, Math.min(jobs, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Reads and solves every file, in parallel; the answers come back in the files' order.
     *
     * @param progress receives one line at a time (from several threads: it must be thread-safe)
     */
    public static List<ScenarioPlan> solveAll(List<Path> files, SolveOptions options, Consumer<String> progress) {
        List<String> labels = labels(files);
        List<Task<ScenarioPlan>> tasks = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String label = labels.get(i);
            tasks.add(() -> readAndSolve(label, file, options, progress));
        }
        return run(tasks);
    }

    /** Reads and solves one file. */
    public static ScenarioPlan readAndSolve(String label, Path file, SolveOptions options, Consumer<String> progress) {
        ModelRead read = ModelReader.read(file);
        if (!read.ok()) {
            progress.accept(label + ": " + read.errors().size() + " error"
                    + (read.errors().size() == 1 ? "" : "s") + " in the model; not solved");
            return new ScenarioPlan(label, file, read, Optional.empty());
        }
        progress.accept(label + ": solving");
        Plan plan = solve(label, read.network().orElseThrow(), Figure::nominal, options, progress);
        return new ScenarioPlan(label, file, read, Optional.of(plan));
    }

    /** Solves a network with figures valued by {@code valueOf}, one solver thread, progress prefixed by label. */
    public static Plan solve(
            String label,
            Network network,
            ToDoubleFunction<Figure> valueOf,
            SolveOptions options,
            Consumer<String> progress) {
        SolveListener listener = new SolveListener() {
            @Override
            public void elapsed(double seconds) {
                progress.accept(String.format(Locale.ROOT, "%s: still solving after %.0f s", label, seconds));
            }
        };
        Plan plan = Optimizer.solve(network, valueOf, options.withThreads(1), listener);
        progress.accept(String.format(
                Locale.ROOT,
                "%s: %s%s (%.1f s)",
                label,
                plan.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                plan.hasPlan() ? ", NPV " + Format.millions(plan.kpis().npv()) + " " + network.currency() : "",
                plan.buildSeconds() + plan.solveSeconds()));
        return plan;
    }

    /** A task that returns a value. */
    @FunctionalInterface
    public interface Task<T> {
        T call();
    }

    /** Runs tasks on the pool; results in the tasks' order. */
    public static <T> List<T> run(List<Task<T>> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(poolSize(tasks.size()), r -> {
            Thread t = new Thread(r, "footprint-solve");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Task<T> task : tasks) {
                futures.add(pool.submit(task::call));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while solving", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Labels for files: the file name without its extension, with its folder where two names clash. */
    public static List<String> labels(List<Path> files) {
        Map<String, Integer> count = new HashMap<>();
        for (Path f : files) {
            count.merge(stem(f), 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Path f : files) {
            String s = stem(f);
            if (count.get(s) > 1) {
                Path parent = f.toAbsolutePath().getParent();
                String folder = parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "/";
                s = folder + s;
                int n = seen.merge(s, 1, Integer::sum);
                if (n > 1) {
                    s = s + "#" + n;
                }
            }
            out.add(s);
        }
        return out;
    }

    private static String stem(Path f) {
        String name = f.getFileName() == null ? f.toString() : f.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
