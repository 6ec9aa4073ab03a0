package footprint.io.yaml;

import footprint.io.ModelReader;
import footprint.io.ParsedTree;
import footprint.io.ReadLimits;
import footprint.io.Tree;
import footprint.model.check.Location;
import footprint.model.check.Problem;
import footprint.model.check.ProblemCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads YAML text into a {@link Tree} with snakeyaml-engine's event parser, so every node keeps its
 * line and column. Aliases are refused (a model needs none, and they are how "billion laughs"
 * documents blow up), as are documents nested deeper than {@link ReadLimits#MAX_DEPTH} and streams
 * of several documents.
 */
public final class YamlTrees {
    private YamlTrees() {}

    /** The tree of a YAML text; {@code file} names it in problems. */
    public static ParsedTree parse(String text, String file) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setUseMarks(true)
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, ReadLimits.MAX_BYTES))
                .setMaxAliasesForCollections(0)
                // the whole text in one window: the reader's default window of 1,024 characters is
                // copied again for every refill within a token, quadratic in a long value's length
                .setBufferSize(Math.max(1024, text.length() + 1))
                .build();
        var builder = new Builder(file);
        try {
            for (Event event : new Parse(settings).parseString(text)) {
                Optional<Problem> refused = builder.accept(event);
                if (refused.isPresent()) {
                    return ParsedTree.failed(refused.get());
                }
            }
        } catch (MarkedYamlEngineException e) {
            Location at = e.getProblemMark()
                    .or(e::getContextMark)
                    .map(m -> at(file, m))
                    .orElse(new Location(file, 0, 0));
            Optional<Problem> longKey = longKey(text, file, at);
            if (longKey.isPresent()) {
                return ParsedTree.failed(longKey.get());
            }
            return ParsedTree.failed(Problem.at(ProblemCode.SYNTAX, at, "", describe(e)));
        } catch (ReaderException e) {
            return ParsedTree.failed(Problem.at(
                    ProblemCode.SYNTAX,
                    ModelReader.placeOfChar(text, charIndex(text, e.getPosition()), file),
                    "",
                    "the file holds the control character U+"
                            + String.format(Locale.ROOT, "%04X", e.getCodePoint())
                            + " here, which YAML does not allow; delete it (inside double quotes a tab or line"
                            + " break may be written as \\t or \\n)."));
        } catch (YamlEngineException e) {
            return ParsedTree.failed(Problem.at(
                    ProblemCode.SYNTAX,
                    new Location(file, 0, 0),
                    "",
                    "cannot read the file as YAML: " + firstLine(e.getMessage())));
        }
        if (builder.root.isEmpty()) {
            return ParsedTree.failed(Problem.at(
                    ProblemCode.SYNTAX,
                    new Location(file, 1, 1),
                    "",
                    "the file holds no document (only comments or markers); a model starts with footprint: 1."));
        }
        return new ParsedTree(builder.root, List.of());
    }

    /** The index in chars of a code point's index in a text. */
    private static int charIndex(String text, int codePoints) {
        int count = text.codePointCount(0, text.length());
        return text.offsetByCodePoints(0, Math.max(0, Math.min(codePoints, count)));
    }

    /**
     * snakeyaml-engine reads a key written without {@code ?} of at most 1,024 characters (the YAML
     * limit for implicit keys) and reports a longer one as "mapping values are not allowed here" at
     * its colon: say what it is.
     */
    private static Optional<Problem> longKey(String text, String file, Location at) {
        if (at.line() <= 0) {
            return Optional.empty();
        }
        int start = 0;
        for (int line = 1; line < at.line() && start >= 0; line++) {
            int nl = text.indexOf('\n', start);
            start = nl < 0 ? -1 : nl + 1;
        }
        if (start < 0) {
            return Optional.empty();
        }
        int end = text.indexOf('\n', start);
        String line = text.substring(start, end < 0 ? text.length() : end);
        int colon = line.indexOf(": ");
        if (colon < 0 && line.endsWith(":")) {
            colon = line.length() - 1;
        }
        if (colon < 0) {
            return Optional.empty();
        }
        String head = line.substring(0, colon);
        String key = head.stripLeading();
        while (key.startsWith("- ") || key.startsWith("? ")) {
            key = key.substring(2).stripLeading();
        }
        int length = key.codePointCount(0, key.length());
        if (length <= 1024) {
            return Optional.empty();
        }
        int column = head.codePointCount(0, head.length() - key.length()) + 1;
        return Optional.of(Problem.at(
                ProblemCode.SYNTAX,
                new Location(file, at.line(), column),
                "",
                String.format(
                        Locale.ROOT,
                        "this key is %,d characters long; YAML reads a key of at most 1,024 characters (ids and"
                                + " field names are short names such as kaluga or fixed-cost).",
                        length)));
    }

    private static String describe(MarkedYamlEngineException e) {
        String context = e.getContext() == null ? "" : e.getContext() + ": ";
        String problem = e.getProblem() == null ? "cannot read this" : e.getProblem();
        String hint = problem.contains("but got [") || problem.contains("but got ]")
                ? " (inside {...}, text holding [ ] { } or a comma must be quoted: {set: 'plants[kaluga].capacity'},"
                        + " or use dots: plants.kaluga.capacity)"
                : " (check the indentation, quotes and brackets here or just before)";
        return context + problem + hint;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot read the file";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static Location at(String file, Mark mark) {
        return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** Builds the tree from events, one open collection per level. */
    private static final class Builder {
        private final String file;
        private final Deque<Open> stack = new ArrayDeque<>();
        private Optional<Tree> root = Optional.empty();
        private int documents;

        Builder(String file) {
            this.file = file;
        }

        private Location where(Event e) {
            return e.getStartMark().map(m -> at(file, m)).orElse(new Location(file, 0, 0));
        }

        Optional<Problem> accept(Event e) {
            switch (e.getEventId()) {
                case DocumentStart:
                    documents++;
                    if (documents > 1) {
                        return Optional.of(Problem.at(
                                ProblemCode.REFUSED,
                                where(e),
                                "",
                                "a model file holds one document; this is a second one (after ---)."));
                    }
                    return Optional.empty();
                case Alias:
                    return Optional.of(Problem.at(
                            ProblemCode.REFUSED,
                            where(e),
                            "",
                            "YAML aliases (*name) are not accepted in model files; write the value out."));
                case MappingStart:
                    return open(new Open(where(e), true));
                case SequenceStart:
                    return open(new Open(where(e), false));
                case MappingEnd:
                case SequenceEnd:
                    Open done = stack.pop();
                    add(done.build());
                    return Optional.empty();
                case Scalar:
                    ScalarEvent s = (ScalarEvent) e;
                    boolean plain = s.getScalarStyle() == ScalarStyle.PLAIN;
                    add(new Tree.Scalar(where(e), s.getValue(), plain));
                    return Optional.empty();
                default:
                    return Optional.empty();
            }
        }

        private Optional<Problem> open(Open o) {
            if (stack.size() >= ReadLimits.MAX_DEPTH) {
                return Optional.of(Problem.at(
                        ProblemCode.REFUSED,
                        o.location,
                        "",
                        "nested more than " + ReadLimits.MAX_DEPTH + " levels deep; a model file is never that deep."));
            }
            stack.push(o);
            return Optional.empty();
        }

        private void add(Tree node) {
            if (stack.isEmpty()) {
                root = Optional.of(node);
            } else {
                stack.peek().add(node);
            }
        }
    }

    /** A collection being read. */
    private static final class Open {
        final Location location;
        final boolean mapping;
        final List<Tree> items = new ArrayList<>();

        Open(Location location, boolean mapping) {
            this.location = location;
            this.mapping = mapping;
        }

        void add(Tree node) {
            items.add(node);
        }

        Tree build() {
            if (!mapping) {
                return new Tree.Sequence(location, items);
            }
            List<Tree.Entry> entries = new ArrayList<>();
            for (int i = 0; i + 1 < items.size(); i += 2) {
                Tree key = items.get(i);
                Tree.Scalar k = key instanceof Tree.Scalar sc
                        ? sc
                        : new Tree.Scalar(key.location(), "<" + key.kind() + " used as a key>", false);
                entries.add(new Tree.Entry(k, items.get(i + 1)));
            }
            return new Tree.Mapping(location, entries);
        }
    }
}
