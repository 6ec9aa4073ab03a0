package footprint.risk;

/**
 * The seed of sample {@code i} of a run: a fixed hash of the run's seed and the index (the
 * finaliser of SplitMix64 over a Weyl step), so that sample i's numbers depend on nothing else:
 * not on the thread or machine that draws them, nor on which samples were drawn before.
 */
public final class SampleSeeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private SampleSeeds() {}

    /** The seed of sample {@code index} of a run seeded {@code runSeed}. */
    public static long of(long runSeed, long index) {
        return mix(mix(runSeed) + GOLDEN * (index + 1));
    }

    /** The SplitMix64 finaliser: a bijection of the 64-bit integers that spreads every input bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
