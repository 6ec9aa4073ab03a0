package footprint.report.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.model.PlantStatus;
import footprint.model.Source;
import footprint.optimize.Optimizer;
import footprint.optimize.Plan;
import footprint.optimize.SolveListener;
import footprint.optimize.SolveOptions;
import footprint.report.compare.SmallNetworks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traces on the small network: the figures, their places and sources, the rules and the scenario changes. */
class TraceTest {
    @TempDir
    static Path dir;

    static Provenance pause;
    static Plan pausePlan;
    static Provenance bigger;
    static Plan biggerPlan;

    @BeforeAll
    static void solve() throws IOException {
        SmallNetworks.write(dir);
        Path p = dir.resolve("pause.yaml");
        ModelRead read = ModelReader.read(p);
        pause = Provenance.of(p, read);
        pausePlan = Optimizer.solve(pause.network(), SolveOptions.plain().withThreads(1), SolveListener.NONE);
        Path b = dir.resolve("bigger-north.yaml");
        bigger = Provenance.of(b, ModelReader.read(b));
        biggerPlan = Optimizer.solve(bigger.network(), SolveOptions.plain().withThreads(1), SolveListener.NONE);
    }

    static Trace.FigureUse figure(Trace.Result r, String path) {
        return r.figures().stream()
                .filter(f -> f.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError(path + " not among " + r.figures()));
    }

    @Test
    void the_cost_of_an_idle_plant_year_is_its_idle_cost_with_fx_share_and_discount() {
        assertThat(pausePlan.plant("east", 2026).orElseThrow().status()).isEqualTo(PlantStatus.IDLE);
        Trace.Result r = Trace.of(pause, pausePlan, TraceTarget.parse("cost(east,2026)"));

        // 10e6 RUB x 0.010 EUR/RUB = 100,000 EUR; x 0.7 share x 1.08^-2 discount = 60,014 EUR
        assertThat(r.value()).isCloseTo(100_000 * 0.7 / (1.08 * 1.08), within(1.0));
        assertThat(r.parts()).extracting(Trace.Part::label).containsExactly("idle cost");
        assertThat(r.parts().get(0).amount()).isCloseTo(100_000, within(1e-6));
        assertThat(r.figures())
                .extracting(Trace.FigureUse::path)
                .contains("plants[east].idle-cost", "fx.RUB", "discount-rate", "plants[east].ownership")
                .doesNotContain("plants[east].fixed-cost", "plants[north].idle-cost");

        Trace.FigureUse idle = figure(r, "plants[east].idle-cost");
        assertThat(idle.kind()).contains(Source.Kind.ASSUMPTION);
        assertThat(idle.place()).hasValueSatisfying(l -> assertThat(l.file()).endsWith("base.yaml"));
        assertThat(idle.change()).isEmpty();
        // the idle cost ranges 5e6..15e6 RUB: the traced amount scales with it, the plan held fixed
        assertThat(idle.atLow().getAsDouble()).isCloseTo(r.value() / 2, within(1.0));
        assertThat(idle.atHigh().getAsDouble()).isCloseTo(r.value() * 1.5, within(1.0));
        // the biggest effect comes first
        assertThat(r.figures().get(0).swing())
                .isGreaterThanOrEqualTo(r.figures().get(1).swing());

        Trace.RuleUse paused = r.rules().stream()
                .filter(x -> x.text().contains("force idle east"))
                .findFirst()
                .orElseThrow();
        assertThat(paused.place()).hasValueSatisfying(l -> assertThat(l.file()).endsWith("pause.yaml"));
        assertThat(paused.change())
                .hasValueSatisfying(c -> assertThat(c.describe()).contains("add to decisions"));
        assertThat(paused.source().map(Source::kind)).contains(Source.Kind.ARTICLE);
    }

    @Test
    void a_banned_flow_names_the_ban_and_the_scenario_that_added_it() {
        Trace.Result r = Trace.of(pause, pausePlan, TraceTarget.parse("flow(east,expert,FR,2026)"));
        assertThat(r.value()).isZero();
        assertThat(String.join("\n", r.facts()))
                .contains("banned by no-russian-vans")
                .contains("east is idle in 2026");
        Trace.RuleUse ban = r.rules().stream()
                .filter(x -> x.path().startsWith("trade.bans"))
                .findFirst()
                .orElseThrow();
        assertThat(ban.change())
                .hasValueSatisfying(c -> assertThat(c.describe()).contains("add to trade.bans"));
        assertThat(r.figures())
                .extracting(Trace.FigureUse::path)
                .contains("products[expert].price.FR", "plants[east].variable-cost", "trade.duties[2].rate");
    }

