package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.report.compare.SmallNetworks;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static final Path KALUGA = Path.of("..", "examples", "kaluga");

    @Test
    void kaluga_paused_its_vans_move_to_hordain_and_luton_and_russian_demand_is_lost(@TempDir Path dir)
            throws IOException {
        Path json = dir.resolve("compare.json");
        Path html = dir.resolve("compare.html");
        Run r = run(
                "compare",
                KALUGA.resolve("base.yaml").toString(),
                KALUGA.resolve("russia-pause.yaml").toString(),
                "--json",
                json.toString(),
                "--html",
                html.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("base: solving").contains("russia-pause: optimal, NPV");
        assertThat(r.out())
                .contains("base: ")
                .contains("russia-pause: ")
                .contains("NPV")
                .contains("lost sales, all years")
                .contains("russia-pause against base")
                .contains("less than base")
                .contains("Kaluga idle 2022-2030 instead of running; jobs 500 instead of 1,800")
                .containsPattern("vans a year( \\([0-9,]+ to [0-9,]+\\))? move from Kaluga to Hordain, 2022-2030")
                .containsPattern("move from Kaluga to Luton")
                .contains("of demand in RU go unserved instead of being built at Kaluga")
                .contains("Kaluga's part of the NPV");
        // the biggest move comes before the smaller ones
        assertThat(r.out().indexOf("move from Kaluga to Hordain"))
                .isLessThan(r.out().indexOf("move from Kaluga to Luton"));

        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("reference").asText()).isEqualTo("base");
        assertThat(doc.get("plans")).hasSize(2);
        assertThat(doc.get("plans").get(1).get("plan").get("model").get("file").asText())
                .endsWith("russia-pause.yaml");
        JsonNode findings = doc.get("differences").get("russia-pause");
        assertThat(findings.get(0).get("kind").asText()).isEqualTo("npv");
        assertThat(findings.findValuesAsText("kind")).contains("status", "move", "lost", "money");
        assertThat(Files.readString(html)).contains("base").contains("russia-pause");
    }

    @Test
    void scenarios_compare_with_volumes_and_money(@TempDir Path dir) throws IOException {
        SmallNetworks.write(dir);
        Run r = run(
                "compare",
                dir.resolve("base.yaml").toString(),
                dir.resolve("pause.yaml").toString(),
                dir.resolve("bigger-north.yaml").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("pause against base")
                .contains("East idle 2026-2027 instead of running; jobs 50 instead of 400")
                .contains("vans a year of demand in FR go unserved instead of being built at East, 2026-2027")
                .contains("bigger-north against base")
                .contains("move from East to North, 2024-2027")
                .contains("North's part of the NPV");
    }

    @Test
    void the_same_model_twice_has_no_difference(@TempDir Path dir) throws IOException {
        SmallNetworks.write(dir);
        Files.copy(dir.resolve("base.yaml"), dir.resolve("again.yaml"));
        Run r = run(
                "compare",
                dir.resolve("base.yaml").toString(),
                dir.resolve("again.yaml").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("the same as base").contains("the same decisions and volumes");
    }

    @Test
    void a_bad_model_is_reported_and_the_rest_still_compared(@TempDir Path dir) throws IOException {
        SmallNetworks.write(dir);
        Files.writeString(
                dir.resolve("broken.yaml"),
                SmallNetworks.BASE.replace("capacity: {value: 1000", "capacty: {value: 1000"));
        Run r = run(
                "compare",
                dir.resolve("base.yaml").toString(),
                dir.resolve("broken.yaml").toString(),
                dir.resolve("bigger-north.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err())
                .contains("broken.yaml:")
                .contains("FP-E003")
                .contains("broken.yaml: ")
                .contains("left out of the comparison");
        assertThat(r.out()).contains("broken: ").contains("not solved").contains("bigger-north against base");
    }

    @Test
    void an_infeasible_scenario_is_named_and_the_rest_still_compared(@TempDir Path dir) throws IOException {
        SmallNetworks.write(dir);
        // in cost mode without lost-sale penalties every vehicle of demand must be built: more than both plants can
        Files.writeString(dir.resolve("stopped.yaml"), """
                footprint: 1
                extends: base.yaml
                changes:
                  - {set: objective, to: cost}
                """);
        Run r = run(
                "compare",
                dir.resolve("base.yaml").toString(),
                dir.resolve("stopped.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.INFEASIBLE);
        assertThat(r.err()).contains("stopped.yaml: no plan (infeasible)");
        assertThat(r.out()).contains("stopped: ").contains("infeasible").contains("left out of the comparison");
    }

    @Test
    void a_wrong_solver_is_a_usage_error() {
        Run r = run("compare", "a.yaml", "--solver", "gurobi");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
