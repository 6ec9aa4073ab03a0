package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.google.ortools.linearsolver.MPVariableProto;
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
        Solved c = solved(seed, "S");
        if (c == null) {
            return;
        }
        FrozenNetwork f = c.frozen();
        double scale = c.scale();
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
                        .isCloseTo(c.sign() * ColumnGenerationTest.lp(f, settings.families()), within(1e-7 * scale));
                assertThat(r.bound()).isLessThanOrEqualTo(c.optimum() + 1e-7 * scale);
                assertThat(r.weak()).isFalse();
                assertThat(r.fixed() + r.free()).isEqualTo(form.integers.size());
                assertThat(r.incumbent()).as("a plan").isNotNull();
                assertThat(r.incumbent().value()).isGreaterThanOrEqualTo(c.optimum() - 1e-7 * scale);
                assertIsAPlan(form, r.incumbent().values());
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

    /**
     * L at a 0.5 % gap (40 of its 285 decisions fractional in the LP): the dive reaches a plan
     * within the gap of the LP bound, so no MILP is solved at all, and the plan keeps every row.
     */
    @Test
    void the_dive_proves_l_within_half_a_percent_without_a_milp() {
        Network n = ColumnGenerationTest.generated("L");
        Optimizer.loadNatives();
        FrozenNetwork f = FrozenNetwork.of(n);
        MPSolver solver = MPSolver.createSolver("GLOP");
        try {
            Formulation form = Formulation.build(f, solver, Formulation.Settings.milp());
            RelaxAndFix.Result r = RelaxAndFix.run(
                    form,
                    Formulation.Settings.milp(),
                    TechniquesTest.options(Backend.HIGHS, Set.of()).withGap(0.005),
                    Long.MAX_VALUE,
                    Long.MAX_VALUE);
            assertThat(r.byDive()).as("the plan is the dive's").isTrue();
            assertThat(r.free()).isPositive();
            assertThat(r.dived()).isPositive();
            assertThat(r.backtracks()).as("roundings undone on the way").isPositive();
            double value = r.incumbent().value();
            assertThat(value - r.bound()).isBetween(0.0, 0.005 * Math.abs(value));
            assertIsAPlan(form, r.incumbent().values());
        } finally {
            solver.delete();
        }
        Plan plan = Optimizer.solve(
                n,
                TechniquesTest.options(Backend.HIGHS, EnumSet.of(Technique.WARM_START))
                        .withGap(0.005),
                SolveListener.NONE);
        assertThat(plan.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(plan.gap()).isLessThanOrEqualTo(0.005);
        PlanInvariants.check(n, plan);
    }

    /**
     * With no LP for the dive, the plan comes from the MILP with the LP's integral decisions fixed
     * (unless the LP's optimum is integral): a plan of the full MILP, no better than its optimum,
     * on M and on random facility networks.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void without_a_dive_the_fixed_milp_gives_the_plan(int seed) {
        Solved c = solved(seed, "M");
        if (c == null) {
            return;
        }
        double scale = c.scale();
        MPSolver solver = MPSolver.createSolver("GLOP");
        try {
            Formulation form = Formulation.build(c.frozen(), solver, Formulation.Settings.milp());
            RelaxAndFix.Result r = RelaxAndFix.run(
                    form,
                    Formulation.Settings.milp(),
                    TechniquesTest.options(Backend.HIGHS, Set.of()),
                    Long.MAX_VALUE,
                    Long.MAX_VALUE,
                    0);
            if (r.free() > 0) {
                assertThat(r.dived()).isZero();
                assertThat(r.byDive()).isFalse();
            } // else the LP's optimum is integral and itself the plan (one LP, to polish it)
            assertThat(r.incumbent()).as("a plan").isNotNull();
            assertThat(r.incumbent().value()).isGreaterThanOrEqualTo(c.optimum() - 1e-7 * scale);
            assertThat(r.incumbent().value()).isGreaterThanOrEqualTo(r.bound() - 1e-7 * scale);
            assertIsAPlan(form, r.incumbent().values());
        } finally {
            solver.delete();
        }
    }

    /**
     * A network of both parameterised tests, solved plainly by HiGHS.
     *
     * @param optimum the plain optimum in the minimisation sense (that of RelaxAndFix's figures)
     * @param sign −1 for NPV (maximised), 1 for cost
     * @param scale the optimum's size, at least 1, for tolerances
     */
    private record Solved(FrozenNetwork frozen, double optimum, double sign, double scale) {}

    /** Seed 0: the generated network of {@code size}; others: a random facility network. Null without a plan. */
    private static Solved solved(int seed, String size) {
        Network n = seed == 0 ? ColumnGenerationTest.generated(size) : Models.read(TechniquesTest.facility(seed));
        Plan plain = Optimizer.solve(n, TechniquesTest.options(Backend.HIGHS, Set.of()), SolveListener.NONE);
        if (!plain.status().hasPlan()) {
            return null;
        }
        Optimizer.loadNatives();
        double sign = n.objective() == Objective.NPV ? -1 : 1;
        return new Solved(
                FrozenNetwork.of(n), sign * plain.objective(), sign, Math.max(1, Math.abs(plain.objective())));
    }

    /**
     * Every value of {@code x} within its variable's bounds, integral where the variable is an
     * integer, and every row of {@code form}'s model kept to within 1e-6 (read from the model as
     * exported, so that the check does not trust the code that built it).
     */
    static void assertIsAPlan(Formulation form, double[] x) {
        MPModelProto m = form.solver.exportModelToProto();
        assertThat(x).hasSize(m.getVariableCount());
        for (int j = 0; j < x.length; j++) {
            MPVariableProto v = m.getVariable(j);
            assertThat(x[j]).as(v.getName()).isBetween(v.getLowerBound() - 1e-6, v.getUpperBound() + 1e-6);
            if (v.getIsInteger()) {
                assertThat(Math.abs(x[j] - Math.rint(x[j]))).as(v.getName()).isLessThanOrEqualTo(1e-6);
            }
        }
        for (MPConstraintProto c : m.getConstraintList()) {
            double activity = 0;
            for (int k = 0; k < c.getVarIndexCount(); k++) {
                activity += c.getCoefficient(k) * x[c.getVarIndex(k)];
            }
            assertThat(activity).as(c.getName()).isBetween(c.getLowerBound() - 1e-6, c.getUpperBound() + 1e-6);
        }
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
