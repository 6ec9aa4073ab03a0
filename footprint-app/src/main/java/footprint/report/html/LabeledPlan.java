package footprint.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import footprint.model.Network;
import footprint.optimize.Plan;
import footprint.report.PlanFile;
import footprint.report.PlanJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A plan as a report reads it: the JSON tree that {@code footprint solve --json} writes (see {@link
 * PlanJson}) and the label it goes by in charts and tables ("base", "russia-pause"). Every report
 * ({@code footprint report}, {@code footprint compare}) takes a list of these.
 *
 * <p>The tree is checked when made: it must be a JSON object whose {@code kpis} is an object and
 * whose tables ({@code plants}, {@code flows}, {@code lostSales}, {@code investments}, {@code
 * decisions}) are arrays of objects with the fields a report reads. The {@code model} section is
 * optional: without it the map has no places and names are ids.
 */
public record LabeledPlan(String label, JsonNode plan) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public LabeledPlan {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(plan, "plan");
        List<String> problems = problems(plan);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("not a Footprint plan: " + String.join("; ", problems));
        }
        plan = plan.deepCopy();
    }

    /** A plan tree as {@link PlanJson#tree} makes it. */
    public static LabeledPlan of(String label, Map<String, Object> tree) {
        return new LabeledPlan(label, JSON.valueToTree(tree));
    }

    /** A plan just solved, with the model section of its network ({@code file} may be empty). */
    public static LabeledPlan of(String label, Plan plan, Network network, String file) {
        return of(label, PlanJson.tree(plan, network, file));
    }

    /**
     * Reads a plan file written by {@code footprint solve --json}, checked by {@link PlanFile}.
     *
     * @throws IllegalArgumentException when it is not a plan; the message lists every problem
     */
    public static LabeledPlan read(Path file, String label) {
        PlanFile.PlanRead read = PlanFile.read(file);
        if (!read.ok()) {
            throw new IllegalArgumentException(String.join(
                    "\n", read.errors().stream().map(Object::toString).toList()));
        }
        return new LabeledPlan(label, read.plan().orElseThrow().tree());
    }

    /** The model section, or an empty object when the plan has none. */
    public JsonNode model() {
        JsonNode m = plan.path("model");
        return m.isObject() ? m : JSON.createObjectNode();
    }

    /** The base currency of the money figures ("" when the plan does not say). */
    public String currency() {
        return model().path("currency").asText("");
    }

    /** A table of the plan ({@code plants}, {@code flows}, ...): an empty array when absent. */
    public JsonNode table(String name) {
        JsonNode t = plan.path(name);
        return t.isArray() ? t : JSON.createArrayNode();
    }

    /** The display name of a plant, market, product or country id, from the model section. */
    public String nameOf(String kind, String id) {
        String key = kind.equals("countries") ? "code" : "id";
        for (JsonNode row : model().path(kind)) {
            if (row.path(key).asText().equals(id)) {
                String name = row.path("name").asText("");
                return name.isEmpty() ? id : name;
            }
        }
        return id;
    }

    /** The KPIs of a plan, in the order of the NPV waterfall, with the words a planner reads. */
    public static final Map<String, String> KPI_NAMES = kpiNames();

    private static Map<String, String> kpiNames() {
        var m = new LinkedHashMap<String, String>();
        m.put("revenue", "Revenue");
        m.put("variableCost", "Variable cost");
        m.put("freight", "Freight");
        m.put("duties", "Duties");
        m.put("componentCost", "Components");
        m.put("fixedCost", "Fixed cost");
        m.put("idleCost", "Idle cost");
        m.put("investment", "Investment");
        m.put("closureCost", "Closure");
        m.put("reopeningCost", "Reopening");
        m.put("lostSalePenalty", "Lost-sale penalty");
        m.put("npv", "NPV");
        return Collections.unmodifiableMap(m);
    }

    /** What a report needs of each table: field and whether it is a number. */
    private static final Map<String, Map<String, Boolean>> TABLES = Map.of(
            "plants",
            Map.of("plant", false, "year", true, "output", true, "capacity", true, "utilisation", true),
            "flows",
            Map.of("plant", false, "product", false, "market", false, "year", true, "volume", true),
            "lostSales",
            Map.of("market", false, "product", false, "year", true, "volume", true),
            "componentFlows",
            Map.of("componentPlant", false, "plant", false, "year", true, "volume", true),
            "investments",
            Map.of("plant", false, "platform", false, "year", true, "amount", true),
            "decisions",
            Map.of("plant", false, "year", true, "action", false, "text", false));

    /** Everything wrong with a tree as a plan, field by field (empty when it is a plan). */
    static List<String> problems(JsonNode plan) {
        List<String> problems = new ArrayList<>();
        if (!plan.isObject()) {
            problems.add("the file holds " + (plan.isMissingNode() ? "nothing" : kind(plan))
                    + ", not a JSON object (write plans with footprint solve" + " MODEL --json PLAN.json)");
            return problems;
        }
        if (!plan.path("status").isTextual()) {
            problems.add("status is missing");
        }
        JsonNode kpis = plan.path("kpis");
        if (!kpis.isObject()) {
            problems.add("kpis is missing");
        } else {
            for (String k : KPI_NAMES.keySet()) {
                if (!kpis.path(k).isNumber()) {
                    problems.add("kpis." + k + " is " + kind(kpis.path(k)) + ", not a number");
                }
            }
        }
        for (String table : List.of("plants", "flows", "lostSales", "componentFlows", "investments", "decisions")) {
            JsonNode rows = plan.path(table);
            if (rows.isMissingNode()) {
                continue;
            }
            if (!rows.isArray()) {
                problems.add(table + " is " + kind(rows) + ", not a list");
                continue;
            }
            for (int i = 0; i < rows.size(); i++) {
                JsonNode row = rows.get(i);
                if (!row.isObject()) {
                    problems.add(table + "[" + i + "] is " + kind(row) + ", not an object");
                    continue;
                }
                for (var field : TABLES.get(table).entrySet()) {
                    JsonNode v = row.path(field.getKey());
                    if (field.getValue() ? !v.isNumber() : !v.isTextual()) {
                        problems.add(table + "[" + i + "]." + field.getKey() + " is " + kind(v) + ", not "
                                + (field.getValue() ? "a number" : "text"));
                    }
                }
                if (problems.size() > 20) {
                    problems.add("...");
                    return problems;
                }
            }
        }
        JsonNode model = plan.path("model");
        if (!model.isMissingNode() && !(model instanceof ObjectNode)) {
            problems.add("model is " + kind(model) + ", not an object");
        }
        return problems;
    }

    private static String kind(JsonNode v) {
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
            return "a number";
        }
        if (v.isBoolean()) {
            return "true/false";
        }
        return "text \"" + abbreviate(v.asText()) + "\"";
    }

    private static String abbreviate(String s) {
        return s.length() <= 30 ? s : s.substring(0, 30) + "…";
    }
}
