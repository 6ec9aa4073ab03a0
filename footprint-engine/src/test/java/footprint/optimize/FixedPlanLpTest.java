package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.model.Figure;
import footprint.model.Network;
import footprint.risk.Sampler;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The LP with a plan's decisions fixed: re-solved in place, it gives what a fresh build gives. */
class FixedPlanLpTest {
    static final Path PAUSE = Path.of("..", "examples", "kaluga", "russia-pause.yaml");

    /** One plant, one market, demand between 0 and 1000 vehicles: a draw of 0 removes the flow. */
    static final String TINY = """
            footprint: 1
            name: tiny
            horizon: {from: 2024, to: 2025}
            currency: EUR
            countries:
              FR: {bloc: EU}
            platforms:
              van: {}
            plants:
              north: {country: FR, capacity: 2000, fixed-cost: 1.0e6, variable-cost: 10000, platforms: [van]}
            products:
              expert: {brand: Peugeot, segment: van, platform: van, price: 30000}
            markets:
              FR: {country: FR, demand: {expert: {low: 0, high: 1000}}}
            lanes:
              - {from: north, to: FR, cost: 300}
            """;

    static Network read(Path file) {
        ModelRead read = ModelReader.read(file);
        assertThat(read.errors()).isEmpty();
        return read.network().orElseThrow();
    }

    @Test
    void resolving_in_place_gives_what_a_fresh_build_gives_on_every_sample() {
        Network n = read(PAUSE);
        Plan plan = Optimizer.solve(n, SolveOptions.plain().withShadowPrices(false), SolveListener.NONE);
        Sampler sampler = Sampler.of(n, 0.5);
        try (FixedPlanLp lp = FixedPlanLp.of(n, plan)) {
            FixedPlanLp.Evaluation nominal = lp.resolve(Figure::nominal);
            // the MILP stopped within its gap: the best flows for its decisions lie between its value and bound
            double tol = 1e-6 * Math.abs(plan.objective());
            assertThat(nominal.objective()).isBetween(plan.objective() - tol, plan.bestBound() + tol);
            for (int i = 0; i < 30; i++) {
                var valueOf = sampler.valuation(sampler.draw(11, i));
                FixedPlanLp.Evaluation kept = lp.resolve(valueOf);
                FixedPlanLp.Evaluation fresh = FixedPlanLp.rebuild(n, plan, valueOf);
                assertThat(kept.status()).isEqualTo(fresh.status());
                assertThat(kept.rebuilt()).isFalse();
                assertThat(kept.objective()).isCloseTo(fresh.objective(), within(1e-6 * Math.abs(fresh.objective())));
                assertThat(kept.npv()).isCloseTo(fresh.npv(), within(1e-6 * Math.abs(fresh.npv())));
                assertThat(kept.lostSales()).isCloseTo(fresh.lostSales(), within(1e-3 * (1 + fresh.lostSales())));
                assertThat(kept.utilisation()).isBetween(0.0, 1.0 + 1e-9);
            }
            assertThat(lp.rebuilds()).isZero();
        }
    }

    @Test
    void a_sample_that_changes_the_shape_of_the_lp_is_solved_on_its_own_and_the_kept_lp_still_works() {
        Network n = Models.read(TINY);
        Plan plan = Optimizer.solve(n);
        Sampler sampler = Sampler.of(n);
        assertThat(sampler.inputs()).hasSize(1);
        try (FixedPlanLp lp = FixedPlanLp.of(n, plan)) {
            // demand 0: no flow variable, no demand row; NPV = -fixed cost in both years (discount 0)
            FixedPlanLp.Evaluation none = lp.resolve(sampler.swing(0, 0));
            assertThat(none.rebuilt()).isTrue();
            assertThat(none.npv()).isCloseTo(-2.0e6, within(1e-6));
            // 800 a year at a margin of 30000 - 10000 - 300: 2·(800·19700) - 2e6
            FixedPlanLp.Evaluation some = lp.resolve(sampler.swing(0, 800));
            assertThat(some.rebuilt()).isFalse();
            assertThat(some.npv()).isCloseTo(2 * 800 * 19700.0 - 2.0e6, within(1e-3));
            assertThat(some.utilisation()).isCloseTo(0.4, within(1e-9));
            assertThat(lp.rebuilds()).isEqualTo(1);
        }
    }

    @Test
    void refuses_a_plan_of_another_model() {
        Network n = Models.read(TINY);
        Plan plan = Optimizer.solve(n);
        Network other = Models.read(TINY.replace("north", "south"));
        assertThatThrownBy(() -> FixedPlanLp.of(other, plan))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("south");
    }
}
