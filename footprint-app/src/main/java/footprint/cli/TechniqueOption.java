package footprint.cli;

import footprint.optimize.SolveOptions;
import picocli.CommandLine;

/**
 * The {@code --techniques} option of every command that solves: its text, and the solve options
 * it makes with the {@code --gap} and {@code --time-limit} the planner gave. With {@code auto} (the
 * default) Footprint chooses the techniques for each network, and on a network too big for the full
 * MILP also the gap and time limit, unless the planner gave them: a given option always wins.
 */
final class TechniqueOption {
    /** The option's description, the same in every command. */
    static final String DESCRIPTION = "Speed techniques beyond the plain MILP: auto (the default: Footprint"
            + " chooses for the network's shape and says what it chose and why; on a network too big for the full"
            + " MILP the decomposition, with the gap and time limit it needs unless you give them), none (the plain"
            + " MILP), recommended, all, or a comma-separated list of lazy-linking, lagrangian, warm-start,"
            + " reduced-cost-fixing, column-generation, decomposition (docs/benchmarks.md). The optimum is the same.";

    private TechniqueOption() {}

    /**
     * {@code base} with the techniques of {@code list}, and the gap and time limit set only where the
     * command line gave them (a command without such an option passes NaN).
     *
     * @throws UserError (exit 2) naming the techniques there are
     */
    static SolveOptions apply(
            SolveOptions base, String list, CommandLine.Model.CommandSpec spec, double gap, double timeLimit) {
        SolveOptions o;
        try {
            o = base.withTechniques(list);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), ExitCode.USAGE);
        }
        if (Flags.given(spec, "--gap")) {
            o = o.withGap(gap);
        }
        if (Flags.given(spec, "--time-limit")) {
            o = o.withTimeLimit(timeLimit);
        }
        return o;
    }
}
