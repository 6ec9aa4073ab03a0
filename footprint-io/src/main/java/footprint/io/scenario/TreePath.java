package footprint.io.scenario;

import footprint.io.Tree;
import footprint.model.check.Spelling;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A path into a model document, written as in problem messages: field names joined by dots, with
 * an item of a collection in brackets: {@code plants[kaluga].capacity}, {@code trade.bans[2]},
 * {@code trade.bans[russia-pause]}, {@code lanes[kaluga->FR:rail]},
 * {@code markets[RU].segments.all-cars.volume.2026}. Brackets select a mapping's key, or a list's
 * item by its {@code id}, by its lane name ({@code from->to:mode}) or by its place (from 1).
 */
public record TreePath(String text, List<String> keys) {
    public TreePath {
        keys = List.copyOf(keys);
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static TreePath parse(String text) {
        List<String> keys = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        int i = 0;
        String t = text.strip();
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '.') {
                flush(key, keys, t);
                i++;
            } else if (c == '[') {
                flush(key, keys, t);
                int close = t.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("'" + text + "' has a '[' without its ']'");
                }
                String inner = t.substring(i + 1, close).strip();
                if (inner.isEmpty()) {
                    throw new IllegalArgumentException("'" + text + "' has empty brackets");
                }
                keys.add(inner);
                i = close + 1;
            } else if (c == ']') {
                throw new IllegalArgumentException("'" + text + "' has a ']' without its '['");
            } else {
                key.append(c);
                i++;
            }
        }
        flush(key, keys, t);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the path is empty");
        }
        return new TreePath(t, keys);
    }

    private static void flush(StringBuilder key, List<String> keys, String text) {
        if (key.length() > 0) {
            keys.add(key.toString().strip());
            key.setLength(0);
        }
    }

    /** The result of changing a document: the new document, or why the change cannot be made. */
    public record Outcome(Optional<Tree> tree, String problem) {
        static Outcome ok(Tree t) {
            return new Outcome(Optional.of(t), "");
        }

        static Outcome fail(String why) {
            return new Outcome(Optional.empty(), why);
        }
    }

    /** What to do at the end of the path, given the node there if any; empty means remove it. */
    @FunctionalInterface
    public interface Edit {
        /** The new node, or empty to remove; a failure's text says why it cannot be done. */
        Result apply(Optional<Tree> current);
    }

    /** What an edit gives: a node, nothing (remove), or a failure. */
    public record Result(Optional<Tree> node, Optional<String> failure) {
        public static Result replace(Tree t) {
            return new Result(Optional.of(t), Optional.empty());
        }

        public static Result remove() {
            return new Result(Optional.empty(), Optional.empty());
        }

        public static Result fail(String why) {
            return new Result(Optional.empty(), Optional.of(why));
        }
    }

    /** A new document with the edit applied at this path (the original is unchanged). */
    public Outcome edit(Tree root, Edit edit) {
        try {
            return Outcome.ok(at(root, 0, edit).orElseThrow(() -> new Failure("the whole model cannot be removed")));
        } catch (Failure f) {
            return Outcome.fail(f.getMessage());
        }
    }

    /** Finds the node at this path, if there is one. */
    public Optional<Tree> find(Tree root) {
        Tree node = root;
        for (String key : keys) {
            Optional<Tree> next = child(node, key).map(Child::node);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            node = next.get();
        }
        return Optional.of(node);
    }

    /** A failure deep in the path, carried up to {@link #edit}. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private String upTo(int depth) {
        return String.join(".", keys.subList(0, depth));
    }

    private Optional<Tree> at(Tree node, int depth, Edit edit) {
        String key = keys.get(depth);
        boolean last = depth == keys.size() - 1;
        if (node instanceof Tree.Mapping m) {
            List<Tree.Entry> entries = new ArrayList<>(m.entries());
            for (int i = 0; i < entries.size(); i++) {
                Tree.Entry e = entries.get(i);
                if (e.key().text().equals(key)) {
                    Optional<Tree> replaced =
                            last ? result(edit.apply(Optional.of(e.value()))) : at(e.value(), depth + 1, edit);
                    if (replaced.isPresent()) {
                        // a value set by a scenario takes its key along, so problems with it point at the scenario
                        Tree.Scalar key2 = last && replaced.get() != e.value()
                                ? new Tree.Scalar(
                                        replaced.get().location(),
                                        e.key().text(),
                                        e.key().plain())
                                : e.key();
                        entries.set(i, new Tree.Entry(key2, replaced.get()));
                    } else {
                        entries.remove(i);
                    }
                    return Optional.of(new Tree.Mapping(m.location(), entries));
                }
            }
            if (!last) {
                List<String> names =
                        m.entries().stream().map(e -> e.key().text()).toList();
                throw new Failure(where(depth) + " has no '" + key + "'" + known(m)
                        + Spelling.closest(key, names)
                                .map(c -> "; did you mean '" + c + "'?")
                                .orElse(""));
            }
            Optional<Tree> added = result(edit.apply(Optional.empty()));
            added.ifPresent(v -> entries.add(new Tree.Entry(new Tree.Scalar(v.location(), key, true), v)));
            return Optional.of(new Tree.Mapping(m.location(), entries));
        }
        if (node instanceof Tree.Sequence s) {
            int index = indexOf(s, key);
            if (index < 0) {
                throw new Failure(where(depth) + " has no item '" + key + "'; name an item by its id, its lane"
                        + " (from->to:mode) or its place in the list"
                        + (s.items().isEmpty()
                                ? ", which is empty"
                                : s.items().size() == 1
                                        ? " (1)"
                                        : " (1 to " + s.items().size() + ")"));
            }
            List<Tree> items = new ArrayList<>(s.items());
            Optional<Tree> replaced =
                    last ? result(edit.apply(Optional.of(items.get(index)))) : at(items.get(index), depth + 1, edit);
            if (replaced.isPresent()) {
                items.set(index, replaced.get());
            } else {
                items.remove(index);
            }
            return Optional.of(new Tree.Sequence(s.location(), items));
        }
        throw new Failure(where(depth) + " is a single value, so it has no '" + key + "'");
    }

    private static Optional<Tree> result(Result r) {
        if (r.failure().isPresent()) {
            throw new Failure(r.failure().get());
        }
        return r.node();
    }

    private String where(int depth) {
        return depth == 0 ? "the model" : "'" + upTo(depth) + "'";
    }

    private static String known(Tree.Mapping m) {
        List<String> keys = m.entries().stream().map(e -> e.key().text()).toList();
        if (keys.isEmpty()) {
            return "";
        }
        return " (it has: " + String.join(", ", keys.subList(0, Math.min(15, keys.size())))
                + (keys.size() > 15 ? ", ..." : "") + ")";
    }

    /** A child of a node, by key. */
    private record Child(Tree node) {}

    private static Optional<Child> child(Tree node, String key) {
        if (node instanceof Tree.Mapping m) {
            return m.get(key).map(Child::new);
        }
        if (node instanceof Tree.Sequence s) {
            int i = indexOf(s, key);
            return i < 0 ? Optional.empty() : Optional.of(new Child(s.items().get(i)));
        }
        return Optional.empty();
    }

    /** The item of a list named by key: its id, its lane name, its text, or its place from 1. */
    static int indexOf(Tree.Sequence s, String key) {
        for (int i = 0; i < s.items().size(); i++) {
            Tree item = s.items().get(i);
            if (item instanceof Tree.Mapping m) {
                if (text(m, "id").filter(key::equals).isPresent()
                        || laneName(m).filter(key::equals).isPresent()) {
                    return i;
                }
            } else if (item instanceof Tree.Scalar sc && sc.text().equals(key)) {
                return i;
            }
        }
        if (key.matches("\\d{1,9}")) {
            // a place from 1; longer digit strings are beyond any list (and beyond an int)
            int place = Integer.parseInt(key);
            if (place >= 1 && place <= s.items().size()) {
                return place - 1;
            }
        }
        return -1;
    }

    private static Optional<String> text(Tree.Mapping m, String key) {
        return m.get(key).filter(Tree.Scalar.class::isInstance).map(t -> ((Tree.Scalar) t).text());
    }

    private static Optional<String> laneName(Tree.Mapping m) {
        Optional<String> from = text(m, "from");
        Optional<String> to = text(m, "to");
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        String mode = text(m, "mode").orElse("road").toLowerCase(Locale.ROOT);
        return Optional.of(from.get() + "->" + to.get() + ":" + mode);
    }
}
