package footprint.io;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.model.Network;
import footprint.model.check.NetworkValidator;
import footprint.model.check.Problem;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded property: random valid networks validate without errors and read back equal. */
class RandomNetworkRoundTripTest {
    static LongStream seeds() {
        return LongStream.range(0, 200);
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
    @MethodSource("seeds")
    void the_same_seed_gives_the_same_network(long seed) {
        assertThat(RandomNetworks.of(seed)).as("seed %d", seed).isEqualTo(RandomNetworks.of(seed));
    }
}
