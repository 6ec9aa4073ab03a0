package footprint.optimize;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import com.google.ortools.linearsolver.MPVariable;
import footprint.model.Objective;
import footprint.model.PlantStatus;
import footprint.optimize.FrozenNetwork.Arc;

/**
 * {@link Technique#LAZY_LINKING}: the rows for strength ({@link Formulation.Family#STRENGTH}) built
 * only where the LP relaxation needs them. The demand cover rows (one a year) are always built;
 * the per-flow linking rows
 *
 * <pre>
 *   link[p,k,m,t]:      x[p,k,m,t] − demand[m,k,t]·run[p,t] ≤ 0
 *   linkTool[p,k,m,t]:  x[p,k,m,t] − demand[m,k,t]·tool[p,f(k),t] ≤ 0
 * </pre>
 *
 * are candidates where {@code Formulation.addStrongLinking} would build them. The loop solves the
 * LP relaxation of the MILP as built (without them, with any bounds fixed so far) with HiGHS, adds
 * the candidates its solution violates, and solves again until none is violated: the LP's optimum
 * is then the strong relaxation's. The MILP gets only the rows that were ever violated; the others
 * hold at the root, and the MILP is correct without any.
 *
 * <p>Measured here: GLOP took 630 s and CLP 166 s for this loop on capa (100 plants, 1,000 markets);
 * HiGHS, solving each round from scratch through OR-Tools' proto interface, is far faster.
 */
final class LinkingCuts {
    /** A row is violated when the flow exceeds demand·binary by more than this share of demand. */
    private static final double VIOLATION = 1e-6;

    private static final double EPS = 1e-9;

    /** Which linking rows to build: by arc index, on run and on tool. */
    static final class Rows {
        final boolean[] run;
        final boolean[] tool;

        Rows(int arcs) {
            run = new boolean[arcs];
            tool = new boolean[arcs];
        }

        int count() {
            int n = 0;
            for (int i = 0; i < run.length; i++) {
                n += (run[i] ? 1 : 0) + (tool[i] ? 1 : 0);
            }
            return n;
        }
    }

    /**
     * The loop's outcome.
     *
     * @param optimal whether the last LP was solved to optimality
     * @param objective the last LP's optimum in the model's sense (with the offset)
     * @param rows the linking rows that were violated on the way (all added to the MILP)
     * @param rounds LP solves
     * @param seconds time spent
     */
    record Result(boolean optimal, double objective, Rows rows, int rounds, double seconds) {}

    private LinkingCuts() {}

    /** Whether an arc has a candidate linking row on run, and on tool, as addStrongLinking decides. */
    static Rows candidates(FrozenNetwork f) {
        boolean[][] runFixed = new boolean[f.nP][f.nT];
        for (FrozenNetwork.StateRule s : f.stateRules) {
            if (s.force() && s.status() == PlantStatus.RUNNING) {
                runFixed[s.plant()][s.year()] = true;
            }
        }
        Rows c = new Rows(f.arcs.size());
        for (Arc a : f.arcs) {
            int p = a.plant();
            int t = a.year();
            double dem = f.demand[a.market()][a.product()][t];
            boolean below = dem < f.capacity[p][t] - EPS;
            c.run[a.index()] = below && !runFixed[p][t];
            c.tool[a.index()] = below && f.tooling[p][f.productPlatform[a.product()]] == FrozenNetwork.Tooling.OPTION;
        }
        return c;
    }

