package footprint.risk;

/**
 * One unit of work of a risk run, pure data (so a cluster can ship it): either sample {@code index}
 * of the run seeded {@code runSeed}, every input drawn, or a swing: every input nominal but one.
 *
 * @param index the task's place in the run (results come back in this order)
 * @param runSeed the run's seed (a draw's numbers depend only on it and {@code index})
 * @param input -1 for a draw, else the input (index in {@link Sampler#inputs}) that swings; an index
 *     past the inputs is disruption {@code input - inputs} striking every year it may
 * @param value the swinging input's value (unused for a draw)
 */
public record SampleTask(int index, long runSeed, int input, double value) {
    /** Sample {@code index} of a run. */
    public static SampleTask draw(long runSeed, int index) {
        return new SampleTask(index, runSeed, -1, Double.NaN);
    }

    /** Every input nominal but {@code input}, at {@code value}. */
    public static SampleTask swing(int index, int input, double value) {
        return new SampleTask(index, 0, input, value);
    }

    public boolean isSwing() {
        return input >= 0;
    }
}
