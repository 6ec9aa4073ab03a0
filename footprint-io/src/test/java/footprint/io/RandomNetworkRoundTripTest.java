package footprint.io;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.io.excel.ModelWorkbook;
import footprint.model.Network;
import footprint.model.check.NetworkValidator;
import footprint.model.check.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded property: random valid networks validate without errors and read back equal. */
class RandomNetworkRoundTripTest {
    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** Fewer seeds through Excel: a workbook takes a few hundred milliseconds to write and read. */
    static LongStream workbookSeeds() {
        return LongStream.range(0, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void a_random_valid_network_reads_back_equal_through_yaml_and_json(long seed) {
        Network network = RandomNetworks.of(seed);
        List<Problem> errors = NetworkValidator.validate(network).stream()
                .filter(Problem::isError)
                .toList();
        assertThat(errors)
                .as("seed %d: the generated network should be valid", seed)
                .isEmpty();
        RoundTripTest.assertRoundTrips(network, "seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("workbookSeeds")
    void a_random_valid_network_reads_back_equal_through_an_excel_workbook(long seed) {
        Network network = RandomNetworks.of(seed);
        Path xlsx = dir.resolve("seed-" + seed + ".xlsx");
        ModelWorkbook.write(network, xlsx);
        ModelRead back = ModelWorkbook.read(xlsx);
        assertThat(back.errors())
                .as("seed %d written as a workbook reads back without errors", seed)
                .isEmpty();
        assertThat(back.network())
                .as("seed %d through a workbook:%n%s", seed, ModelWriter.toYaml(network))
                .contains(network);
        assertThat(ModelWriter.toYaml(back.network().orElseThrow()))
                .as("seed %d", seed)
                .isEqualTo(ModelWriter.toYaml(network));
    }

    @Test
    void some_random_networks_have_locations_of_every_kind() {
        List<String> keys = seeds().mapToObj(RandomNetworks::of)
                .flatMap(n -> n.locations().keySet().stream())
                .map(k -> k.substring(0, k.indexOf('[')))
                .distinct()
                .toList();
        assertThat(keys).containsExactlyInAnyOrder("countries", "plants", "component-plants", "markets");
        assertThat(workbookSeeds()
                        .mapToObj(RandomNetworks::of)
                        .filter(n -> !n.locations().isEmpty()))
                .isNotEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_same_seed_gives_the_same_network(long seed) {
        assertThat(RandomNetworks.of(seed)).as("seed %d", seed).isEqualTo(RandomNetworks.of(seed));
    }
}
