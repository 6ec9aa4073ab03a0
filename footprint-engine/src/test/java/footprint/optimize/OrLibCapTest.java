package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import footprint.model.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Beasley's OR-Library cap41..cap134 solve to their published optima (capa/b/c are for the benchmark). */
class OrLibCapTest {
    static final Path DIR = Path.of("..", "data", "orlib-cap");

    /** The numbered instances of capopt.txt with their optima. */
    static Stream<Arguments> instances() {
        return read(DIR.resolve("capopt.txt"))
                .lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.strip().split("\\s+"))
                .filter(f -> f[1].equals("-"))
                .map(f -> Arguments.of(f[0], Double.parseDouble(f[2])));
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void solves_to_the_published_optimum(String name, double optimum) {
        Network n = OrLibCap.parse(read(DIR.resolve(name + ".txt")), name, OptionalDouble.empty());
        Plan plan = Optimizer.solve(n, SolveOptions.plain().withGap(1e-9), SolveListener.NONE);

        assertThat(plan.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(plan.objective()).isCloseTo(optimum, within(1e-6 * optimum));
        PlanInvariants.check(n, plan);
    }

    @Test
    void reads_the_instance_as_a_cost_network() {
        Network n = OrLibCap.parse(read(DIR.resolve("cap41.txt")), "cap41", OptionalDouble.empty());
        assertThat(n.plants()).hasSize(16);
        assertThat(n.markets()).hasSize(50);
        assertThat(n.lanes()).hasSize(16 * 50);
        assertThat(n.plants().get(0).capacity().nominal(OrLibCap.YEAR)).isEqualTo(5000);
        assertThat(n.plants().get(0).fixedCost().orElseThrow().nominal(OrLibCap.YEAR))
                .isEqualTo(7500);
        // customer 1: demand 146, cost 6739.725 at warehouse 1 for all of it
        assertThat(n.markets().get(0).demandFor("unit", OrLibCap.YEAR)).isEqualTo(146);
        assertThat(n.lanes().get(0).costPerUnit().orElseThrow().nominal(OrLibCap.YEAR))
                .isCloseTo(6739.725 / 146, within(1e-12));
    }

    @Test
    void capa_needs_a_capacity() {
        String text = "2 1\n capacity 10.\n capacity 20.\n 5\n 1. 2.\n";
        assertThatThrownBy(() -> OrLibCap.parse(text, "tiny", OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity");
        Network n = OrLibCap.parse(text, "tiny", OptionalDouble.of(8));
        assertThat(n.plants().get(1).capacity().nominal(OrLibCap.YEAR)).isEqualTo(8);
        // serve 5 units from w1 (fixed 10, cost 1 for all 5) = 11
        assertThat(Optimizer.solve(n).objective()).isCloseTo(11, within(1e-9));
    }

    @Test
    void refuses_a_truncated_file() {
        assertThatThrownBy(() -> OrLibCap.parse("2 1\n 10 1\n 10 1\n 5\n 1.", "cut", OptionalDouble.empty()))
                .hasMessageContaining("ends before");
    }
}
