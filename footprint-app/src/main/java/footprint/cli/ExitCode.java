package footprint.cli;

/** The exit codes of every command, as documented in the README. */
public final class ExitCode {
    /** Done, no errors. */
    public static final int OK = 0;
    /** A fault of Footprint itself (a bug): please report it. */
    public static final int INTERNAL = 1;
    /** The command line was wrong (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** The input (model, scenario, plan) has errors. */
    public static final int BAD_INPUT = 3;
    /** The model is valid but no plan satisfies all its rules. */
    public static final int INFEASIBLE = 4;

    private ExitCode() {}
}
