package footprint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MarketTest {
    private static final double TOLERANCE = 1e-9;

    private static Market market(Map<String, Series> demand, List<SegmentDemand> segments) {
        return new Market("FR", "France", "FR", Optional.empty(), demand, segments, Optional.empty());
    }

    @Test
    void demand_for_a_product_is_its_own_plus_its_share_of_each_segment() {
        // expert: 100 of its own + 1000 x 10% x 60% = 160; boxer: 1000 x 10% x 40% = 40
        var vans = new SegmentDemand(
                "van",
                Series.constant(1000),
                Optional.of(Figure.of(0.10)),
                Map.of("expert", Figure.of(0.6), "boxer", Figure.of(0.4)));
        Market m = market(Map.of("expert", Series.constant(100)), List.of(vans));
        assertThat(m.demandFor("expert", 2024)).isCloseTo(160, within(TOLERANCE));
        assertThat(m.demandFor("boxer", 2024)).isCloseTo(40, within(TOLERANCE));
        assertThat(m.demandFor("jumpy", 2024)).isZero();
    }

    @Test
    void without_a_group_share_the_whole_segment_is_split() {
        var vans = new SegmentDemand("van", Series.constant(1000), Optional.empty(), Map.of("expert", Figure.of(0.25)));
        assertThat(market(Map.of(), List.of(vans)).demandFor("expert", 2024)).isCloseTo(250, within(TOLERANCE));
    }

    @Test
    void segments_add_up_and_follow_their_volume_by_year() {
        var anchors = new TreeMap<Integer, Figure>();
        anchors.put(2024, Figure.of(1000));
        anchors.put(2026, Figure.of(2000));
        Series rising = new Series.ByYear(anchors, Series.Interpolation.LINEAR, Optional.empty());
        var vans = new SegmentDemand("van", rising, Optional.of(Figure.of(0.5)), Map.of("expert", Figure.of(1)));
        var minibus =
                new SegmentDemand("minibus", Series.constant(100), Optional.empty(), Map.of("expert", Figure.of(0.5)));
        Market m = market(Map.of(), List.of(vans, minibus));
        // 2025: 1500 x 0.5 x 1 + 100 x 0.5 = 800
        assertThat(m.demandFor("expert", 2024)).isCloseTo(550, within(TOLERANCE));
        assertThat(m.demandFor("expert", 2025)).isCloseTo(800, within(TOLERANCE));
        assertThat(m.demandFor("expert", 2026)).isCloseTo(1050, within(TOLERANCE));
    }

    @Test
    void demand_is_valued_with_the_figures_as_asked() {
        var vans = new SegmentDemand(
                "van",
                Series.constant(Figure.of(Quantity.Range.of(800, 1200))),
                Optional.of(Figure.of(Quantity.Range.of(0.1, 0.3))),
                Map.of("expert", Figure.of(1)));
        Market m = market(Map.of("expert", Series.constant(Figure.of(Quantity.Range.of(0, 10)))), List.of(vans));
        assertThat(m.demandFor("expert", 2024)).isCloseTo(5 + 1000 * 0.2, within(TOLERANCE));
        assertThat(m.demandFor("expert", 2024, f -> f.quantity().max())).isCloseTo(10 + 1200 * 0.3, within(TOLERANCE));
    }
}
