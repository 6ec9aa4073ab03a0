package footprint.optimize;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import footprint.model.Figure;
import footprint.model.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Sample average approximation: one set of strategic decisions for N sampled futures at once, the
 * flows chosen per future. The extensive form is N copies of the {@link Formulation}, one per
 * sample (each frozen with that sample's numbers), in one solver, with non-anticipativity rows
 * that make every copy's integer decisions those of the first:
 *
 * <pre>
 *   same[s,p,t]:    run_s[p,t] − run_1[p,t] = 0,  idle_s[p,t] − idle_1[p,t] = 0,  closed_s[p,t] − closed_1[p,t] = 0
 *   same[s,p,f,t]:  tool_s[p,f,t] − tool_1[p,f,t] = 0                                 (s = 2..N)
 *   objective:      (1/N) Σ_s objective_s
 * </pre>
 *
 * (The solver's presolve substitutes the copies away, so this costs about what shared variables
 * would, without a second formulation.) Its size grows linearly in N: for large N a Benders or
 * progressive-hedging decomposition would be the next step.
 */
public final class ExtensiveForm {
    private ExtensiveForm() {}

    /**
     * The stochastic plan.
     *
     * @param plan the plan's decisions, with flows and KPIs at the nominal values (the LP with the
     *     decisions fixed), so that its KPIs add up to its objective as any plan's do
     * @param expectedObjective the extensive form's objective: the mean over the samples
     * @param bound the best bound proved on it
     * @param size the extensive form's size
     */
    public record Result(Plan plan, double expectedObjective, double bound, Plan.Size size) {}

    /** Solves the extensive form of {@code samples} (each a valuation of every figure). */
    public static Result solve(
            Network network, List<ToDoubleFunction<Figure>> samples, SolveOptions options, SolveListener listener) {
        return solve(network, samples, java.util.Collections.nCopies(samples.size(), Outages.NONE), options, listener);
    }

    /**
     * Solves the extensive form of {@code samples}, sample i with the plants, lanes and trade of
     * {@code outages.get(i)} out of use.
     */
    public static Result solve(
            Network network,
            List<ToDoubleFunction<Figure>> samples,
            List<Outages> outages,
            SolveOptions options,
            SolveListener listener) {
        if (outages.size() != samples.size()) {
            throw new IllegalArgumentException(
                    "one set of outages per sample: " + outages.size() + " for " + samples.size());
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("the extensive form needs at least one sample");
        }
        Optimizer.loadNatives();
        long start = System.nanoTime();
        List<String> notes = new ArrayList<>();
        MPSolver solver = MPSolver.createSolver(options.backend().ortoolsId());
        if (solver == null) {
            throw new IllegalStateException(
                    "OR-Tools has no " + options.backend().word() + " solver on this machine");
        }
        try {
            listener.message("Building the extensive form of " + samples.size() + " samples");
            List<Formulation> copies = new ArrayList<>();
            double offset = 0;
            for (int i = 0; i < samples.size(); i++) {
                Formulation form = Formulation.build(
                        FrozenNetwork.of(network, samples.get(i), outages.get(i)), solver, Formulation.Settings.milp());
                copies.add(form);
                offset += form.offset();
            }
            Formulation first = copies.get(0);
            FrozenNetwork f0 = first.f;
            int rows = 0;
            for (int s = 1; s < copies.size(); s++) {
                Formulation c = copies.get(s);
                for (int p = 0; p < f0.nP; p++) {
                    for (int t = 0; t < f0.nT; t++) {
                        rows += same(solver, c.run[p][t], first.run[p][t], s);
                        rows += same(solver, c.idle[p][t], first.idle[p][t], s);
                        rows += same(solver, c.closed[p][t], first.closed[p][t], s);
                        for (int pf = 0; pf < f0.nF; pf++) {
                            rows += same(solver, c.tool[p][pf][t], first.tool[p][pf][t], s);
                        }
                    }
                }
            }
            // every copy set its own objective terms at full weight: weigh each by 1/N
            double w = 1.0 / samples.size();
            MPObjective o = solver.objective();
            for (MPVariable v : solver.variables()) {
                double c = o.getCoefficient(v);
                if (c != 0) {
                    o.setCoefficient(v, w * c);
                }
            }
            o.setOffset(w * offset);
            long nonzeros = rows * 2L;
            int binaries = 0;
            int formRows = 0;
            for (Formulation c : copies) {
                Plan.Size s = c.size();
                nonzeros += s.nonzeros();
                binaries += s.binaries();
                formRows += s.rows();
            }
            Plan.Size size = new Plan.Size(solver.numVariables(), binaries, formRows + rows, nonzeros);
            double buildSeconds = seconds(start);
            listener.message(String.format(
                    Locale.ROOT,
                    "Built the extensive form in %.2f s: %d variables (%d binary), %d rows, %d nonzeros",
                    buildSeconds,
                    size.variables(),
                    size.binaries(),
                    size.rows(),
                    size.nonzeros()));
            listener.message("Solving with " + options.backend().word());
            long solveStart = System.nanoTime();
            Optimizer.Outcome out = options.backend() == Backend.HIGHS
                    ? Optimizer.solveHighs(first, options, notes)
                    : Optimizer.solveMpSolver(first, options, notes);
            double solveSeconds = seconds(solveStart);
            SolveStatus status = out.status();
            if (!status.hasPlan() || out.values() == null) {
                Plan none = Optimizer.planless(
                        status.hasPlan() ? SolveStatus.ERROR : status,
                        f0,
                        options.backend(),
                        out.bound(),
                        buildSeconds,
                        solveSeconds,
                        size,
                        notes);
                return new Result(none, Double.NaN, out.bound(), size);
            }
            listener.incumbent(out.objective(), out.bound(), solveSeconds);
            double gap = Math.abs(out.objective() - out.bound()) / Math.max(1, Math.abs(out.objective()));
            notes.add(String.format(
                    Locale.ROOT,
                    "stochastic plan over %d samples: expected objective %.6g (bound %.6g, gap %.2g); flows and KPIs"
                            + " shown at the nominal values",
                    samples.size(),
                    out.objective(),
                    out.bound(),
                    gap));
            Plan decided = nominalPlan(
                    network,
                    skeleton(new SolutionReader(first, out.values()), f0, status, options),
                    status,
                    options,
                    notes);
            return new Result(
                    stochastic(decided, gap, buildSeconds, solveSeconds, size, notes),
                    out.objective(),
                    out.bound(),
                    size);
        } finally {
            solver.delete();
        }
    }

    /** Adds {@code a − b = 0} where both exist; the number of rows added. */
    private static int same(MPSolver solver, MPVariable a, MPVariable b, int sample) {
        if (a == null || b == null) {
            return 0;
        }
        MPConstraint r = solver.makeConstraint(0, 0, "same[" + (sample + 1) + "," + a.name() + "]");
        r.setCoefficient(a, 1);
        r.setCoefficient(b, -1);
        return 1;
    }

    /** The decisions of a solution, as a plan without flows (to value or to fix elsewhere). */
    static Plan skeleton(SolutionReader decisions, FrozenNetwork f, SolveStatus status, SolveOptions options) {
        return new Plan(
                status,
                f.mode,
                options.backend().word(),
                Double.NaN,
                Double.NaN,
                Double.NaN,
                0,
                0,
                new Plan.Size(0, 0, 0, 0),
                Plan.Kpis.ZERO,
                decisions.plants(null),
                List.of(),
                List.of(),
                List.of(),
                decisions.investments(),
                decisions.decisions(),
                List.of());
    }

    /**
     * The stochastic plan to report: the decisions and nominal flows of {@code decided}, with the
     * stochastic programme's gap, times, size and notes.
     */
    static Plan stochastic(
            Plan decided, double gap, double buildSeconds, double solveSeconds, Plan.Size size, List<String> notes) {
        return new Plan(
                decided.status(),
                decided.mode(),
                decided.backend(),
                decided.objective(),
                decided.bestBound(),
                gap,
                buildSeconds,
                solveSeconds,
                size,
                decided.kpis(),
                decided.plants(),
                decided.flows(),
                decided.lostSales(),
                decided.componentFlows(),
                decided.investments(),
                decided.decisions(),
                notes);
    }

    /** A plan's decisions (statuses and tooling) with flows from the LP at the nominal values. */
    static Plan nominalPlan(
            Network network, Plan skeleton, SolveStatus status, SolveOptions options, List<String> notes) {
        FrozenNetwork f = FrozenNetwork.of(network);
        MPSolver lp = MPSolver.createSolver(FixedPlanLp.LP_SOLVER);
        try {
            Formulation form = Formulation.build(f, lp, Formulation.Settings.fixedLp());
            FixedPlanLp.fix(form, skeleton);
            MPSolver.ResultStatus rs = lp.solve();
            if (rs != MPSolver.ResultStatus.OPTIMAL) {
                notes.add("the stochastic plan has no feasible flows at the nominal values (" + rs + ")");
                return skeleton;
            }
            double[] values = new double[lp.numVariables()];
            for (MPVariable v : lp.variables()) {
                values[v.index()] = v.solutionValue();
            }
            SolutionReader r = new SolutionReader(form, values);
            double objective = lp.objective().value();
            return new Plan(
                    status,
                    f.mode,
                    options.backend().word(),
                    objective,
                    objective,
                    0,
                    0,
                    0,
                    new Plan.Size(0, 0, 0, 0),
                    r.kpis(),
                    r.plants(null),
                    r.flows(),
                    r.lostSales(),
                    r.componentFlows(),
                    r.investments(),
                    r.decisions(),
                    List.of());
        } finally {
            lp.delete();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
