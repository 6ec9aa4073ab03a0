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
import java.util.Optional;

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
            String message = e.getOriginalMessage();
            ProblemCode code =
                    message != null && message.contains("nesting depth") ? ProblemCode.REFUSED : ProblemCode.SYNTAX;
            return ParsedTree.failed(Problem.at(code, where, "", message == null ? "cannot read the JSON" : message));
        } catch (IOException e) {
            return ParsedTree.failed(
                    Problem.at(ProblemCode.REFUSED, new Location(file, 0, 0), "", "cannot read: " + e.getMessage()));
        }
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
