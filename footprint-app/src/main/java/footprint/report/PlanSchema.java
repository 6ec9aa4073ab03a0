package footprint.report;

import com.fasterxml.jackson.databind.JsonNode;
import footprint.io.SourceFile;
import footprint.model.PlantStatus;
import footprint.model.check.Location;
import footprint.model.check.Problem;
import footprint.model.check.ProblemCode;
import footprint.optimize.SolveStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A plan file's tree checked against the plan format, without the model: the format version, the
 * status and mode words, the KPIs, the horizon of the {@code model} section (at most {@link
 * #MAX_YEARS} years, four-digit years, checked before anything else so that no later step sizes
 * anything by it), and each table row: its fields of the right kind, numbers finite, volumes and
 * amounts not negative, years inside the horizon, ids among the model section's, each plant-year
 * once, and flows that the plan's own plants can carry (no more than a plant's capacity in the
 * year, none from a plant that does not run), to {@link #RELATIVE_TOLERANCE} plus {@link
 * #ABSOLUTE_TOLERANCE}.
 */
public final class PlanSchema {
    /** The model format's longest horizon (the reader refuses more than 101 years). */
    public static final int MAX_YEARS = 101;

    /** Relative slack for volumes against capacities and demand: solvers round within it. */
    public static final double RELATIVE_TOLERANCE = 1e-5;

    /** Absolute slack for volumes, in vehicles (or component units). */
    public static final double ABSOLUTE_TOLERANCE = 0.01;

    /** Problems listed before the rest are only counted. */
    static final int MAX_LISTED = 25;

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private static final List<String> KPIS = List.of(
            "revenue",
            "variableCost",
            "freight",
            "duties",
            "componentCost",
            "fixedCost",
            "idleCost",
            "investment",
            "closureCost",
            "reopeningCost",
            "lostSalePenalty",
            "npv");

    private static final List<String> TABLES =
            List.of("plants", "flows", "lostSales", "componentFlows", "investments", "decisions");

    /** Per table: its text fields, and which kind of model id each names ("" for free text). */
    private static final Map<String, Map<String, String>> TEXT_FIELDS = Map.of(
            "plants", Map.of("plant", "plants"),
            "flows", Map.of("plant", "plants", "product", "products", "market", "markets"),
            "lostSales", Map.of("market", "markets", "product", "products"),
            "componentFlows", Map.of("componentPlant", "componentPlants", "plant", "plants"),
            "investments", Map.of("plant", "plants", "platform", ""),
            "decisions", Map.of("plant", "plants", "action", "", "text", ""));

    /** Per table: its number fields that may not be negative. */
    private static final Map<String, List<String>> AMOUNTS = Map.of(
            "plants", List.of("output", "capacity", "utilisation"),
            "flows", List.of("volume"),
            "lostSales", List.of("volume"),
            "componentFlows", List.of("volume"),
            "investments", List.of("amount"),
            "decisions", List.of());

    private PlanSchema() {}

    /** The status of a word as {@code solve --json} writes it ({@code time-limit}), if it is one. */
    static Optional<SolveStatus> status(String word) {
        for (SolveStatus s : SolveStatus.values()) {
            if (word(s.name()).equals(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** A plant row's status: its word, else (plans from before statuses) its running flag. */
    static Optional<PlantStatus> plantStatus(JsonNode row) {
        JsonNode w = row.path("status");
        if (w.isMissingNode()) {
            return Optional.of(row.path("running").asBoolean(true) ? PlantStatus.RUNNING : PlantStatus.IDLE);
        }
        for (PlantStatus s : PlantStatus.values()) {
            if (w.isTextual() && word(s.name()).equals(w.asText())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Everything wrong with a tree as a plan file, field by field (empty when it is one). */
    public static List<Problem> problems(JsonNode doc, String file) {
        return new Check(file).run(doc);
    }

    private static String word(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** An id or word as a message quotes it: control characters escaped, long ones cut. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("'");
        int n = 0;
        for (int i = 0; i < s.length() && n < 60; i++, n++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (s.length() > 60) {
            b.append("…");
        }
        return b.append('\'').toString();
    }

    /** What a node is, in a message. */
    static String kind(JsonNode v) {
        if (v.isMissingNode()) {
            return "missing";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isNumber()) {
            return "the number " + v.asText();
        }
        if (v.isBoolean()) {
            return "true/false";
        }
        return "the text " + quote(v.asText());
    }

    /** Whether a volume is above a limit by more than the tolerance. */
    static boolean above(double volume, double limit) {
        return volume > limit + RELATIVE_TOLERANCE * Math.abs(limit) + ABSOLUTE_TOLERANCE;
    }

    /** One check of one tree: collects problems, listing the first {@link #MAX_LISTED}. */
    private static final class Check {
        private final String file;
        private final List<Problem> problems = new ArrayList<>();
        private int unlisted;
        private int firstYear;
        private int lastYear;
        /** The model section's ids by kind; a kind it does not list is not checked. */
        private final Map<String, Set<String>> ids = new HashMap<>();

        Check(String file) {
            this.file = file;
        }

        List<Problem> run(JsonNode doc) {
            if (!doc.isObject()) {
                add(
                        ProblemCode.WRONG_TYPE,
                        "",
                        "the file holds " + kind(doc) + ", not a JSON object: it is not a plan (write plans with"
                                + " footprint solve MODEL --json PLAN.json).");
                return done();
            }
            format(doc);
            JsonNode status = doc.path("status");
            if (!status.isTextual()) {
                add(
                        ProblemCode.MISSING_FIELD,
                        "status",
                        "status is " + kind(status) + "; a plan says how its solve" + " ended: "
                                + words(SolveStatus.values()) + ".");
            } else if (status(status.asText()).isEmpty()) {
                add(
                        ProblemCode.BAD_CHOICE,
                        "status",
                        "the status " + quote(status.asText()) + " is not one of " + words(SolveStatus.values()) + ".");
            }
            JsonNode mode = doc.path("mode");
            if (!mode.isMissingNode()
                    && !(mode.isTextual() && Set.of("npv", "cost").contains(mode.asText()))) {
                add(ProblemCode.BAD_CHOICE, "mode", "mode is " + kind(mode) + ", not npv or cost.");
            }
            for (String f : List.of("objective", "bestBound", "gap")) {
                JsonNode v = doc.path(f);
                if (!v.isMissingNode() && !v.isNull() && !finite(v)) {
                    add(ProblemCode.NOT_A_NUMBER, f, f + " is " + kind(v) + ", not a finite number (or null).");
                }
            }
            JsonNode kpis = doc.path("kpis");
            if (!kpis.isObject()) {
                add(
                        ProblemCode.MISSING_FIELD,
                        "kpis",
                        "kpis is " + kind(kpis) + "; a plan gives its KPIs as an" + " object of numbers.");
            } else {
                for (String k : KPIS) {
                    if (!finite(kpis.path(k))) {
                        add(
                                ProblemCode.NOT_A_NUMBER,
                                "kpis." + k,
                                "kpis." + k + " is " + kind(kpis.path(k)) + ", not a finite number.");
                    }
                }
            }
            JsonNode model = doc.path("model");
            if (!model.isMissingNode() && !model.isObject()) {
                add(ProblemCode.WRONG_TYPE, "model", "model is " + kind(model) + ", not an object.");
                return done();
            }
            if (!horizon(doc, model)) {
                // nothing below may trust the years: a horizon of 100 million years would size every table
                return done();
            }
            if (model.isObject()) {
                modelIds(model);
                identity(model);
            }
            for (String table : TABLES) {
                table(doc, table);
            }
            carried(doc);
            return done();
        }

        private List<Problem> done() {
            if (unlisted > 0) {
                problems.add(Problem.at(
                        ProblemCode.WRONG_TYPE,
                        new Location(file, 0, 0),
                        "",
                        "... and " + unlisted + " more problem" + (unlisted == 1 ? "" : "s") + " like these."));
            }
            return problems;
        }

        private void format(JsonNode doc) {
            JsonNode f = doc.path("planFormat");
            if (f.isMissingNode()) {
                return;
            }
            if (!integral(f) || f.asLong() < 1) {
                add(
                        ProblemCode.WRONG_TYPE,
                        "planFormat",
                        "planFormat is " + kind(f) + ", not a format number such" + " as " + PlanJson.FORMAT + ".");
            } else if (f.asLong() > PlanJson.FORMAT) {
                add(
                        ProblemCode.FORMAT_VERSION,
                        "planFormat",
                        "the plan is of format " + f.asText() + ", written by a newer Footprint ("
                                + quote(doc.path("footprintVersion").asText("?")) + "); this one reads up to format "
                                + PlanJson.FORMAT + ". Update Footprint, or solve the model again with this one.");
            }
        }

        /** The plan's years: the model section's horizon, else the span of the rows' years. */
        private boolean horizon(JsonNode doc, JsonNode model) {
            JsonNode h = model.path("horizon");
            if (h.isMissingNode()) {
                return yearsOfRows(doc);
            }
            Optional<Integer> from = year(h.path("firstYear"), "model.horizon.firstYear");
            Optional<Integer> to = year(h.path("lastYear"), "model.horizon.lastYear");
            if (from.isEmpty() || to.isEmpty()) {
                return false;
            }
            if (from.get() > to.get()) {
                add(
                        ProblemCode.BAD_YEARS,
                        "model.horizon",
                        "the horizon starts in " + from.get() + " after it ends in " + to.get() + ".");
                return false;
            }
            if (to.get() - from.get() + 1 > MAX_YEARS) {
                add(
                        ProblemCode.BAD_YEARS,
                        "model.horizon",
                        "the horizon " + from.get() + "-" + to.get() + " is " + (to.get() - from.get() + 1)
                                + " years long; a model's horizon is at most " + MAX_YEARS + " years, so this is not a"
                                + " plan footprint solve wrote.");
                return false;
            }
            firstYear = from.get();
            lastYear = to.get();
            return true;
        }

        /** A plan without a model section (an old one): its rows' years make its horizon. */
        private boolean yearsOfRows(JsonNode doc) {
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (String table : TABLES) {
                JsonNode rows = doc.path(table);
                for (int i = 0; i < rows.size() && rows.isArray(); i++) {
                    Optional<Integer> y = year(rows.get(i).path("year"), table + "[" + i + "].year");
                    if (y.isPresent()) {
                        lo = Math.min(lo, y.get());
                        hi = Math.max(hi, y.get());
                    }
                }
            }
            if (!problems.isEmpty() && problems.stream().anyMatch(p -> p.code() == ProblemCode.BAD_YEARS)) {
                return false;
            }
            if (lo <= hi && hi - lo + 1 > MAX_YEARS) {
                add(
                        ProblemCode.BAD_YEARS,
                        "",
                        "the plan's years run from " + lo + " to " + hi + ", more than the " + MAX_YEARS
                                + " years a model's horizon may have.");
                return false;
            }
            firstYear = lo <= hi ? lo : 0;
            lastYear = lo <= hi ? hi : -1;
            return true;
        }

        private Optional<Integer> year(JsonNode v, String field) {
            if (integral(v) && v.asLong() >= 1000 && v.asLong() <= 9999) {
                return Optional.of(v.asInt());
            }
            add(ProblemCode.BAD_YEARS, field, field + " is " + kind(v) + ", not a year of four digits such as 2024.");
            return Optional.empty();
        }

        private void modelIds(JsonNode model) {
            for (String kind : List.of("plants", "componentPlants", "markets", "products")) {
                JsonNode list = model.path(kind);
                if (list.isMissingNode()) {
                    continue;
                }
                if (!list.isArray()) {
                    add(
                            ProblemCode.WRONG_TYPE,
                            "model." + kind,
                            "model." + kind + " is " + kind(list) + ", not a list.");
                    continue;
                }
                Set<String> set = new LinkedHashSet<>();
                for (int i = 0; i < list.size(); i++) {
                    JsonNode id = list.get(i).path("id");
                    if (!id.isTextual()) {
                        add(
                                ProblemCode.WRONG_TYPE,
                                "model." + kind + "[" + i + "].id",
                                "model." + kind + "[" + i + "].id is " + kind(id) + ", not an id.");
                    } else if (!set.add(id.asText())) {
                        add(
                                ProblemCode.DUPLICATE_ID,
                                "model." + kind + "[" + i + "].id",
                                quote(id.asText()) + " is listed twice in model." + kind + ".");
                    }
                }
                ids.put(kind, set);
            }
        }

        /** The model's hash and the files it is made of, where the plan names them, agree. */
        private void identity(JsonNode model) {
            JsonNode sha = model.path("sha256");
            JsonNode sources = model.path("sources");
            if (sha.isMissingNode() && sources.isMissingNode()) {
                return;
            }
            if (!(sha.isTextual() && HEX64.matcher(sha.asText()).matches())) {
                add(
                        ProblemCode.WRONG_TYPE,
                        "model.sha256",
                        "model.sha256 is " + kind(sha) + ", not a SHA-256 of 64" + " hex digits.");
                return;
            }
            if (!sources.isArray() || sources.isEmpty()) {
                add(
                        ProblemCode.WRONG_TYPE,
                        "model.sources",
                        "model.sources is " + kind(sources) + ", not the list of" + " the model's files.");
                return;
            }
            List<String> hashes = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                JsonNode f = sources.get(i);
                if (!f.path("file").isTextual()
                        || !HEX64.matcher(f.path("sha256").asText("")).matches()) {
                    add(
                            ProblemCode.WRONG_TYPE,
                            "model.sources[" + i + "]",
                            "model.sources[" + i + "] is not a file" + " and its SHA-256 of 64 hex digits.");
                    return;
                }
                hashes.add(f.path("sha256").asText());
            }
            if (!SourceFile.combinedOf(hashes).equals(sha.asText())) {
                add(
                        ProblemCode.PLAN_OF_ANOTHER_MODEL,
                        "model.sha256",
                        "the model's hash does not match the files it lists: the plan file was edited after it was"
                                + " written. Solve the model again.");
            }
        }

        private void table(JsonNode doc, String table) {
            JsonNode rows = doc.path(table);
            if (rows.isMissingNode()) {
                return;
            }
            if (!rows.isArray()) {
                add(ProblemCode.WRONG_TYPE, table, table + " is " + kind(rows) + ", not a list.");
                return;
            }
            Set<String> plantYears = new HashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                JsonNode row = rows.get(i);
                String at = table + "[" + i + "]";
                if (!row.isObject()) {
                    add(ProblemCode.WRONG_TYPE, at, at + " is " + kind(row) + ", not an object.");
                    continue;
                }
                for (var f : TEXT_FIELDS.get(table).entrySet()) {
                    JsonNode v = row.path(f.getKey());
                    if (!v.isTextual()) {
                        add(
                                ProblemCode.WRONG_TYPE,
                                at + "." + f.getKey(),
                                at + "." + f.getKey() + " is " + kind(v) + ", not text.");
                    } else if (!f.getValue().isEmpty()
                            && ids.containsKey(f.getValue())
                            && !ids.get(f.getValue()).contains(v.asText())) {
                        add(
                                ProblemCode.UNKNOWN_REFERENCE,
                                at + "." + f.getKey(),
                                quote(v.asText()) + " is not one of the " + f.getValue()
                                        + " of the plan's model section: the plan and its model do not agree.");
                    }
                }
                for (String f : AMOUNTS.get(table)) {
                    JsonNode v = row.path(f);
                    if (!finite(v)) {
                        add(
                                ProblemCode.NOT_A_NUMBER,
                                at + "." + f,
                                at + "." + f + " is " + kind(v) + ", not a finite number.");
                    } else if (v.asDouble() < 0) {
                        add(
                                ProblemCode.OUT_OF_RANGE,
                                at + "." + f,
                                at + "." + f + " is " + v.asText() + "; it cannot be negative.");
                    }
                }
                JsonNode y = row.path("year");
                Optional<Integer> year = year(y, at + ".year");
                if (year.isPresent() && (year.get() < firstYear || year.get() > lastYear)) {
                    add(
                            ProblemCode.YEAR_OUTSIDE_HORIZON,
                            at + ".year",
                            "the year " + year.get() + " is outside the plan's horizon "
                                    + (firstYear <= lastYear ? firstYear + "-" + lastYear : "(it has no years)")
                                    + ".");
                }
                if (table.equals("plants")) {
                    if (plantStatus(row).isEmpty()) {
                        add(
                                ProblemCode.BAD_CHOICE,
                                at + ".status",
                                "the plant status " + kind(row.path("status")) + " is not one of "
                                        + words(PlantStatus.values()) + ".");
                    }
                    if (year.isPresent()
                            && row.path("plant").isTextual()
                            && !plantYears.add(row.path("plant").asText() + "@" + year.get())) {
                        add(
                                ProblemCode.DUPLICATE_ID,
                                at,
                                "the plan gives " + quote(row.path("plant").asText()) + " in " + year.get()
                                        + " twice.");
                    }
                }
            }
        }

        /** Flows the plan's own plants can carry: within each plant-year's capacity, only while it runs. */
        private void carried(JsonNode doc) {
            if (problems.stream().anyMatch(Problem::isError)) {
                return; // the rows are not all sound: sums over them would mislead
            }
            Map<String, JsonNode> plantYear = new HashMap<>();
            for (JsonNode row : doc.path("plants")) {
                plantYear.put(
                        row.path("plant").asText() + "@" + row.path("year").asInt(), row);
            }
            if (plantYear.isEmpty()) {
                return;
            }
            Map<String, Double> shipped = new LinkedHashMap<>();
            Map<String, Integer> firstRow = new HashMap<>();
            JsonNode flows = doc.path("flows");
            for (int i = 0; i < flows.size(); i++) {
                JsonNode f = flows.get(i);
                String key = f.path("plant").asText() + "@" + f.path("year").asInt();
                shipped.merge(key, f.path("volume").asDouble(), Double::sum);
                firstRow.putIfAbsent(key, i);
            }
            for (var e : shipped.entrySet()) {
                JsonNode row = plantYear.get(e.getKey());
                String at = "flows[" + firstRow.get(e.getKey()) + "]";
                String[] py = e.getKey().split("@", 2);
                if (row == null) {
                    add(
                            ProblemCode.PLAN_OF_ANOTHER_MODEL,
                            at,
                            "flows leave " + quote(py[0]) + " in " + py[1]
                                    + ", but the plan gives that plant no row for that year.");
                    continue;
                }
                PlantStatus status = plantStatus(row).orElse(PlantStatus.RUNNING);
                double capacity = row.path("capacity").asDouble();
                if (status != PlantStatus.RUNNING && above(e.getValue(), 0)) {
                    add(
                            ProblemCode.PLAN_OF_ANOTHER_MODEL,
                            at,
                            String.format(
                                    Locale.ROOT,
                                    "%s ships %,.1f vehicles in %s while the plan has it %s: a plant ships only"
                                            + " while it runs.",
                                    quote(py[0]),
                                    e.getValue(),
                                    py[1],
                                    word(status.name())));
                } else if (above(e.getValue(), capacity)) {
                    add(
                            ProblemCode.PLAN_OF_ANOTHER_MODEL,
                            at,
                            String.format(
                                    Locale.ROOT,
                                    "%s ships %,.1f vehicles in %s, more than its capacity of %,.1f in the same plan;"
                                            + " the flows were changed after the plan was written. Solve the model"
                                            + " again.",
                                    quote(py[0]),
                                    e.getValue(),
                                    py[1],
                                    capacity));
                }
            }
        }

        private void add(ProblemCode code, String field, String message) {
            if (problems.size() >= MAX_LISTED) {
                unlisted++;
                return;
            }
            problems.add(Problem.at(code, new Location(file, 0, 0), field, message));
        }
    }

    /** A whole number that fits a long (a huge integer's low bits must not pass for a year). */
    private static boolean integral(JsonNode v) {
        return v.isNumber() && v.canConvertToExactIntegral() && v.canConvertToLong();
    }

    private static boolean finite(JsonNode v) {
        return v.isNumber() && Double.isFinite(v.asDouble());
    }

    private static String words(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(v -> word(v.name())).toList());
    }
}
