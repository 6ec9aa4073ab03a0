package footprint.io.scenario;

import footprint.io.Tree;
import footprint.model.check.Location;
import java.util.Objects;
import java.util.Optional;

/**
 * One change a scenario makes to the model it extends, at a path written as in problem messages
 * ({@code plants[kaluga].capacity}, {@code trade.bans[russia-pause]}, {@code lanes[kaluga->FR:rail]}).
 * Values are documents in the model's own format, so every field the format has can be changed,
 * and a value keeps its scenario file and line for problems and tracing.
 */
public sealed interface Change permits Change.Set, Change.Add, Change.Remove {
    /** Where the change is written. */
    Location location();

    /** The path it changes. */
    String path();

    /** Where the change comes from, if the scenario says. */
    Optional<String> source();

    /** The change in a planner's words. */
    String describe();

    /** Replaces the value at a path (or adds the field when its parent exists). */
    record Set(String path, Tree value, Location location, Optional<String> source) implements Change {
        public Set {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String describe() {
            return "set " + path;
        }
    }

    /**
     * Adds an item to a list (rules, lanes, platforms) or, with an id, an entry to a mapping
     * (plants, products, markets...).
     */
    record Add(String path, Optional<String> id, Tree value, Location location, Optional<String> source)
            implements Change {
        public Add {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String describe() {
            return "add " + id.map(i -> path + "[" + i + "]").orElse("to " + path);
        }
    }

    /** Removes the value at a path: an entity, a rule, a lane, a field. */
    record Remove(String path, Location location, Optional<String> source) implements Change {
        public Remove {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String describe() {
            return "remove " + path;
        }
    }
}
