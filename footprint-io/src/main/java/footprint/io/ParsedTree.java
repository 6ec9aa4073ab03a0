package footprint.io;

import footprint.model.check.Location;
import footprint.model.check.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tree of a file, if it could be read, and the problems met reading it; for a scenario, also
 * the changes it (and the scenarios it extends) made, so a problem its change causes in a field of
 * the base can be blamed on the change.
 */
public record ParsedTree(Optional<Tree> tree, List<Problem> problems, List<Changed> changes) {
    public ParsedTree {
        problems = List.copyOf(problems);
        changes = List.copyOf(changes);
    }

    /** A tree read from one file, changed by no scenario. */
    public ParsedTree(Optional<Tree> tree, List<Problem> problems) {
        this(tree, problems, List.of());
    }

    public static ParsedTree failed(Problem problem) {
        return new ParsedTree(Optional.empty(), List.of(problem));
    }

    /**
     * A change a scenario made: the keys of the path it changed (as {@code TreePath} reads them),
     * where the change is written, and the change in a planner's words ({@code remove plants[x]}).
     */
    public record Changed(List<String> keys, Location location, String what) {
        public Changed {
            keys = List.copyOf(keys);
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(what, "what");
        }
    }
}
