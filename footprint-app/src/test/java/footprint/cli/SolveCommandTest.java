package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolveCommandTest {
    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** Two plants, two markets; east is banned from FR. The optimum is 22.77 M EUR (see HandSolvedTest). */
    static final String MODEL = """
            footprint: 1
            name: two plants
            horizon: {from: 2024, to: 2024}
            currency: EUR
            countries:
              FR: {bloc: EU}
              RU: {bloc: EAEU}
            platforms:
              van: {}
            plants:
              north: {country: FR, capacity: 1000, workforce: 900, fixed-cost: 1.0e6, variable-cost: 10000, platforms: [van]}
              east: {country: RU, capacity: 300, workforce: 400, fixed-cost: 0.5e6, variable-cost: 6000, platforms: [van]}
            products:
              expert: {brand: Peugeot, segment: van, platform: van, price: {FR: 30000, RU: 25000}}
            markets:
              FR: {country: FR, demand: {expert: 900}}
              RU: {country: RU, demand: {expert: 500}}
            lanes:
              - {from: north, to: FR, cost: 300}
              - {from: north, to: RU, cost: 1000}
              - {from: east, to: RU, cost: 200}
              - {from: east, to: FR, cost: 900}
            trade:
              bans:
                - {from: RU, to: EU, brands: [Peugeot]}
              duties:
                - {from: EU, to: EAEU, rate: 20%}
            """;

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void prints_the_summary_and_writes_the_plan_and_the_mps(@TempDir Path dir) throws IOException {
        Path model = write(dir, "two.yaml", MODEL);
        Path json = dir.resolve("plan.json");
        Path mps = dir.resolve("model.mps");
        Run r = run(
                "solve",
                model.toString(),
                "--json",
                json.toString(),
                "--mps",
                mps.toString(),
                "--solver",
                "scip",
                "--seed",
                "3",
                "--gap",
                "1e-6",
                "--time-limit",
                "60");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("two plants")
                .contains("Optimal plan: NPV 22.8 M EUR")
                .contains("revenue")
                .contains("duties")
                .contains("north")
                .contains("100%")
                .contains("Jobs kept")
                .contains("Lost sales (vehicles)")
                .contains("RU");
        assertThat(r.err()).contains("Solving with scip");

        JsonNode plan = new ObjectMapper().readTree(json.toFile());
        assertThat(plan.get("status").asText()).isEqualTo("optimal");
        assertThat(plan.get("objective").asDouble()).isCloseTo(22.77e6, within(1.0));
        assertThat(plan.get("bestBound").asDouble()).isCloseTo(22.77e6, within(100.0));
        assertThat(plan.get("gap").asDouble()).isLessThan(1e-4);
        assertThat(plan.get("buildSeconds").asDouble()).isNotNegative();
        assertThat(plan.get("solveSeconds").asDouble()).isNotNegative();
        assertThat(plan.get("kpis").get("duties").asDouble()).isCloseTo(500e3, within(1.0));
        assertThat(plan.get("plants")).hasSize(2);
        JsonNode north = plan.get("plants").get(0);
        assertThat(north.get("running").asBoolean()).isTrue();
        assertThat(north.get("output").asDouble()).isCloseTo(1000, within(1e-6));
        assertThat(north.get("utilisation").asDouble()).isCloseTo(1, within(1e-9));
        assertThat(north.get("capacityShadowPrice").asDouble()).isCloseTo(9000, within(1e-6));
        assertThat(plan.get("flows")).hasSize(3);
        assertThat(plan.get("lostSales")).hasSize(1);
        assertThat(plan.has("investments")).isTrue();
        assertThat(plan.has("decisions")).isTrue();

        String text = Files.readString(mps);
        assertThat(text)
                .contains("flow[north,expert,FR,2024]")
                .contains("capacity[east,2024]")
                .contains("demand[RU,expert,2024]");
    }

    @Test
    void solve_without_the_flag_chooses_the_techniques_and_says_which_and_why(@TempDir Path dir) throws IOException {
        Path model = write(dir, "two.yaml", MODEL);
        Path json = dir.resolve("plan.json");
        Run r = run("solve", model.toString(), "--json", json.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        String line = "techniques: none (auto: facility-location shape, 2 plants x 2 markets, 3 arcs: small enough"
                + " for the plain MILP)";
        assertThat(r.out()).contains("Optimal plan: NPV 22.8 M EUR").contains("\n  " + line + "\n");
        assertThat(r.err()).contains("Techniques: none (auto: facility-location shape");
        JsonNode techniques = new ObjectMapper().readTree(json.toFile()).get("techniques");
        assertThat(techniques.get("names")).isEmpty();
        assertThat(techniques.get("auto").asBoolean()).isTrue();
        assertThat(techniques.get("reason").asText()).startsWith("facility-location shape, 2 plants x 2 markets");
    }

    @Test
    void named_techniques_are_reported_as_asked(@TempDir Path dir) throws IOException {
        Path model = write(dir, "two.yaml", MODEL);
        Path json = dir.resolve("plan.json");
        Run r = run("solve", model.toString(), "--techniques", "recommended", "--json", json.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Optimal plan: NPV 22.8 M EUR")
                .contains("  techniques: lagrangian, warm-start, reduced-cost-fixing (as asked)\n");
        JsonNode techniques = new ObjectMapper().readTree(json.toFile()).get("techniques");
        assertThat(techniques.get("names").toString())
                .isEqualTo("[\"lagrangian\",\"warm-start\",\"reduced-cost-fixing\"]");
        assertThat(techniques.get("auto").asBoolean()).isFalse();
        assertThat(run("solve", model.toString(), "--techniques", "none").out())
                .contains("  techniques: none (as asked)\n");
    }

    @Test
    void auto_does_not_combine_with_named_techniques(@TempDir Path dir) throws IOException {
        Path model = write(dir, "two.yaml", MODEL);
        Run r = run("solve", model.toString(), "--techniques", "auto,lagrangian");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("auto lets Footprint choose the techniques and stands alone");
    }

    @Test
    void an_infeasible_model_exits_4(@TempDir Path dir) throws IOException {
        // Cost mode, no lost-sale penalty, and no lane reaches RU: its demand cannot be served.
        String infeasible = MODEL.replace("currency: EUR\n", "currency: EUR\nobjective: cost\n")
                .replace("  - {from: north, to: RU, cost: 1000}\n", "")
                .replace("  - {from: east, to: RU, cost: 200}\n", "");
        Run r = run("solve", write(dir, "no-way.yaml", infeasible).toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.INFEASIBLE);
        assertThat(r.out()).contains("No plan").contains("infeasible");
    }

    @Test
    void a_model_with_errors_exits_3_with_its_problems(@TempDir Path dir) throws IOException {
        Run r = run(
                "solve",
                write(dir, "bad.yaml", MODEL.replace("country: RU, capacity", "country: XX, capacity"))
                        .toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err())
                .contains("bad.yaml")
                .contains("plants[east].country")
                .contains("nothing solved");
    }

    @Test
    void an_unknown_solver_is_a_usage_error(@TempDir Path dir) throws IOException {
        Run r = run("solve", write(dir, "two.yaml", MODEL).toString(), "--solver", "gurobi");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("no solver 'gurobi'").contains("scip, highs, cbc");
    }

    @Test
    void every_backend_finds_the_same_optimum(@TempDir Path dir) throws IOException {
        Path model = write(dir, "two.yaml", MODEL);
        for (String solver : new String[] {"scip", "highs", "cbc"}) {
            Run r = run("solve", model.toString(), "--solver", solver);
            assertThat(r.exitCode()).as(solver + ": " + r.err()).isZero();
            assertThat(r.out()).as(solver).contains("Optimal plan: NPV 22.8 M EUR");
        }
    }

    @Test
    void cost_mode_prints_the_cost_and_the_lost_sale_penalty(@TempDir Path dir) throws IOException {
        // Serving RU from north costs 11,000 + 5,000 duty; the penalty of 12,000 is cheaper.
        String cost = MODEL.replace("currency: EUR\n", "currency: EUR\nobjective: cost\n")
                .replace(
                        "RU: {country: RU, demand: {expert: 500}}",
                        "RU: {country: RU, demand: {expert: 500}, lost-sale-penalty: 12000}")
                .replace(
                        "FR: {country: FR, demand: {expert: 900}}",
                        "FR: {country: FR, demand: {expert: 900}, lost-sale-penalty: 50000}");
        Run r = run("solve", write(dir, "cost.yaml", cost).toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Optimal plan: cost")
                .contains("lost-sale penalty")
                .contains("= objective");
    }
}
