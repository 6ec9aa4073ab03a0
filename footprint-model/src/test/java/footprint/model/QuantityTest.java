package footprint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {
    private static final int DRAWS = 200_000;

    // ---- nominal: mode, else midpoint, else mean ---------------------------------------------------

    @Test
    void nominal_of_a_point_is_its_value() {
        assertThat(Quantity.point(125_000).nominal()).isEqualTo(125_000);
    }

    @Test
    void nominal_of_a_range_with_a_mode_is_the_mode() {
        assertThat(new Quantity.Range(10, 40, OptionalDouble.of(15)).nominal()).isEqualTo(15);
    }

    @Test
    void nominal_of_a_range_without_a_mode_is_the_midpoint() {
        assertThat(Quantity.Range.of(10e6, 40e6).nominal()).isEqualTo(25e6);
    }

    @Test
    void nominal_of_a_triangular_is_its_mode_not_its_mean() {
        // mean would be (0 + 1 + 8) / 3 = 3
        assertThat(new Quantity.Triangular(0, 1, 8).nominal()).isEqualTo(1);
    }

    @Test
    void nominal_of_a_uniform_is_the_midpoint() {
        assertThat(new Quantity.Uniform(2, 6).nominal()).isEqualTo(4);
    }

    @Test
    void nominal_of_a_normal_is_its_mean() {
        assertThat(new Quantity.Normal(100, 15).nominal()).isEqualTo(100);
    }

    @Test
    void nominal_of_a_lognormal_is_its_mean() {
        assertThat(new Quantity.LogNormal(100, 50).nominal()).isEqualTo(100);
    }

    @Test
    void forms_are_named_as_in_a_model_file() {
        assertThat(List.of(
                                Quantity.point(1),
                                Quantity.Range.of(1, 2),
                                new Quantity.Triangular(1, 2, 3),
                                new Quantity.Uniform(1, 2),
                                new Quantity.Normal(1, 2),
                                new Quantity.LogNormal(1, 2))
                        .stream()
                        .map(Quantity::form))
                .containsExactly("point", "range", "triangular", "uniform", "normal", "lognormal");
    }

    @Test
    void only_a_point_is_certain() {
        assertThat(Quantity.point(3).isUncertain()).isFalse();
        assertThat(Quantity.Range.of(3, 3).isUncertain()).isTrue();
        assertThat(new Quantity.Normal(3, 0).isUncertain()).isTrue();
    }

    // ---- bounds -----------------------------------------------------------------------------------

    @Test
    void bounds_of_each_form() {
        assertThat(Quantity.point(7).min()).isEqualTo(7);
        assertThat(Quantity.point(7).max()).isEqualTo(7);
        assertThat(Quantity.Range.of(1, 9).min()).isEqualTo(1);
        assertThat(Quantity.Range.of(1, 9).max()).isEqualTo(9);
        assertThat(new Quantity.Triangular(1, 2, 9).min()).isEqualTo(1);
        assertThat(new Quantity.Triangular(1, 2, 9).max()).isEqualTo(9);
        assertThat(new Quantity.Uniform(1, 9).min()).isEqualTo(1);
        assertThat(new Quantity.Uniform(1, 9).max()).isEqualTo(9);
        assertThat(new Quantity.Normal(5, 1).min()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(new Quantity.Normal(5, 1).max()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(new Quantity.Normal(5, 0).min()).isEqualTo(5);
        assertThat(new Quantity.Normal(5, 0).max()).isEqualTo(5);
        assertThat(new Quantity.LogNormal(5, 1).min()).isEqualTo(0);
        assertThat(new Quantity.LogNormal(5, 1).max()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(new Quantity.LogNormal(5, 0).min()).isEqualTo(5);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 20_240_101})
    void every_draw_lies_within_min_and_max(long seed) {
        Random random = new Random(seed);
        List<Quantity> quantities = List.of(
                Quantity.point(3),
                Quantity.Range.of(-2, 5),
                new Quantity.Range(0, 10, OptionalDouble.of(0)),
                new Quantity.Range(0, 10, OptionalDouble.of(10)),
                new Quantity.Range(0, 10, OptionalDouble.of(3)),
                new Quantity.Triangular(100, 100, 100),
                new Quantity.Triangular(1, 2, 9),
                new Quantity.Uniform(7, 8),
                new Quantity.Normal(5, 2),
                new Quantity.Normal(5, 0),
                new Quantity.LogNormal(5, 20),
                new Quantity.LogNormal(0.01, 0.001));
        for (Quantity q : quantities) {
            for (int i = 0; i < 20_000; i++) {
                double x = q.sample(random);
                assertThat(x).as("seed %d, %s, draw %d", seed, q, i).isFinite().isBetween(q.min(), q.max());
            }
        }
    }

    // ---- sampled means and spreads against theory ------------------------------------------------

    /** Mean and standard deviation of many draws. */
    private static double[] moments(DoubleSupplier draw) {
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < DRAWS; i++) {
            double x = draw.getAsDouble();
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / DRAWS;
        return new double[] {mean, Math.sqrt(sumSq / DRAWS - mean * mean)};
    }

    /**
     * Asserts the sample mean within 5 standard errors of the theoretical mean, and the sample
     * standard deviation within 2% of the theoretical one.
     */
    private static void assertMoments(Quantity q, long seed, double mean, double sd) {
        Random random = new Random(seed);
        double[] m = moments(() -> q.sample(random));
        double standardError = sd / Math.sqrt(DRAWS);
        assertThat(m[0]).as("seed %d: mean of %s", seed, q).isCloseTo(mean, within(5 * standardError + 1e-12));
        assertThat(m[1]).as("seed %d: sd of %s", seed, q).isCloseTo(sd, within(0.02 * sd + 1e-12));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 2024})
    void triangular_draws_have_the_triangular_mean_and_spread(long seed) {
        double a = 10;
        double c = 14;
        double b = 30;
        double mean = (a + b + c) / 3;
        double sd = Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18);
        assertMoments(new Quantity.Triangular(a, c, b), seed, mean, sd);
        // a range with a mode is sampled as the same triangular
        assertMoments(new Quantity.Range(a, b, OptionalDouble.of(c)), seed, mean, sd);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 2024})
    void uniform_draws_have_the_uniform_mean_and_spread(long seed) {
        double mean = (2.0 + 6.0) / 2;
        double sd = (6.0 - 2.0) / Math.sqrt(12);
        assertMoments(new Quantity.Uniform(2, 6), seed, mean, sd);
        // a range without a mode is sampled as the same uniform
        assertMoments(Quantity.Range.of(2, 6), seed, mean, sd);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 2024})
    void normal_draws_have_the_given_mean_and_sd(long seed) {
        assertMoments(new Quantity.Normal(1000, 150), seed, 1000, 150);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 2024})
    void lognormal_draws_have_the_given_mean_and_sd_of_the_value_itself(long seed) {
        // mean and sd are of the value, not of its logarithm
        assertMoments(new Quantity.LogNormal(100, 30), seed, 100, 30);
    }

    @Test
    void lognormal_parameters_of_the_logarithm_give_back_the_mean_and_sd() {
        var q = new Quantity.LogNormal(100, 30);
        double mu = q.mu();
        double s2 = q.sigma() * q.sigma();
        assertThat(Math.exp(mu + s2 / 2)).isCloseTo(100, within(1e-9));
        assertThat(Math.sqrt((Math.exp(s2) - 1) * Math.exp(2 * mu + s2))).isCloseTo(30, within(1e-9));
    }

    @Test
    void degenerate_distributions_always_draw_their_nominal_value() {
        Random random = new Random(1);
        assertThat(new Quantity.Triangular(4, 4, 4).sample(random)).isEqualTo(4);
        assertThat(new Quantity.Normal(4, 0).sample(random)).isEqualTo(4);
        assertThat(new Quantity.LogNormal(4, 0).sample(random)).isCloseTo(4, within(1e-12));
        assertThat(Quantity.Range.of(4, 4).sample(random)).isEqualTo(4);
    }

    @Test
    void the_same_seed_gives_the_same_draws() {
        var q = new Quantity.Triangular(1, 2, 9);
        Random a = new Random(99);
        Random b = new Random(99);
        for (int i = 0; i < 100; i++) {
            assertThat(q.sample(a)).isEqualTo(q.sample(b));
        }
    }

    // ---- scaling ----------------------------------------------------------------------------------

    @Test
    void scaling_multiplies_every_parameter() {
        assertThat(Quantity.point(2).scaled(1e6)).isEqualTo(Quantity.point(2e6));
        assertThat(new Quantity.Range(1, 3, OptionalDouble.of(2)).scaled(10))
                .isEqualTo(new Quantity.Range(10, 30, OptionalDouble.of(20)));
        assertThat(Quantity.Range.of(1, 3).scaled(10)).isEqualTo(Quantity.Range.of(10, 30));
        assertThat(new Quantity.Triangular(1, 2, 3).scaled(10)).isEqualTo(new Quantity.Triangular(10, 20, 30));
        assertThat(new Quantity.Uniform(1, 3).scaled(10)).isEqualTo(new Quantity.Uniform(10, 30));
        assertThat(new Quantity.Normal(5, 1).scaled(10)).isEqualTo(new Quantity.Normal(50, 10));
        assertThat(new Quantity.LogNormal(5, 1).scaled(10)).isEqualTo(new Quantity.LogNormal(50, 10));
    }

    // ---- refusals ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void a_point_must_be_finite(double value) {
        assertThatThrownBy(() -> Quantity.point(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value must be a finite number");
    }

    @Test
    void a_range_refuses_low_above_high_and_a_mode_outside_it() {
        assertThatThrownBy(() -> Quantity.Range.of(5, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("low 5(\\.0)? is above high 4(\\.0)?");
        assertThatThrownBy(() -> new Quantity.Range(1, 4, OptionalDouble.of(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mode 5")
                .hasMessageContaining("is outside [1");
        assertThatThrownBy(() -> new Quantity.Range(1, 4, OptionalDouble.of(0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is outside");
        assertThatThrownBy(() -> Quantity.Range.of(Double.NaN, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("low must be a finite number");
        assertThatThrownBy(() -> Quantity.Range.of(1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("high must be a finite number");
    }

    @Test
    void a_triangular_refuses_parameters_out_of_order() {
        assertThatThrownBy(() -> new Quantity.Triangular(1, 5, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("triangular needs low <= mode <= high");
        assertThatThrownBy(() -> new Quantity.Triangular(3, 2, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("triangular needs low <= mode <= high");
        assertThatThrownBy(() -> new Quantity.Triangular(1, Double.NaN, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mode must be a finite number");
    }

    @Test
    void a_uniform_refuses_low_above_high() {
        assertThatThrownBy(() -> new Quantity.Uniform(2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("low 2(\\.0)? is above high 1(\\.0)?");
    }

    @Test
    void a_normal_refuses_a_negative_sd() {
        assertThatThrownBy(() -> new Quantity.Normal(2, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("sd must not be negative, not -1(\\.0)?");
        assertThatThrownBy(() -> new Quantity.Normal(Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mean must be a finite number");
    }

    @Test
    void a_lognormal_refuses_a_mean_not_above_zero_and_a_negative_sd() {
        assertThatThrownBy(() -> new Quantity.LogNormal(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("a lognormal mean must be above zero, not 0(\\.0)?");
        assertThatThrownBy(() -> new Quantity.LogNormal(-3, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be above zero");
        assertThatThrownBy(() -> new Quantity.LogNormal(3, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("sd must not be negative, not -1(\\.0)?");
        assertThatThrownBy(() -> new Quantity.LogNormal(3, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sd must be a finite number");
    }

    @Test
    void a_figure_takes_the_nominal_of_its_quantity_and_knows_an_assumption() {
        Figure f = Figure.of(Quantity.Range.of(10, 20)).withSource(java.util.Optional.of(new Source("assumption")));
        assertThat(f.nominal()).isEqualTo(15);
        assertThat(f.isAssumption()).isTrue();
        assertThat(Figure.of(3, "seed 001").isAssumption()).isFalse();
        assertThat(Figure.of(3).isAssumption()).isFalse();
    }
}
