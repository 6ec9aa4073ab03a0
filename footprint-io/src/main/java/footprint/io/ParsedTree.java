package footprint.io;

import footprint.model.check.Problem;
import java.util.List;
import java.util.Optional;

/** The tree of a file, if it could be read, and the problems met reading it. */
public record ParsedTree(Optional<Tree> tree, List<Problem> problems) {
    public ParsedTree {
        problems = List.copyOf(problems);
    }

    public static ParsedTree failed(Problem problem) {
        return new ParsedTree(Optional.empty(), List.of(problem));
    }
}