    /**
     * Runs the loop on the LP relaxation of {@code form} (built without the linking rows) and adds
     * the rows found to it; stops adding rounds at the deadline (the rows found so far are added).
     *
     * @param highsParameters HiGHS options (its thread count must be the MILP's)
     */
    static Result addViolated(Formulation form, String highsParameters, long deadline) {
        long start = System.nanoTime();
        FrozenNetwork f = form.f;
        Rows cand = candidates(f);
        Rows in = new Rows(f.arcs.size());
        MPModelProto.Builder model = form.solver.exportModelToProto().toBuilder();
        model.clearSolutionHint();
        int rounds = 0;
        boolean optimal = false;
        double objective = Double.NaN;
        while (true) {
            MPModelRequest.Builder request = MPModelRequest.newBuilder()
                    .setModel(model)
                    .setSolverType(MPModelRequest.SolverType.HIGHS_LINEAR_PROGRAMMING)
                    .setSolverSpecificParameters(highsParameters);
            double left = (deadline - System.nanoTime()) / 1e9;
            if (left <= 0) {
                break;
            }
            if (deadline != Long.MAX_VALUE) {
                request.setSolverTimeLimitSeconds(left);
            }
            MPSolutionResponse r = com.google.ortools.linearsolver.MPSolver.solveWithProto(request.build());
            rounds++;
            optimal = r.getStatus() == MPSolverResponseStatus.MPSOLVER_OPTIMAL
                    && r.getVariableValueCount() == model.getVariableCount();
            if (!optimal) {
                break;
            }
            objective = r.getObjectiveValue();
            int added = 0;
            for (Arc a : f.arcs) {
                int i = a.index();
                double x = r.getVariableValue(form.flow[i].index());
                if (x <= EPS) {
                    continue;
                }
                double dem = f.demand[a.market()][a.product()][a.year()];
                double tol = VIOLATION * Math.max(1, dem);
                MPVariable run = form.run[a.plant()][a.year()];
                if (cand.run[i] && !in.run[i] && x > dem * r.getVariableValue(run.index()) + tol) {
                    in.run[i] = true;
                    model.addConstraint(linkProto(form, a, false));
                    added++;
                }
                MPVariable tool = form.tool[a.plant()][f.productPlatform[a.product()]][a.year()];
                if (cand.tool[i] && !in.tool[i] && x > dem * r.getVariableValue(tool.index()) + tol) {
                    in.tool[i] = true;
                    model.addConstraint(linkProto(form, a, true));
                    added++;
                }
            }
            if (added == 0 || System.nanoTime() >= deadline) {
                break;
            }
            optimal = false;
        }
        for (Arc a : f.arcs) {
            if (in.run[a.index()]) {
                linkRow(form, a, false);
            }
            if (in.tool[a.index()]) {
                linkRow(form, a, true);
            }
        }
        return new Result(optimal, objective, in, rounds, (System.nanoTime() - start) / 1e9);
    }

    /** The row name addStrongLinking gives an arc's linking row. */
    private static String linkName(FrozenNetwork f, Arc a, boolean onTool) {
        return (onTool ? "linkTool[" : "link[") + Formulation.id(f.plantId[a.plant()]) + ","
                + Formulation.id(f.productId[a.product()]) + "," + Formulation.id(f.marketId[a.market()]) + ","
                + f.year(a.year()) + "]";
    }

    private static MPVariable binary(Formulation form, Arc a, boolean onTool) {
        return onTool
                ? form.tool[a.plant()][form.f.productPlatform[a.product()]][a.year()]
                : form.run[a.plant()][a.year()];
    }

    private static MPConstraintProto linkProto(Formulation form, Arc a, boolean onTool) {
        double dem = form.f.demand[a.market()][a.product()][a.year()];
        return MPConstraintProto.newBuilder()
                .setLowerBound(Double.NEGATIVE_INFINITY)
                .setUpperBound(0)
                .addVarIndex(form.flow[a.index()].index())
                .addCoefficient(1)
                .addVarIndex(binary(form, a, onTool).index())
                .addCoefficient(-dem)
                .build();
    }

    /** Adds an arc's linking row to the formulation, named as addStrongLinking names it. */
    static void linkRow(Formulation form, Arc a, boolean onTool) {
        MPConstraint r = form.addRow(Double.NEGATIVE_INFINITY, 0, linkName(form.f, a, onTool));
        form.addCoefficient(r, form.flow[a.index()], 1);
        form.addCoefficient(r, binary(form, a, onTool), -form.f.demand[a.market()][a.product()][a.year()]);
        (onTool ? form.linkToolRow : form.linkRow)[a.index()] = r;
    }

    /**
     * The demand cover rows of {@code Formulation.addDemandCover} (cost mode only), added to a
     * formulation built without the rows for strength: the plants running must be able to build the
     * demand that must be served.
     */
    static void addCover(Formulation form) {
        FrozenNetwork f = form.f;
        if (f.mode == Objective.NPV) {
            return;
        }
        for (int t = 0; t < f.nT; t++) {
            double must = 0;
            for (int m = 0; m < f.nM; m++) {
                for (int k = 0; k < f.nK; k++) {
                    if (form.lost[m][k][t] == null) {
                        must += f.demand[m][k][t];
                    }
                }
            }
            if (must <= 0) {
                continue;
            }
            MPConstraint r = form.addRow(must, Double.POSITIVE_INFINITY, "cover[" + f.year(t) + "]");
            for (int p = 0; p < f.nP; p++) {
                if (f.arcsByPlantYear[p][t].length > 0) {
                    form.addCoefficient(r, form.run[p][t], f.capacity[p][t]);
                }
            }
        }
    }
}
