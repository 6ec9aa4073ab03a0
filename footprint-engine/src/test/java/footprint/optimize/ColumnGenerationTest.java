package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import footprint.bench.NetworkGenerator;
import footprint.model.Network;
import footprint.model.Objective;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Column generation ({@link ColumnGeneration}): its pricing agrees with the LP solver's reduced
 * costs, its bound is never better than the MILP's optimum and, once no arc improves, equals the
 * full LP relaxation; a plan it proves within the gap asked for is within that gap of the plain
 * optimum. ({@link TechniquesTest} solves the OR-Library and the tiny networks with every technique
 * on, this one included, against the published and the enumerated optima.)
 */
class ColumnGenerationTest {
    private static final Set<Formulation.Family> ALL = EnumSet.allOf(Formulation.Family.class);

    static Network generated(String size) {
        return NetworkGenerator.generate(NetworkGenerator.Size.parse(size).spec(), NetworkGenerator.DEFAULT_SEED);
    }

    /** Every other arc, priced against the restricted LP: the same reduced cost as the LP solver's. */
    @Test
    void pricing_gives_the_solvers_reduced_costs() {
        Optimizer.loadNatives();
        for (Network n : new Network[] {generated("S"), Models.read(TechniquesTest.facility(1))}) {
            FrozenNetwork full = FrozenNetwork.of(n);
            BitSet keep = new BitSet();
            for (int i = 0; i < full.arcs.size(); i += 2) {
                keep.set(i);
            }
            FrozenNetwork restricted = full.restrict(keep);
            MPSolver solver = MPSolver.createSolver(ColumnGeneration.LP_SOLVER);
            try {
                Formulation form = Formulation.build(restricted, solver, new Formulation.Settings(false, ALL));
                assertThat(solver.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
                double[] dual = new double[solver.numConstraints()];
                for (MPConstraint r : solver.constraints()) {
                    dual[r.index()] = r.dualValue();
                }
                ColumnGeneration.Duals duals = new ColumnGeneration.Duals(form, dual);
                double scale = 0;
                int nonzero = 0;
                for (FrozenNetwork.Arc a : restricted.arcs) {
                    double solverRc = form.flow[a.index()].reducedCost();
                    scale = Math.max(scale, Math.abs(Formulation.arcObjective(restricted, a)));
                    nonzero += Math.abs(solverRc) > 1e-6 ? 1 : 0;
                    assertThat(duals.reducedCost(a, a.index()))
                            .as("arc %s of %s", a, n.name())
                            .isCloseTo(solverRc, within(1e-7 * Math.max(1, scale)));
                }
                assertThat(nonzero).as("reduced costs that are not 0").isPositive();
            } finally {
                solver.delete();
            }
        }
    }

    static IntStream seeds() {
        return IntStream.range(0, 12);
    }

    /**
     * On random facility networks (both modes) and on S: the bound is on the right side of the
     * MILP's optimum, and equals the full LP relaxation when the loop converged.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_bound_is_valid_and_converges_to_the_full_lp(int seed) {
        Network n = seed == 0 ? generated("S") : Models.read(TechniquesTest.facility(seed));
        FrozenNetwork full = FrozenNetwork.of(n);
        Plan plain = Optimizer.solve(n, TechniquesTest.options(Backend.HIGHS, Set.of()), SolveListener.NONE);
        ColumnGeneration.Result cg = ColumnGeneration.run(
                full, ALL, TechniquesTest.options(Backend.HIGHS, Set.of()), SolveListener.NONE, Long.MAX_VALUE);
        if (!plain.status().hasPlan()) {
            return;
        }
        assertThat(cg).as("a restricted LP with an optimum").isNotNull();
        double scale = Math.max(1, Math.abs(plain.objective()));
        boolean npv = n.objective() == Objective.NPV;
        if (npv) {
            assertThat(cg.bound()).isGreaterThanOrEqualTo(plain.objective() - 1e-7 * scale);
        } else {
            assertThat(cg.bound()).isLessThanOrEqualTo(plain.objective() + 1e-7 * scale);
        }
        assertThat(cg.converged()).as("converges on a small network").isTrue();
        assertThat(cg.bound()).isCloseTo(lp(full, ALL), within(1e-7 * scale));
        assertThat(cg.arcs()).isLessThanOrEqualTo(full.arcs.size());
    }

    /** The value of the LP relaxation of {@code f} with {@code families} (GLOP). */
    static double lp(FrozenNetwork f, Set<Formulation.Family> families) {
        MPSolver solver = MPSolver.createSolver("GLOP");
        try {
            Formulation.build(f, solver, new Formulation.Settings(false, families));
            assertThat(solver.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
            return solver.objective().value();
        } finally {
            solver.delete();
        }
    }

    /** M at a gap of 1 %: proven by the bound alone, or by the full model; either way within 1 %. */
    @Test
    void a_plan_within_the_gap_asked_for() {
        Network n = generated("M");
        Plan plain = Optimizer.solve(n, TechniquesTest.options(Backend.HIGHS, Set.of()), SolveListener.NONE);
        Plan plan = Optimizer.solve(
                n,
                TechniquesTest.options(Backend.HIGHS, EnumSet.of(Technique.COLUMN_GENERATION))
                        .withGap(0.01),
                SolveListener.NONE);
        assertThat(plan.status()).as(plan.notes().toString()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(plan.notes()).anyMatch(s -> s.startsWith("column generation: "));
        assertThat(plan.objective()).isGreaterThanOrEqualTo(plain.objective() * (1 - 0.01));
        assertThat(plan.objective()).isLessThanOrEqualTo(plain.objective() * (1 + 1e-9));
        assertThat(plan.bestBound()).isGreaterThanOrEqualTo(plain.objective() * (1 - 1e-9));
        assertThat(plan.gap()).isLessThanOrEqualTo(0.01);
        PlanInvariants.check(n, plan);
    }
}
