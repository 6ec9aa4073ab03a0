package footprint.optimize;

import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import com.google.ortools.linearsolver.MPVariable;
import footprint.model.Objective;
import java.util.ArrayList;
import java.util.List;

/**
 * A bound and a first plan for any network, where the Lagrangian of {@link Lagrangian} does not
 * apply (components from component plants, local content, commitments, tooling, lines): the
 * warm start of {@link Technique#WARM_START} there.
 *
 * <ol>
 *   <li>Solve the LP relaxation (HiGHS; only its values and objective are read). Its value bounds
 *       the MILP.
 *   <li>Fix every integer decision the LP left at 0 or 1 and solve the MILP that is left (few
 *       decisions are fractional: 40 of 285 on L) with the backend, for a share of the time. Its
 *       plan is a plan of the full MILP.
 * </ol>
 *
 * The MILP itself then runs on the unfixed model (with the plan as a hint where the backend takes
 * one); the better plan and the better bound are reported.
 */
final class RelaxAndFix {
    private static final double INTEGRAL = 1e-6;
    /** The gap at which the fixed MILP may stop when a tighter one is asked for. */
    static final double FIRST_PLAN_GAP = 0.005;

    /**
     * What the heuristic found.
     *
     * @param bound the LP relaxation's bound in the minimisation sense (−∞ without one)
     * @param incumbent the plan of the fixed MILP (null without one)
     * @param fixed decisions fixed
     * @param free decisions left to the fixed MILP
     * @param weak whether the LP was solved without the rows for strength (out of time with them)
     */
    record Result(double bound, PrimalRepair.Incumbent incumbent, int fixed, int free, boolean weak, double seconds) {}

    private RelaxAndFix() {}

    /**
     * Runs both steps on {@code form} (whose bounds are restored afterwards).
     *
     * @param settings the families of the model the MILP stands for (those of the LP)
     * @param lpEnd System.nanoTime() by which the LP must end
     * @param end System.nanoTime() by which the fixed MILP must end
     */
    static Result run(Formulation form, Formulation.Settings settings, SolveOptions options, long lpEnd, long end) {
        long start = System.nanoTime();
        double sign = form.f.mode == Objective.NPV ? -1 : 1;
        double[] relaxed = new double[form.integers.size()];
        // the LP of the MILP's families; if it does not end in half the time, the LP without the
        // rows for strength (a weaker bound, a smaller LP: on a 185,000-arc network 39 s against
        // more than 240 s)
        long half = lpEnd == Long.MAX_VALUE ? Long.MAX_VALUE : start + (lpEnd - start) / 2;
        double lpValue = relax(form, settings, options, half, relaxed);
        boolean weak = false;
        if (Double.isNaN(lpValue) && settings.families().contains(Formulation.Family.STRENGTH)) {
            weak = true;
            lpValue = relax(form, settings.without(Formulation.Family.STRENGTH), options, lpEnd, relaxed);
        }
        if (Double.isNaN(lpValue)) {
            return new Result(Double.NEGATIVE_INFINITY, null, 0, relaxed.length, weak, seconds(start));
        }
        double bound = sign * lpValue;
        // fix what the LP decided, solve the rest, put the bounds back
        double[] lb = new double[relaxed.length];
        double[] ub = new double[relaxed.length];
        int fixed = 0;
        for (int i = 0; i < relaxed.length; i++) {
            MPVariable v = form.integers.get(i);
            lb[i] = v.lb();
            ub[i] = v.ub();
            double x = relaxed[i];
            if (x <= INTEGRAL && lb[i] <= 0) {
                v.setBounds(lb[i], 0);
                fixed++;
            } else if (x >= 1 - INTEGRAL && ub[i] >= 1) {
                v.setBounds(1, ub[i]);
                fixed++;
            }
        }
        Optimizer.Outcome out;
        try {
            double left = (end - System.nanoTime()) / 1e9;
            // a first plan: within 0.5 % of the fixed MILP's bound is enough when a tighter gap is
            // asked for, since the full MILP follows
            SolveOptions sub = options.withTimeLimit(end == Long.MAX_VALUE ? 0 : Math.max(0.5, left))
                    .withGap(Math.max(options.relativeGap(), FIRST_PLAN_GAP));
            // the backend's notes (threads, seed) are the MILP's to give, once
            List<String> ignored = new ArrayList<>();
            out = options.backend() == Backend.HIGHS
                    ? Optimizer.solveHighs(form, sub, ignored)
                    : Optimizer.solveMpSolver(form, sub, ignored);
        } finally {
            for (int i = 0; i < relaxed.length; i++) {
                form.integers.get(i).setBounds(lb[i], ub[i]);
            }
        }
        PrimalRepair.Incumbent plan = null;
        if (out.status().hasPlan() && out.values() != null) {
            boolean[][] running = new boolean[form.f.nP][form.f.nT];
            for (int p = 0; p < form.f.nP; p++) {
                for (int t = 0; t < form.f.nT; t++) {
                    running[p][t] = out.values()[form.run[p][t].index()] > 0.5;
                }
            }
            plan = new PrimalRepair.Incumbent(sign * out.objective(), running, out.values());
        }
        return new Result(bound, plan, fixed, relaxed.length - fixed, weak, seconds(start));
    }

    /**
     * Solves the LP relaxation of {@code form}'s network with the families of {@code settings}
     * (HiGHS, until {@code end}); writes the integer decisions' values into {@code relaxed}.
     *
     * @return the LP's value in the model's sense, NaN without an optimum
     */
    private static double relax(
            Formulation form, Formulation.Settings settings, SolveOptions options, long end, double[] relaxed) {
        MPSolver lp = MPSolver.createSolver("GLOP");
        try {
            Formulation lpForm = Formulation.build(form.f, lp, new Formulation.Settings(false, settings.families()));
            if (lpForm.integers.size() != relaxed.length) {
                throw new IllegalStateException("the LP and the MILP have different integer decisions");
            }
            MPModelRequest.Builder request = MPModelRequest.newBuilder()
                    .setModel(lp.exportModelToProto())
                    .setSolverType(MPModelRequest.SolverType.HIGHS_LINEAR_PROGRAMMING)
                    .setSolverSpecificParameters(Optimizer.quietHighs(options.threads()));
            if (end != Long.MAX_VALUE) {
                request.setSolverTimeLimitSeconds(Math.max(0.1, (end - System.nanoTime()) / 1e9));
            }
            MPSolutionResponse r = MPSolver.solveWithProto(request.build());
            if (r.getStatus() != MPSolverResponseStatus.MPSOLVER_OPTIMAL
                    || r.getVariableValueCount() != lp.numVariables()) {
                return Double.NaN;
            }
            for (int i = 0; i < relaxed.length; i++) {
                relaxed[i] = r.getVariableValue(lpForm.integers.get(i).index());
            }
            return r.getObjectiveValue();
        } finally {
            lp.delete();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
