package footprint.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import footprint.model.Network;
import footprint.optimize.Optimizer;
import footprint.optimize.Plan;
import footprint.optimize.SolveListener;
import footprint.optimize.SolveOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskAnalysisTest {
    static final double MARGIN = 30000 - 10000 - 300;
    static final double FIXED = 12.0e6;
    static final double LOW = 600;
    static final double HIGH = 1400;

    /**
     * NPV = 19700·D − 12e6 with D uniform on [600, 1400]: linear in D, so each sample's NPV is
     * known exactly, and its distribution is uniform on [19700·600 − 12e6, 19700·1400 − 12e6] =
     * [−180000, 15.58e6]: mean 7.7e6, P5 = −180000 + 0.05·15.76e6 = 608000, P50 = 7.7e6, P95 =
     * 14.792e6; VaR95 = mean − P5 = 0.45·15.76e6 = 7.092e6; CVaR95 = 0.475·15.76e6 = 7.486e6;
     * P(loss) = P(D < 12e6/19700 = 609.14) = 9.14/800 = 0.0114.
     */
    @Test
    void npv_linear_in_a_uniform_demand_has_the_closed_form_distribution() {
        Network n = RiskModels.read(RiskModels.LINEAR);
        Plan plan = Optimizer.solve(n);
        RiskReport r = RiskAnalysis.run(
                n, plan, RiskAnalysis.Options.of(4000, 5), new LocalExecutor(2), SampleExecutor.Progress.NONE);
        double width = MARGIN * (HIGH - LOW);
        double lowest = MARGIN * LOW - FIXED;

        assertThat(r.inputs()).isEqualTo(1);
        assertThat(r.infeasible()).isZero();
        // every sample: exactly the margin times the demand drawn, less the fixed cost
        for (SampleResult s : r.results()) {
            assertThat(s.npv()).isCloseTo(MARGIN * s.inputs()[0] - FIXED, within(1e-6 * width));
            assertThat(s.lostSales()).isCloseTo(0, within(1e-6));
            assertThat(s.utilisation()).isCloseTo(s.inputs()[0] / 5000, within(1e-9));
        }
        // the distribution: uniform on [lowest, lowest + width]. Tolerances are four standard errors
        // of 4000 draws: mean 0.0046·width, P5 and P95 0.0034, P50 0.0079, sd 0.0026
        assertThat(r.npv().mean()).isCloseTo(lowest + 0.5 * width, within(0.019 * width));
        assertThat(r.npv().p5()).isCloseTo(lowest + 0.05 * width, within(0.014 * width));
        assertThat(r.npv().p50()).isCloseTo(lowest + 0.5 * width, within(0.032 * width));
        assertThat(r.npv().p95()).isCloseTo(lowest + 0.95 * width, within(0.014 * width));
        assertThat(r.npv().sd()).isCloseTo(width / Math.sqrt(12), within(0.011 * width));
        assertThat(r.valueAtRisk()).isCloseTo(0.45 * width, within(0.024 * width));
        assertThat(r.conditionalValueAtRisk()).isCloseTo(0.475 * width, within(0.024 * width));
        assertThat(r.probabilityOfLoss()).isCloseTo((FIXED / MARGIN - LOW) / (HIGH - LOW), within(0.007));
        // and exactly, from the draws themselves: the report's figures are those of the sample
        double[] d = r.results().stream()
                .mapToDouble(s -> MARGIN * s.inputs()[0] - FIXED)
                .toArray();
        assertThat(r.npv().mean()).isCloseTo(Distribution.mean(d), within(1e-6 * width));
        assertThat(r.npv().p5()).isCloseTo(Distribution.quantile(d, 0.05), within(1e-6 * width));
        assertThat(r.valueAtRisk())
                .isCloseTo(Distribution.mean(d) - Distribution.quantile(d, 0.05), within(1e-6 * width));
        assertThat(r.nominal().npv()).isCloseTo(MARGIN * 1000 - FIXED, within(1e-6 * width));

        // the tornado: the one input, perfectly rank-correlated, swinging over the whole width
        Driver top = r.drivers().get(0);
        assertThat(top.path()).isEqualTo("markets[FR].demand.expert");
        assertThat(top.spearman()).isCloseTo(1, within(1e-12));
        assertThat(top.npvAtLow()).isCloseTo(lowest, within(1e-6 * width));
        assertThat(top.npvAtHigh()).isCloseTo(lowest + width, within(1e-6 * width));
    }

    @Test
    void one_seed_gives_one_result_whatever_the_thread_count() {
        Network n = RiskModels.read(RiskModels.PAUSE);
        Plan plan = Optimizer.solve(n, SolveOptions.plain().withShadowPrices(false), SolveListener.NONE);
        // more samples than one block, so that two threads really share the work
        int samples = 3 * LocalExecutor.BLOCK + 5;
        RiskAnalysis.Options o =
                RiskAnalysis.Options.of(samples, 7).withDemandCorrelation(0.5).withSwings(false);
        RiskReport one = RiskAnalysis.run(n, plan, o, new LocalExecutor(1), SampleExecutor.Progress.NONE);
        RiskReport two = RiskAnalysis.run(n, plan, o, new LocalExecutor(2), SampleExecutor.Progress.NONE);
        List<SampleResult> a = one.results();
        List<SampleResult> b = two.results();
        assertThat(a).hasSize(samples);
        for (int i = 0; i < a.size(); i++) {
            // the same bits: the numbers drawn, and the LPs, run in the same blocks from the same state
            assertThat(b.get(i).inputs()).containsExactly(a.get(i).inputs());
            assertThat(b.get(i).status()).isEqualTo(a.get(i).status());
            assertThat(b.get(i).npv()).as("sample %d", i).isEqualTo(a.get(i).npv());
            assertThat(b.get(i).lostSales()).isEqualTo(a.get(i).lostSales());
            assertThat(b.get(i).utilisation()).isEqualTo(a.get(i).utilisation());
        }
        assertThat(two.npv().mean()).isEqualTo(one.npv().mean());
        assertThat(two.npv().p5()).isEqualTo(one.npv().p5());
        assertThat(two.valueAtRisk()).isEqualTo(one.valueAtRisk());
    }

    @Test
    void a_sample_executor_may_run_the_tasks_in_any_order() {
        Network n = RiskModels.read(RiskModels.LINEAR);
        Plan plan = Optimizer.solve(n);
        Sampler sampler = Sampler.of(n);
        SampleExecutor backwards = (tasks, evaluators, progress) -> {
            SampleResult[] out = new SampleResult[tasks.size()];
            try (SampleEvaluator e = evaluators.get()) {
                for (int i = tasks.size() - 1; i >= 0; i--) {
                    out[i] = e.evaluate(tasks.get(i));
                }
            }
            return List.of(out);
        };
        RiskAnalysis.Options o = RiskAnalysis.Options.of(50, 3);
        RiskReport forwards = RiskAnalysis.run(n, plan, o, new LocalExecutor(1), SampleExecutor.Progress.NONE);
        RiskReport back = RiskAnalysis.run(n, plan, o, backwards, SampleExecutor.Progress.NONE);
        assertThat(back.npvs()).containsExactly(forwards.npvs(), within(1e-6));
        assertThat(sampler.inputs()).hasSize(1);
    }
}
