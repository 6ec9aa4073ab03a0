package footprint.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.model.Objective;
import footprint.model.check.Location;
import footprint.model.check.Problem;
import footprint.model.check.ProblemCode;
import footprint.optimize.Plan;
import footprint.optimize.SolveStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A plan file written by {@code footprint solve --json} ({@link PlanJson}), read and checked: the one
 * reader behind {@code report}, {@code trace} and {@code risk --plan}.
 *
 * <p>Reading refuses what is not a plan before building anything from it: a file that is not a
 * regular file or is larger than {@link #MAX_BYTES}; JSON nested deeper, or with texts, numbers or
 * names longer, than {@link #CONSTRAINTS} allows (a plan's deepest field is five levels down, its
 * longest text a sentence); then {@link PlanSchema} checks the tree against the plan format (status
 * words, years inside the plan's horizon of at most {@link PlanSchema#MAX_YEARS} years, ids of the
 * plan's own model section, finite and non-negative volumes, flows its plants can carry). Every
 * failure is a {@link Problem} with the file, and the line and column where the parser knows them;
 * nothing here throws for a bad file. {@link PlanFit} then checks a plan against a model.
 */
public record PlanFile(Path file, JsonNode tree) {
    /** 256 MiB: a plan of a thousand plants and markets over a decade is a few tens of MiB. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    /** Limits on the JSON a plan may hold, far above what {@code solve --json} writes. */
    public static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(32)
            .maxStringLength(1_000_000)
            .maxNumberLength(100)
            .maxNameLength(10_000)
            .maxDocumentLength(MAX_BYTES)
            .build();

    private static final ObjectMapper JSON = new ObjectMapper(
                    JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Reads a plan file and checks it against the plan format.
     *
     * @return the plan, or the problems that stop it being read (warnings with it otherwise)
     */
    public static PlanRead read(Path path) {
        PlanRead parsed = parse(path);
        return parsed.ok() ? checked(path, parsed.plan().orElseThrow().tree()) : parsed;
    }

    /** The file's JSON, not yet checked, or the problem that stops it being read. */
    private static PlanRead parse(Path path) {
        String file = path.toString();
        Location top = new Location(file, 0, 0);
        try {
            if (!Files.exists(path)) {
                return PlanRead.failed(file, Problem.at(ProblemCode.REFUSED, top, "", "the plan file does not exist."));
            }
            if (!Files.isRegularFile(path)) {
                return PlanRead.failed(
                        file,
                        Problem.at(
                                ProblemCode.REFUSED,
                                top,
                                "",
                                "the plan file is not a regular file (a directory, a device or a pipe); give the"
                                        + " file that footprint solve MODEL --json PLAN.json wrote."));
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                return PlanRead.failed(file, tooLarge(top, size));
            }
            JsonNode tree;
            try (InputStream in = Files.newInputStream(path)) {
                tree = JSON.readTree(in);
            }
            if (tree == null || tree.isMissingNode()) {
                return PlanRead.failed(
                        file,
                        Problem.at(
                                ProblemCode.SYNTAX,
                                new Location(file, 1, 1),
                                "",
                                "the file is empty; a plan is the JSON that footprint solve MODEL --json PLAN.json"
                                        + " writes."));
            }
            return new PlanRead(file, Optional.of(new PlanFile(path, tree)), List.of());
        } catch (StreamConstraintsException e) {
            return PlanRead.failed(file, Problem.at(ProblemCode.REFUSED, at(file, e.getLocation()), "", beyond(e)));
        } catch (JsonProcessingException e) {
            return PlanRead.failed(
                    file,
                    Problem.at(
                            ProblemCode.SYNTAX,
                            at(file, e.getLocation()),
                            "",
                            "not JSON: " + plainWords(e.getOriginalMessage())
                                    + "; a plan is the JSON that footprint solve MODEL --json PLAN.json writes."));
        } catch (NoSuchFileException e) {
            return PlanRead.failed(file, Problem.at(ProblemCode.REFUSED, top, "", "the plan file does not exist."));
        } catch (IOException | RuntimeException e) {
            // an I/O failure, or a parser failure Jackson did not wrap: still the file's problem, not a bug
            return PlanRead.failed(
                    file,
                    Problem.at(
                            ProblemCode.REFUSED,
                            top,
                            "",
                            "the plan file cannot be read: " + plainWords(String.valueOf(e.getMessage())) + "."));
        }
    }

    /** A parsed tree checked against the plan format (outside parse's catch: a failure here is a bug). */
    private static PlanRead checked(Path path, JsonNode tree) {
        String file = path.toString();
        List<Problem> problems = PlanSchema.problems(tree, file);
        boolean errors = problems.stream().anyMatch(Problem::isError);
        return new PlanRead(file, errors ? Optional.empty() : Optional.of(new PlanFile(path, tree)), problems);
    }

    private static Problem tooLarge(Location top, long size) {
        return Problem.at(
                ProblemCode.REFUSED,
                top,
                "",
                "the plan file is " + (size >> 20) + " MiB; plan files are limited to " + (MAX_BYTES >> 20) + " MiB.");
    }

    /** Where the parser stopped; the file alone when Jackson does not say (it may give no location). */
    private static Location at(String file, JsonLocation l) {
        if (l == null || l.getLineNr() <= 0) {
            return new Location(file, 0, 0);
        }
        return new Location(file, l.getLineNr(), Math.max(l.getColumnNr(), 0));
    }

    /** Which limit a document went beyond, in a planner's words. */
    private static String beyond(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
        String what;
        if (m.contains("nesting")) {
            what = "it is nested more than " + CONSTRAINTS.getMaxNestingDepth() + " levels deep";
        } else if (m.contains("string")) {
            what = "it holds a text longer than " + String.format(Locale.ROOT, "%,d", CONSTRAINTS.getMaxStringLength())
                    + " characters";
        } else if (m.contains("number")) {
            what = "it holds a number longer than " + CONSTRAINTS.getMaxNumberLength() + " characters";
        } else if (m.contains("name")) {
            what = "it holds a field name longer than "
                    + String.format(Locale.ROOT, "%,d", CONSTRAINTS.getMaxNameLength()) + " characters";
        } else {
            what = "it is longer than " + (MAX_BYTES >> 20) + " MiB";
        }
        return "the plan file is refused: " + what + ", far beyond any plan footprint solve writes.";
    }

    /** A parser's message without the library's advice (feature names, source descriptions). */
    static String plainWords(String message) {
        String m = message.strip();
        int cut = m.indexOf('\n');
        if (cut >= 0) {
            m = m.substring(0, cut);
        }
        for (String hint : List.of(
                " (for input", ": was expecting", ": enable", "; enable", " or enable", "(JSON ", " at [Source")) {
            int i = m.indexOf(hint);
            if (i > 0) {
                m = m.substring(0, i);
            }
        }
        m = m.replaceAll("`[^`]*`", "").strip();
        if (m.length() > 200) {
            m = m.substring(0, 200) + "…";
        }
        return m.isEmpty() ? "the parser stopped" : m;
    }

    /** The hash of the model and its scenario chain the plan was solved from, when the plan names it. */
    public Optional<String> modelSha256() {
        JsonNode h = model().path("sha256");
        return h.isTextual() ? Optional.of(h.asText()) : Optional.empty();
    }

    /** The files of the model's chain as the plan names them ({@code file}, {@code sha256}), in order. */
    public List<PlanFit.Source> modelSources() {
        List<PlanFit.Source> out = new ArrayList<>();
        for (JsonNode s : model().path("sources")) {
            out.add(new PlanFit.Source(
                    s.path("file").asText(""), s.path("sha256").asText("")));
        }
        return out;
    }

    /** The model file the plan was solved from, as {@code solve} was given it. */
    public Optional<String> modelFile() {
        String f = model().path("file").asText("");
        return f.isEmpty() ? Optional.empty() : Optional.of(f);
    }

    /** The model's name. */
    public Optional<String> modelName() {
        String n = model().path("name").asText("");
        return n.isEmpty() ? Optional.empty() : Optional.of(n);
    }

    /** The {@code model} section, or a missing node. */
    JsonNode model() {
        return tree.path("model");
    }

    /** The plan's tables as a {@link Plan} (the tree has passed {@link PlanSchema}). */
    public Plan plan() {
        JsonNode doc = tree;
        JsonNode k = doc.path("kpis");
        Plan.Kpis kpis = new Plan.Kpis(
                k.path("revenue").asDouble(),
                k.path("variableCost").asDouble(),
                k.path("freight").asDouble(),
                k.path("duties").asDouble(),
                k.path("componentCost").asDouble(),
                k.path("fixedCost").asDouble(),
                k.path("idleCost").asDouble(),
                k.path("investment").asDouble(),
                k.path("closureCost").asDouble(),
                k.path("reopeningCost").asDouble(),
                k.path("lostSalePenalty").asDouble(),
                k.path("npv").asDouble());
        JsonNode size = doc.path("size");
        return new Plan(
                PlanSchema.status(doc.path("status").asText("")).orElseThrow(),
                doc.path("mode").asText("npv").equalsIgnoreCase("cost") ? Objective.COST : Objective.NPV,
                doc.path("backend").asText(""),
                number(doc.path("objective")),
                number(doc.path("bestBound")),
                number(doc.path("gap")),
                doc.path("buildSeconds").asDouble(),
                doc.path("solveSeconds").asDouble(),
                new Plan.Size(
                        size.path("variables").asInt(),
                        size.path("binaries").asInt(),
                        size.path("rows").asInt(),
                        size.path("nonzeros").asLong()),
                kpis,
                rows(
                        doc,
                        "plants",
                        r -> new Plan.PlantYear(
                                r.path("plant").asText(),
                                r.path("year").asInt(),
                                PlanSchema.plantStatus(r).orElseThrow(),
                                r.path("output").asDouble(),
                                r.path("capacity").asDouble(),
                                r.path("utilisation").asDouble(),
                                r.path("jobs").asDouble(),
                                r.path("capacityShadowPrice").asDouble())),
                rows(
                        doc,
                        "flows",
                        r -> new Plan.Flow(
                                r.path("plant").asText(),
                                r.path("product").asText(),
                                r.path("market").asText(),
                                r.path("year").asInt(),
                                r.path("volume").asDouble())),
                rows(
                        doc,
                        "lostSales",
                        r -> new Plan.LostSale(
                                r.path("market").asText(),
                                r.path("product").asText(),
                                r.path("year").asInt(),
                                r.path("volume").asDouble())),
                rows(
                        doc,
                        "componentFlows",
                        r -> new Plan.ComponentFlow(
                                r.path("componentPlant").asText(),
                                r.path("plant").asText(),
                                r.path("component").asText(),
                                r.path("year").asInt(),
                                r.path("volume").asDouble())),
                rows(
                        doc,
                        "investments",
                        r -> new Plan.Investment(
                                r.path("plant").asText(),
                                r.path("platform").asText(),
                                r.path("year").asInt(),
                                r.path("amount").asDouble())),
                rows(
                        doc,
                        "decisions",
                        r -> new Plan.Decision(
                                r.path("plant").asText(),
                                r.path("year").asInt(),
                                r.path("action").asText(),
                                r.hasNonNull("platform")
                                        ? Optional.of(r.path("platform").asText())
                                        : Optional.empty(),
                                r.path("given").asBoolean(),
                                r.path("text").asText())),
                rows(doc, "notes", JsonNode::asText));
    }

    /** Whether a status word is one a plan with decisions has ({@code optimal}, {@code feasible}). */
    public boolean hasPlan() {
        return PlanSchema.status(tree.path("status").asText(""))
                .map(SolveStatus::hasPlan)
                .orElse(false);
    }

    private static double number(JsonNode v) {
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static <T> List<T> rows(JsonNode doc, String table, Function<JsonNode, T> row) {
        List<T> out = new ArrayList<>();
        for (JsonNode r : doc.path(table)) {
            out.add(row.apply(r));
        }
        return out;
    }

    /** What reading a plan file gave: the plan (present only when no problem is an error) and the problems. */
    public record PlanRead(String file, Optional<PlanFile> plan, List<Problem> problems) {
        public PlanRead {
            problems = List.copyOf(problems);
        }

        static PlanRead failed(String file, Problem problem) {
            return new PlanRead(file, Optional.empty(), List.of(problem));
        }

        public boolean ok() {
            return plan.isPresent();
        }

        public List<Problem> errors() {
            return problems.stream().filter(Problem::isError).toList();
        }

        public List<Problem> warnings() {
            return problems.stream().filter(p -> !p.isError()).toList();
        }
    }
}
