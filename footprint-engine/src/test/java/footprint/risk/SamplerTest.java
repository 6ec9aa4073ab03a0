package footprint.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import footprint.model.Network;
import footprint.model.Quantity;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SamplerTest {
    static final int N = 4000;

    static Map<String, Integer> byPath(Sampler s) {
        List<Sampler.Input> in = s.inputs();
        return java.util.stream.IntStream.range(0, in.size())
                .boxed()
                .collect(Collectors.toMap(i -> in.get(i).path(), i -> i));
    }

    static double[] column(Sampler s, long seed, int input) {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = s.draw(seed, i)[input];
        }
        return x;
    }

    /** The distribution each form's draws must follow, as commons-math3 gives it. */
    static RealDistribution reference(Quantity q) {
        if (q instanceof Quantity.Range r) {
            return r.mode().isPresent()
                    ? new TriangularDistribution(null, r.low(), r.mode().getAsDouble(), r.high())
                    : new UniformRealDistribution(null, r.low(), r.high());
        }
        if (q instanceof Quantity.Triangular t) {
            return new TriangularDistribution(null, t.low(), t.mode(), t.high());
        }
        if (q instanceof Quantity.Uniform u) {
            return new UniformRealDistribution(null, u.low(), u.high());
        }
        if (q instanceof Quantity.Normal n) {
            return new NormalDistribution(null, n.mean(), n.sd());
        }
        Quantity.LogNormal l = (Quantity.LogNormal) q;
        return new LogNormalDistribution(null, l.mu(), l.sigma());
    }

    @ParameterizedTest(name = "rank correlation {0}")
    @ValueSource(doubles = {0, 0.8})
    void every_form_follows_its_distribution(double correlation) {
        Network n = RiskModels.read(RiskModels.FORMS);
        Sampler s = Sampler.of(n, correlation);
        assertThat(s.inputs())
                .extracting(i -> i.quantity().form())
                .contains("range", "triangular", "uniform", "normal", "lognormal");
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        for (int j = 0; j < s.inputs().size(); j++) {
            Sampler.Input in = s.inputs().get(j);
            double p = ks.kolmogorovSmirnovTest(reference(in.quantity()), column(s, 42, j));
            assertThat(p)
                    .as("KS p-value of %s (%s), seed 42", in.path(), in.quantity())
                    .isGreaterThan(0.01);
        }
    }

    @Test
    void a_sample_depends_only_on_the_seed_and_its_index() {
        Sampler s = Sampler.of(RiskModels.read(RiskModels.FORMS), 0.5);
        double[] a = s.draw(7, 123);
        s.draw(7, 5);
        s.draw(8, 123);
        assertThat(s.draw(7, 123)).containsExactly(a);
        assertThat(Sampler.of(RiskModels.read(RiskModels.FORMS), 0.5).draw(7, 123))
                .containsExactly(a);
        assertThat(s.draw(7, 124)).isNotEqualTo(a);
        assertThat(s.draw(8, 123)).isNotEqualTo(a);
    }

    @Test
    void the_demands_of_one_market_move_together_with_the_stated_rank_correlation() {
        Sampler s = Sampler.of(RiskModels.read(RiskModels.FORMS), 0.7);
        Map<String, Integer> at = byPath(s);
        double[] fr1 = column(s, 3, at.get("markets[FR].demand.expert"));
        double[] fr2 = column(s, 3, at.get("markets[FR].demand.partner"));
        double[] de = column(s, 3, at.get("markets[DE].demand.expert"));
        double[] cost = column(s, 3, at.get("plants[north].fixed-cost"));
        SpearmansCorrelation rho = new SpearmansCorrelation();
        assertThat(rho.correlation(fr1, fr2)).isCloseTo(0.7, within(0.03));
        assertThat(rho.correlation(fr1, de)).isCloseTo(0, within(0.05));
        assertThat(rho.correlation(fr1, cost)).isCloseTo(0, within(0.05));
    }

    @Test
    void quantiles_invert_each_distribution() {
        List<Quantity> forms = List.of(
                Quantity.Range.of(2, 6),
                new Quantity.Range(2, 6, java.util.OptionalDouble.of(3)),
                new Quantity.Triangular(1, 2, 9),
                new Quantity.Uniform(-1, 1),
                new Quantity.Normal(5, 2),
                new Quantity.LogNormal(30, 6));
        for (Quantity q : forms) {
            RealDistribution d = reference(q);
            for (double u : new double[] {0.01, 0.05, 0.3, 0.5, 0.77, 0.95, 0.99}) {
                assertThat(Sampler.quantile(q, u))
                        .as("%s at %s", q, u)
                        .isCloseTo(
                                d.inverseCumulativeProbability(u), within(1e-6 * (1 + Math.abs(d.getNumericalMean()))));
            }
        }
    }

    @Test
    void lead_times_and_points_are_not_inputs_and_a_shared_figure_is_one_input() {
        Sampler s = Sampler.of(RiskModels.read(RiskModels.FORMS));
        assertThat(s.inputs()).extracting(Sampler.Input::path).doesNotContain("plants[north].capacity");
        assertThat(s.inputs()).extracting(Sampler.Input::path).allMatch(p -> !p.endsWith(".lead-time"));
        assertThat(Sampler.demandMarket("markets[FR].demand.expert.2024")).isEqualTo("FR");
        assertThat(Sampler.demandMarket("markets[FR].segments.vans.volume")).isEqualTo("FR");
        assertThat(Sampler.demandMarket("markets[FR].lost-sale-penalty")).isNull();
    }
}
