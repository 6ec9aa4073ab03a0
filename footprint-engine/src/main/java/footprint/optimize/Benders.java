package footprint.optimize;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import footprint.model.Figure;
import footprint.model.Network;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The sample average approximation by Benders decomposition (the L-shaped method, one cut per
 * sample), for many samples where the extensive form ({@link ExtensiveForm}) grows too large: a
 * master MILP holds the strategic decisions x (each plant's status a year, tooling) and one value
 * θ_s per sample; each sample's flows are a linear programme with x fixed ({@link FixedPlanLp}),
 * whose value Q_s(x̂) and reduced costs g_s at the master's last x̂ give the cut
 *
 * <pre>  θ_s ≤ Q_s(x̂) + g_s·(x − x̂)       (≥ in cost mode)</pre>
 *
 * valid for every x, since an LP's value is concave (convex in cost mode) in the bounds its fixed
 * variables sit at. The master maximises the mean of θ_s; its bound is an upper bound of the
 * stochastic optimum, the best x̂ valued on every sample a lower bound; the loop stops when they
 * meet within the gap. A sample whose LP has no solution at x̂ (a commitment it cannot keep) cuts
 * x̂ off the master altogether (a no-good cut on the binaries).
 *
 * <p>The master is the nominal network's MILP with its objective replaced, so every x it proposes
 * can be completed by flows at the nominal values (the samples keep their own).
 */
public final class Benders {
    /** Iterations before giving up on closing the gap (the best plan so far is returned). */
    static final int MAX_ITERATIONS = 200;

    private Benders() {}

    /**
     * Solves the stochastic programme of {@code samples} (sample i with {@code outages.get(i)})
     * starting from the decisions of {@code start} (the point-value plan is a good start).
     */
    public static ExtensiveForm.Result solve(
            Network network,
            List<ToDoubleFunction<Figure>> samples,
            List<Outages> outages,
            Plan start,
            SolveOptions options,
            SolveListener listener) {
        if (samples.isEmpty() || outages.size() != samples.size()) {
            throw new IllegalArgumentException("one or more samples, each with its outages");
        }
        if (!start.hasPlan()) {
            throw new IllegalArgumentException("the start plan has no decisions (" + start.status() + ")");
        }
        Optimizer.loadNatives();
        long begin = System.nanoTime();
        List<String> notes = new ArrayList<>();
        MPSolver solver = MPSolver.createSolver(options.backend().ortoolsId());
        if (solver == null) {
            throw new IllegalStateException(
                    "OR-Tools has no " + options.backend().word() + " solver on this machine");
        }
        try {
            FrozenNetwork nominal = FrozenNetwork.of(network);
            Formulation master = Formulation.build(nominal, solver, Formulation.Settings.milp());
            boolean max = nominal.mode == footprint.model.Objective.NPV;
            int n = samples.size();
            MPObjective o = solver.objective();
            o.clear();
            MPVariable[] theta = new MPVariable[n];
            for (int s = 0; s < n; s++) {
                // bounded from the start by the sample's LP relaxation, which no decision can beat,
                // so that the master is bounded before every sample has a cut
                double relaxed = relaxation(network, samples.get(s), outages.get(s));
                theta[s] = solver.makeNumVar(
                        max ? Double.NEGATIVE_INFINITY : relaxed,
                        max ? relaxed : Double.POSITIVE_INFINITY,
                        "theta[" + (s + 1) + "]");
                o.setCoefficient(theta[s], 1.0 / n);
            }
            if (max) {
                o.setMaximization();
            } else {
                o.setMinimization();
            }
            Map<String, MPVariable> decision = decisionVariables(master);
            double buildSeconds = seconds(begin);
            listener.message(String.format(
                    Locale.ROOT,
                    "Benders decomposition over %d samples: a master of %d decisions, one LP per sample",
                    n,
                    decision.size()));

            Plan candidate = start;
            Plan best = null;
            double bestValue = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            double bound = max ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            int cuts = 0;
            int iteration = 0;
            long solveStart = System.nanoTime();
            while (iteration < MAX_ITERATIONS) {
                iteration++;
                double sum = 0;
                boolean feasible = true;
                Map<String, Double> point = Map.of();
                for (int s = 0; s < n; s++) {
                    FixedPlanLp.Linearisation l =
                            FixedPlanLp.linearise(network, candidate, samples.get(s), outages.get(s));
                    point = l.at();
                    if (!l.status().hasPlan()) {
                        feasible = false;
                        continue;
                    }
                    sum += l.objective();
                    cut(solver, theta[s], l, decision, max, "cut[" + iteration + "," + (s + 1) + "]");
                    cuts++;
                }
                if (feasible) {
                    double value = sum / n;
                    if (max ? value > bestValue : value < bestValue) {
                        bestValue = value;
                        best = candidate;
                    }
                } else {
                    noGood(solver, point, decision, "nogood[" + iteration + "]");
                    cuts++;
                }
                Optimizer.Outcome out = options.backend() == Backend.HIGHS
                        ? Optimizer.solveHighs(master, options, notes)
                        : Optimizer.solveMpSolver(master, options, notes);
                if (!out.status().hasPlan() || out.values() == null) {
                    notes.add("the Benders master found no plan at iteration " + iteration + " (" + out.status() + ")");
                    break;
                }
                bound = max ? Math.min(bound, out.bound()) : Math.max(bound, out.bound());
                double gap = best == null ? Double.POSITIVE_INFINITY : relativeGap(bestValue, bound);
                listener.incumbent(best == null ? Double.NaN : bestValue, bound, seconds(solveStart));
                if (gap <= options.relativeGap()) {
                    break;
                }
                if (options.timeLimitSeconds() > 0 && seconds(begin) > options.timeLimitSeconds()) {
                    notes.add("Benders stopped at the time limit");
                    break;
                }
                candidate = ExtensiveForm.skeleton(
                        new SolutionReader(master, out.values()), nominal, SolveStatus.FEASIBLE, options);
            }
            double solveSeconds = seconds(solveStart);
            Plan.Size size = master.size();
            if (best == null) {
                notes.add("no decisions of the master could be valued on every sample");
                Plan none = Optimizer.planless(
                        SolveStatus.INFEASIBLE,
                        nominal,
                        options.backend(),
                        bound,
                        buildSeconds,
                        solveSeconds,
                        size,
                        notes);
                return new ExtensiveForm.Result(none, Double.NaN, bound, size);
            }
            double gap = relativeGap(bestValue, bound);
            notes.add(String.format(
                    Locale.ROOT,
                    "stochastic plan over %d samples by Benders decomposition: %d iterations, %d cuts, expected"
                            + " objective %.6g (bound %.6g, gap %.2g); flows and KPIs shown at the nominal values",
                    n,
                    iteration,
                    cuts,
                    bestValue,
                    bound,
                    gap));
            Plan decided = ExtensiveForm.nominalPlan(
                    network,
                    best,
                    gap <= options.relativeGap() ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE,
                    options,
                    notes);
            Plan plan = ExtensiveForm.stochastic(decided, gap, buildSeconds, solveSeconds, size, notes);
            return new ExtensiveForm.Result(plan, bestValue, bound, size);
        } finally {
            solver.delete();
        }
    }

    /**
     * The optimum of a sample's LP relaxation (every decision continuous): at least the value of
     * any plan on it (at most, in cost mode). Infinite when the relaxation has no optimum.
     */
    private static double relaxation(Network network, ToDoubleFunction<Figure> valueOf, Outages outages) {
        MPSolver lp = MPSolver.createSolver(FixedPlanLp.LP_SOLVER);
        try {
            FrozenNetwork f = FrozenNetwork.of(network, valueOf, outages);
            Formulation.build(
                    f,
                    lp,
                    new Formulation.Settings(false, Formulation.Settings.milp().families()));
            boolean max = f.mode == footprint.model.Objective.NPV;
            if (lp.solve() != MPSolver.ResultStatus.OPTIMAL) {
                return max ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
            double v = lp.objective().value();
            // a little room for the LP's tolerance, so the bound never cuts off the optimum
            return v + (max ? 1 : -1) * 1e-7 * Math.max(1, Math.abs(v));
        } finally {
            lp.delete();
        }
    }

    private static double relativeGap(double value, double bound) {
        return Math.abs(bound - value) / Math.max(1, Math.abs(value));
    }

    /** The master's variables of the decisions a fixed-plan LP fixes, by name. */
    private static Map<String, MPVariable> decisionVariables(Formulation form) {
        Map<String, MPVariable> out = new HashMap<>();
        FixedPlanLp.forEachDecision(form, v -> out.put(v.name(), v));
        return out;
    }

    /** θ_s ≤ Q_s(x̂) + g_s·(x − x̂) (≥ when minimising), written θ_s − g_s·x ≤ Q_s(x̂) − g_s·x̂. */
    private static void cut(
            MPSolver solver,
            MPVariable theta,
            FixedPlanLp.Linearisation l,
            Map<String, MPVariable> decision,
            boolean max,
            String name) {
        double rhs = l.objective();
        MPConstraint row = solver.makeConstraint(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, name);
        row.setCoefficient(theta, 1);
        for (Map.Entry<String, Double> e : l.slope().entrySet()) {
            MPVariable x = decision.get(e.getKey());
            double g = e.getValue();
            if (x == null || g == 0) {
                continue;
            }
            row.setCoefficient(x, -g);
            rhs -= g * l.at().get(e.getKey());
        }
        if (max) {
            row.setUb(rhs);
        } else {
            row.setLb(rhs);
        }
    }

    /** Cuts one binary point off: Σ_{x̂=1} (1 − x) + Σ_{x̂=0} x ≥ 1. */
    private static void noGood(
            MPSolver solver, Map<String, Double> point, Map<String, MPVariable> decision, String name) {
        MPConstraint row = solver.makeConstraint(1, Double.POSITIVE_INFINITY, name);
        double ones = 0;
        for (Map.Entry<String, Double> e : point.entrySet()) {
            MPVariable x = decision.get(e.getKey());
            if (x == null) {
                continue;
            }
            if (e.getValue() > 0.5) {
                row.setCoefficient(x, -1);
                ones++;
            } else {
                row.setCoefficient(x, 1);
            }
        }
        row.setLb(1 - ones);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
