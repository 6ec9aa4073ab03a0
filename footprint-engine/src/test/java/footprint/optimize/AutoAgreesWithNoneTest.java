package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.bench.NetworkGenerator;
import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.model.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --techniques auto} gives the plain MILP's answer ({@code none}): the same status and
 * optima that agree within the gaps the two solves prove, on every example, on the OR-Library
 * instances of the test set, on seeded random facility-location networks big enough for auto to
 * take the Lagrangian, and on seeded generated networks with component plants at a gap loose
 * enough for auto to take the warm start. More seeds of both: {@link AutoAgreesWithNoneIT}.
 */
class AutoAgreesWithNoneTest {
    static Stream<Path> examples() {
        try (Stream<Path> files = Files.walk(Path.of("..", "examples"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void every_example_solves_to_the_same_optimum(Path file) {
        ModelRead read = ModelReader.read(file);
        assertThat(read.errors()).as(file.toString()).isEmpty();
        agree(read.network().orElseThrow(), SolveOptions.DEFAULT_GAP);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cap41", "cap44", "cap71", "cap74"})
    void or_library_instances_solve_to_the_same_optimum(String name) {
        Network n = OrLibCap.parse(
                OrLibCapTest.read(OrLibCapTest.DIR.resolve(name + ".txt")), name, OptionalDouble.empty());
        agree(n, SolveOptions.DEFAULT_GAP);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1})
    void random_facility_location_networks_take_the_lagrangian_and_solve_to_the_same_optimum(int seed) {
        Network n = OrLibCap.parse(capacitated(seed, 20, 500), "random-" + seed, OptionalDouble.empty());
        Plan auto = agree(n, SolveOptions.DEFAULT_GAP);
        assertThat(auto.techniques().techniques()).isEqualTo(Technique.recommended());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1})
    void generated_networks_with_component_plants_take_the_warm_start_at_a_loose_gap(int seed) {
        Network n = NetworkGenerator.generate(NetworkGenerator.Size.S.spec(), seed);
        Plan auto = agree(n, 0.005);
        assertThat(auto.techniques().techniques()).containsExactly(Technique.WARM_START);
    }

    /** Solves under auto and none at this gap; asserts the two agree and returns auto's plan. */
    static Plan agree(Network n, double gap) {
        Plan auto =
                Optimizer.solve(n, SolveOptions.defaults().withGap(gap).withShadowPrices(false), SolveListener.NONE);
        Plan none = Optimizer.solve(n, SolveOptions.plain().withGap(gap).withShadowPrices(false), SolveListener.NONE);
        String what = n.name() + ": auto " + auto.techniques().line() + " " + auto.notes() + ", none " + none.notes();

        assertThat(auto.techniques().auto()).as(what).isTrue();
        assertThat(none.techniques().techniques()).as(what).isEmpty();
        assertThat(auto.status()).as(what).isEqualTo(none.status());
        if (!none.hasPlan()) {
            return auto;
        }
        // each objective lies within its own proven gap of the optimum, so they lie within the sum
        double scale = Math.max(1, Math.max(Math.abs(auto.objective()), Math.abs(none.objective())));
        double allowed = (auto.gap() + none.gap() + 1e-9) * scale;
        assertThat(Math.abs(auto.objective() - none.objective())).as(what).isLessThanOrEqualTo(allowed);
        assertThat(auto.gap()).as(what).isLessThanOrEqualTo(gap + 1e-9);
        PlanInvariants.check(n, auto);
        return auto;
    }

    /**
     * A random capacitated facility-location instance in the OR-Library's format: {@code plants}
     * plants with capacity and fixed cost, {@code customers} customers with a demand and the cost of
     * serving all of it from each plant (by distance on the unit square); capacity about three times
     * the demand.
     */
    static String capacitated(int seed, int plants, int customers) {
        Random r = new Random(seed);
        double[][] at = new double[plants + customers][2];
        for (double[] p : at) {
            p[0] = r.nextDouble();
            p[1] = r.nextDouble();
        }
        int[] demand = new int[customers];
        long total = 0;
        for (int j = 0; j < customers; j++) {
            demand[j] = 5 + r.nextInt(60);
            total += demand[j];
        }
        StringBuilder s = new StringBuilder();
        s.append(plants).append(' ').append(customers).append('\n');
        for (int i = 0; i < plants; i++) {
            long capacity = 3 * total / plants + r.nextInt(100);
            s.append(' ')
                    .append(capacity)
                    .append(' ')
                    .append(5000 + r.nextInt(10_000))
                    .append('\n');
        }
        for (int j = 0; j < customers; j++) {
            s.append(' ').append(demand[j]).append('\n');
            double[] c = at[plants + j];
            for (int i = 0; i < plants; i++) {
                double d = Math.hypot(at[i][0] - c[0], at[i][1] - c[1]);
                s.append(String.format(Locale.ROOT, " %.2f", d * demand[j] * 100));
            }
            s.append('\n');
        }
        return s.toString();
    }
}
