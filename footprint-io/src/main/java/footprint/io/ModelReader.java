package footprint.io;

import footprint.io.excel.ModelWorkbook;
import footprint.io.scenario.ScenarioReader;
import footprint.io.scenario.TreePath;
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
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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
import java.util.function.Function;

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
        List<Path> opened = new ArrayList<>();
        ModelRead read;
        if (isWorkbook(path)) {
            opened.add(path);
            read = ModelWorkbook.read(path);
        } else {
            Function<Path, ParsedTree> parse = p -> {
                opened.add(p);
                return parseFile(p);
            };
            read = resolveAndBind(parse.apply(path), path.toString(), parse);
        }
        return read.ok() ? read.withSources(SourceFile.hashAll(opened)) : read;
    }

    /** Whether a file is read as an Excel workbook: by its extension, .xlsx. */
    public static boolean isWorkbook(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** Reads the bytes of a file named {@code file} (its extension picks JSON or YAML). */
    public static ModelRead read(byte[] bytes, String file) {
        return resolveAndBind(parseBytes(bytes, file), file, ModelReader::parseFile);
    }

    /**
     * Reads text; {@code file} names it in problems, its extension picks JSON or YAML, and its folder
     * resolves a scenario's {@code extends}.
     */
    public static ModelRead read(String text, String file) {
        return resolveAndBind(parseText(text, file), file, ModelReader::parseFile);
    }

    private static ModelRead resolveAndBind(ParsedTree parsed, String file, Function<Path, ParsedTree> parseFile) {
        if (parsed.tree().isPresent() && ScenarioReader.isScenario(parsed.tree().get())) {
            parsed = ScenarioReader.resolve(parsed.tree().get(), file, parseFile, Set.of());
        }
        if (parsed.tree().isPresent() && !(parsed.tree().get() instanceof Tree.Mapping)) {
            // one short problem for a file that is not a model at all (a list, a number, a text file)
            Tree root = parsed.tree().get();
            return new ModelRead(
                    file,
                    Optional.empty(),
                    List.of(Problem.at(
                            ProblemCode.WRONG_TYPE,
                            root.location(),
                            "",
                            "the file is not a Footprint model: it holds " + ScenarioReader.describe(root)
                                    + ", where a model is a YAML or JSON mapping of fields starting with footprint:"
                                    + " 1.")));
        }
        if (parsed.tree().isEmpty()) {
            return new ModelRead(file, Optional.empty(), parsed.problems());
        }
        ModelRead bound = bind(parsed.tree().get(), file);
        if (!parsed.changes().isEmpty()) {
            bound = blameChanges(bound, parsed.changes());
        }
        if (parsed.problems().isEmpty()) {
            return bound;
        }
        List<Problem> all = new ArrayList<>(parsed.problems());
        all.addAll(bound.problems());
        boolean errors = all.stream().anyMatch(Problem::isError);
        return new ModelRead(file, errors ? Optional.empty() : bound.network(), all, bound.places());
    }

    /**
     * A problem of the base that a scenario's change caused is reported at the change: an error whose
     * field is the one the change set, added or removed, or the field that holds it (the horizon whose
     * end a scenario moves before its start, the plant whose capacity it removes), placed in another
     * file than the change. The last change to touch the field is blamed.
     */
    private static ModelRead blameChanges(ModelRead read, List<ParsedTree.Changed> changes) {
        List<Problem> out = new ArrayList<>();
        boolean moved = false;
        for (Problem p : read.problems()) {
            Optional<ParsedTree.Changed> cause = p.isError() ? causeOf(p, changes) : Optional.empty();
            if (cause.isPresent()) {
                out.add(Problem.at(
                        p.code(),
                        cause.get().location(),
                        p.field(),
                        p.message() + " (after the scenario's change: "
                                + cause.get().what() + ")"));
                moved = true;
            } else {
                out.add(p);
            }
        }
        return moved ? new ModelRead(read.file(), read.network(), out, read.places()) : read;
    }

    private static Optional<ParsedTree.Changed> causeOf(Problem p, List<ParsedTree.Changed> changes) {
        if (p.field().isEmpty() || p.location().isEmpty()) {
            return Optional.empty();
        }
        List<String> keys;
        try {
            keys = TreePath.parse(p.field()).keys();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String where = p.location().get().file();
        for (int i = changes.size() - 1; i >= 0; i--) {
            ParsedTree.Changed c = changes.get(i);
            boolean same = keys.equals(c.keys());
            boolean holder =
                    keys.size() == c.keys().size() - 1 && keys.equals(c.keys().subList(0, keys.size()));
            if ((same || holder) && !c.location().file().equals(where)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * The document of a file, or the reason it is refused. An .xlsx workbook gives the same document,
     * each node placed at its cell, so a scenario may extend a workbook. Anything that is not a
     * regular file (a named pipe, a device) is refused before it is opened, so reading never blocks.
     */
    public static ParsedTree parseFile(Path path) {
        if (isWorkbook(path)) {
            return ModelWorkbook.parse(path);
        }
        String file = path.toString();
        Optional<String> notRegular = ReadLimits.notARegularFile(path);
        if (notRegular.isPresent()) {
            return refused(file, notRegular.get());
        }
        try {
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
        } catch (AccessDeniedException e) {
            return refused(file, "cannot be read: permission denied.");
        } catch (FileSystemException e) {
            return refused(file, "cannot be read" + (e.getReason() == null ? "." : ": " + e.getReason() + "."));
        } catch (IOException e) {
            return refused(file, "cannot be read (the system reported an input/output error).");
        }
    }

    private static ParsedTree parseBytes(byte[] bytes, String file) {
        if (bytes.length > ReadLimits.MAX_BYTES) {
            return refused(file, "is larger than " + (ReadLimits.MAX_BYTES >> 20) + " MiB, the limit for model files.");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return ParsedTree.failed(Problem.at(
                        ProblemCode.REFUSED,
                        placeOfByte(bytes, i, file),
                        "",
                        "the file is not a text file (it holds a NUL byte here); a model is YAML or JSON text, or an"
                                + " Excel workbook named .xlsx."));
            }
        }
        CharBuffer decoded = CharBuffer.allocate(bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, decoded, true);
        if (result.isError()) {
            return ParsedTree.failed(Problem.at(
                    ProblemCode.REFUSED,
                    placeOfByte(bytes, in.position(), file),
                    "",
                    "the file is not UTF-8 text: the byte 0x"
                            + String.format(Locale.ROOT, "%02X", bytes[in.position()] & 0xff)
                            + " here is not UTF-8 (perhaps the file was saved as Latin-1 or Windows-1252); save it as"
                            + " UTF-8."));
        }
        String text = decoded.flip().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parseText(text, file);
    }

    /** The line and column (from 1, in characters) of a byte of a file, decoding what comes before it. */
    private static Location placeOfByte(byte[] bytes, int offset, String file) {
        String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
        return placeOfChar(before, before.length(), file);
    }

    /** The line and column (from 1) of a character of a text; column counted in code points. */
    public static Location placeOfChar(String text, int index, String file) {
        int end = Math.min(index, text.length());
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(file, line, text.codePointCount(lineStart, end) + 1);
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
