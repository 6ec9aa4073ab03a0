package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plan files read back by report, trace and risk --plan: a plan names its model by hash and is
 * checked against its own format and against the model, and hostile files are refused with a clear
 * problem (exit 3), never a stack trace.
 */
class PlanFileCommandsTest {
    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static final Path KALUGA = Path.of("..", "examples", "kaluga");
    static final Path BASE = KALUGA.resolve("base.yaml");
    static final Path PAUSE = KALUGA.resolve("russia-pause.yaml");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path plan;

    @BeforeAll
    static void solve() {
        plan = dir.resolve("base.json");
        Run r = run("solve", BASE.toString(), "--json", plan.toString(), "--threads", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    /** A copy of the solved plan with one edit. */
    static Path edited(String name, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(plan.toFile());
        edit.accept(doc);
        Path out = dir.resolve(name);
        JSON.writeValue(out.toFile(), doc);
        return out;
    }

    static Run report(Path planFile) {
        Path html = dir.resolve("r-" + planFile.getFileName() + ".html");
        return run("report", planFile.toString(), "--html", html.toString(), "--force");
    }

    static void assertRefused(Run r, String... phrases) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains(phrases).doesNotContain("Exception").doesNotContain("internal error");
    }

    @Test
    void a_plan_names_its_model_by_the_hash_of_the_model_and_its_format() throws IOException {
        JsonNode doc = JSON.readTree(plan.toFile());
        assertThat(doc.path("planFormat").asInt()).isEqualTo(2);
        assertThat(doc.path("footprintVersion").asText()).isNotEmpty();
        assertThat(doc.path("model").path("sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(doc.path("model").path("sources")).hasSize(1);
        assertThat(doc.path("model").path("sources").get(0).path("file").asText())
                .endsWith("base.yaml");
    }

    @Test
    void report_trace_and_risk_read_back_the_plan_solve_wrote_without_a_word() {
        Run r = report(plan);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("warning").doesNotContain("error");
        Run t = run("trace", plan.toString(), "npv");
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.err()).doesNotContain("warning");
        Run k = run(
                "risk", BASE.toString(), "--plan", plan.toString(), "--samples", "2", "--no-swings", "--threads", "1");
        assertThat(k.exitCode()).as(k.err()).isZero();
        assertThat(k.err()).doesNotContain("FP-E023");
    }

    @Test
    void report_refuses_a_plan_whose_status_is_exploded() throws IOException {
        Path p = edited("exploded.json", d -> d.put("status", "exploded"));
        assertRefused(report(p), "exploded.json", "status 'exploded' is not one of optimal, feasible");
    }

    @Test
    void report_refuses_a_plan_whose_flows_are_a_thousand_times_larger() throws IOException {
        Path p = edited("x1000.json", d -> {
            for (JsonNode f : d.path("flows")) {
                ((ObjectNode) f).put("volume", f.path("volume").asDouble() * 1000);
            }
        });
        assertRefused(report(p), "x1000.json", "more than its capacity", "Solve the model again");
    }

    @Test
    void report_refuses_a_plan_with_a_year_outside_its_horizon() throws IOException {
        Path p = edited("year.json", d -> ((ObjectNode) d.path("flows").get(0)).put("year", 2042));
        assertRefused(report(p), "flows[0].year", "2042 is outside the plan's horizon 2021-2030");
    }

    @Test
    void report_refuses_a_plan_with_an_unknown_product() throws IOException {
        Path p = edited("product.json", d -> ((ObjectNode) d.path("flows").get(0)).put("product", "hoverboard"));
        assertRefused(report(p), "flows[0].product", "'hoverboard' is not one of the products");
    }

    @Test
    void trace_refuses_a_base_plan_against_the_russia_pause_model() {
        Run r = run("trace", plan.toString(), "npv", "--model", PAUSE.toString());
        assertRefused(
                r,
                "error FP-E023",
                "the plan was solved from",
                "base.yaml",
                "russia-pause.yaml",
                "another model or scenario",
                "footprint solve");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void risk_refuses_a_base_plan_against_the_russia_pause_model() {
        Run r = run(
                "risk", PAUSE.toString(), "--plan", plan.toString(), "--samples", "2", "--no-swings", "--threads", "1");
        assertRefused(r, "error FP-E023", "base.yaml", "russia-pause.yaml", "does not belong to the model");
    }

    @Test
    void trace_refuses_a_plan_whose_model_changed_since_it_was_solved(@TempDir Path own) throws IOException {
        Path model = own.resolve("base.yaml");
        Files.copy(BASE, model);
        Path p = own.resolve("plan.json");
        assertThat(run("solve", model.toString(), "--json", p.toString(), "--threads", "1")
                        .exitCode())
                .isZero();
        Files.writeString(model, Files.readString(model) + "# edited after the solve\n");
        assertRefused(run("trace", p.toString(), "npv"), "base.yaml", "differs", "solve");
    }

    @Test
    void trace_and_risk_refuse_flows_the_model_cannot_carry_even_when_the_plan_agrees_with_itself() throws IOException {
        // capacities raised with the flows, so the plan is consistent in itself: only the model can tell
        Path p = edited("carried.json", d -> {
            ObjectNode first = (ObjectNode) d.path("flows").get(0);
            first.put("volume", first.path("volume").asDouble() * 1000);
            for (JsonNode row : d.path("plants")) {
                ((ObjectNode) row).put("capacity", row.path("capacity").asDouble() * 1e6);
                ((ObjectNode) row).put("output", row.path("output").asDouble() * 1000);
            }
        });
        assertThat(report(p).exitCode()).isZero();
        assertRefused(run("trace", p.toString(), "npv"), "flows[0]", "the model's capacity there is", "at most");
        assertRefused(
                run("risk", BASE.toString(), "--plan", p.toString(), "--samples", "2", "--no-swings", "--threads", "1"),
                "the model's demand there is");
    }

    @Test
    void a_plan_written_before_plans_named_their_model_is_read_with_a_warning() throws IOException {
        Path p = edited("old.json", d -> {
            d.remove("planFormat");
            d.remove("footprintVersion");
            ((ObjectNode) d.path("model")).remove("sha256");
            ((ObjectNode) d.path("model")).remove("sources");
        });
        Run t = run("trace", p.toString(), "npv");
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.err()).contains("warning FP-E023").contains("does not name its model by hash");
        assertThat(report(p).exitCode()).isZero();
    }

    @Test
    void a_plan_nested_a_hundred_thousand_deep_is_refused_by_report_and_trace() throws IOException {
        Path deep = dir.resolve("deep.json");
        Files.writeString(deep, "[".repeat(100_000) + "]".repeat(100_000), StandardCharsets.UTF_8);
        assertRefused(report(deep), "deep.json", "nested more than 32 levels deep");
        assertRefused(run("trace", deep.toString(), "npv"), "nested more than 32 levels deep");
        assertRefused(
                run("risk", BASE.toString(), "--plan", deep.toString(), "--samples", "2", "--no-swings"),
                "nested more than 32 levels deep");
    }

    @Test
    void a_plan_holding_a_twenty_million_character_text_is_refused() throws IOException {
        Path huge = dir.resolve("huge.json");
        Files.writeString(huge, "{\"status\": \"" + "x".repeat(20_000_000) + "\"}", StandardCharsets.UTF_8);
        assertRefused(report(huge), "huge.json", "a text longer than 1,000,000 characters");
        assertRefused(run("trace", huge.toString(), "npv"), "a text longer than 1,000,000 characters");
    }

    @Test
    void a_plan_whose_horizon_runs_from_year_1_to_100_million_is_refused_before_anything_is_drawn() throws IOException {
        Path p = edited("horizon.json", d -> {
            ObjectNode h = (ObjectNode) d.path("model").path("horizon");
            h.put("firstYear", 1);
            h.put("lastYear", 100_000_000);
        });
        assertRefused(report(p), "model.horizon.firstYear is the number 1, not a year of four digits");
        Path wide = edited("wide.json", d -> {
            ObjectNode h = (ObjectNode) d.path("model").path("horizon");
            h.put("firstYear", 1000);
            h.put("lastYear", 9999);
        });
        assertRefused(report(wide), "is 9000 years long; a model's horizon is at most 101 years");
    }

    @Test
    void a_plan_that_is_not_json_or_not_a_regular_file_is_refused_with_its_place() throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"status\": \"optimal\",\n  \"kpis\": {");
        assertRefused(report(broken), "broken.json:2:", "not JSON");
        Path nan = dir.resolve("nan.json");
        Files.writeString(nan, "{\"status\": NaN}");
        assertRefused(report(nan), "nan.json:1:").doesNotContain("JsonReadFeature");
        assertRefused(run("trace", dir.toString(), "npv"), "not a regular file");
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "");
        assertRefused(report(empty), "the file is empty");
    }

    static org.assertj.core.api.AbstractStringAssert<?> assertRefused(Run r, String phrase) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.BAD_INPUT);
        return assertThat(r.err()).contains(phrase).doesNotContain("Exception");
    }
}
