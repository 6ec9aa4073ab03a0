package footprint.optimize;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import footprint.model.Objective;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A bound and a first plan for any network, where the Lagrangian of {@link Lagrangian} does not
 * apply (components from component plants, local content, commitments, tooling, lines): the
 * warm start of {@link Technique#WARM_START} there.
 *
 * <ol>
 *   <li>Solve the LP relaxation (CLP, kept in memory). Its value bounds the MILP. If it does not
 *       end in half its time, the LP without the rows for strength instead (no dive then).
 *   <li>Fix every integer decision the LP left at 0 or 1, then dive: round the decisions nearest
 *       to integral (all within {@value #BATCH} at once, else the nearest one), re-solve the LP
 *       from its last basis, and go back and round the other way where the LP becomes infeasible
 *       or falls further from the bound than the gap aimed at. A dive that reaches integral
 *       decisions has a plan of the full MILP within that gap: on L (40 decisions of 285
 *       fractional) 23 LPs of 15 to 80 ms each.
 *   <li>Where the dive runs out of LPs or time: the MILP with the LP's integral decisions fixed,
 *       solved by the backend for a share of the time.
 * </ol>
 *
 * The MILP itself then runs on the unfixed model (with the plan as a hint where the backend takes
 * one) unless the bound proves the plan; the better plan and the better bound are reported.
 */
final class RelaxAndFix {
    private static final double INTEGRAL = 1e-6;
    /** The gap at which the fixed MILP may stop, and the dive aims, when a tighter one is asked for. */
    static final double FIRST_PLAN_GAP = 0.005;
    /** Decisions this close to an integer are rounded together in one step of the dive. */
    static final double BATCH = 0.15;
    /** The most LPs of a dive (each a level of its recursion at most). */
    private static final int MAX_DIVE_LPS = 1000;
    /** The dive's time: at least this many seconds... */
    private static final double DIVE_SECONDS = 2;
    /** ...or this many times the LP's. */
    private static final double DIVE_PER_LP = 2;

    /**
     * What the heuristic found.
     *
     * @param bound the LP relaxation's bound in the minimisation sense (−∞ without one)
     * @param incumbent the plan of the dive or of the fixed MILP (null without one)
     * @param fixed decisions the LP left integral (fixed for the dive and the fixed MILP)
     * @param free decisions the LP left fractional
     * @param weak whether the LP was solved without the rows for strength (out of time with them)
     * @param dived LPs solved in the dive
     * @param backtracks roundings the dive undid (the LP infeasible or too far from the bound)
     * @param byDive whether the plan is the dive's (else the fixed MILP's, or none)
     */
    record Result(
            double bound,
            PrimalRepair.Incumbent incumbent,
            int fixed,
            int free,
            boolean weak,
            int dived,
            int backtracks,
            boolean byDive,
            double seconds) {}

    private RelaxAndFix() {}

    /**
     * Runs the steps on {@code form} (whose bounds are restored afterwards).
     *
     * @param settings the families of the model the MILP stands for (those of the LP)
     * @param lpEnd System.nanoTime() by which the LP must end
     * @param end System.nanoTime() by which the dive and the fixed MILP must end
     */
    static Result run(Formulation form, Formulation.Settings settings, SolveOptions options, long lpEnd, long end) {
        return run(form, settings, options, lpEnd, end, MAX_DIVE_LPS);
    }

    /** As {@link #run(Formulation, Formulation.Settings, SolveOptions, long, long)}, with at most {@code maxDiveLps} LPs in the dive. */
    static Result run(
            Formulation form,
            Formulation.Settings settings,
            SolveOptions options,
            long lpEnd,
            long end,
            int maxDiveLps) {
        long start = System.nanoTime();
        double sign = form.f.mode == Objective.NPV ? -1 : 1;
        // the LP of the MILP's families; if it does not end in half the time, the LP without the
        // rows for strength (a weaker bound, a smaller LP)
        long half = lpEnd == Long.MAX_VALUE ? Long.MAX_VALUE : start + (lpEnd - start) / 2;
        Relaxation lp = Relaxation.solve(form, settings, half);
        long lpStart = start;
        boolean weak = false;
        if (lp.failed() && settings.families().contains(Formulation.Family.STRENGTH)) {
            lp.close();
            weak = true;
            lpStart = System.nanoTime();
            lp = Relaxation.solve(form, settings.without(Formulation.Family.STRENGTH), lpEnd);
        }
        double lpSeconds = seconds(lpStart);
        try {
            if (lp.failed()) {
                return new Result(
                        Double.NEGATIVE_INFINITY, null, 0, form.integers.size(), weak, 0, 0, false, seconds(start));
            }
            double bound = sign * lp.value();
            double[] relaxed = lp.integers();
            int n = relaxed.length;
            int fixed = 0;
            for (int i = 0; i < n; i++) {
                if (Math.abs(relaxed[i] - Math.rint(relaxed[i])) <= INTEGRAL) {
                    fixed++;
                }
            }
            // the dive: on the LP in memory, for at most half of the time left and twice the LP's
            // time (at least 2 s): a dive that needs longer seldom ends (on LL 314 LPs in 65 s did
            // not reach 1 %), and the fixed MILP needs the time then
            long now = System.nanoTime();
            long diveEnd = now + (long) (Math.max(DIVE_SECONDS, DIVE_PER_LP * lpSeconds) * 1e9);
            if (end != Long.MAX_VALUE) {
                diveEnd = Math.min(diveEnd, now + (end - now) / 2);
            }
            Dive dive = new Dive(lp, sign, bound, Math.max(options.relativeGap(), FIRST_PLAN_GAP), diveEnd);
            // not from the weak LP: its bound is too far above the plans for the dive's pruning (on
            // LL no dive from it reached 1 % in 169 or 314 LPs, while the fixed MILP gets 0.82 %)
            double[] plan = weak ? null : dive.run(relaxed, Math.min(maxDiveLps, 2 * (n - fixed) + 20));
            if (plan != null) {
                return new Result(
                        bound,
                        incumbent(form, sign, lp.value(), plan),
                        fixed,
                        n - fixed,
                        weak,
                        dive.lps,
                        dive.backtracks,
                        true,
                        seconds(start));
            }
            lp.close();
            PrimalRepair.Incumbent fromMilp = fixedMilp(form, options, relaxed, end);
            return new Result(
                    bound, fromMilp, fixed, n - fixed, weak, dive.lps, dive.backtracks, false, seconds(start));
        } finally {
            lp.close();
        }
    }

    /** The MILP with the decisions integral in {@code relaxed} fixed; the bounds are put back. */
    private static PrimalRepair.Incumbent fixedMilp(
            Formulation form, SolveOptions options, double[] relaxed, long end) {
        double sign = form.f.mode == Objective.NPV ? -1 : 1;
        double[] lb = new double[relaxed.length];
        double[] ub = new double[relaxed.length];
        for (int i = 0; i < relaxed.length; i++) {
            MPVariable v = form.integers.get(i);
            lb[i] = v.lb();
            ub[i] = v.ub();
            double x = relaxed[i];
            double r = Math.rint(x);
            if (Math.abs(x - r) <= INTEGRAL && r >= lb[i] && r <= ub[i]) {
                v.setBounds(r, r);
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
        if (!out.status().hasPlan() || out.values() == null) {
            return null;
        }
        return incumbent(form, sign, out.objective(), out.values());
    }

    private static PrimalRepair.Incumbent incumbent(Formulation form, double sign, double objective, double[] values) {
        boolean[][] running = new boolean[form.f.nP][form.f.nT];
        for (int p = 0; p < form.f.nP; p++) {
            for (int t = 0; t < form.f.nT; t++) {
                running[p][t] = values[form.run[p][t].index()] > 0.5;
            }
        }
        return new PrimalRepair.Incumbent(sign * objective, running, values);
    }

    /**
     * The LP relaxation of a network in CLP, kept in memory so that the dive re-solves it from its
     * last basis after each change of bounds.
     */
    private static final class Relaxation implements AutoCloseable {
        final MPSolver solver;
        final Formulation lp;
        /** The LP's value in the model's sense after the last solve, NaN without an optimum. */
        private double value = Double.NaN;

        private final MPSolverParameters warm = new MPSolverParameters();
        private boolean closed;

        private Relaxation(MPSolver solver, Formulation lp) {
            this.solver = solver;
            this.lp = lp;
            // from the last basis: no presolve (it would discard it), dual simplex (bounds change)
            warm.setIntegerParam(
                    MPSolverParameters.IntegerParam.PRESOLVE,
                    MPSolverParameters.PresolveValues.PRESOLVE_OFF.swigValue());
            warm.setIntegerParam(
                    MPSolverParameters.IntegerParam.LP_ALGORITHM,
                    MPSolverParameters.LpAlgorithmValues.DUAL.swigValue());
        }

        /** Builds the LP relaxation of {@code form}'s network with the families of {@code settings} and solves it. */
        static Relaxation solve(Formulation form, Formulation.Settings settings, long end) {
            MPSolver solver = MPSolver.createSolver("CLP");
            Relaxation r;
            try {
                Formulation lp =
                        Formulation.build(form.f, solver, new Formulation.Settings(false, settings.families()));
                if (lp.integers.size() != form.integers.size() || solver.numVariables() != form.solver.numVariables()) {
                    throw new IllegalStateException("the LP and the MILP have different decisions");
                }
                r = new Relaxation(solver, lp);
            } catch (RuntimeException e) {
                solver.delete();
                throw e;
            }
            r.resolve(end, false);
            return r;
        }

        boolean failed() {
            return Double.isNaN(value);
        }

        double value() {
            return value;
        }

        /** Solves again (from the last basis when {@code warmStart}); the new value, NaN without an optimum. */
        double resolve(long end, boolean warmStart) {
            limit(end);
            MPSolver.ResultStatus status = warmStart ? solver.solve(warm) : solver.solve();
            value = status == MPSolver.ResultStatus.OPTIMAL ? solver.objective().value() : Double.NaN;
            return value;
        }

        /**
         * Solves once more, from the last basis, unscaled and with a tight primal tolerance, and
         * checks every row and bound to within {@link SolutionReader#SMALL}: a plan read from a
         * scaled LP may break a row by more (a flow of 4e-5 at a plant whose run was fixed at 0).
         *
         * @return whether the values are a plan within that tolerance
         */
        boolean polish(long end) {
            MPSolverParameters exact = new MPSolverParameters();
            exact.setIntegerParam(
                    MPSolverParameters.IntegerParam.PRESOLVE,
                    MPSolverParameters.PresolveValues.PRESOLVE_OFF.swigValue());
            exact.setIntegerParam(
                    MPSolverParameters.IntegerParam.SCALING, MPSolverParameters.ScalingValues.SCALING_OFF.swigValue());
            exact.setDoubleParam(MPSolverParameters.DoubleParam.PRIMAL_TOLERANCE, 1e-9);
            limit(end);
            MPSolver.ResultStatus status = solver.solve(exact);
            exact.delete();
            value = status == MPSolver.ResultStatus.OPTIMAL ? solver.objective().value() : Double.NaN;
            return !Double.isNaN(value) && solver.verifySolution(SolutionReader.SMALL, false);
        }

        /** The time limit of the next solve: until {@code end} (System.nanoTime()), none at Long.MAX_VALUE. */
        private void limit(long end) {
            if (end != Long.MAX_VALUE) {
                solver.setTimeLimit(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            }
        }

        /** The integer decisions' values at the last optimum. */
        double[] integers() {
            double[] x = new double[lp.integers.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = lp.integers.get(i).solutionValue();
            }
            return x;
        }

        /** Every variable's value at the last optimum, by index. */
        double[] values() {
            MPVariable[] vs = solver.variables();
            double[] x = new double[vs.length];
            for (MPVariable v : vs) {
                x[v.index()] = v.solutionValue();
            }
            return x;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                warm.delete();
                solver.delete();
            }
        }
    }

    /**
     * A depth-first dive on the LP in memory: rounds the decisions nearest to integral and goes
     * back to round the other way where the LP becomes infeasible or too far from the bound.
     */
    private static final class Dive {
        private final Relaxation lp;
        private final double sign;
        private final double bound;
        private final double gap;
        private final long end;
        private int budget;
        /** LPs solved. */
        int lps;
        /** Roundings undone. */
        int backtracks;

        /**
         * @param bound the LP bound in the minimisation sense
         * @param gap how far from the bound a plan may be
         */
        Dive(Relaxation lp, double sign, double bound, double gap, long end) {
            this.lp = lp;
            this.sign = sign;
            this.bound = bound;
            this.gap = gap;
            this.end = end;
        }

        /**
         * Dives from the LP's optimum {@code relaxed} with at most {@code budget} LPs; every value of
         * the plan found (the LP's, with every integer decision integral), or null.
         */
        double[] run(double[] relaxed, int budget) {
            this.budget = budget;
            List<MPVariable> ints = lp.lp.integers;
            boolean integral = true;
            for (int i = 0; i < relaxed.length; i++) {
                double r = Math.rint(relaxed[i]);
                if (Math.abs(relaxed[i] - r) <= INTEGRAL) {
                    ints.get(i).setBounds(r, r);
                } else {
                    integral = false;
                }
            }
            // an integral LP optimum is a plan already (the polish brings its values back)
            if (!integral) {
                if (!descend(relaxed)) {
                    return null;
                }
                // decisions the dive never rounded (integral once others were) are fixed too, so
                // that the polish cannot move them
                double[] x = lp.integers();
                for (int i = 0; i < x.length; i++) {
                    MPVariable v = ints.get(i);
                    if (v.lb() < v.ub()) {
                        v.setBounds(Math.rint(x[i]), Math.rint(x[i]));
                    }
                }
            }
            lps++;
            return lp.polish(end) ? lp.values() : null;
        }

        /** From the LP just solved, whose integer decisions are {@code x}: whether a plan was reached. */
        private boolean descend(double[] x) {
            List<Integer> fractional = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (Math.abs(x[i] - Math.rint(x[i])) > INTEGRAL) {
                    fractional.add(i);
                }
            }
            if (fractional.isEmpty()) {
                return true;
            }
            fractional.sort(Comparator.comparingDouble(i -> Math.abs(x[i] - Math.rint(x[i]))));
            List<Integer> batch = new ArrayList<>();
            for (int i : fractional) {
                if (Math.abs(x[i] - Math.rint(x[i])) <= BATCH) {
                    batch.add(i);
                }
            }
            if (batch.size() > 1 && round(batch, x, false)) {
                return true;
            }
            List<Integer> nearest = List.of(fractional.get(0));
            return round(nearest, x, false) || round(nearest, x, true);
        }

        /** Rounds {@code which} (the other way if {@code flip}), re-solves and descends; bounds back if no plan. */
        private boolean round(List<Integer> which, double[] x, boolean flip) {
            if (lps >= budget || System.nanoTime() >= end) {
                return false;
            }
            List<MPVariable> ints = lp.lp.integers;
            double[] lb = new double[which.size()];
            double[] ub = new double[which.size()];
            boolean inside = true;
            for (int j = 0; j < which.size(); j++) {
                MPVariable v = ints.get(which.get(j));
                lb[j] = v.lb();
                ub[j] = v.ub();
                double xi = x[which.get(j)];
                double r = Math.rint(xi);
                if (flip) {
                    r = xi > r ? r + 1 : r - 1;
                }
                inside &= r >= lb[j] && r <= ub[j];
                v.setBounds(r, r);
            }
            boolean found = false;
            if (inside) {
                lps++;
                double value = lp.resolve(end, true);
                found = !Double.isNaN(value) && closeEnough(sign * value) && descend(lp.integers());
            }
            if (!found) {
                backtracks++;
                for (int j = 0; j < which.size(); j++) {
                    ints.get(which.get(j)).setBounds(lb[j], ub[j]);
                }
            }
            return found;
        }

        /** Whether an LP value (minimisation sense) may still lead to a plan within the gap of the bound. */
        private boolean closeEnough(double value) {
            return value - bound <= gap * Math.max(1, Math.abs(value));
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
