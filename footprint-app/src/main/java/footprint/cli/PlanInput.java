package footprint.cli;

import footprint.io.ModelRead;
import footprint.model.check.Problem;
import footprint.report.PlanFile;
import footprint.report.PlanFit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * A plan file given on the command line ({@code report}, {@code trace}, {@code risk --plan}): read
 * and checked by {@link PlanFile} and, where the command has the model, {@link PlanFit}; every
 * problem printed, and bad input stopped with exit 3.
 */
final class PlanInput {
    private PlanInput() {}

    /**
     * Reads a plan file, printing its problems.
     *
     * @param nothing what the command does not do when the plan has errors ("nothing traced")
     * @throws UserError (exit 3) when the plan has errors
     */
    static PlanFile read(Path file, PrintWriter err, String nothing) {
        PlanFile.PlanRead read = PlanFile.read(file);
        print(read.problems(), err);
        if (!read.ok()) {
            throw new UserError(summary(Quote.of(file), read.errors(), nothing));
        }
        return read.plan().orElseThrow();
    }

    /**
     * Checks that a plan belongs to a model (read without errors), printing every problem.
     *
     * @throws UserError (exit 3) when it does not
     */
    static void fit(PlanFile plan, ModelRead model, PrintWriter err, String nothing) {
        List<Problem> problems = PlanFit.check(plan, model);
        print(problems, err);
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new UserError(Quote.of(plan.file()) + " does not belong to the model " + Quote.of(model.file()) + ": "
                    + errors.size()
                    + (errors.size() == 1 ? " error" : " errors") + "; " + nothing
                    + ". See docs/errors.md for every code.");
        }
    }

    private static void print(List<Problem> problems, PrintWriter err) {
        problems.forEach(err::println);
        err.flush();
    }

    private static String summary(String file, List<Problem> errors, String nothing) {
        return file + ": " + errors.size() + (errors.size() == 1 ? " error" : " errors") + "; " + nothing
                + ". See docs/errors.md for every code.";
    }
}
