package footprint.io.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import footprint.io.ParsedTree;
import footprint.io.ReadLimits;
import footprint.io.Tree;
import footprint.model.check.Location;
import footprint.model.check.Problem;
import footprint.model.check.ProblemCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads JSON text into a {@link Tree} with Jackson's streaming parser, keeping lines and columns. */
public final class JsonTrees {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(ReadLimits.MAX_DEPTH)
                    .build())
            .build();

    private JsonTrees() {}

    /** The tree of a JSON text; {@code file} names it in problems. */
    public static ParsedTree parse(String text, String file) {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                return ParsedTree.failed(
                        Problem.at(ProblemCode.SYNTAX, new Location(file, 1, 1), "", "the file is empty."));
            }
            Tree root = read(p, file);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                return ParsedTree.failed(Problem.at(
                        ProblemCode.SYNTAX,
                        at(file, p.currentTokenLocation()),
                        "",
                        "unexpected content after the end of the document."));
            }
            return new ParsedTree(Optional.of(root), List.of());
        } catch (JsonProcessingException e) {
            Location where = e.getLocation() == null ? new Location(file, 0, 0) : at(file, e.getLocation());
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            Matcher token = NON_NUMERIC.matcher(message);
            if (token.matches() && where.column() > token.group(1).length()) {
                // Jackson stops after the token; the planner looks for where it starts
                where = new Location(
                        file, where.line(), where.column() - token.group(1).length());
            }
            ProblemCode code = message.contains("nesting depth") || message.contains("length (")
                    ? ProblemCode.REFUSED
                    : ProblemCode.SYNTAX;
            return ParsedTree.failed(Problem.at(code, where, "", plain(message)));
        } catch (IOException | RuntimeException e) {
            return ParsedTree.failed(Problem.at(
                    ProblemCode.SYNTAX, new Location(file, 0, 0), "", "cannot read the file as JSON; is it damaged?"));
        }
    }

    private static final Pattern NON_NUMERIC = Pattern.compile("Non-standard token '([^']*)'.*", Pattern.DOTALL);
    private static final Pattern UNEXPECTED =
            Pattern.compile("Unexpected character \\('(.+?)' \\(code \\d+[^)]*\\)\\): (.*)", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '(.*?)': .*", Pattern.DOTALL);
    private static final Pattern CONTROL =
            Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*", Pattern.DOTALL);
    private static final Pattern END = Pattern.compile("Unexpected end-of-input.*(Object|Array).*", Pattern.DOTALL);
    private static final Pattern CLOSE =
            Pattern.compile("Unexpected close marker '(.)': expected '(.)'.*", Pattern.DOTALL);

    /**
     * Jackson's message in a planner's words: what is wrong at this place of the JSON and what would
     * be valid, without the parser's option names.
     */
    static String plain(String m) {
        Matcher x;
        if ((x = NON_NUMERIC.matcher(m)).matches()) {
            return x.group(1) + " is not a number JSON allows; write a finite number such as 1200 or 0.05.";
        }
        if ((x = TOKEN.matcher(m)).matches()) {
            return "'" + x.group(1) + "' is not a JSON value: text goes in double quotes (\"" + x.group(1)
                    + "\"); numbers, true, false and null are written bare.";
        }
        if ((x = UNEXPECTED.matcher(m)).matches()) {
            String c = x.group(1);
            String rest = x.group(2);
            if (c.equals("/") || c.equals("#")) {
                return "JSON has no comments; remove the comment (or write the model in YAML, which has them).";
            }
            if (c.equals("'")) {
                return "JSON text goes in double quotes (\"...\"), not single quotes.";
            }
            if (rest.contains("double-quote to start field name")) {
                return "expected a field name in double quotes here, found '" + c + "'"
                        + (c.equals("}") ? " (a comma before } is not allowed in JSON)." : ".");
            }
            if (rest.contains("colon to separate")) {
                return "expected ':' between the field name and its value, found '" + c + "'.";
            }
            if (rest.contains("comma to separate")) {
                return "expected ',' or the end of the " + (rest.contains("Array") ? "list (])" : "mapping (})")
                        + " here, found '" + c + "'.";
            }
            if (rest.contains("expected a valid value") || rest.contains("expected a value")) {
                return "expected a value here (text in double quotes, a number, a list [...], a mapping {...},"
                        + " true, false or null), found '" + c + "'"
                        + (c.equals("]") ? " (a comma before ] is not allowed in JSON)." : ".");
            }
            return "unexpected '" + c + "' here.";
        }
        if ((x = CONTROL.matcher(m)).matches()) {
            return "a text value holds the control character U+"
                    + String.format(Locale.ROOT, "%04X", Integer.parseInt(x.group(1)))
                    + "; write a line break as \\n and a tab as \\t inside the quotes.";
        }
        if ((x = END.matcher(m)).matches()) {
            return "the file ends before a " + (x.group(1).equals("Array") ? "list ([...])" : "mapping ({...})")
                    + " is closed; is the file cut short, or a " + (x.group(1).equals("Array") ? "]" : "}")
                    + " missing?";
        }
        if ((x = CLOSE.matcher(m)).matches()) {
            return "'" + x.group(1) + "' here closes what was opened with the other bracket; expected '" + x.group(2)
                    + "'.";
        }
        if (m.contains("Leading zeroes")) {
            return "a JSON number does not start with 0 (write 7, not 07).";
        }
        if (m.contains("nesting depth")) {
            return "nested more than " + ReadLimits.MAX_DEPTH + " levels deep; a model file is never that deep.";
        }
        if (m.startsWith("String value length")) {
            return "a text value here is too long for a model (over "
                    + String.format(Locale.ROOT, "%,d", StreamReadConstraints.DEFAULT_MAX_STRING_LEN)
                    + " characters).";
        }
        if (m.startsWith("Number value length")) {
            return "a number here is written with too many digits (over "
                    + String.format(Locale.ROOT, "%,d", StreamReadConstraints.DEFAULT_MAX_NUM_LEN) + ").";
        }
        if (m.contains("Invalid numeric value") || m.contains("Invalid number")) {
            return "this is not a valid JSON number; write it as 1200, 0.05 or 1.5e6.";
        }
        // anything else: Jackson's first sentence, without option names in backquotes
        String first = m.lines().findFirst().orElse("");
        int tick = first.indexOf('`');
        if (tick >= 0) {
            first = first.substring(0, tick).replaceAll("[;:,(\\s]+(enable|from|use)?\\s*$", "");
        }
        first = first.replaceAll(" \\(code \\d+\\)", "");
        return first.isBlank() ? "cannot read the JSON here." : "cannot read the JSON here: " + first + ".";
    }

    private static Location at(String file, JsonLocation l) {
        return new Location(file, Math.max(0, l.getLineNr()), Math.max(0, l.getColumnNr()));
    }

    private static Tree read(JsonParser p, String file) throws IOException {
        Location where = at(file, p.currentTokenLocation());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                List<Tree.Entry> entries = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    Tree.Scalar key = new Tree.Scalar(at(file, p.currentTokenLocation()), p.currentName(), false);
                    p.nextToken();
                    entries.add(new Tree.Entry(key, read(p, file)));
                }
                return new Tree.Mapping(where, entries);
            }
            case START_ARRAY: {
                List<Tree> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, file));
                }
                return new Tree.Sequence(where, items);
            }
            case VALUE_STRING:
                return new Tree.Scalar(where, p.getText(), false);
            default:
                // numbers, true, false, null: plain scalars, as YAML would read them
                return new Tree.Scalar(where, p.getText(), true);
        }
    }
}
