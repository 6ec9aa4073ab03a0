package footprint.optimize;

/**
 * Receives the progress of a solve. The optimiser never prints: a command-line front end passes a
 * listener that writes to the terminal, a server one that streams to a browser.
 *
 * <p>OR-Tools' Java linear-solver interface has no callback during the branch and bound, so
 * {@link #incumbent} is called once, when the solver returns, and {@link #elapsed} every few
 * seconds while it runs.
 */
public interface SolveListener {
    /** A listener that ignores everything. */
    SolveListener NONE = new SolveListener() {};

    /** A stage started or ended: "building the model", "solving with HiGHS", ... */
    default void message(String text) {}

    /** The solver is still working after {@code seconds}. */
    default void elapsed(double seconds) {}

    /** A plan was found with this objective; {@code bound} is the best bound proved (NaN if none). */
    default void incumbent(double objective, double bound, double seconds) {}
}
