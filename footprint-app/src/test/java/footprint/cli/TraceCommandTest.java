package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trace on the reference case: the Russia pause solved once, then traced several ways. */
class TraceCommandTest {
    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static final Path PAUSE = Path.of("..", "examples", "kaluga", "russia-pause.yaml");

    @TempDir
    static Path dir;

    static Path plan;

    @BeforeAll
    static void solve() {
        plan = dir.resolve("pause.json");
        Run r = run("solve", PAUSE.toString(), "--json", plan.toString(), "--threads", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void the_cost_of_idle_kaluga_lists_its_assumptions_and_the_scenario_that_idled_it() {
        Run r = run("trace", plan.toString(), "cost(kaluga,2027)");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("cost(kaluga,2027) = ")
                .contains("kaluga is idle in 2027")
                .contains("idle cost")
                .contains("plants[kaluga].idle-cost = 1,200,000,000  (range 900,000,000 to 1,800,000,000)")
                .contains("assumption: site, security and core staff")
                .containsPattern("at \\S*base\\.yaml:\\d+:\\d+")
                .contains("fx.RUB.2026")
                .contains("discount-rate")
                .contains("plants[kaluga].ownership")
                .contains("effect: ")
                .contains("Rules")
                .contains("force idle kaluga 2022-")
                .contains("from an article: seed 001: manufacturing paused since 2022")
                .containsPattern("set by the scenario change at \\S*russia-pause\\.yaml:\\d+:\\d+: add to decisions");
    }

    @Test
    void a_flow_from_kaluga_to_france_is_banned_by_the_pause() {
        Run r = run("trace", plan.toString(), "flow(kaluga,expert,FR,2027)");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("flow(kaluga,expert,FR,2027) = 0 vehicles")
                .contains("banned by russia-vehicles")
                .contains("products[expert].price.default")
                .contains("trade.bans[")
                .containsPattern("set by the scenario change at \\S*russia-pause\\.yaml:\\d+:\\d+: add to trade.bans");
    }

    @Test
    void the_npv_traced_is_the_plans() throws IOException {
        double npv = new ObjectMapper()
                .readTree(plan.toFile())
                .get("kpis")
                .get("npv")
                .asDouble();
        Run r = run("trace", plan.toString(), "npv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("npv = " + footprint.report.Format.millions(npv) + " EUR")
                .doesNotContain("note: the plan file says")
                .contains("hordain:")
                .contains("... and ");
        Run all = run("trace", plan.toString(), "npv", "--all");
        assertThat(all.out()).doesNotContain("... and ").contains("lanes[");
    }

    @Test
    void russian_demand_is_lost_because_kaluga_is_idle_and_imports_are_banned() {
        Run r = run("trace", plan.toString(), "lost(RU,expert,2027)");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("kaluga: kaluga is idle in 2027")
                .contains("hordain: banned by russia-imports")
                .contains("markets[RU].segments.all-cars.group-share")
                .contains("markets[RU].segments.all-cars.volume.2026")
                .contains("fact from an article: seed 001");
    }

    @Test
    void bad_targets_and_plans_say_what_is_wrong() throws IOException {
        assertThat(run("trace", plan.toString(), "profit").exitCode()).isEqualTo(ExitCode.USAGE);
        Run unknown = run("trace", plan.toString(), "cost(paris,2027)");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("'paris' is not a plant").contains("kaluga, hordain");
        Run missing = run("trace", dir.resolve("none.json").toString(), "npv");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("does not exist");
        Path notPlan = dir.resolve("not-a-plan.json");
        Files.writeString(notPlan, "[1, 2]");
        assertThat(run("trace", notPlan.toString(), "npv").err()).contains("not a JSON object");
    }

    @Test
    void a_plan_without_its_model_file_needs_model() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = (ObjectNode) json.readTree(plan.toFile());
        ((ObjectNode) doc.get("model")).remove("file");
        Path anonymous = dir.resolve("anonymous.json");
        json.writeValue(anonymous.toFile(), doc);

        Run r = run("trace", anonymous.toString(), "npv");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--model FILE");
        Run given = run("trace", anonymous.toString(), "running(kaluga,2021)", "--model", PAUSE.toString());
        assertThat(given.exitCode()).as(given.err()).isZero();
        assertThat(given.out()).contains("running(kaluga,2021) = yes");
    }
}
