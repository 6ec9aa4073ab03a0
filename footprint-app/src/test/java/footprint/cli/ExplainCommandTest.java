package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.cli.SolveCommandTest.Run;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
    /*
     * main (FR) serves FR: 900 vans, margin 19,700, fixed 1.0M. spare (RU) could serve RU: 100 vans
     * at a margin of 2,000, fixed 0.5M: it idles. Forcing it to run costs 0.5M - 0.2M = 0.3M.
     */
    static final String MODEL = """
            footprint: 1
            name: spare plant
            horizon: {from: 2024, to: 2024}
            currency: EUR
            countries:
              FR: {bloc: EU}
              RU: {bloc: EAEU}
            platforms:
              van: {}
            plants:
              main: {country: FR, capacity: 1000, workforce: 900, fixed-cost: 1.0e6, variable-cost: 10000, platforms: [van]}
              spare: {country: RU, capacity: 200, workforce: 300, fixed-cost: 0.5e6, variable-cost: 6000, platforms: [van]}
            products:
              expert: {brand: Peugeot, segment: van, platform: van, price: {FR: 30000, RU: 8200}}
            markets:
              FR: {country: FR, demand: {expert: 900}}
              RU: {country: RU, demand: {expert: 100}}
            lanes:
              - {from: main, to: FR, mode: road, cost: 300}
              - {from: main, to: FR, mode: rail, cost: 500}
              - {from: spare, to: RU, cost: 200}
            """;

    @Test
    void prints_what_forcing_a_decision_costs_and_what_else_changes(@TempDir Path dir) throws IOException {
        Path model = SolveCommandTest.write(dir, "spare.yaml", MODEL);
        Path json = dir.resolve("why.json");
        Run r = SolveCommandTest.run(
                "explain", model.toString(), "--decision", "running(spare,2024)", "--json", json.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .contains("In the plan, spare is idle in 2024.")
                .contains("Forced the other way: spare runs in 2024.")
                .contains("Forcing it would lower the NPV by 0.3 M EUR")
                .contains("spare runs in 2024 (is idle in the plan)")
                .containsPattern("spare\\s+2024 \\+100")
                .containsPattern("RU\\s+2024 -100")
                .containsPattern("fixed cost\\s+-0\\.5 M");
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("decision").asText()).isEqualTo("running(spare,2024)");
        assertThat(doc.get("inPlan").asBoolean()).isFalse();
        assertThat(doc.get("difference").asDouble()).isCloseTo(-0.3e6, within(1e-3));
        assertThat(doc.get("worseBy").asDouble()).isCloseTo(0.3e6, within(1e-3));
        assertThat(doc.at("/changes/plantStates/0/after").asText()).isEqualTo("running");
        assertThat(doc.at("/kpiDifference/fixedCost").asDouble()).isCloseTo(0.5e6, within(1e-3));
    }

    @Test
    void a_lane_the_plan_leaves_empty_takes_the_volume_forced_onto_it(@TempDir Path dir) throws IOException {
        Run r = SolveCommandTest.run(
                "explain",
                SolveCommandTest.write(dir, "spare.yaml", MODEL).toString(),
                "--decision",
                "lane(main->FR:rail,2024)",
                "--volume",
                "10");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .contains(
                        "main->FR:rail carries nothing in 2024: the 900 vehicles from main to FR go by a cheaper lane")
                .contains("at least 10 vehicles go on main->FR:rail in 2024")
                .contains("Forcing it would lower the NPV by 2,000 EUR")
                .contains("2,000 EUR of extra freight");
    }

    @Test
    void a_forcing_that_breaks_a_rule_prints_the_conflict_with_its_line(@TempDir Path dir) throws IOException {
        String forced = MODEL + "decisions:\n  - {force: idle, plant: spare, years: 2024}\n";
        Path model = SolveCommandTest.write(dir, "forced.yaml", forced);
        Run r = SolveCommandTest.run("explain", model.toString(), "--decision", "idle(spare,2024)");
        int line = lineOf(forced, "force: idle");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .contains("Forced the other way: spare is not idle in 2024.")
                .contains("forced   no plan (infeasible)")
                .contains("These rules cannot hold while spare is not idle in 2024 (set any one aside and a plan"
                        + " exists):\n  decisions[1] (" + model + ":" + line + "): spare idle in 2024");
    }

    @Test
    void a_malformed_decision_exits_2_and_an_unknown_one_3(@TempDir Path dir) throws IOException {
        Path model = SolveCommandTest.write(dir, "spare.yaml", MODEL);
        Run bad = SolveCommandTest.run("explain", model.toString(), "--decision", "runing(spare,2024)");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("'runing' is not a kind of decision").contains("running(PLANT,YEAR)");

        Run unknown = SolveCommandTest.run("explain", model.toString(), "--decision", "running(spar,2024)");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).contains("no plant 'spar'").contains("Did you mean 'spare'?");

        Run year = SolveCommandTest.run("explain", model.toString(), "--decision", "running(spare,2031)");
        assertThat(year.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(year.err()).contains("outside the model's horizon");

        Run missing = SolveCommandTest.run("explain", model.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void solve_prints_the_conflict_of_an_infeasible_model_and_exits_4(@TempDir Path dir) throws IOException {
        // The example: Kaluga's 1,800 jobs and 20,000 vans a year kept, every lane from Russia
        // to the EU banned, Russia buying 5,000.
        String model = """
                footprint: 1
                name: conflict
                horizon: {from: 2022, to: 2024}
                currency: EUR
                countries:
                  RU: {bloc: EAEU}
                  FR: {bloc: EU}
                platforms:
                  van: {}
                plants:
                  kaluga: {country: RU, capacity: 100000, workforce: 1800, idle-workforce: 500, fixed-cost: 40e6, variable-cost: 15000, platforms: [van]}
                  hordain: {country: FR, capacity: 160000, workforce: 3000, fixed-cost: 160e6, variable-cost: 21000, platforms: [van]}
                products:
                  expert: {brand: Peugeot, segment: van, platform: van, price: {default: 30000}}
                markets:
                  RU: {country: RU, demand: {expert: 5000}}
                  FR: {country: FR, demand: {expert: 60000}}
                lanes:
                  - {from: kaluga, to: RU, cost: 200}
                  - {from: kaluga, to: FR, mode: rail, cost: 1400}
                  - {from: hordain, to: FR, cost: 300}
                trade:
                  bans:
                    - {id: russia-exports, from: RU, to: EU, years: 2022-}
                commitments:
                  - {plant: kaluga, min-jobs: 1800, min-output: 20000, years: 2022-2024}
                  - {plant: hordain, min-jobs: 2000, years: 2022-2024}
                """;
        Path file = SolveCommandTest.write(dir, "jobs.yaml", model);
        Run r = SolveCommandTest.run("solve", file.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.INFEASIBLE);
        assertThat(r.out())
                .contains("No plan")
                .contains("These rules cannot all hold")
                .contains("commitments[1] (" + file + ":" + lineOf(model, "{plant: kaluga")
                        + "): keep 1,800 jobs and build at least 20,000 vehicles a year"
                        + " while it runs at kaluga 2022-2024")
                .contains("trade.bans[1] (" + file + ":" + lineOf(model, "russia-exports")
                        + "): nothing from RU to EU from 2022")
                .doesNotContain("commitments[2]");
    }

    static int lineOf(String text, String fragment) {
        return (int) text.lines().takeWhile(l -> !l.contains(fragment)).count() + 1;
    }
}
