package footprint.report.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.model.Objective;
import footprint.model.PlantStatus;
import footprint.optimize.Plan;
import footprint.optimize.SolveStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the strategic decisions of a plan written by {@code footprint solve --json}: each plant's
 * status per year ({@code plants}) and the platforms tooled ({@code investments}). Flows are not
 * read: a risk run re-solves them.
 */
public final class PlanFile {
    private PlanFile() {}

    /**
     * The plan's decisions.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     * @throws IOException when the file cannot be read
     */
    public static Plan read(Path file) throws IOException {
        JsonNode doc = new ObjectMapper().readTree(file.toFile());
        if (doc == null || !doc.isObject()) {
            throw new IllegalArgumentException(
                    file + " is not a plan: expected a JSON object from footprint solve --json");
        }
        String statusWord = doc.path("status").asText("");
        SolveStatus status;
        try {
            status = SolveStatus.valueOf(statusWord.toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": unknown plan status '" + statusWord + "'", e);
        }
        if (!status.hasPlan()) {
            throw new IllegalArgumentException(file + " holds no plan (status " + statusWord + ")");
        }
        Objective mode = "cost".equalsIgnoreCase(doc.path("mode").asText("npv")) ? Objective.COST : Objective.NPV;
        JsonNode plants = doc.path("plants");
        if (!plants.isArray() || plants.isEmpty()) {
            throw new IllegalArgumentException(file + " has no plants: expected the plan's plants by year");
        }
        List<Plan.PlantYear> rows = new ArrayList<>();
        for (JsonNode p : plants) {
            String word = p.path("status").asText("");
            PlantStatus s;
            try {
                s = PlantStatus.valueOf(word.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        file + ": plant " + p.path("plant").asText("?") + " has unknown status '" + word + "'", e);
            }
            rows.add(new Plan.PlantYear(p.path("plant").asText(), p.path("year").asInt(), s, 0, 0, 0, 0, 0));
        }
        List<Plan.Investment> tools = new ArrayList<>();
        for (JsonNode i : doc.path("investments")) {
            tools.add(new Plan.Investment(
                    i.path("plant").asText(),
                    i.path("platform").asText(),
                    i.path("year").asInt(),
                    0));
        }
        return new Plan(
                status,
                mode,
                "file",
                doc.path("objective").asDouble(Double.NaN),
                Double.NaN,
                Double.NaN,
                0,
                0,
                new Plan.Size(0, 0, 0, 0),
                Plan.Kpis.ZERO,
                rows,
                List.of(),
                List.of(),
                List.of(),
                tools,
                List.of(),
                List.of("read from " + file));
    }
}
