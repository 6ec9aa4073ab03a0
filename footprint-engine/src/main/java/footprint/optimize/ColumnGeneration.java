package footprint.optimize;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import footprint.model.Objective;
import footprint.optimize.FrozenNetwork.Arc;
import footprint.optimize.FrozenNetwork.SupplyArc;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Column generation on the vehicle arcs ({@link Technique#COLUMN_GENERATION}), for networks whose
 * flows are too many for the full MILP (XL: 13.4 million arcs for 1.1 million demand cells). The
 * MILP is solved on a restricted network that keeps, for every demand cell (market, product, year),
 * only the arcs that may matter; which ones is decided on the LP relaxation:
 *
 * <ol>
 *   <li>start with the {@link #START_PER_CELL} arcs of best margin per cell (price less variable
 *       cost, freight, duty and the cheapest components), every arc into a market-year a
 *       local-content rule covers, and enough arcs of a plant with a minimum output to meet it;
 *   <li>solve the restricted LP relaxation (HiGHS), price every arc left out with its duals, add the
 *       {@link #ADD_PER_CELL} best improving arcs of each cell, and repeat until none improves or
 *       the bound is close enough;
 *   <li>hand the restricted network to the MILP.
 * </ol>
 *
 * <p>The bound is the Lagrangian bound of the full problem at the restricted LP's duals (rows the
 * restricted model lacks get a multiplier of 0): with y those duals and rc[a] = c[a] − aᵀy the
 * reduced cost of an arc left out, whose flow is at most its demand,
 *
 * <pre>  bound = LP(restricted) + Σ_{a left out} max(0, rc[a])·demand[a]        (NPV, maximised)</pre>
 *
 * (cost mode: the same with min and the sign turned). It holds for every y, so every round gives a
 * valid bound on the full MILP, and the best is kept; once no arc improves it is the full LP
 * relaxation. The restricted MILP's plan is a plan of the full network; its own bound is not a
 * bound of the full network and is not reported.
 */
final class ColumnGeneration {
    /** Arcs kept per demand cell at the start, best margin first. */
    static final int START_PER_CELL = 2;
    /** Improving arcs added per demand cell and round, best reduced cost first. */
    static final int ADD_PER_CELL = 2;
    /** Rounds at most. */
    static final int MAX_ROUNDS = 40;
    /**
     * The LP solver of the rounds: CLP, whose duals OR-Tools passes on with the signs the pricing
     * expects (HiGHS's duals through OR-Tools 9.15 do not satisfy the reduced-cost conditions of a
     * maximisation; ColumnGenerationTest checks the ones used).
     */
    static final String LP_SOLVER = "CLP";

    /** A reduced cost below this (money per vehicle) does not improve. */
    private static final double IMPROVES = 1e-6;

    /**
     * What the loop found.
     *
     * @param restricted the network with the arcs kept
     * @param bound the best bound on the full MILP, in the model's sense (NaN: no LP was solved)
     * @param lp the last restricted LP's value
     * @param arcs arcs kept
     * @param rounds LP solves
     * @param converged whether no arc left out improved the last LP (the bound is the full LP's)
     * @param seconds time taken
     */
    record Result(
            FrozenNetwork restricted,
            double bound,
            double lp,
            int arcs,
            int rounds,
            boolean converged,
            double seconds,
            double lpSeconds) {}

    private final FrozenNetwork full;
    private final double sign;
    /** Each arc's margin in the improving sense (higher is better), components at their cheapest. */
    private final double[] margin;
    /** Arcs by demand cell: the arcs of cell c are order[cellStart[c] .. cellStart[c+1]), best margin first. */
    private final int[] cellStart;

    private final int[] order;

    private ColumnGeneration(FrozenNetwork full) {
        this.full = full;
        this.sign = full.mode == Objective.NPV ? 1 : -1;
        int n = full.arcs.size();
        double[][][] cheapest = cheapestComponents(full);
        margin = new double[n];
        for (Arc a : full.arcs) {
            double m = sign * Formulation.arcObjective(full, a);
            for (int c = 0; c < full.nC; c++) {
                double units = full.bom[a.product()][c];
                if (units > 0 && full.supplied[c]) {
                    m -= units * cheapest[a.plant()][c][a.year()];
                }
            }
            margin[a.index()] = full.arcStopped.get(a.index()) ? Double.NEGATIVE_INFINITY : m;
        }
        int cells = full.nM * full.nK * full.nT;
        cellStart = new int[cells + 1];
        for (Arc a : full.arcs) {
            cellStart[cell(a) + 1]++;
        }
        for (int c = 0; c < cells; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        order = new int[n];
        int[] fill = Arrays.copyOf(cellStart, cells);
        for (Arc a : full.arcs) {
            order[fill[cell(a)]++] = a.index();
        }
        for (int c = 0; c < cells; c++) {
            sortByMargin(cellStart[c], cellStart[c + 1]);
        }
    }

    private int cell(Arc a) {
        return (a.market() * full.nK + a.product()) * full.nT + a.year();
    }

    /** Insertion sort of order[from, to) by margin, best first (cells hold a few dozen arcs). */
    private void sortByMargin(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int x = order[i];
            double mx = margin[x];
            int j = i - 1;
            while (j >= from && margin[order[j]] < mx) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
    }

    /** The cheapest way to bring a unit of each supplied component to each plant each year (objective terms). */
    static double[][][] cheapestComponents(FrozenNetwork f) {
        double[][][] best = new double[f.nP][f.nC][f.nT];
        for (double[][] byC : best) {
            for (double[] byT : byC) {
                Arrays.fill(byT, Double.POSITIVE_INFINITY);
            }
        }
        for (SupplyArc s : f.supplyArcs) {
            if (f.supplyStopped.get(s.index())) {
                continue;
            }
            int q = s.componentPlant();
            int p = s.plant();
            int t = s.year();
            double cost = f.discount[t] * f.ownership[p] * (f.componentUnitCost[q][t] + s.freightPerUnit());
            int c = f.componentOf[q];
            best[p][c][t] = Math.min(best[p][c][t], cost);
        }
        return best;
    }

    /**
     * Runs the loop.
     *
     * @param families the constraint families of the MILP to come
     * @param deadline System.nanoTime() by which to stop adding rounds
     * @return the restricted network and the bound; null when the first restricted LP has no
     *     optimum (infeasible, or out of time)
     */
    static Result run(
            FrozenNetwork full,
            Set<Formulation.Family> families,
            SolveOptions options,
            SolveListener listener,
            long deadline) {
        long start = System.nanoTime();
        ColumnGeneration g = new ColumnGeneration(full);
        BitSet keep = g.startingArcs();
        double best = Double.NaN;
        double lp = Double.NaN;
        double lpSeconds = 0;
        int rounds = 0;
        boolean converged = false;
        // first rounds without the rows for strength (a much smaller LP: on LL 29,000 rows against
        // 171,000), then with them; both bounds are valid, the second is tighter
        Set<Formulation.Family> weak = EnumSet.noneOf(Formulation.Family.class);
        weak.addAll(families);
        boolean weakPhase = weak.remove(Formulation.Family.STRENGTH);
        while (true) {
            FrozenNetwork restricted = full.restrict(keep);
            MPSolver solver = MPSolver.createSolver(LP_SOLVER);
            try {
                Formulation form = Formulation.build(
                        restricted, solver, new Formulation.Settings(false, weakPhase ? weak : families));
                if (deadline != Long.MAX_VALUE) {
                    solver.setTimeLimit(Math.max(1000, (deadline - System.nanoTime()) / 1_000_000));
                }
                long t0 = System.nanoTime();
                MPSolver.ResultStatus status = solver.solve();
                lpSeconds += (System.nanoTime() - t0) / 1e9;
                rounds++;
                if (status != MPSolver.ResultStatus.OPTIMAL) {
                    if (rounds == 1) {
                        return null;
                    }
                    break;
                }
                lp = solver.objective().value();
                double[] dual = new double[solver.numConstraints()];
                for (MPConstraint row : solver.constraints()) {
                    dual[row.index()] = row.dualValue();
                }
                Pricing priced = g.price(form, dual, keep);
                double bound = lp + g.sign * priced.gain();
                best = Double.isNaN(best) ? bound : g.sign > 0 ? Math.min(best, bound) : Math.max(best, bound);
                double open = g.sign * (best - lp) / Math.max(1, Math.abs(lp));
                listener.message(String.format(
                        Locale.ROOT,
                        "Column generation round %d%s: %d of %d arcs, LP %.6e, bound %.6e (%.3f %% from the LP), %d arcs"
                                + " improve",
                        rounds,
                        weakPhase ? " (without the rows for strength)" : "",
                        keep.cardinality(),
                        full.arcs.size(),
                        lp,
                        best,
                        100 * open,
                        priced.improving()));
                keep.or(priced.add());
                // close enough: the LP's own distance from the MILP's optimum still counts against
                // the gap (on L 0.43 % of a 0.5 % gap), so the last rounds aim at a tenth of it
                if (weakPhase && (priced.improving() == 0 || open <= options.relativeGap() / 4)) {
                    weakPhase = false;
                    continue;
                }
                if (priced.improving() == 0) {
                    converged = true;
                    break;
                }
                if (open <= options.relativeGap() / 10 || rounds >= MAX_ROUNDS || System.nanoTime() >= deadline) {
                    break;
                }
            } finally {
                solver.delete();
            }
        }
        FrozenNetwork restricted = full.restrict(keep);
        return new Result(
                restricted,
                best,
                lp,
                keep.cardinality(),
                rounds,
                converged,
                (System.nanoTime() - start) / 1e9,
                lpSeconds);
    }

    /** The arcs the first round of {@code full} keeps. */
    static BitSet startingArcs(FrozenNetwork full) {
        return new ColumnGeneration(full).startingArcs();
    }

    /** The arcs of the first round. */
    private BitSet startingArcs() {
        BitSet keep = new BitSet(full.arcs.size());
        for (int c = 0; c + 1 < cellStart.length; c++) {
            for (int i = cellStart[c]; i < Math.min(cellStart[c + 1], cellStart[c] + START_PER_CELL); i++) {
                keep.set(order[i]);
            }
        }
        // the best arc of every plant-year that has one: a plant-year without arcs would drop its
        // plant from the demand cover row (cost mode), which the full model's duals must not see
        for (int p = 0; p < full.nP; p++) {
            for (int t = 0; t < full.nT; t++) {
                int best = -1;
                for (int i : full.arcsByPlantYear[p][t]) {
                    if (best < 0 || margin[i] > margin[best]) {
                        best = i;
                    }
                }
                if (best >= 0) {
                    keep.set(best);
                }
            }
        }
        // every arc into a market-year with a local-content rule: its rows and allocation variables
        // are then the full model's, and only arcs without them are ever priced
        for (FrozenNetwork.LocalRow lr : full.localRows) {
            for (int i : full.arcsByMarketYear[lr.market()][lr.year()]) {
                keep.set(i);
            }
        }
        // a plant with a minimum output keeps its best arcs up to twice that output
        for (FrozenNetwork.CommitmentRow cr : full.commitments) {
            if (Double.isNaN(cr.minOutput()) || cr.minOutput() <= 0) {
                continue;
            }
            int[] arcs = full.arcsByPlantYear[cr.plant()][cr.year()].clone();
            Integer[] boxed = Arrays.stream(arcs).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, (x, y) -> Double.compare(margin[y], margin[x]));
            double served = 0;
            for (int i : boxed) {
                if (served >= 2 * cr.minOutput()) {
                    break;
                }
                Arc a = full.arcs.get(i);
                keep.set(i);
                served += full.demand[a.market()][a.product()][a.year()];
            }
        }
        return keep;
    }

    /**
     * The pricing of one round.
     *
     * @param gain Σ max(0, improvement)·demand over the arcs left out, the bound's excess over the LP
     * @param improving arcs left out that improve
     * @param add the arcs to add: the best improving ones of each cell
     */
    record Pricing(double gain, long improving, BitSet add) {}

    private Pricing price(Formulation form, double[] dual, BitSet keep) {
        Duals duals = new Duals(form, dual);
        double gain = 0;
        long improving = 0;
        BitSet add = new BitSet(full.arcs.size());
        int[] bestArc = new int[ADD_PER_CELL];
        double[] bestValue = new double[ADD_PER_CELL];
        for (int c = 0; c + 1 < cellStart.length; c++) {
            int found = 0;
            for (int i = cellStart[c]; i < cellStart[c + 1]; i++) {
                int arc = order[i];
                if (keep.get(arc) || full.arcStopped.get(arc)) {
                    continue;
                }
                Arc a = full.arcs.get(arc);
                double better = sign * duals.reducedCost(a, -1);
                if (better <= IMPROVES) {
                    continue;
                }
                improving++;
                gain += better * full.demand[a.market()][a.product()][a.year()];
                // keep the ADD_PER_CELL best of the cell
                int at = found < ADD_PER_CELL ? found++ : -1;
                if (at < 0) {
                    int worst = 0;
                    for (int j = 1; j < ADD_PER_CELL; j++) {
                        if (bestValue[j] < bestValue[worst]) {
                            worst = j;
                        }
                    }
                    if (bestValue[worst] >= better) {
                        continue;
                    }
                    at = worst;
                }
                bestArc[at] = arc;
                bestValue[at] = better;
            }
            for (int j = 0; j < found; j++) {
                add.set(bestArc[j]);
            }
        }
        return new Pricing(gain, improving, add);
    }

    /**
     * The duals of a restricted LP's rows, by family and key, for pricing arcs of the full network
     * (a row the restricted model lacks counts 0).
     */
    static final class Duals {
        private final Formulation form;
        private final FrozenNetwork f;
        private final double[] demand;
        private final double[][] capacity;
        private final double[][][] line;
        private final double[][][] tooling;
        private final double[][][] components;
        /** Σ of the minimum-output rows' duals of a plant-year. */
        private final double[][] minOutput;

        private final double[] dual;

        Duals(Formulation form, double[] dual) {
            this.form = form;
            this.f = form.f;
            this.dual = dual;
            demand = new double[f.nM * f.nK * f.nT];
            for (int m = 0; m < f.nM; m++) {
                for (int k = 0; k < f.nK; k++) {
                    for (int t = 0; t < f.nT; t++) {
                        demand[(m * f.nK + k) * f.nT + t] = of(form.demandRow[m][k][t]);
                    }
                }
            }
            capacity = new double[f.nP][f.nT];
            line = new double[f.nP][f.nF][f.nT];
            tooling = new double[f.nP][f.nF][f.nT];
            components = new double[f.nP][f.nC][f.nT];
            minOutput = new double[f.nP][f.nT];
            for (int p = 0; p < f.nP; p++) {
                for (int t = 0; t < f.nT; t++) {
                    capacity[p][t] = of(form.capacityRow[p][t]);
                    for (int pf = 0; pf < f.nF; pf++) {
                        line[p][pf][t] = of(form.lineRow[p][pf][t]);
                        tooling[p][pf][t] = of(form.toolingRow[p][pf][t]);
                    }
                    for (int c = 0; c < f.nC; c++) {
                        components[p][c][t] = of(form.componentRow[p][c][t]);
                    }
                }
            }
            for (int i = 0; i < f.commitments.size(); i++) {
                FrozenNetwork.CommitmentRow cr = f.commitments.get(i);
                minOutput[cr.plant()][cr.year()] += of(form.minOutputRow[i]);
            }
        }

        private double of(MPConstraint row) {
            return row == null ? 0 : dual[row.index()];
        }

        /**
         * The reduced cost c[a] − aᵀy of arc {@code a} of the full network, in the model's sense.
         *
         * @param restrictedIndex the arc's index in the restricted network when it is there (its
         *     own linking rows and, in a market-year with a local-content rule, its local rows then
         *     count), else −1: an arc left out has none of those rows
         */
        double reducedCost(Arc a, int restrictedIndex) {
            int p = a.plant();
            int k = a.product();
            int m = a.market();
            int t = a.year();
            int pf = f.productPlatform[k];
            double rc = Formulation.arcObjective(f, a);
            rc -= demand[(m * f.nK + k) * f.nT + t];
            rc -= capacity[p][t];
            rc -= line[p][pf][t];
            rc -= tooling[p][pf][t];
            rc -= minOutput[p][t];
            for (int c = 0; c < f.nC; c++) {
                double units = f.bom[k][c];
                if (units > 0) {
                    rc += units * components[p][c][t];
                }
            }
            if (restrictedIndex < 0) {
                return rc;
            }
            for (int c = 0; c < f.nC; c++) {
                double units = f.bom[k][c];
                if (units > 0 && form.localUseRow[p][c] != null) {
                    rc += units * of(form.localUseRow[p][c][m * f.nT + t]);
                }
            }
            for (int i = 0; i < f.localRows.size(); i++) {
                FrozenNetwork.LocalRow lr = f.localRows.get(i);
                if (lr.market() == m && lr.year() == t) {
                    boolean inBloc = f.plantBloc[p] == f.marketBloc[m];
                    double local = inBloc ? form.assemblyValue(k, m, t) : 0;
                    rc -= (local - lr.minShare() * f.price[m][k][t]) * of(form.localContentRow[i]);
                }
            }
            rc -= of(form.linkRow[restrictedIndex]);
            rc -= of(form.linkToolRow[restrictedIndex]);
            return rc;
        }
    }
}
