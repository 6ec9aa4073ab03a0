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
 * @param techniques the speed techniques to use beyond the plain MILP, when {@code auto} does not
 *     hold {@link Auto#TECHNIQUES}
 * @param auto what Footprint chooses for the network itself when it solves ({@link AutoTechniques}):
 *     the techniques, and with them the gap and time limit where the network needs others than
 *     these options' (on a network too big for the full MILP). {@link #defaults} chooses all
 *     three; each wither that sets one of them takes it out, so what a caller sets always wins.
 */
public record SolveOptions(
        Backend backend,
        double timeLimitSeconds,
        double relativeGap,
        int threads,
        int seed,
        boolean shadowPrices,
        Set<Technique> techniques,
        Set<Auto> auto) {
    /** The gap a planner's question needs: 0.01 % of the objective. */
    public static final double DEFAULT_GAP = 1e-4;

    /** What Footprint may choose for the network being solved. */
    public enum Auto {
        /** The speed techniques ({@code --techniques auto}). */
        TECHNIQUES,
        /** The relative gap, where the techniques chosen need another than the default. */
        GAP,
        /** The time limit, where the techniques chosen need one. */
        TIME_LIMIT
    }

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
        auto = Collections.unmodifiableSet(auto.isEmpty() ? EnumSet.noneOf(Auto.class) : EnumSet.copyOf(auto));
        if (auto.contains(Auto.TECHNIQUES) && !techniques.isEmpty()) {
            throw new IllegalArgumentException("techniques are either chosen by Footprint or named, not both");
        }
    }

    /** Options with these speed techniques, every setting the caller's. */
    public SolveOptions(
            Backend backend,
            double timeLimitSeconds,
            double relativeGap,
            int threads,
            int seed,
            boolean shadowPrices,
            Set<Technique> techniques) {
        this(backend, timeLimitSeconds, relativeGap, threads, seed, shadowPrices, techniques, Set.of());
    }

    /** Options without speed techniques (the plain MILP), every setting the caller's. */
    public SolveOptions(
            Backend backend, double timeLimitSeconds, double relativeGap, int threads, int seed, boolean shadowPrices) {
        this(backend, timeLimitSeconds, relativeGap, threads, seed, shadowPrices, Set.of());
    }

    /**
     * What {@code footprint solve} does without options: the default backend, the techniques chosen
     * for the network ({@code --techniques auto}), a gap of 0.01 % and no time limit unless the
     * network needs others, the solver's threads, seed 0, shadow prices.
     */
    public static SolveOptions defaults() {
        return new SolveOptions(Backend.DEFAULT, 0, DEFAULT_GAP, 0, 0, true, Set.of(), EnumSet.allOf(Auto.class));
    }

    /** The defaults with the plain MILP ({@code --techniques none}): a gap of 0.01 %, no time limit. */
    public static SolveOptions plain() {
        return new SolveOptions(Backend.DEFAULT, 0, DEFAULT_GAP, 0, 0, true);
    }

    /** Whether Footprint chooses the techniques for the network ({@code --techniques auto}). */
    public boolean autoTechniques() {
        return auto.contains(Auto.TECHNIQUES);
    }

    /** These options with Footprint choosing the techniques (and the gap and limit it may choose). */
    public SolveOptions withAutoTechniques() {
        EnumSet<Auto> a = EnumSet.of(Auto.TECHNIQUES);
        a.addAll(auto);
        return new SolveOptions(backend, timeLimitSeconds, relativeGap, threads, seed, shadowPrices, Set.of(), a);
    }

    /**
     * These options with the techniques of a list as a planner types it: {@code auto} alone, or what
     * {@link Technique#parse} reads.
     *
     * @throws IllegalArgumentException naming what is accepted
     */
    public SolveOptions withTechniques(String list) {
        return Technique.isAuto(list) ? withAutoTechniques() : withTechniques(Technique.parse(list));
    }

    private Set<Auto> without(Auto a) {
        EnumSet<Auto> out = EnumSet.noneOf(Auto.class);
        out.addAll(auto);
        out.remove(a);
        return out;
    }

    public SolveOptions withBackend(Backend b) {
        return new SolveOptions(b, timeLimitSeconds, relativeGap, threads, seed, shadowPrices, techniques, auto);
    }

    /** These options with this time limit, the caller's (Footprint no longer chooses one). */
    public SolveOptions withTimeLimit(double seconds) {
        return new SolveOptions(
                backend, seconds, relativeGap, threads, seed, shadowPrices, techniques, without(Auto.TIME_LIMIT));
    }

    /** These options with this gap, the caller's (Footprint no longer chooses one). */
    public SolveOptions withGap(double gap) {
        return new SolveOptions(
                backend, timeLimitSeconds, gap, threads, seed, shadowPrices, techniques, without(Auto.GAP));
    }

    public SolveOptions withThreads(int n) {
        return new SolveOptions(backend, timeLimitSeconds, relativeGap, n, seed, shadowPrices, techniques, auto);
    }

    public SolveOptions withSeed(int s) {
        return new SolveOptions(backend, timeLimitSeconds, relativeGap, threads, s, shadowPrices, techniques, auto);
    }

    public SolveOptions withShadowPrices(boolean on) {
        return new SolveOptions(backend, timeLimitSeconds, relativeGap, threads, seed, on, techniques, auto);
    }

    /** These options with these techniques, the caller's (Footprint no longer chooses them). */
    public SolveOptions withTechniques(Set<Technique> ts) {
        return new SolveOptions(
                backend, timeLimitSeconds, relativeGap, threads, seed, shadowPrices, ts, without(Auto.TECHNIQUES));
    }
}
