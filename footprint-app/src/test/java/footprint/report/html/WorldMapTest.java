package footprint.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorldMapTest {
    static List<double[]> ring(double... lonLat) {
        List<double[]> ring = new ArrayList<>();
        for (int i = 0; i < lonLat.length; i += 2) {
            ring.add(new double[] {lonLat[i], lonLat[i + 1]});
        }
        return ring;
    }

    static WorldMap.Country country(String name) {
        return WorldMap.countries().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void no_ring_of_any_country_steps_across_the_map() {
        assertThat(WorldMap.countries()).hasSizeGreaterThan(170);
        for (WorldMap.Country c : WorldMap.countries()) {
            for (List<List<double[]>> polygon : c.polygons()) {
                for (List<double[]> ring : polygon) {
                    assertThat(WorldMap.crosses(ring)).as(c.name()).isFalse();
                    for (double[] p : ring) {
                        assertThat(p[0]).as(c.name()).isBetween(-180.0, 180.0);
                        assertThat(p[1]).as(c.name()).isBetween(-90.0, 90.0);
                    }
                }
            }
        }
    }

    @Test
    void russia_and_fiji_keep_their_pieces_on_both_sides_of_the_180th_meridian() {
        for (String name : List.of("Russia", "Fiji")) {
            WorldMap.Country c = country(name);
            double east = -180;
            double west = 180;
            for (List<List<double[]>> polygon : c.polygons()) {
                double maxLon =
                        polygon.get(0).stream().mapToDouble(p -> p[0]).max().orElseThrow();
                double minLon =
                        polygon.get(0).stream().mapToDouble(p -> p[0]).min().orElseThrow();
                // no single piece spans the world
                assertThat(maxLon - minLon).as(name).isLessThan(180);
                east = Math.max(east, maxLon);
                west = Math.min(west, minLon);
            }
            assertThat(east).as(name).isGreaterThan(179.9);
            assertThat(west).as(name).isLessThan(-179.9);
        }
    }

    @Test
    void cuts_a_ring_that_crosses_the_antimeridian_into_one_piece_each_side() {
        // a square from 170 E to 170 W (-170), written the way world-atlas writes Fiji
        var pieces = WorldMap.cut(List.of(
                ring(170, -10, 180, -10, -180, -10, -170, -10, -170, -20, -180, -20, 180, -20, 170, -20, 170, -10)));
        assertThat(pieces).hasSize(2);
        for (var piece : pieces) {
            double min = piece.get(0).stream().mapToDouble(p -> p[0]).min().orElseThrow();
            double max = piece.get(0).stream().mapToDouble(p -> p[0]).max().orElseThrow();
            assertThat(max - min).isEqualTo(10.0);
        }
    }

    @Test
    void closes_a_ring_round_the_pole_along_the_pole() {
        // a band round the south pole at 60 to 70 S, stepping from 180 to -180 once
        var pieces = WorldMap.cut(List.of(ring(-180, -60, 0, -62, 180, -60, -180, -60)));
        assertThat(pieces).isNotEmpty();
        for (var piece : pieces) {
            assertThat(WorldMap.crosses(piece.get(0))).isFalse();
            assertThat(piece.get(0).stream().mapToDouble(p -> p[1]).min().orElseThrow())
                    .isEqualTo(-90.0);
        }
    }

    @Test
    void leaves_a_ring_away_from_the_antimeridian_as_it_is() {
        List<List<double[]>> square = List.of(ring(0, 0, 10, 0, 10, 10, 0, 10, 0, 0));
        assertThat(WorldMap.cut(square)).containsExactly(square);
    }

    @Test
    void finds_the_country_of_a_place() {
        assertThat(WorldMap.countryAt(55.76, 37.62)).contains("Russia");
        assertThat(WorldMap.countryAt(48.86, 2.35)).contains("France");
        assertThat(WorldMap.countryAt(-41.29, 174.78)).contains("New Zealand");
        assertThat(WorldMap.countryAt(64.73, 177.5)).contains("Russia"); // Anadyr, Chukotka
        assertThat(WorldMap.countryAt(0, -30)).isEmpty(); // the Atlantic
    }

    @Test
    void geo_json_leaves_out_antarctica_and_is_valid() throws Exception {
        JsonNode geo = new ObjectMapper().readTree(WorldMap.geoJson());
        assertThat(geo.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(geo.path("features")).hasSize(WorldMap.countries().size() - 1);
        assertThat(geo.path("features").findValuesAsText("name"))
                .contains("Russia", "Fiji")
                .doesNotContain("Antarctica");
    }
}
