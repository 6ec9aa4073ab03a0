package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import footprint.bench.NetworkGenerator;
import footprint.model.Network;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * OR-Tools' HiGHS interface returns the plan's objective as its best bound, whatever gap HiGHS
 * stopped at; the bound Footprint reports for a HiGHS solve must still be a bound.
 */
class HighsBoundTest {
    /**
     * M with seed 4 (NPV, maximised) at 0.5 % and 1 %: HiGHS stops at a plan 0.024 % below the
     * optimum, which OR-Tools reported as its own bound (gap 0); the bound must be at or above the
     * optimum CBC proves, and the gap within the one asked for.
     */
    @Test
    void a_highs_bound_at_a_gap_is_at_or_beyond_the_optimum() {
        Network n = NetworkGenerator.generate(NetworkGenerator.Size.M.spec(), 4);
        Plan exact = Optimizer.solve(n, TechniquesTest.options(Backend.CBC, Set.of()), SolveListener.NONE);
        assertThat(exact.status()).isEqualTo(SolveStatus.OPTIMAL);
        double optimum = exact.objective();
        for (double gap : new double[] {0.005, 0.01}) {
            Plan p = Optimizer.solve(
                    n, TechniquesTest.options(Backend.HIGHS, Set.of()).withGap(gap), SolveListener.NONE);
            assertThat(p.status()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(p.objective()).isLessThanOrEqualTo(optimum * (1 + 1e-9));
            assertThat(p.bestBound()).as("gap %s", gap).isGreaterThanOrEqualTo(optimum * (1 - 1e-9));
            assertThat(p.gap()).isLessThanOrEqualTo(gap + 1e-9);
        }
    }

    @Test
    void the_bound_lies_the_gap_beyond_the_objective_in_the_direction_of_the_optimisation() {
        assertThat(Optimizer.highsBound(200, 0.01, true)).isCloseTo(202, within(1e-12));
        assertThat(Optimizer.highsBound(200, 0.01, false)).isCloseTo(198, within(1e-12));
        assertThat(Optimizer.highsBound(-200, 0.01, false)).isCloseTo(-202, within(1e-12));
        // below 1 in size, the gap is taken of 1: a wider bound, never a narrower one
        assertThat(Optimizer.highsBound(0, 0.01, true)).isCloseTo(0.01, within(1e-12));
        assertThat(Optimizer.highsBound(5, 0, true)).isEqualTo(5);
    }
}
