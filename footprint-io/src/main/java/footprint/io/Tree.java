package footprint.io;

import footprint.model.check.Location;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A document read from any file format (YAML, JSON, a workbook), with the place of every node:
 * what the binder turns into a model. Keeps mappings in file order and keeps duplicate keys, so
 * the binder can report them.
 */
public sealed interface Tree permits Tree.Mapping, Tree.Sequence, Tree.Scalar {
    Location location();

    /** The kind of node, as a message names it: mapping, list, text, number. */
    String kind();

    /** A mapping of keys to values, in file order. */
    record Mapping(Location location, List<Entry> entries) implements Tree {
        public Mapping {
            Objects.requireNonNull(location, "location");
            entries = List.copyOf(entries);
        }

        /** The first value of a key. */
        public Optional<Tree> get(String key) {
            // a plain loop: the binder asks each of a file's mappings for each of its fields
            for (Entry e : entries) {
                if (e.key().text().equals(key)) {
                    return Optional.of(e.value());
                }
            }
            return Optional.empty();
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** One key and its value. */
    record Entry(Scalar key, Tree value) {}

    /** A list. */
    record Sequence(Location location, List<Tree> items) implements Tree {
        public Sequence {
            Objects.requireNonNull(location, "location");
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A single value as written. {@code plain} is false for quoted text; {@code null} values are
     * plain scalars with the text {@code ""}, {@code ~} or {@code null}.
     */
    record Scalar(Location location, String text, boolean plain) implements Tree {
        public Scalar {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(text, "text");
        }

        public boolean isNull() {
            return plain
                    && (text.isEmpty()
                            || text.equals("~")
                            || text.equals("null")
                            || text.equals("Null")
                            || text.equals("NULL"));
        }

        @Override
        public String kind() {
            return isNull() ? "nothing" : "'" + text + "'";
        }
    }
}
