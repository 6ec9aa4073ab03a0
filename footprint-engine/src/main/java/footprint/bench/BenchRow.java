package footprint.bench;

/**
 * One line of a benchmark table: one instance solved by one solver.
 *
 * @param solver {@code highs}, {@code scip}, {@code cbc} (Footprint's build and solve through
 *     OR-Tools, in this process), {@code highs-mps} (OR-Tools' HiGHS reading the exported MPS) or
 *     {@code cbc-cli} (the CBC command line reading the exported MPS)
 * @param buildSeconds Footprint: freezing the network and building the MILP; highs-mps: reading the
 *     MPS; cbc-cli: NaN (its reading is inside its time)
 * @param solveSeconds the solve, wall clock (cbc-cli: the whole child process, reading included)
 * @param cpuSeconds CPU time of the solving process over build and solve (all its threads): unlike
 *     wall-clock times, it does not grow when other work shares the machine
 * @param status OPTIMAL, FEASIBLE (a plan, not proved), TIME_LIMIT (no plan), INFEASIBLE, UNBOUNDED
 *     or ERROR
 * @param gap |objective - bound| / max(1, |objective|), NaN without both
 * @param heapMiB peak Java heap (NaN for a child process)
 * @param residentMiB peak resident set of the process that solved
 * @param optimum the published optimum (OR-Library), NaN where none is known
 */
public record BenchRow(
        String instance,
        String solver,
        long variables,
        long binaries,
        long rows,
        long nonzeros,
        double buildSeconds,
        double solveSeconds,
        double cpuSeconds,
        String status,
        double objective,
        double bound,
        double gap,
        double heapMiB,
        double residentMiB,
        double optimum,
        String note) {

    /** (objective - optimum) / |optimum|, NaN without both. */
    public double relativeDifference() {
        return (objective - optimum) / Math.abs(optimum);
    }

    /** Whether the row found the published optimum: optimal and within 1e-6 of it. */
    public boolean matchesOptimum() {
        return status.equals("OPTIMAL") && Math.abs(relativeDifference()) <= 1e-6;
    }

    static double gapOf(double objective, double bound) {
        return Math.abs(objective - bound) / Math.max(1, Math.abs(objective));
    }
}
