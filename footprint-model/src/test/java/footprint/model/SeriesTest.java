package footprint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SeriesTest {
    private static final double TOLERANCE = 1e-6;

    private static Series.ByYear byYear(Map<Integer, Double> anchors, Series.Interpolation interpolation) {
        return byYear(anchors, interpolation, Optional.empty());
    }

    private static Series.ByYear byYear(
            Map<Integer, Double> anchors, Series.Interpolation interpolation, Optional<Series.Growth> growth) {
        var map = new TreeMap<Integer, Figure>();
        anchors.forEach((y, v) -> map.put(y, Figure.of(v)));
        return new Series.ByYear(map, interpolation, growth);
    }

    private static Optional<Series.Growth> growth(double rate, int from) {
        return Optional.of(new Series.Growth(Figure.of(rate), from));
    }

    @Test
    void a_constant_has_the_same_value_every_year() {
        Series s = Series.constant(125_000);
        assertThat(s.nominal(1990)).isEqualTo(125_000);
        assertThat(s.nominal(2024)).isEqualTo(125_000);
        assertThat(s.nominal(2100)).isEqualTo(125_000);
        assertThat(s.variesByYear()).isFalse();
        assertThat(s.figures()).containsExactly(Figure.of(125_000));
    }

    @Test
    void a_constant_range_is_valued_at_its_nominal_or_as_asked() {
        Series s = Series.constant(Figure.of(Quantity.Range.of(10, 20)));
        assertThat(s.nominal(2024)).isEqualTo(15);
        assertThat(s.valueAt(2024, f -> f.quantity().max())).isEqualTo(20);
    }

    @Test
    void a_step_series_holds_each_anchor_until_the_next() {
        Series s = byYear(Map.of(2024, 10.0, 2026, 20.0, 2030, 5.0), Series.Interpolation.STEP);
        assertThat(s.nominal(2024)).isEqualTo(10);
        assertThat(s.nominal(2025)).isEqualTo(10);
        assertThat(s.nominal(2026)).isEqualTo(20);
        assertThat(s.nominal(2029)).isEqualTo(20);
        assertThat(s.nominal(2030)).isEqualTo(5);
        assertThat(s.variesByYear()).isTrue();
    }

    @Test
    void a_linear_series_interpolates_between_anchors() {
        Series s = byYear(Map.of(2020, 100.0, 2024, 300.0, 2026, 200.0), Series.Interpolation.LINEAR);
        assertThat(s.nominal(2020)).isEqualTo(100);
        assertThat(s.nominal(2021)).isCloseTo(150, within(TOLERANCE));
        assertThat(s.nominal(2022)).isCloseTo(200, within(TOLERANCE));
        assertThat(s.nominal(2023)).isCloseTo(250, within(TOLERANCE));
        assertThat(s.nominal(2024)).isEqualTo(300);
        assertThat(s.nominal(2025)).isCloseTo(250, within(TOLERANCE));
        assertThat(s.nominal(2026)).isEqualTo(200);
    }

    @Test
    void before_the_first_anchor_and_after_the_last_the_value_is_held_flat() {
        for (Series.Interpolation i : Series.Interpolation.values()) {
            Series s = byYear(Map.of(2024, 10.0, 2026, 20.0), i);
            assertThat(s.nominal(2000)).as("%s before", i).isEqualTo(10);
            assertThat(s.nominal(2023)).as("%s before", i).isEqualTo(10);
            assertThat(s.nominal(2027)).as("%s after", i).isEqualTo(20);
            assertThat(s.nominal(2100)).as("%s after", i).isEqualTo(20);
        }
    }

    @Test
    void a_single_anchor_holds_for_every_year_and_does_not_vary() {
        Series s = byYear(Map.of(2025, 7.0), Series.Interpolation.LINEAR);
        assertThat(s.nominal(2020)).isEqualTo(7);
        assertThat(s.nominal(2030)).isEqualTo(7);
        assertThat(s.variesByYear()).isFalse();
    }

    @Test
    void growth_compounds_from_the_year_before_it_starts() {
        // value(t) = value(from - 1) * (1 + r)^(t - from + 1)
        double r = 0.05;
        int from = 2027;
        Series s = byYear(Map.of(2024, 100.0, 2026, 200.0), Series.Interpolation.LINEAR, growth(r, from));
        double base = s.nominal(from - 1);
        assertThat(base).isEqualTo(200);
        for (int t = from; t <= 2040; t++) {
            assertThat(s.nominal(t))
                    .as("year %d", t)
                    .isCloseTo(base * Math.pow(1 + r, t - from + 1), within(TOLERANCE));
        }
        // years before growth are untouched
        assertThat(s.nominal(2025)).isCloseTo(150, within(TOLERANCE));
        assertThat(s.variesByYear()).isTrue();
    }

    @Test
    void growth_starting_after_a_gap_grows_from_the_held_value() {
        Series s = byYear(Map.of(2024, 100.0), Series.Interpolation.STEP, growth(0.10, 2030));
        assertThat(s.nominal(2029)).isEqualTo(100);
        assertThat(s.nominal(2030)).isCloseTo(110, within(TOLERANCE));
        assertThat(s.nominal(2031)).isCloseTo(121, within(TOLERANCE));
        assertThat(s.variesByYear()).isTrue();
    }

    @Test
    void negative_growth_shrinks() {
        Series s = byYear(Map.of(2024, 1000.0), Series.Interpolation.STEP, growth(-0.5, 2025));
        assertThat(s.nominal(2025)).isCloseTo(500, within(TOLERANCE));
        assertThat(s.nominal(2026)).isCloseTo(250, within(TOLERANCE));
    }

    @Test
    void russian_market_forecast_by_hand() {
        // Russian market: 1.3e6 in 2024, 1.65e6 in 2026, linear between; then 1% a year from 2027.
        // 2025 = (1.3e6 + 1.65e6) / 2 = 1.475e6
        // 2027 = 1.65e6 * 1.01 = 1.6665e6
        // 2028 = 1.6665e6 * 1.01 = 1.683165e6
        Series s = byYear(Map.of(2024, 1.3e6, 2026, 1.65e6), Series.Interpolation.LINEAR, growth(0.01, 2027));
        assertThat(s.nominal(2023)).isCloseTo(1.3e6, within(TOLERANCE));
        assertThat(s.nominal(2024)).isCloseTo(1.3e6, within(TOLERANCE));
        assertThat(s.nominal(2025)).isCloseTo(1.475e6, within(TOLERANCE));
        assertThat(s.nominal(2026)).isCloseTo(1.65e6, within(TOLERANCE));
        assertThat(s.nominal(2027)).isCloseTo(1.6665e6, within(TOLERANCE));
        assertThat(s.nominal(2028)).isCloseTo(1.683165e6, within(TOLERANCE));
    }

    @Test
    void the_growth_rate_is_valued_like_every_other_figure() {
        var anchors = new TreeMap<Integer, Figure>();
        anchors.put(2024, Figure.of(Quantity.Range.of(80, 120)));
        Series s = new Series.ByYear(
                anchors,
                Series.Interpolation.STEP,
                Optional.of(new Series.Growth(Figure.of(Quantity.Range.of(0.0, 0.2)), 2025)));
        assertThat(s.nominal(2025)).isCloseTo(100 * 1.1, within(TOLERANCE));
        assertThat(s.valueAt(2025, f -> f.quantity().max())).isCloseTo(120 * 1.2, within(TOLERANCE));
        assertThat(s.valueAt(2025, f -> f.quantity().min())).isCloseTo(80, within(TOLERANCE));
        assertThat(s.figures()).hasSize(2);
        assertThat(s.figures().get(1).quantity()).isEqualTo(Quantity.Range.of(0.0, 0.2));
    }

    @Test
    void scaling_scales_anchors_and_keeps_the_growth_rate() {
        Series s = byYear(Map.of(2024, 2.0, 2026, 4.0), Series.Interpolation.LINEAR, growth(0.5, 2027));
        Series scaled = s.scaled(1e6);
        assertThat(scaled.nominal(2025)).isCloseTo(3e6, within(TOLERANCE));
        assertThat(scaled.nominal(2027)).isCloseTo(6e6, within(TOLERANCE));
        assertThat(((Series.ByYear) scaled).growth()).isEqualTo(((Series.ByYear) s).growth());
        assertThat(Series.constant(3).scaled(2).nominal(2024)).isEqualTo(6);
    }

    @Test
    void a_series_by_year_refuses_no_anchors_and_anchors_after_growth_starts() {
        assertThatThrownBy(() -> new Series.ByYear(new TreeMap<>(), Series.Interpolation.STEP, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one year");
        assertThatThrownBy(() -> byYear(Map.of(2024, 1.0, 2027, 2.0), Series.Interpolation.STEP, growth(0.01, 2027)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2027 is given after growth starts in 2027");
    }

    @Test
    void anchors_are_copied_and_cannot_be_changed() {
        var anchors = new TreeMap<Integer, Figure>();
        anchors.put(2024, Figure.of(1));
        var s = new Series.ByYear(anchors, Series.Interpolation.STEP, Optional.empty());
        anchors.put(2025, Figure.of(2));
        assertThat(s.anchors()).containsOnlyKeys(2024);
        assertThatThrownBy(() -> s.anchors().put(2026, Figure.of(3))).isInstanceOf(UnsupportedOperationException.class);
    }
}