    @Test
    void the_npv_traced_equals_the_plans_and_lists_every_plants_part() {
        Trace.Result r = Trace.of(pause, pausePlan, TraceTarget.parse("npv"));
        assertThat(r.value()).isCloseTo(pausePlan.kpis().npv(), within(1e-3));
        assertThat(r.notes()).isEmpty();
        assertThat(String.join("\n", r.facts()))
                .contains("north:")
                .contains("east:")
                .contains("motors:");
        assertThat(r.parts()).extracting(Trace.Part::label).contains("revenue", "fixed cost", "idle cost");
    }

    @Test
    void a_figure_set_by_a_scenario_points_at_the_scenario_change() {
        Trace.Result r = Trace.of(bigger, biggerPlan, TraceTarget.parse("output(north,2025)"));
        Trace.FigureUse capacity = figure(r, "plants[north].capacity");
        assertThat(capacity.figure().nominal()).isEqualTo(2000);
        assertThat(capacity.place())
                .hasValueSatisfying(l -> assertThat(l.file()).endsWith("bigger-north.yaml"));
        assertThat(capacity.change())
                .hasValueSatisfying(c -> assertThat(c.describe()).contains("set plants[north].capacity"));
        assertThat(r.value())
                .isEqualTo(biggerPlan.plant("north", 2025).orElseThrow().output());
    }

    @Test
    void lost_sales_say_who_could_serve_them_and_why_not() {
        Trace.Result r = Trace.of(pause, pausePlan, TraceTarget.parse("lost(FR,expert,2027)"));
        assertThat(r.value()).isPositive();
        assertThat(String.join("\n", r.facts())).contains("demand 1,200").contains("east: banned by no-russian-vans");
        assertThat(r.figures()).extracting(Trace.FigureUse::path).contains("markets[FR].demand.expert");
    }

    @Test
    void a_plant_state_lists_its_costs_and_rules() {
        Trace.Result r = Trace.of(pause, pausePlan, TraceTarget.parse("running(east,2027)"));
        assertThat(r.valueText()).isEqualTo("no: idle");
        assertThat(r.figures())
                .extracting(Trace.FigureUse::path)
                .contains(
                        "plants[east].fixed-cost",
                        "plants[east].idle-cost",
                        "plants[east].reopening-cost",
                        "plants[east].capacity");
        assertThat(r.rules()).extracting(Trace.RuleUse::text).anyMatch(t -> t.contains("force idle east"));
    }

    @Test
    void targets_parse_and_refuse_with_what_would_be_valid() {
        assertThat(TraceTarget.parse("cost(kaluga,2027)").plant()).contains("kaluga");
        assertThat(TraceTarget.parse("cost(kaluga,2027)").year()).contains(2027);
        assertThat(TraceTarget.parse("revenue(2027)").plant()).isEmpty();
        assertThat(TraceTarget.parse("fixed-cost(kaluga)").plant()).contains("kaluga");
        assertThat(TraceTarget.parse(" NPV ").isNpv()).isTrue();
        assertThat(TraceTarget.parse("flow(kaluga,expert,FR,2027)").market()).contains("FR");
        assertThat(TraceTarget.parse("lost(RU,expert,2027)").product()).contains("expert");
        assertThat(TraceTarget.parse("idle(kaluga,2027)").kind()).isEqualTo(TraceTarget.Kind.STATUS);
        assertThatThrownBy(() -> TraceTarget.parse("profit(2027)"))
                .hasMessageContaining("'profit' is not something a trace follows")
                .hasMessageContaining("flow(PLANT,PRODUCT,MARKET,YEAR)");
        assertThatThrownBy(() -> TraceTarget.parse("flow(kaluga,expert,FR)"))
                .hasMessageContaining("flow(PLANT,PRODUCT,MARKET,YEAR)");
        assertThatThrownBy(() -> TraceTarget.parse("running(kaluga,soon)")).hasMessageContaining("not a year");
        assertThatThrownBy(() -> Trace.of(pause, pausePlan, TraceTarget.parse("cost(nowhere,2026)")))
                .hasMessageContaining("'nowhere' is not a plant")
                .hasMessageContaining("north, east");
        assertThatThrownBy(() -> Trace.of(pause, pausePlan, TraceTarget.parse("cost(east,2040)")))
                .hasMessageContaining("outside the horizon");
        assertThat(Optional.of(TraceTarget.parse("cost").items()))
                .hasValueSatisfying(i -> assertThat(i).doesNotContain(Ledger.Item.REVENUE));
    }
}
