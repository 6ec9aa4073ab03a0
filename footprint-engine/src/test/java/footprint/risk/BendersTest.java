package footprint.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import footprint.model.Figure;
import footprint.model.Network;
import footprint.optimize.Benders;
import footprint.optimize.ExtensiveForm;
import footprint.optimize.Optimizer;
import footprint.optimize.Outages;
import footprint.optimize.Plan;
import footprint.optimize.SolveListener;
import footprint.optimize.SolveOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Benders decomposition reaches the extensive form's optimum (the same programme solved whole). */
class BendersTest {
    private static void sameOptimum(Network n, int samples, long seed) {
        Sampler sampler = Sampler.of(n);
        List<ToDoubleFunction<Figure>> futures = new ArrayList<>();
        List<Outages> outages = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            futures.add(sampler.valuation(sampler.draw(seed, i)));
            outages.add(sampler.outages(seed, i));
        }
        SolveOptions exact = SolveOptions.plain().withGap(0).withShadowPrices(false);
        Plan point = Optimizer.solve(n, exact, SolveListener.NONE);
        ExtensiveForm.Result whole = ExtensiveForm.solve(n, futures, outages, exact, SolveListener.NONE);
        ExtensiveForm.Result split = Benders.solve(n, futures, outages, point, exact.withGap(1e-7), SolveListener.NONE);

        double scale = Math.max(1, Math.abs(whole.expectedObjective()));
        assertThat(split.plan().hasPlan()).as("seed %d", seed).isTrue();
        assertThat(split.expectedObjective())
                .as("seed %d: Benders against the extensive form", seed)
                .isCloseTo(whole.expectedObjective(), within(2e-6 * scale));
        // the bound is an upper bound of the optimum (NPV mode), and the gap closed
        assertThat(split.bound()).isGreaterThanOrEqualTo(whole.expectedObjective() - 2e-6 * scale);
        assertThat(split.bound() - split.expectedObjective()).isLessThanOrEqualTo(2e-6 * scale);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void reaches_the_extensive_forms_optimum_where_decisions_differ_between_futures(long seed) {
        sameOptimum(RiskModels.read(StochasticAnalysisTest.FLEX), 12, seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 5})
    void reaches_it_with_disruptions_too(long seed) {
        // two plants forced to run, one that may burn, a lane and a border that may close
        sameOptimum(
                RiskModels.read(DisruptionTest.TWO.replace(
                        "decisions:\n  - {force: run, plant: north}\n" + "  - {force: run, plant: south}\n", "")),
                10,
                seed);
    }
}
