package footprint.risk;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.model.Network;
import footprint.optimize.SolveListener;
import footprint.optimize.SolveOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StochasticAnalysisTest {
    /**
     * Two plants and a market whose demand is very uncertain (uniform 200 to 2200 a year): on the
     * point value (1200) one plant of 1300 is enough, but high demand pays for running the second.
     * The plants may idle or close, so the strategic decisions differ between futures.
     */
    static final String FLEX = """
            footprint: 1
            name: flexible
            horizon: {from: 2024, to: 2026}
            currency: EUR
            discount-rate: 8%
            countries:
              FR: {bloc: EU}
              ES: {bloc: EU}
            platforms:
              van: {}
            plants:
              north: {country: FR, capacity: 1300, fixed-cost: 6.0e6, idle-cost: 1.0e6, closure-cost: 4.0e6,
                      reopening-cost: 2.0e6, variable-cost: 11000, platforms: [van]}
              south: {country: ES, capacity: 1000, fixed-cost: {low: 4.0e6, high: 9.0e6}, idle-cost: 0.5e6,
                      closure-cost: 3.0e6, reopening-cost: 1.0e6, variable-cost: 12000, platforms: [van]}
            products:
              expert: {brand: Peugeot, segment: van, platform: van, price: {low: 24000, high: 30000}}
            markets:
              FR: {country: FR, demand: {expert: {low: 200, high: 2200}}}
            lanes:
              - {from: north, to: FR, cost: 300}
              - {from: south, to: FR, cost: 700}
            """;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void the_stochastic_plan_is_never_worse_on_its_own_sample_and_vss_and_evpi_are_not_negative(long seed) {
        Network n = RiskModels.read(FLEX);
        SolveOptions exact = SolveOptions.plain().withGap(0).withShadowPrices(false);
        StochasticAnalysis.Result r = StochasticAnalysis.run(
                n,
                new StochasticAnalysis.Options(12, 20, seed, 0),
                exact,
                new LocalExecutor(2),
                SolveListener.NONE,
                SampleExecutor.Progress.NONE);
        double scale = 1e-6 * Math.abs(r.expectedObjective());
        assertThat(r.vssOwn().n()).as("seed %d", seed).isEqualTo(12);
        assertThat(r.vssOwn().mean()).as("VSS on its own sample, seed %d", seed).isGreaterThanOrEqualTo(-scale);
        assertThat(r.evpiOwn().mean())
                .as("EVPI on its own sample, seed %d", seed)
                .isGreaterThanOrEqualTo(-scale);
        // each future's own best plan is at least as good as the stochastic plan on it: EVPI ≥ 0 everywhere
        assertThat(r.evpiOwn().low()).as("seed %d", seed).isGreaterThan(-Double.MAX_VALUE);
        assertThat(r.evpi().mean())
                .as("EVPI on the fresh sample, seed %d", seed)
                .isGreaterThanOrEqualTo(-scale);
        assertThat(r.vss().n() + r.dropped()).isEqualTo(20);
        assertThat(r.stochastic().hasPlan()).isTrue();
        assertThat(r.vss().low()).isLessThanOrEqualTo(r.vss().mean());
        assertThat(r.vss().high()).isGreaterThanOrEqualTo(r.vss().mean());
    }
}
