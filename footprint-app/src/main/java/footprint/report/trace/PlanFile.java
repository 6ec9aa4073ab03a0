package footprint.report.trace;

import com.fasterxml.jackson.databind.JsonNode;
import footprint.model.Objective;
import footprint.model.PlantStatus;
import footprint.optimize.Plan;
import footprint.optimize.SolveStatus;
import footprint.report.html.LabeledPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A plan file written by {@code footprint solve --json}, read back into a {@link Plan} (the tables a
 * trace needs: plant-years, flows, lost sales, component flows, investments, decisions, KPIs) with
 * the model file it names in its {@code model} section.
 */
public record PlanFile(Path file, Plan plan, Optional<String> modelFile, Optional<String> modelName) {
    /**
     * Reads and checks a plan file.
     *
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException when it is not a plan; the message says what is wrong
     */
    public static PlanFile read(Path file) throws IOException {
        LabeledPlan labeled = LabeledPlan.read(file, file.toString());
        JsonNode model = labeled.model();
        String modelFile = model.path("file").asText("");
        String name = model.path("name").asText("");
        return new PlanFile(
                file,
                plan(labeled.plan()),
                modelFile.isEmpty() ? Optional.empty() : Optional.of(modelFile),
                name.isEmpty() ? Optional.empty() : Optional.of(name));
    }

    /** A plan tree (as {@code PlanJson.tree} writes it) as a {@link Plan}. */
    public static Plan plan(JsonNode doc) {
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
                status(doc.path("status").asText("")),
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
                                plantStatus(r),
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

    private static SolveStatus status(String word) {
        try {
            return SolveStatus.valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status '" + word + "' is not one of optimal, feasible, infeasible,"
                    + " unbounded, time-limit, error");
        }
    }

    private static PlantStatus plantStatus(JsonNode row) {
        String word = row.path("status").asText("");
        if (word.isEmpty()) {
            return row.path("running").asBoolean(true) ? PlantStatus.RUNNING : PlantStatus.IDLE;
        }
        try {
            return PlantStatus.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "plant status '" + word + "' of " + row.path("plant").asText() + " is not running, idle or closed");
        }
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
}
