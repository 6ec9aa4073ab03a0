package footprint.io;

import footprint.io.excel.ModelWorkbook;
import footprint.io.scenario.ScenarioReader;
import footprint.io.yaml.JsonTrees;
import footprint.io.yaml.YamlTrees;
import footprint.model.Network;
import footprint.model.check.Location;
import footprint.model.check.NetworkValidator;
import footprint.model.check.Problem;
import footprint.model.check.ProblemCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a model file (YAML, JSON by its {@code .json} extension, or an Excel workbook by its {@code
 * .xlsx} extension): refuses what is too large or not text, parses, binds to a {@link Network},
 * validates, and returns every problem with its file, line and column (or sheet and cell) and field
 * path. Never throws for a user's mistake.
 */
public final class ModelReader {
    private ModelReader() {}

    /** Reads a model or scenario file from disk; an .xlsx file as a model workbook ({@link ModelWorkbook}). */
    public static ModelRead read(Path path) {
        if (isWorkbook(path)) {
            return ModelWorkbook.read(path);
        }
        return resolveAndBind(parseFile(path), path.toString());
    }

    /** Whether a file is read as an Excel workbook: by its extension, .xlsx. */
    public static boolean isWorkbook(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** Reads the bytes of a file named {@code file} (its extension picks JSON or YAML). */
    public static ModelRead read(byte[] bytes, String file) {
        return resolveAndBind(parseBytes(bytes, file), file);
    }

    /**
     * Reads text; {@code file} names it in problems, its extension picks JSON or YAML, and its folder
     * resolves a scenario's {@code extends}.
     */
    public static ModelRead read(String text, String file) {
        return resolveAndBind(parseText(text, file), file);
    }

    private static ModelRead resolveAndBind(ParsedTree parsed, String file) {
        if (parsed.tree().isPresent() && ScenarioReader.isScenario(parsed.tree().get())) {
            parsed = ScenarioReader.resolve(parsed.tree().get(), file, ModelReader::parseFile, Set.of());
        }
        if (parsed.tree().isEmpty()) {
            return new ModelRead(file, Optional.empty(), parsed.problems());
        }
        ModelRead bound = bind(parsed.tree().get(), file);
        if (parsed.problems().isEmpty()) {
            return bound;
        }
        List<Problem> all = new ArrayList<>(parsed.problems());
        all.addAll(bound.problems());
        boolean errors = all.stream().anyMatch(Problem::isError);
        return new ModelRead(file, errors ? Optional.empty() : bound.network(), all, bound.places());
    }

    /**
     * The document of a file, or the reason it is refused. An .xlsx workbook gives the same document,
     * each node placed at its cell, so a scenario may extend a workbook.
     */
    public static ParsedTree parseFile(Path path) {
        if (isWorkbook(path)) {
            return ModelWorkbook.parse(path);
        }
        String file = path.toString();
        try {
            if (Files.isDirectory(path)) {
                return refused(file, "is a directory, not a model file.");
            }
            long size = Files.size(path);
            if (size > ReadLimits.MAX_BYTES) {
                return refused(
                        file,
                        "is " + (size >> 20) + " MiB; model files are limited to " + (ReadLimits.MAX_BYTES >> 20)
                                + " MiB.");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes((int) ReadLimits.MAX_BYTES + 1);
            }
            return parseBytes(bytes, file);
        } catch (NoSuchFileException e) {
            return refused(file, "does not exist.");
        } catch (IOException e) {
            return refused(file, "cannot be read: " + e.getMessage());
        }
    }

    private static ParsedTree parseBytes(byte[] bytes, String file) {
        if (bytes.length > ReadLimits.MAX_BYTES) {
            return refused(file, "is larger than " + (ReadLimits.MAX_BYTES >> 20) + " MiB, the limit for model files.");
        }
        for (byte b : bytes) {
            if (b == 0) {
                return refused(
                        file,
                        "is not a text file (it holds NUL bytes); a model is YAML or JSON text, or an Excel"
                                + " workbook named .xlsx.");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return refused(file, "is not UTF-8 text; save it as UTF-8.");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parseText(text, file);
    }

    private static ParsedTree parseText(String text, String file) {
        if (text.isBlank()) {
            return ParsedTree.failed(Problem.at(
                    ProblemCode.SYNTAX,
                    new Location(file, 1, 1),
                    "",
                    "the file is empty; a model starts with footprint: 1."));
        }
        boolean json = file.toLowerCase(Locale.ROOT).endsWith(".json");
        return json ? JsonTrees.parse(text, file) : YamlTrees.parse(text, file);
    }

    /** Binds and validates an already parsed tree (from any format). */
    public static ModelRead bind(Tree tree, String file) {
        NetworkBinder.Bound bound = NetworkBinder.bind(tree, file);
        List<Problem> problems = new ArrayList<>(bound.problems());
        if (bound.network().isPresent()) {
            Location top = new Location(file, 1, 1);
            boolean bindingFailed = bound.problems().stream().anyMatch(Problem::isError);
            BrokenFields broken = new BrokenFields(bound.problems());
            for (Problem p : NetworkValidator.validate(bound.network().get())) {
                if (!bound.horizonKnown() && p.code() == ProblemCode.YEAR_OUTSIDE_HORIZON) {
                    continue;
                }
                if (broken.covers(p.field())) {
                    continue;
                }
                if (!p.isError() && bindingFailed) {
                    // a broken field stands in as 0 or empty: warnings about the stand-ins would mislead
                    continue;
                }
                problems.add(p.locatedAt(locate(p.field(), bound.places()).orElse(top)));
            }
        }
        boolean errors = problems.stream().anyMatch(Problem::isError);
        return new ModelRead(file, errors ? Optional.empty() : bound.network(), problems, bound.places());
    }

    /**
     * The fields the binder reported broken: the validator need not report their placeholders, nor
     * anything inside them. Indexed once, so each of the validator's problems is checked in time
     * linear in the length of its path, not in the number of the binder's problems.
     */
    private static final class BrokenFields {
        private final Set<String> fields = new HashSet<>();
        private final Set<Integer> lengths = new HashSet<>();

        BrokenFields(List<Problem> fromBinding) {
            for (Problem b : fromBinding) {
                if (b.isError() && !b.field().isEmpty()) {
                    fields.add(b.field());
                    lengths.add(b.field().length());
                }
            }
        }

        /** Whether the path is a broken field or lies inside one ({@code field.x} or {@code field[x]}). */
        boolean covers(String path) {
            if (fields.contains(path)) {
                return true;
            }
            for (int i = 1; i < path.length(); i++) {
                char c = path.charAt(i);
                if ((c == '.' || c == '[') && lengths.contains(i) && fields.contains(path.substring(0, i))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The place of a field path, or of its nearest enclosing field that was placed. */
    static Optional<Location> locate(String path, Map<String, Location> places) {
        String p = path;
        while (!p.isEmpty()) {
            Location l = places.get(p);
            if (l != null) {
                return Optional.of(l);
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                break;
            }
            p = p.substring(0, cut);
        }
        return Optional.ofNullable(places.get(p));
    }

    private static ParsedTree refused(String file, String why) {
        return ParsedTree.failed(Problem.at(ProblemCode.REFUSED, new Location(file, 0, 0), "", "the file " + why));
    }
}
