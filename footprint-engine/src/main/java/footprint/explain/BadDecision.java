package footprint.explain;

/**
 * A decision a planner named that cannot be explained: written wrong ({@link #malformed}), or
 * naming something the model does not have (a plant, a lane, a year outside the horizon).
 */
public final class BadDecision extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean malformed;

    private BadDecision(String message, boolean malformed) {
        super(message);
        this.malformed = malformed;
    }

    /** The text is not a decision at all. */
    static BadDecision malformed(String message) {
        return new BadDecision(message, true);
    }

    /** The text is a decision, but of ids or years the model does not have. */
    static BadDecision unknown(String message) {
        return new BadDecision(message, false);
    }

    /** Whether the text was written wrong (else it names what the model does not have). */
    public boolean malformed() {
        return malformed;
    }
}
