package footprint.optimize;

/** How a solve ended. Only {@link #OPTIMAL} and {@link #FEASIBLE} come with a plan. */
public enum SolveStatus {
    /** Proved optimal (within the relative gap asked for). */
    OPTIMAL,
    /** A plan was found but not proved optimal (the time limit stopped the search); see the gap. */
    FEASIBLE,
    /** No plan satisfies every rule of the model. */
    INFEASIBLE,
    /** The objective can grow without limit: a rule of the model is missing. */
    UNBOUNDED,
    /** The time limit ended the search before any plan was found. */
    TIME_LIMIT,
    /** The solver failed (numerical trouble, a parameter it refused); the notes say why. */
    ERROR;

    /** Whether the solve found a plan. */
    public boolean hasPlan() {
        return this == OPTIMAL || this == FEASIBLE;
    }
}
