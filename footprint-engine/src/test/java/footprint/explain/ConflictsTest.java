package footprint.explain;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.model.Network;
import footprint.optimize.Optimizer;
import footprint.optimize.SolveListener;
import footprint.optimize.SolveOptions;
import footprint.optimize.SolveStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConflictsTest {
    /*
     * The example: keep Kaluga's 1,800 jobs (and so keep it running: its idle workforce is
     * 500) with at least 20,000 vans a year while it runs, while every lane from Russia to the EU is
     * banned and Russia buys 5,000. Kaluga cannot sell its 20,000: no plan. Without the commitment
     * Kaluga idles; without the ban it sends 15,000 to France. The other rules (a ban from China, a
     * localisation rule Kaluga meets, Hordain's jobs, Hordain forced to run) take no part.
     */
    static final String MODEL = """
            footprint: 1
            name: conflict
            horizon: {from: 2022, to: 2024}
            currency: EUR
            countries:
              RU: {bloc: EAEU}
              FR: {bloc: EU}
              CN: {bloc: CN}
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
                - {id: china-imports, from: CN, to: EU, years: 2022-}
              local-content:
                - {id: eaeu-localisation, to: EAEU, min-share: 30%}
            commitments:
              - {plant: kaluga, min-jobs: 1800, min-output: 20000, years: 2022-2024}
              - {plant: hordain, min-jobs: 2000, years: 2022-2024}
            decisions:
              - {force: run, plant: hordain, years: 2022-}
            """;

    static int lineOf(String text, String fragment) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError(fragment + " not in the model");
    }

    @Test
    void names_exactly_the_rules_that_conflict_with_their_lines() {
        ModelRead read = ModelReader.read(MODEL, "conflict.yaml");
        Network n = read.network().orElseThrow();
        assertThat(Optimizer.solve(n).status()).isEqualTo(SolveStatus.INFEASIBLE);

        Conflict c = Conflicts.find(n, SolveOptions.plain(), SolveListener.NONE);

        assertThat(c.outcome()).isEqualTo(Conflict.Outcome.FOUND);
        assertThat(c.minimal()).isTrue();
        assertThat(c.rules()).extracting(Rule::path).containsExactly("commitments[1]", "trade.bans[1]");
        assertThat(c.rules())
                .extracting(Rule::text)
                .containsExactly(
                        "keep 1,800 jobs and build at least 20,000 vehicles a year while it runs at kaluga 2022-2024",
                        "nothing from RU to EU from 2022");
        assertThat(read.placeOf("commitments[1]").orElseThrow().line())
                .isEqualTo(lineOf(MODEL, "{plant: kaluga, min-jobs: 1800"));
        assertThat(read.placeOf("trade.bans[1]").orElseThrow().line()).isEqualTo(lineOf(MODEL, "russia-exports"));
        // per pass: families first (6), then what is left (2); two passes, after the 2 first checks
        assertThat(c.checks()).isLessThanOrEqualTo(2 + 2 * (6 + 2));
    }

    @Test
    void a_jobs_commitment_against_a_forced_idle_conflicts_without_the_bans() {
        String jobsOnly = MODEL.replace("min-jobs: 1800, min-output: 20000,", "min-jobs: 1800,")
                .replace(
                        "  - {force: run, plant: hordain, years: 2022-}\n",
                        "  - {force: idle, plant: kaluga, years: 2022-}\n");
        ModelRead read = ModelReader.read(jobsOnly, "jobs.yaml");
        Conflict c = Conflicts.find(read.network().orElseThrow(), SolveOptions.plain(), SolveListener.NONE);
        assertThat(c.rules()).extracting(Rule::path).containsExactly("commitments[1]", "decisions[1]");
        assertThat(c.rules())
                .extracting(Rule::text)
                .containsExactly("keep 1,800 jobs at kaluga 2022-2024", "kaluga idle from 2022");
    }

    @Test
    void of_two_conflicts_it_names_the_smaller() {
        /*
         * Two conflicts: the jobs kept against Kaluga forced idle (2 rules), and the jobs kept (so
         * Kaluga runs) with its export tender (20,000 vans while it runs) against the ban (3 rules).
         * The filter in the model's order keeps the second (it sets the decisions aside before the
         * commitments' rules one by one); the pass the other way round finds the first.
         */
        String two = MODEL.replace(
                        "  - {plant: kaluga, min-jobs: 1800, min-output: 20000, years: 2022-2024}\n",
                        "  - {plant: kaluga, min-output: 20000, years: 2022-2024}\n"
                                + "  - {plant: kaluga, min-jobs: 1800, years: 2022-2024}\n")
                .replace("  - {plant: hordain, min-jobs: 2000, years: 2022-2024}\n", "")
                .replace(
                        "  - {force: run, plant: hordain, years: 2022-}\n",
                        "  - {force: idle, plant: kaluga, years: 2022-}\n");
        Conflict c = Conflicts.find(
                ModelReader.read(two, "two.yaml").network().orElseThrow(), SolveOptions.plain(), SolveListener.NONE);
        assertThat(c.rules()).extracting(Rule::path).containsExactly("commitments[2]", "decisions[1]");
    }

    @Test
    void in_cost_mode_a_market_that_must_be_served_is_a_rule() {
        // Cost mode without a lost-sale penalty: RU must be served, but only kaluga reaches it, and it
        // is forced idle.
        String cost = MODEL.replace("currency: EUR\n", "currency: EUR\nobjective: cost\n")
                .replace(
                        "  - {force: run, plant: hordain, years: 2022-}\n",
                        "  - {force: idle, plant: kaluga, years: 2022-}\n")
                .replace("  - {plant: kaluga, min-jobs: 1800, min-output: 20000, years: 2022-2024}\n", "");
        Conflict c = Conflicts.find(
                ModelReader.read(cost, "cost.yaml").network().orElseThrow(), SolveOptions.plain(), SolveListener.NONE);
        assertThat(c.rules()).extracting(Rule::path).containsExactly("decisions[1]", "markets[RU]");
    }

    @Test
    void finds_the_conflict_of_the_reference_case_with_a_jobs_promise(@TempDir Path dir) throws IOException {
        // The Russia pause idles Kaluga from 2022 (a decision in russia-pause.yaml); seed 000 says its
        // 1,800 jobs were kept in 2022-2023. Both cannot hold, whatever else the case holds.
        Path pause = Path.of("..", "examples", "kaluga", "russia-pause.yaml")
                .toAbsolutePath()
                .normalize();
        Assumptions.assumeTrue(Files.exists(pause), "no reference case");
        Path jobs = dir.resolve("jobs-kept.yaml");
        Files.writeString(jobs, """
                footprint: 1
                extends: %s
                name: Russia pause, jobs kept
                changes:
                  - add: commitments
                    value: {plant: kaluga, min-jobs: 1800, years: 2022-2023, source: "seed 000"}
                """.formatted(pause));
        ModelRead read = ModelReader.read(jobs);
        assertThat(read.errors()).isEmpty();
        Conflict c = Conflicts.find(read.network().orElseThrow(), SolveOptions.plain(), SolveListener.NONE);
        assertThat(c.outcome()).isEqualTo(Conflict.Outcome.FOUND);
        assertThat(c.rules()).extracting(Rule::family).containsExactly(Rule.Family.COMMITMENT, Rule.Family.DECISION);
        Rule jobsKept = c.rules().get(0);
        Rule idle = c.rules().get(1);
        assertThat(jobsKept.text()).isEqualTo("keep 1,800 jobs at kaluga 2022-2023");
        assertThat(read.placeOf(jobsKept.path()).orElseThrow().file()).endsWith("jobs-kept.yaml");
        assertThat(read.placeOf(jobsKept.path()).orElseThrow().line()).isEqualTo(6);
        assertThat(idle.text()).isEqualTo("kaluga idle from 2022");
        assertThat(read.placeOf(idle.path()).orElseThrow().file()).endsWith("russia-pause.yaml");
        assertThat(read.placeOf(idle.path()).orElseThrow().line())
                .isEqualTo(lineOf(Files.readString(pause), "{force: idle, plant: kaluga"));
    }
}
