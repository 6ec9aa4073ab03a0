package footprint.bench;

import com.google.ortools.Loader;
import com.google.ortools.modelbuilder.ModelBuilder;
import com.google.ortools.modelbuilder.ModelSolver;
import com.google.ortools.modelbuilder.SolveStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The highs-mps reference, run by {@link ReferenceSolvers#highs} in a child JVM so that HiGHS's log
 * (which OR-Tools sends to the process's standard output) can be read: {@code java
 * footprint.bench.HighsMps FILE.mps TIME_LIMIT GAP THREADS}. Reads the MPS into OR-Tools' model
 * builder, solves it with HiGHS and prints HiGHS's log, then one line {@code footprint-result
 * STATUS OBJECTIVE BOUND READ_SECONDS SOLVE_SECONDS CPU_SECONDS} (CPU: the process's, over reading
 * and solving).
 */
public final class HighsMps {
    /** The first word of the result line. */
    static final String RESULT = "footprint-result";

    private HighsMps() {}

    public static void main(String[] args) throws IOException {
        Path mps = Path.of(args[0]);
        double timeLimit = Double.parseDouble(args[1]);
        double gap = Double.parseDouble(args[2]);
        int threads = Integer.parseInt(args[3]);
        Loader.loadNativeLibraries();
        long cpuStart = Bench.processCpuNanos();
        long start = System.nanoTime();
        ModelBuilder model = new ModelBuilder();
        // importFromMpsFile answers false on OR-Tools 9.15's own free-format files; the string works
        boolean read = model.importFromMpsString(Files.readString(mps, StandardCharsets.UTF_8));
        double readSeconds = (System.nanoTime() - start) / 1e9;
        if (!read) {
            System.out.println(RESULT + " UNREADABLE NaN NaN " + readSeconds + " 0 NaN");
            return;
        }
        ModelSolver solver = new ModelSolver("highs");
        solver.enableOutput(true);
        StringBuilder params =
                new StringBuilder("random_seed=0\nmip_rel_gap=").append(gap).append('\n');
        if (threads > 0) {
            params.append("threads=").append(threads).append('\n');
        }
        solver.setSolverSpecificParameters(params.toString());
        if (timeLimit > 0) {
            solver.setTimeLimit(Duration.ofMillis((long) (timeLimit * 1000)));
        }
        long solveStart = System.nanoTime();
        SolveStatus status = solver.solve(model);
        double solveSeconds = (System.nanoTime() - solveStart) / 1e9;
        double cpuSeconds = (Bench.processCpuNanos() - cpuStart) / 1e9;
        boolean plan = solver.hasSolution();
        System.out.flush();
        System.out.println(String.format(
                Locale.ROOT,
                "%s %s %s %s %s %s %s",
                RESULT,
                status,
                plan ? Double.toString(solver.getObjectiveValue()) : "NaN",
                plan ? Double.toString(solver.getBestObjectiveBound()) : "NaN",
                readSeconds,
                solveSeconds,
                cpuSeconds));
    }
}
