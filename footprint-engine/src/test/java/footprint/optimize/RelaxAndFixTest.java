package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import footprint.model.Network;
import footprint.model.Objective;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The warm start of networks the Lagrangian does not serve ({@link RelaxAndFix}): its bound is the
 * LP relaxation's, its plan is no better than the MILP's optimum, the model's bounds are as before
 * afterwards, and a solve it proves within the gap asked for is within that gap of the optimum.
 */
class RelaxAndFixTest {
    static IntStream seeds() {
        return IntStream.range(0, 10);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_bound_is_the_lp_and_the_plan_is_a_plan(int seed) {
        Network n = seed == 0 ? ColumnGenerationTest.generated("S") : Models.read(TechniquesTest.facility(seed));
        Plan plain = Optimizer.solve(n, TechniquesTest.options(Backend.HIGHS, Set.of()), SolveListener.NONE);
        if (!plain.status().hasPlan()) {
            return;
        }
        Optimizer.loadNatives();
        FrozenNetwork f = FrozenNetwork.of(n);
        double sign = n.objective() == Objective.NPV ? -1 : 1;
        double scale = Math.max(1, Math.abs(plain.objective()));
        for (boolean strong : new boolean[] {true, false}) {
            Formulation.Settings settings = strong
                    ? Formulation.Settings.milp()
                    : Formulation.Settings.milp().without(Formulation.Family.STRENGTH);
            MPSolver solver = MPSolver.createSolver("CBC");
            try {
                Formulation form = Formulation.build(f, solver, settings);
                double[] lb = form.integers.stream().mapToDouble(MPVariable::lb).toArray();
                double[] ub = form.integers.stream().mapToDouble(MPVariable::ub).toArray();
                RelaxAndFix.Result r = RelaxAndFix.run(
                        form,
                        settings,
                        TechniquesTest.options(Backend.HIGHS, Set.of()),
                        Long.MAX_VALUE,
                        Long.MAX_VALUE);

                assertThat(r.bound())
                        .as("strong %s", strong)
                        .isCloseTo(sign * ColumnGenerationTest.lp(f, settings.families()), within(1e-7 * scale));
                assertThat(r.bound()).isLessThanOrEqualTo(sign * plain.objective() + 1e-7 * scale);
                assertThat(r.weak()).isFalse();
                assertThat(r.fixed() + r.free()).isEqualTo(form.integers.size());
                assertThat(r.incumbent()).as("a plan").isNotNull();
                assertThat(r.incumbent().value()).isGreaterThanOrEqualTo(sign * plain.objective() - 1e-7 * scale);
                for (int i = 0; i < lb.length; i++) {
                    assertThat(form.integers.get(i).lb()).isEqualTo(lb[i]);
                    assertThat(form.integers.get(i).ub()).isEqualTo(ub[i]);
                }
            } finally {
                solver.delete();
            }
        }
    }

    /**
     * L with HiGHS and a one-second limit: the plain MILP stops without a plan and says why; with
     * twenty seconds (to prove a gap of 1e-9), the warm start's plan comes back with the LP bound.
     */
    @Test
    void a_time_limit_is_named_and_the_warm_start_still_gives_a_plan() {
        Network n = ColumnGenerationTest.generated("L");
        Plan plain = Optimizer.solve(
                n, TechniquesTest.options(Backend.HIGHS, Set.of()).withTimeLimit(1), SolveListener.NONE);
        assertThat(plain.status()).isEqualTo(SolveStatus.TIME_LIMIT);
        assertThat(plain.notes()).anyMatch(s -> s.startsWith("highs stopped at the time limit"));

        Plan warm = Optimizer.solve(
                n,
                TechniquesTest.options(Backend.HIGHS, EnumSet.of(Technique.WARM_START))
                        .withTimeLimit(20),
                SolveListener.NONE);
        assertThat(warm.status()).as(warm.notes().toString()).isIn(SolveStatus.FEASIBLE, SolveStatus.OPTIMAL);
        assertThat(warm.bestBound()).isGreaterThanOrEqualTo(warm.objective());
        PlanInvariants.check(n, warm);
    }

    /** M (components from component plants) at a 1 % gap: the warm start's plan, proved by the LP bound. */
    @Test
    void a_multi_level_network_within_the_gap_asked_for() {
        Network n = ColumnGenerationTest.generated("M");
        Plan plain = Optimizer.solve(n, TechniquesTest.options(Backend.HIGHS, Set.of()), SolveListener.NONE);
        for (Backend b : new Backend[] {Backend.HIGHS, Backend.CBC}) {
            Plan plan = Optimizer.solve(
                    n,
                    TechniquesTest.options(b, EnumSet.of(Technique.WARM_START)).withGap(0.01),
                    SolveListener.NONE);
            assertThat(plan.status()).as(plan.notes().toString()).isEqualTo(SolveStatus.OPTIMAL);
            assertThat(plan.notes()).anyMatch(s -> s.contains("warm start from the LP relaxation"));
            assertThat(plan.objective()).isGreaterThanOrEqualTo(plain.objective() * (1 - 0.01));
            assertThat(plan.objective()).isLessThanOrEqualTo(plain.objective() * (1 + 1e-9));
            assertThat(plan.bestBound()).isGreaterThanOrEqualTo(plain.objective() * (1 - 1e-9));
            PlanInvariants.check(n, plan);
        }
    }
}
