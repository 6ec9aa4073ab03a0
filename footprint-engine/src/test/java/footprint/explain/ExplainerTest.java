package footprint.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.model.LaneMode;
import footprint.model.Network;
import footprint.model.PlantStatus;
import footprint.optimize.SolveListener;
import footprint.optimize.SolveOptions;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExplainerTest {
    /*
     * One year, no discounting, group share 100 %. main (FR): capacity 1,000, fixed 1.0M, 10,000 a
     * van, serves FR (900 vans at 30,000) by road at 300 (margin 19,700) or by rail at 500. spare
     * (RU): capacity 200, fixed 0.5M, 6,000 a van, reaches only RU (100 vans at 8,200, freight 200:
     * margin 2,000). spare's margin, 100 x 2,000 = 0.2M, is below its fixed cost: it idles (idle
     * cost 0) and RU loses its 100 vans. NPV = 900 x 19,700 - 1.0M = 16.73M.
     *
     * Forcing spare to run costs its fixed cost less its margin: 0.5M - 0.2M = 0.3M of NPV.
     * Closing main->FR:road moves the 900 vans to rail: 900 x 200 = 0.18M.
     * Forcing 10 vans onto the rail lane the plan leaves empty: 10 x 200 = 2,000.
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

    static Network read(String yaml) {
        ModelRead read = ModelReader.read(yaml, "test.yaml");
        if (read.network().isEmpty()) {
            throw new AssertionError("the test model has errors:\n"
                    + read.errors().stream().map(Object::toString).collect(Collectors.joining("\n")));
        }
        return read.network().get();
    }

    static Explanation explain(Network n, String decision, double volume) {
        return explain(n, decision, volume, SolveOptions.plain().withGap(1e-9));
    }

    static Explanation explain(Network n, String decision, double volume, SolveOptions options) {
        return Explainer.explain(n, NamedDecision.parse(decision), volume, options, SolveListener.NONE);
    }

    @Test
    void forcing_an_idle_plant_to_run_costs_its_fixed_cost_less_its_margin() {
        Explanation e = explain(read(MODEL), "running(spare,2024)", 1);

        assertThat(e.plan().objective()).isCloseTo(16.73e6, within(1e-3));
        assertThat(e.inPlan()).isFalse();
        assertThat(e.planSays()).isEqualTo("spare is idle in 2024");
        assertThat(e.forcedAs()).isEqualTo("spare runs in 2024");
        assertThat(e.difference()).isCloseTo(-0.3e6, within(1e-3));
        assertThat(e.worseBy()).isCloseTo(0.3e6, within(1e-3));
        assertThat(e.states())
                .containsExactly(new Explanation.StateChange("spare", 2024, PlantStatus.IDLE, PlantStatus.RUNNING));
        assertThat(e.volumes()).singleElement().satisfies(v -> {
            assertThat(v.plant()).isEqualTo("spare");
            assertThat(v.change()).isCloseTo(100, within(1e-6));
        });
        assertThat(e.lostSales()).singleElement().satisfies(l -> {
            assertThat(l.market()).isEqualTo("RU");
            assertThat(l.change()).isCloseTo(-100, within(1e-6));
        });
        assertThat(e.conflict()).isEmpty();
    }

    @Test
    void the_plans_option_value_agrees_with_the_full_counterfactual_here() {
        // Nothing else can move, so the cheap counterfactual of the plan's why (every other decision
        // kept) equals explain's full re-solve: 0.3M.
        Explanation e = explain(read(MODEL), "running(spare,2024)", 1);
        assertThat(e.plan().why().options())
                .filteredOn(o -> o.plant().equals("spare"))
                .singleElement()
                .satisfies(o -> assertThat(o.reducedCost()).isCloseTo(0.3e6, within(1e-3)));
    }

    @Test
    void closing_a_lane_the_plan_uses_moves_its_flow_to_the_next_lane() {
        Explanation e = explain(read(MODEL), "lane(main->FR:road,2024)", 1);
        assertThat(e.inPlan()).isTrue();
        assertThat(e.planSays()).isEqualTo("main->FR:road carries 900 vehicles in 2024");
        assertThat(e.forcedAs()).isEqualTo("main->FR:road is closed in 2024");
        assertThat(e.difference()).isCloseTo(-900 * 200.0, within(1e-3));
        assertThat(e.volumes()).isEmpty();
    }

    @Test
    void forcing_flow_onto_an_unused_dearer_lane_costs_its_extra_freight() {
        Explanation e = explain(read(MODEL), "lane(main->FR:rail,2024)", 10);
        assertThat(e.inPlan()).isFalse();
        assertThat(e.forcedAs()).isEqualTo("at least 10 vehicles go on main->FR:rail in 2024");
        assertThat(e.extraFreight()).isCloseTo(2000, within(1e-9));
        assertThat(e.difference()).isCloseTo(-2000, within(1e-3));
    }

    @Test
    void a_forcing_that_breaks_a_rule_names_the_rule() {
        // spare forced idle by the model; asking what running it would cost conflicts with that.
        String forcedIdle = MODEL + "decisions:\n  - {force: idle, plant: spare, years: 2024}\n";
        Explanation e = explain(read(forcedIdle), "idle(spare,2024)", 1);
        assertThat(e.inPlan()).isTrue();
        assertThat(e.forced().orElseThrow().hasPlan()).isFalse();
        assertThat(e.difference()).isNaN();
        Conflict c = e.conflict().orElseThrow();
        assertThat(c.outcome()).isEqualTo(Conflict.Outcome.FOUND);
        assertThat(c.rules()).extracting(Rule::path).containsExactly("decisions[1]");
        assertThat(c.rules().get(0).text()).isEqualTo("spare idle in 2024");
    }

    @Test
    void parses_every_kind_of_decision() {
        assertThat(NamedDecision.parse(" running( kaluga , 2027 ) "))
                .isEqualTo(new NamedDecision.PlantState("kaluga", PlantStatus.RUNNING, 2027));
        assertThat(NamedDecision.parse("idle(kaluga,2027)").text()).isEqualTo("idle(kaluga,2027)");
        assertThat(NamedDecision.parse("closed(p,2030)"))
                .isEqualTo(new NamedDecision.PlantState("p", PlantStatus.CLOSED, 2030));
        assertThat(NamedDecision.parse("tooled(zaragoza,leap-c,2026)"))
                .isEqualTo(new NamedDecision.Tooled("zaragoza", "leap-c", 2026));
        assertThat(NamedDecision.parse("lane(kaluga->FR:rail,2023)"))
                .isEqualTo(new NamedDecision.LaneUse("kaluga", "FR", Optional.of(LaneMode.RAIL), 2023, false));
        assertThat(NamedDecision.parse("sourcing(kaluga-engines->hordain:rail,2024)"))
                .isEqualTo(
                        new NamedDecision.LaneUse("kaluga-engines", "hordain", Optional.of(LaneMode.RAIL), 2024, true));
        assertThat(NamedDecision.parse("lane(kaluga->FR,2023)").text()).isEqualTo("lane(kaluga->FR,2023)");
    }

    @Test
    void a_malformed_decision_says_what_would_be_valid() {
        for (String bad : new String[] {
            "running kaluga 2027",
            "runing(kaluga,2027)",
            "running(kaluga)",
            "running(kaluga,27)",
            "lane(kaluga-FR,2023)",
            "lane(kaluga->FR:ship,2023)",
            "tooled(zaragoza,2026)"
        }) {
            assertThatThrownBy(() -> NamedDecision.parse(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            BadDecision.class, e -> assertThat(e.malformed()).isTrue())
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void an_unknown_id_or_year_is_not_malformed_and_gets_a_hint() {
        Network n = read(MODEL);
        assertThatThrownBy(() -> Explainer.check(n, NamedDecision.parse("running(spar,2024)")))
                .isInstanceOfSatisfying(
                        BadDecision.class, e -> assertThat(e.malformed()).isFalse())
                .hasMessageContaining("no plant 'spar'")
                .hasMessageContaining("Did you mean 'spare'?");
        assertThatThrownBy(() -> Explainer.check(n, NamedDecision.parse("running(spare,2031)")))
                .hasMessageContaining("outside the model's horizon 2024-2024");
        assertThatThrownBy(() -> Explainer.check(n, NamedDecision.parse("lane(main->RU:road,2024)")))
                .hasMessageContaining("no lane main->RU:road");
        assertThatThrownBy(() -> Explainer.check(n, NamedDecision.parse("lane(main->FR:sea,2024)")))
                .hasMessageContaining("lanes from main to FR: road, rail");
        assertThatThrownBy(() -> Explainer.check(n, NamedDecision.parse("lane(main->FR,2024)")))
                .isInstanceOfSatisfying(
                        BadDecision.class, e -> assertThat(e.malformed()).isTrue())
                .hasMessageContaining("name one");
        assertThatThrownBy(() -> Explainer.check(n, NamedDecision.parse("tooled(main,ev,2024)")))
                .hasMessageContaining("no platform 'ev'");
    }
}
