package footprint.cli;

import java.util.Locale;
import picocli.CommandLine;

/**
 * The checks of numeric options that several commands share: each refuses, with exit code 2 and a
 * message that gives the valid range, what cannot be meant or cannot be done.
 */
final class Flags {
    /**
     * Threads per processor at most. More threads than processors only take turns on them (each
     * holds a solver or an LP of its own, so they cost memory and gain nothing); a small multiple
     * is allowed for trying determinism across thread counts. {@code solve --threads 100000} used
     * to start 11,000 threads and never end.
     */
    static final int THREADS_PER_PROCESSOR = 4;

    /**
     * The most futures of {@code solve --stochastic}: its extensive MILP holds a copy of the flows
     * for every future (the reference case with 10 futures takes about 70 s; Benders solves one LP
     * per future in every iteration), so a count in the thousands would run for days.
     */
    static final int MAX_FUTURES = 1_000;

    /**
     * The most fresh futures VSS and EVPI are measured on ({@code --check-samples}): each costs
     * three solves, one of them a MILP (perfect foresight).
     */
    static final int MAX_CHECK_SAMPLES = 100_000;

    private Flags() {}

    /** The most threads a command may start on this machine. */
    static int maxThreads() {
        return THREADS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors();
    }

    /** A relative gap: a fraction from 0 (prove the optimum) up to, not including, 1. */
    static void gap(String option, double gap) {
        if (!(gap >= 0 && gap < 1)) {
            throw new UserError(
                    option + " takes a fraction from 0 up to (not including) 1, such as 0.001 for 0.1 %; not "
                            + number(gap),
                    ExitCode.USAGE);
        }
    }

    /** A time limit in seconds: 0 (none) or more, finite. */
    static void timeLimit(String option, double seconds) {
        if (!(seconds >= 0 && Double.isFinite(seconds))) {
            throw new UserError(
                    option + " takes seconds, 0 (no limit) or more; not " + number(seconds), ExitCode.USAGE);
        }
    }

    /** A thread count: 0 (the default) up to {@link #maxThreads()}. */
    static void threads(String option, int threads) {
        int max = maxThreads();
        if (threads < 0 || threads > max) {
            throw new UserError(
                    String.format(
                            Locale.ROOT,
                            "%s takes 0 (the default) up to %d: %d times the %d processors of this machine (more"
                                    + " threads only take turns on them); not %d",
                            option,
                            max,
                            THREADS_PER_PROCESSOR,
                            Runtime.getRuntime().availableProcessors(),
                            threads),
                    ExitCode.USAGE);
        }
    }

    /** A solver's seed: HiGHS and SCIP take 0 to 2,147,483,647. */
    static void solverSeed(String option, int seed) {
        if (seed < 0) {
            throw new UserError(
                    option + " takes 0 to 2147483647 (the solvers' seeds are not negative); not " + seed,
                    ExitCode.USAGE);
        }
    }

    /** A count from {@code min} to {@code max}. */
    static void count(String option, long value, long min, long max, String why) {
        if (value < min || value > max) {
            throw new UserError(
                    String.format(
                            Locale.ROOT,
                            "%s takes %,d to %,d%s; not %d",
                            option,
                            min,
                            max,
                            why.isEmpty() ? "" : " (" + why + ")",
                            value),
                    ExitCode.USAGE);
        }
    }

    /** Whether the user gave an option on the command line (rather than its default applying). */
    static boolean given(CommandLine.Model.CommandSpec spec, String option) {
        CommandLine.ParseResult r = spec.commandLine().getParseResult();
        return r != null && r.hasMatchedOption(option);
    }

    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
