package footprint.io;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.model.GeoPoint;
import footprint.model.Network;
import footprint.model.check.ProblemCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LocationTest {
    private static String tiny() throws IOException {
        try (InputStream in = LocationTest.class.getResourceAsStream("/models/tiny.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String located() throws IOException {
        return tiny().replace(
                        "  FR: {name: France, bloc: EU}",
                        "  FR: {name: France, bloc: EU, location: {lat: 48.86, lon: 2.35}}")
                .replace(
                        "  north:\n    country: FR\n",
                        "  north:\n    country: FR\n    location: {lat: 50.26, lon: 3.31}\n");
    }

    @Test
    void locations_are_read_kept_by_kind_and_written_back() throws IOException {
        ModelRead read = ModelReader.read(located(), "located.yaml");
        assertThat(read.errors()).isEmpty();
        Network n = read.network().orElseThrow();
        assertThat(n.locations()).containsEntry("plants[north]", new GeoPoint(50.26, 3.31));
        assertThat(n.locations()).containsEntry("countries[FR]", new GeoPoint(48.86, 2.35));
        assertThat(n.locationOf("north")).contains(new GeoPoint(50.26, 3.31));
        // the market FR has no location of its own: it is drawn at its country's
        assertThat(n.locationOf("FR")).contains(new GeoPoint(48.86, 2.35));
        assertThat(n.locationOf("east")).isEmpty();
        Network again =
                ModelReader.read(ModelWriter.toYaml(n), "again.yaml").network().orElseThrow();
        assertThat(again).isEqualTo(n);
        Network json =
                ModelReader.read(ModelWriter.toJson(n), "again.json").network().orElseThrow();
        assertThat(json).isEqualTo(n);
    }

    @Test
    void a_location_off_the_globe_is_out_of_range() throws IOException {
        ModelRead read = ModelReader.read(located().replace("lat: 50.26", "lat: 95"), "off.yaml");
        assertThat(read.network()).isEmpty();
        assertThat(read.errors())
                .anyMatch(p -> p.code() == ProblemCode.OUT_OF_RANGE
                        && p.field().equals("plants[north].location")
                        && p.message().contains("lat from -90 to 90"));
    }
}
