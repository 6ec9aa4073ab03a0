package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.bench.NetworkGenerator;
import footprint.model.Network;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * More seeds of {@link AutoAgreesWithNoneTest}: random facility-location networks of 10,000 and
 * 12,000 arcs and generated S and M networks with component plants at a 0.5 % gap, under {@code
 * auto} and {@code none}. Half a minute to two minutes a seed on one core, so an IT.
 */
class AutoAgreesWithNoneIT {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {2, 3, 4, 5})
    void random_facility_location_networks_solve_to_the_same_optimum(int seed) {
        int plants = seed % 2 == 0 ? 20 : 24;
        Network n = OrLibCap.parse(
                AutoAgreesWithNoneTest.capacitated(seed, plants, 500), "random-" + seed, OptionalDouble.empty());
        Plan auto = AutoAgreesWithNoneTest.agree(n, SolveOptions.DEFAULT_GAP);
        assertThat(auto.techniques().techniques()).isEqualTo(Technique.recommended());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {2, 3, 4})
    void generated_networks_with_component_plants_solve_to_the_same_optimum(int seed) {
        NetworkGenerator.Size size = seed == 4 ? NetworkGenerator.Size.M : NetworkGenerator.Size.S;
        Network n = NetworkGenerator.generate(size.spec(), seed);
        Plan auto = AutoAgreesWithNoneTest.agree(n, 0.005);
        assertThat(auto.techniques().techniques()).containsExactly(Technique.WARM_START);
    }
}
