package footprint.optimize;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How to solve.
 *
 * @param backend the MILP solver
 * @param timeLimitSeconds stop after this many seconds (0 or less: no limit)
 * @param relativeGap stop when the plan is proved within this fraction of the best possible
 * @param threads threads for the solver (0: the solver's default); only HiGHS uses more than one
 * @param seed the solver's random seed: the same seed and thread count give the same plan
 * @param shadowPrices whether to solve the LP with the integer decisions fixed for shadow prices
 * @param techniques the speed techniques to use beyond the plain MILP (none by default)
 */
public record SolveOptions(
        Backend backend,
        double timeLimitSeconds,
        double relativeGap,
        int threads,
        int seed,
        boolean shadowPrices,
        Set<Technique> techniques) {
    /** The gap a planner's question needs: 0.01 % of the objective. */
    public static final double DEFAULT_GAP = 1e-4;

    public SolveOptions {
        Objects.requireNonNull(backend, "backend");
        if (!(relativeGap >= 0)) {
            throw new IllegalArgumentException("the relative gap must be 0 or more, not " + relativeGap);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (the solver's default) or more, not " + threads);
        }
        techniques = Collections.unmodifiableSet(
                techniques.isEmpty() ? EnumSet.noneOf(Technique.class) : EnumSet.copyOf(techniques));
    }

    /** Options without speed techniques. */
    public SolveOptions(
            Backend backend, double timeLimitSeconds, double relativeGap, int threads, int seed, boolean shadowPrices) {
        this(backend, timeLimitSeconds, relativeGap, threads, seed, shadowPrices, Set.of());
    }

    /** The default backend, no time limit, a gap of 0.01 %, the solver's threads, seed 0, shadow prices. */
    public static SolveOptions defaults() {
        return new SolveOptions(Backend.DEFAULT, 0, DEFAULT_GAP, 0, 0, true);
    }

    public SolveOptions withBackend(Backend b) {
        return new SolveOptions(b, timeLimitSeconds, relativeGap, threads, seed, shadowPrices, techniques);
    }

    public SolveOptions withTimeLimit(double seconds) {
        return new SolveOptions(backend, seconds, relativeGap, threads, seed, shadowPrices, techniques);
    }

    public SolveOptions withGap(double gap) {
        return new SolveOptions(backend, timeLimitSeconds, gap, threads, seed, shadowPrices, techniques);
    }

    public SolveOptions withThreads(int n) {
        return new SolveOptions(backend, timeLimitSeconds, relativeGap, n, seed, shadowPrices, techniques);
    }

    public SolveOptions withSeed(int s) {
        return new SolveOptions(backend, timeLimitSeconds, relativeGap, threads, s, shadowPrices, techniques);
    }

    public SolveOptions withShadowPrices(boolean on) {
        return new SolveOptions(backend, timeLimitSeconds, relativeGap, threads, seed, on, techniques);
    }

    public SolveOptions withTechniques(Set<Technique> ts) {
        return new SolveOptions(backend, timeLimitSeconds, relativeGap, threads, seed, shadowPrices, ts);
    }
}
