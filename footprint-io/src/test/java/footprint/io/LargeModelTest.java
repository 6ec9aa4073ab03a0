package footprint.io;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.model.check.Problem;
import footprint.model.check.ProblemCode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Files near the size limit read and validate in time linear in their size. The timeouts are a
 * backstop against quadratic checks (200,000 plants took over ten minutes when each plant scanned
 * every lane), not a benchmark: the same files take seconds now (docs/benchmarks.md, Validation),
 * and the limit leaves room for a machine busy with other builds.
 */
class LargeModelTest {
    private static final int PLANTS = 200_000;
    private static final int MARKETS = 1_000;

    /** A valid model of {@code plants} plants, each with one lane to one of {@code markets} markets. */
    static String manyPlants(int plants, int markets, String laneTarget) {
        StringBuilder b = new StringBuilder(plants * 100);
        b.append("footprint: 1\nname: Many plants\nsource: \"seed 001\"\nhorizon: {from: 2024, to: 2026}\n")
                .append("currency: EUR\ncountries:\n  FR: {name: France, bloc: EU}\n")
                .append("platforms:\n  van: {name: Compact van}\n")
                .append("products:\n  expert: {brand: Peugeot, segment: van, platform: van, price: 25000}\n")
                .append("plants:\n");
        for (int i = 0; i < plants; i++) {
            b.append("  p").append(i).append(": {country: FR, capacity: 1000, platforms: [van]}\n");
        }
        b.append("markets:\n");
        for (int j = 0; j < markets; j++) {
            b.append("  m").append(j).append(": {country: FR, demand: {expert: 900}}\n");
        }
        b.append("lanes:\n");
        for (int i = 0; i < plants; i++) {
            b.append("  - {from: p")
                    .append(i)
                    .append(", to: ")
                    .append(laneTarget)
                    .append(i % markets)
                    .append(", cost: 300}\n");
        }
        return b.toString();
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void two_hundred_thousand_plants_with_a_lane_each_read_and_validate_in_seconds() {
        String text = manyPlants(PLANTS, MARKETS, "m");
        assertThat(text.length()).isLessThan((int) ReadLimits.MAX_BYTES);

        ModelRead read = ModelReader.read(text, "many.yaml");

        assertThat(read.errors()).isEmpty();
        assertThat(read.network()).isPresent();
        assertThat(read.network().get().plants()).hasSize(PLANTS);
        assertThat(read.network().get().lanes()).hasSize(PLANTS);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void a_hundred_thousand_lanes_to_unknown_markets_are_each_reported_in_seconds() {
        // every lane names a market that is not defined: each is an error, each with a short list of
        // the known markets, and the "did you mean" hints must not compare every id with every other
        ModelRead read = ModelReader.read(manyPlants(PLANTS / 2, MARKETS, "q"), "many.yaml");

        assertThat(read.errors()).hasSize(PLANTS / 2);
        assertThat(read.errors()).allMatch(p -> p.code() == ProblemCode.UNKNOWN_REFERENCE);
        Problem first = read.errors().get(0);
        assertThat(first.message()).startsWith("'q0' is not a market of this model (known: m0, m1, m10,");
        assertThat(first.location().orElseThrow().line()).isPositive();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void a_name_of_five_megabytes_reads_in_seconds() {
        String huge = "x".repeat(5 << 20);
        String text = manyPlants(1, 1, "m").replace("name: Many plants", "name: " + huge);

        ModelRead read = ModelReader.read(text, "huge-name.yaml");

        assertThat(read.errors()).isEmpty();
        assertThat(read.network().orElseThrow().name()).hasSize(5 << 20);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void an_unknown_id_of_five_megabytes_is_reported_in_seconds() {
        String huge = "y".repeat(5 << 20);
        String text = manyPlants(1, 1, "m").replace("to: m0,", "to: " + huge + ",");

        ModelRead read = ModelReader.read(text, "huge-id.yaml");

        assertThat(read.errors()).extracting(Problem::code).containsExactly(ProblemCode.UNKNOWN_REFERENCE);
    }
}
