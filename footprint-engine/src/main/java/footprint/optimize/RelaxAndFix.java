package footprint.optimize;

import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import com.google.ortools.linearsolver.MPVariable;
import footprint.model.Objective;
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

    /**
     * What the heuristic found.
     *
     * @param bound the LP relaxation's bound in the minimisation sense (−∞ without one)
     * @param incumbent the plan of the fixed MILP (null without one)
     * @param fixed decisions fixed
     * @param free decisions left to the fixed MILP
     */
    record Result(double bound, PrimalRepair.Incumbent incumbent, int fixed, int free, double seconds) {}

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
        double bound;
        MPSolver lp = MPSolver.createSolver("GLOP");
        try {
            Formulation lpForm = Formulation.build(form.f, lp, new Formulation.Settings(false, settings.families()));
            if (lpForm.integers.size() != relaxed.length) {
                throw new IllegalStateException("the LP and the MILP have different integer decisions");
            }
            MPModelRequest.Builder request = MPModelRequest.newBuilder()
                    .setModel(lp.exportModelToProto())
                    .setSolverType(MPModelRequest.SolverType.HIGHS_LINEAR_PROGRAMMING)
                    .setSolverSpecificParameters("output_flag=false\n"
                            + (options.threads() > 0 ? "threads=" + options.threads() + "\n" : ""));
            if (lpEnd != Long.MAX_VALUE) {
                request.setSolverTimeLimitSeconds(Math.max(0.1, (lpEnd - System.nanoTime()) / 1e9));
            }
            MPSolutionResponse r = MPSolver.solveWithProto(request.build());
            if (r.getStatus() != MPSolverResponseStatus.MPSOLVER_OPTIMAL
                    || r.getVariableValueCount() != lp.numVariables()) {
                return new Result(Double.NEGATIVE_INFINITY, null, 0, relaxed.length, seconds(start));
            }
            bound = sign * r.getObjectiveValue();
            for (int i = 0; i < relaxed.length; i++) {
                relaxed[i] = r.getVariableValue(lpForm.integers.get(i).index());
            }
        } finally {
            lp.delete();
        }
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
            SolveOptions sub = options.withTimeLimit(end == Long.MAX_VALUE ? 0 : Math.max(0.5, left));
            // the backend's notes (threads, seed) are the MILP's to give, once
            List<String> ignored = new java.util.ArrayList<>();
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
        return new Result(bound, plan, fixed, relaxed.length - fixed, seconds(start));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
