package footprint.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.model.Ban;
import footprint.model.Decision;
import footprint.model.Network;
import footprint.model.check.Problem;
import footprint.model.check.ProblemCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {
    @TempDir
    Path dir;

    Network base;

    @BeforeEach
    void copyBase() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/models/tiny.yaml")) {
            Files.write(dir.resolve("base.yaml"), in.readAllBytes());
        }
        base = ModelReader.read(dir.resolve("base.yaml")).network().orElseThrow();
    }

    private ModelRead scenario(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return ModelReader.read(file);
    }

    @Test
    void an_empty_scenario_changes_nothing() throws IOException {
        ModelRead read = scenario("same.yaml", "footprint: 1\nextends: base.yaml\n");
        assertThat(read.errors()).isEmpty();
        assertThat(read.network()).contains(base);
    }

    @Test
    void set_add_remove_and_force_change_the_model() throws IOException {
        ModelRead read = scenario("s.yaml", """
                footprint: 1
                extends: base.yaml
                name: Smaller north, no eastern export
                source: "seed 000"
                changes:
                  - set: plants[north].capacity
                    to: {value: 700, source: "seed 000"}
                  - set: markets[FR].demand.expert.2024
                    to: {value: 1000, source: "seed 001"}
                  - remove: lanes[east->FR:rail]
                  - add: trade.bans
                    value: {id: no-imports, from: EU, to: RU, years: 2025-, source: "seed 000"}
                  - {force: run, plant: north, years: 2025-}
                """);
        assertThat(read.errors()).isEmpty();
        Network n = read.network().orElseThrow();
        assertThat(n.name()).isEqualTo("Smaller north, no eastern export");
        assertThat(n.plant("north").orElseThrow().capacity().nominal(2024)).isEqualTo(700);
        assertThat(n.market("FR").orElseThrow().demandFor("expert", 2024)).isEqualTo(1000);
        assertThat(n.market("FR").orElseThrow().demandFor("expert", 2025)).isEqualTo(1020);
        assertThat(n.lanes()).hasSize(base.lanes().size() - 1);
        assertThat(n.lanes()).noneMatch(l -> l.id().equals("east->FR:rail"));
        assertThat(n.bans()).extracting(Ban::id).containsExactly("ban-1", "no-imports");
        Decision d = n.decisions().get(0);
        assertThat(d.rule()).isEqualTo(Decision.Rule.FORCE);
        assertThat(d.action()).isEqualTo(Decision.Action.RUN);
        assertThat(d.plant()).isEqualTo("north");
        assertThat(d.source().orElseThrow().text()).isEqualTo("seed 000");
        // everything not changed is as in the base
        assertThat(n.products()).isEqualTo(base.products());
        assertThat(n.plant("east")).isEqualTo(base.plant("east"));
    }

    @Test
    void a_scenario_can_extend_a_scenario_and_later_changes_win() throws IOException {
        scenario("first.yaml", """
                footprint: 1
                extends: base.yaml
                changes:
                  - {set: plants.north.capacity, to: 700}
                  - add: plants
                    id: south
                    value: {country: FR, capacity: 300, platforms: [van]}
                """);
        ModelRead read = scenario("second.yaml", """
                footprint: 1
                extends: first.yaml
                changes:
                  - {set: "plants[north].capacity", to: 650}
                """);
        assertThat(read.errors()).isEmpty();
        Network n = read.network().orElseThrow();
        assertThat(n.plant("north").orElseThrow().capacity().nominal(2025)).isEqualTo(650);
        assertThat(n.plant("south")).isPresent();
    }

    @Test
    void problems_in_values_a_scenario_sets_point_at_the_scenario_line() throws IOException {
        ModelRead read = scenario("bad.yaml", """
                footprint: 1
                extends: base.yaml
                changes:
                  - set: plants[north].capacity
                    to: {low: 10, high: 5}
                  - set: plants[north].country
                    to: XX
                """);
        assertThat(read.network()).isEmpty();
        assertThat(read.errors())
                .extracting(p -> p.code())
                .contains(ProblemCode.BAD_UNCERTAINTY, ProblemCode.UNKNOWN_REFERENCE);
        for (Problem p : read.errors()) {
            assertThat(p.location().orElseThrow().file()).endsWith("bad.yaml");
        }
        Problem range = read.errors().stream()
                .filter(p -> p.code() == ProblemCode.BAD_UNCERTAINTY)
                .findFirst()
                .orElseThrow();
        assertThat(range.location().orElseThrow().line()).isEqualTo(5);
        Problem country = read.errors().stream()
                .filter(p -> p.code() == ProblemCode.UNKNOWN_REFERENCE)
                .findFirst()
                .orElseThrow();
        assertThat(country.location().orElseThrow().line()).isEqualTo(7);
    }

    @Test
    void a_path_that_names_nothing_is_reported_with_a_hint_and_the_other_changes_still_checked() throws IOException {
        ModelRead read = scenario("typo.yaml", """
                footprint: 1
                extends: base.yaml
                changes:
                  - set: plants[nort].capacity
                    to: 5
                  - remove: trade.bans[no-such-ban]
                  - set: plants[north].capacity
                    to: -5
                """);
        assertThat(read.network()).isEmpty();
        assertThat(read.errors())
                .filteredOn(p -> p.code() == ProblemCode.BAD_CHANGE)
                .hasSize(2);
        assertThat(read.errors().get(0).message()).contains("did you mean 'north'?");
        assertThat(read.errors().get(0).location().orElseThrow().line()).isEqualTo(4);
        assertThat(read.errors())
                .anyMatch(p -> p.code() == ProblemCode.OUT_OF_RANGE
                        && p.location().orElseThrow().line() == 8);
    }

    @Test
    void a_missing_base_and_a_cycle_are_refused() throws IOException {
        ModelRead missing = scenario("missing.yaml", "footprint: 1\nextends: nowhere.yaml\n");
        assertThat(missing.errors()).extracting(Problem::code).contains(ProblemCode.BAD_BASE, ProblemCode.REFUSED);
        scenario("a.yaml", "footprint: 1\nextends: b.yaml\n");
        ModelRead cycle = scenario("b.yaml", "footprint: 1\nextends: a.yaml\n");
        assertThat(cycle.network()).isEmpty();
        assertThat(cycle.errors())
                .anyMatch(p -> p.code() == ProblemCode.BAD_BASE && p.message().contains("cycle"));
    }

    @Test
    void tree_paths_parse_ids_with_dots_and_lane_names() {
        assertThat(TreePath.parse("plants[kaluga].capacity").keys()).containsExactly("plants", "kaluga", "capacity");
        assertThat(TreePath.parse("lanes[kaluga->FR:rail].cost").keys())
                .containsExactly("lanes", "kaluga->FR:rail", "cost");
        assertThat(TreePath.parse("plants[v1.2].capacity.2024").keys())
                .containsExactly("plants", "v1.2", "capacity", "2024");
        assertThat(TreePath.parse("trade.bans[2]").keys()).containsExactly("trade", "bans", "2");
    }

    @Test
    void the_read_remembers_where_each_rule_was_written_even_in_a_scenario() throws IOException {
        ModelRead read = scenario("placed.yaml", """
                footprint: 1
                extends: base.yaml
                changes:
                  - {force: idle, plant: east, years: 2026}
                """);
        assertThat(read.errors()).isEmpty();
        assertThat(read.placeOf("decisions[1]").orElseThrow().file()).endsWith("placed.yaml");
        assertThat(read.placeOf("decisions[1]").orElseThrow().line()).isEqualTo(4);
        assertThat(read.placeOf("plants[north].capacity").orElseThrow().file()).endsWith("base.yaml");
        assertThat(read.placeOf("plants[north].capacity").orElseThrow().line()).isEqualTo(16);
    }
}
