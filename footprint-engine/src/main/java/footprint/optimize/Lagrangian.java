package footprint.optimize;

import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPVariable;
import footprint.model.Objective;
import footprint.model.PlantStatus;
import footprint.optimize.FrozenNetwork.Arc;
import java.util.Arrays;

/**
 * {@link Technique#LAGRANGIAN}: a bound on the MILP of a network of facility-location shape (no
 * component supply, local content, commitments, tooling options or line capacities), from the
 * Lagrangian relaxation of the demand rows. In the minimisation sense (NPV negated), with a
 * multiplier u[m,k,t] on each demand row:
 *
 * <pre>
 *   L(u) = Σ u·demand + Σ_{m,k,t} min(0, c_lost − u)·demand
 *        + Σ_p min over the plant's state path (run, idle, closed each year, with closure and
 *          reopening costs) of Σ_t [state cost + (running ? K[p,t](u) : 0)]
 *   K[p,t](u) = min Σ_a (c_a − u)·x_a  s.t.  Σ_a x_a ≤ capacity[p,t],  0 ≤ x_a ≤ demand
 * </pre>
 *
 * K is a continuous knapsack (fill the arcs of most negative reduced cost first). In cost mode with
 * one year the plants are also tied by the demand cover row (Σ capacity·run ≥ demand that must be
 * served), kept in the subproblem as a 0-1 covering knapsack over plants: the bound is then at
 * least the strong LP relaxation's. Every L(u) is a valid lower bound; subgradient steps move u
 * towards the best. The plants the subproblem runs are the starting point of {@link PrimalRepair}.
 */
final class Lagrangian {
    static final int RUN = 0;
    static final int IDLE = 1;
    static final int CLOSED = 2;
    /** A plant-year decision left to the subproblem, or fixed running or not running. */
    static final byte FREE = 0;

    static final byte ON = 1;
    static final byte OFF = 2;

    private static final double INF = Double.POSITIVE_INFINITY;

    final FrozenNetwork f;
    final Formulation form;
    final boolean cover;
    final double sign;

    // demand rows
    final int nRows;
    final int[][][] rowOf;
    final double[] rowDemand;
    final double[] rowLostCost;
    final int[] rowYear;
    final int[] rowMarket;
    final int[] rowProduct;
    // arcs
    final int[] arcRow;
    final double[] arcCost;
    // plant states, minimisation-sense costs
    final double[][][] stateCost;
    final double[][] closesCost;
    final double[][] reopensCost;
    final boolean[][][] allowed;
    final int[] prior;
    final double constant;
    final double[] must;

    // work space
    private final double[][] knap;
    private final double[] key;
    private final int[] idx;
    /** Per plant-year the arcs filled by the knapsack and their amounts (valid for the last fill). */
    private final int[][] filledArc;

    private final double[][] filledAmount;
    private final int[][] filledCount;

    /** Why the technique does not apply to a network, or null if it does. */
    static String notApplicable(Formulation form) {
        FrozenNetwork f = form.f;
        java.util.Set<Formulation.Family> needed = java.util.EnumSet.allOf(Formulation.Family.class);
        needed.remove(Formulation.Family.STRENGTH); // only tightens the LP: the subproblem does not need it
        if (!form.settings.integer() || !form.settings.families().containsAll(needed)) {
            return "the model leaves a constraint family out";
        }
        return notFacilityLocation(f);
    }

    /**
     * Why a network is not of facility-location shape (null when it is): component plants, local
     * content, commitments, given tooling, platform options, line capacities, or a market with demand
     * that no arc serves and that may not go unserved.
     */
    static String notFacilityLocation(FrozenNetwork f) {
        if (!f.supplyArcs.isEmpty()) {
            return "components come from component plants";
        }
        if (!f.localRows.isEmpty()) {
            return "local-content rules apply";
        }
        if (!f.commitments.isEmpty()) {
            return "commitments apply";
        }
        if (!f.toolRules.isEmpty()) {
            return "tooling decisions are given";
        }
        for (int p = 0; p < f.nP; p++) {
            for (int pf = 0; pf < f.nF; pf++) {
                if (f.tooling[p][pf] == FrozenNetwork.Tooling.OPTION) {
                    return "a plant can take a platform on";
                }
                for (int t = 0; t < f.nT; t++) {
                    if (!Double.isNaN(f.lineCapacity[p][pf][t])) {
                        return "a line capacity applies";
                    }
                }
            }
        }
        for (int m = 0; m < f.nM; m++) {
            for (int k = 0; k < f.nK; k++) {
                for (int t = 0; t < f.nT; t++) {
                    // a lost-sale column exists in NPV mode, and in cost mode where a penalty is given
                    boolean mayLose = f.mode == Objective.NPV || !Double.isNaN(f.penalty[m][t]);
                    if (f.demand[m][k][t] > 0 && !mayLose && f.arcsByMarketYear[m][t].length == 0) {
                        return "a market cannot be served";
                    }
                }
            }
        }
        return null;
    }

    /** The relaxation of a built MILP (its objective coefficients); check {@link #notApplicable} first. */
    Lagrangian(Formulation form) {
        this.form = form;
        this.f = form.f;
        FrozenNetwork f = this.f;
        sign = f.mode == Objective.NPV ? -1 : 1;
        cover = f.mode == Objective.COST && f.nT == 1;
        MPObjective obj = form.solver.objective();
        rowOf = new int[f.nM][f.nK][f.nT];
        int n = 0;
        for (int m = 0; m < f.nM; m++) {
            for (int k = 0; k < f.nK; k++) {
                for (int t = 0; t < f.nT; t++) {
                    rowOf[m][k][t] = f.demand[m][k][t] > 0 ? n++ : -1;
                }
            }
        }
        nRows = n;
        rowDemand = new double[n];
        rowLostCost = new double[n];
        rowYear = new int[n];
        rowMarket = new int[n];
        rowProduct = new int[n];
        for (int m = 0; m < f.nM; m++) {
            for (int k = 0; k < f.nK; k++) {
                for (int t = 0; t < f.nT; t++) {
                    int r = rowOf[m][k][t];
                    if (r < 0) {
                        continue;
                    }
                    rowDemand[r] = f.demand[m][k][t];
                    MPVariable lost = form.lost[m][k][t];
                    rowLostCost[r] = lost == null ? Double.NaN : sign * obj.getCoefficient(lost);
                    rowYear[r] = t;
                    rowMarket[r] = m;
                    rowProduct[r] = k;
                }
            }
        }
        arcRow = new int[f.arcs.size()];
        arcCost = new double[f.arcs.size()];
        for (Arc a : f.arcs) {
            arcRow[a.index()] = rowOf[a.market()][a.product()][a.year()];
            arcCost[a.index()] = sign * obj.getCoefficient(form.flow[a.index()]);
        }
        stateCost = new double[f.nP][f.nT][3];
        closesCost = new double[f.nP][f.nT];
        reopensCost = new double[f.nP][f.nT];
        allowed = new boolean[f.nP][f.nT][3];
        prior = new int[f.nP];
        double c = form.offset() * sign;
        for (int p = 0; p < f.nP; p++) {
            prior[p] = stateIndex(f.priorStatus[p]);
            for (int t = 0; t < f.nT; t++) {
                stateCost[p][t][RUN] = sign * obj.getCoefficient(form.run[p][t]);
                stateCost[p][t][IDLE] = sign * obj.getCoefficient(form.idle[p][t]);
                stateCost[p][t][CLOSED] = sign * obj.getCoefficient(form.closed[p][t]);
                double cc = sign * obj.getCoefficient(form.closes[p][t]);
                double rc = sign * obj.getCoefficient(form.reopens[p][t]);
                // a variable paid for (cost ≥ 0) takes the least value its row allows; one that
                // earns takes 1 whatever happens
                closesCost[p][t] = Math.max(0, cc);
                reopensCost[p][t] = Math.max(0, rc);
                c += Math.min(0, cc) + Math.min(0, rc);
                Arrays.fill(allowed[p][t], true);
                allowed[p][t][RUN] = f.mayRun[p][t];
            }
        }
        for (FrozenNetwork.StateRule s : f.stateRules) {
            int i = stateIndex(s.status());
            if (s.force()) {
                for (int j = 0; j < 3; j++) {
                    allowed[s.plant()][s.year()][j] &= j == i;
                }
            } else {
                allowed[s.plant()][s.year()][i] = false;
            }
        }
        constant = c;
        must = new double[f.nT];
        for (int r = 0; r < nRows; r++) {
            if (Double.isNaN(rowLostCost[r])) {
                must[rowYear[r]] += rowDemand[r];
            }
        }
        knap = new double[f.nP][f.nT];
        int most = 1;
        filledArc = new int[f.nP * f.nT][];
        filledAmount = new double[f.nP * f.nT][];
        filledCount = new int[f.nP][f.nT];
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                int len = f.arcsByPlantYear[p][t].length;
                most = Math.max(most, len);
                filledArc[p * f.nT + t] = new int[len];
                filledAmount[p * f.nT + t] = new double[len];
            }
        }
        key = new double[most];
        idx = new int[most];
    }

    static int stateIndex(PlantStatus s) {
        return switch (s) {
            case RUNNING -> RUN;
            case IDLE -> IDLE;
            case CLOSED -> CLOSED;
        };
    }

    /** The status of a state index: the inverse of {@link #stateIndex}. */
    static PlantStatus status(int state) {
        return switch (state) {
            case RUN -> PlantStatus.RUNNING;
            case IDLE -> PlantStatus.IDLE;
            case CLOSED -> PlantStatus.CLOSED;
            default -> throw new IllegalArgumentException("no state " + state);
        };
    }

    /**
     * One evaluation of L(u).
     *
     * @param value L(u), a lower bound (minimisation sense) under the restrictions it was computed with
     * @param state the subproblem's state of each plant and year
     * @param subgradient demand − Σ x − lost per row
     */
    @SuppressWarnings("ArrayRecordComponent") // work values of the subgradient loop
    record Point(double value, int[][] state, double[] subgradient) {}

    /** Fills every plant-year's knapsack at multipliers u. */
    void knapsacks(double[] u) {
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                knap[p][t] = fill(p, t, u);
            }
        }
    }

    /** The knapsack of plant p in year t: arcs of negative reduced cost, most negative first, up to capacity. */
    private double fill(int p, int t, double[] u) {
        int[] arcs = f.arcsByPlantYear[p][t];
        int n = 0;
        for (int a : arcs) {
            double rc = arcCost[a] - u[arcRow[a]];
            if (rc < 0) {
                key[n] = rc;
                idx[n] = a;
                n++;
            }
        }
        double room = f.capacity[p][t];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += rowDemand[arcRow[idx[i]]];
        }
        if (total > room) {
            sort(key, idx, 0, n - 1);
        }
        int[] outArc = filledArc[p * f.nT + t];
        double[] outAmount = filledAmount[p * f.nT + t];
        int c = 0;
        double value = 0;
        for (int i = 0; i < n && room > 0; i++) {
            int a = idx[i];
            double x = Math.min(room, rowDemand[arcRow[a]]);
            room -= x;
            value += key[i] * x;
            outArc[c] = a;
            outAmount[c] = x;
            c++;
        }
        filledCount[p][t] = c;
        return value;
    }

    /**
     * L(u) from the knapsacks last filled, with plant-year decisions restricted by {@code fixed}
     * (FREE, ON, OFF per plant and year; null for none).
     */
    Point decide(double[] u, byte[][] fixed, boolean subgradient) {
        double value = constant;
        double[] g = subgradient ? new double[nRows] : null;
        for (int r = 0; r < nRows; r++) {
            value += u[r] * rowDemand[r];
            if (!Double.isNaN(rowLostCost[r])) {
                double rc = rowLostCost[r] - u[r];
                if (rc < 0) {
                    value += rc * rowDemand[r];
                } else if (g != null) {
                    g[r] = rowDemand[r];
                }
            } else if (g != null) {
                g[r] = rowDemand[r];
            }
        }
        int[][] state = new int[f.nP][];
        if (cover) {
            double[] delta = new double[f.nP];
            double[] cap = new double[f.nP];
            int[][] onPath = new int[f.nP][];
            int[][] offPath = new int[f.nP][];
            double base = 0;
            byte[] force = new byte[f.nP];
            for (int p = 0; p < f.nP; p++) {
                byte fx = fixed == null ? FREE : fixed[p][0];
                onPath[p] = new int[1];
                offPath[p] = new int[1];
                double on = fx == OFF ? INF : path(p, ON, onPath[p]);
                double off = fx == ON ? INF : path(p, OFF, offPath[p]);
                if (on == INF && off == INF) {
                    return new Point(INF, null, null);
                }
                cap[p] = f.arcsByPlantYear[p][0].length > 0 ? f.capacity[p][0] : 0;
                if (off == INF) {
                    force[p] = ON;
                    base += on;
                    delta[p] = 0;
                } else if (on == INF) {
                    force[p] = OFF;
                    base += off;
                    delta[p] = 0;
                } else {
                    base += off;
                    delta[p] = on - off;
                }
            }
            boolean[] take = new boolean[f.nP];
            double add = CoverKnapsack.solve(delta, cap, force, must[0], take);
            if (add == INF) {
                return new Point(INF, null, null);
            }
            value += base + add;
            for (int p = 0; p < f.nP; p++) {
                state[p] = take[p] ? onPath[p] : offPath[p];
            }
        } else {
            for (int p = 0; p < f.nP; p++) {
                state[p] = new int[f.nT];
                double v = path(p, fixed == null ? null : fixed[p], state[p]);
                if (v == INF) {
                    return new Point(INF, null, null);
                }
                value += v;
            }
        }
        if (g != null) {
            for (int p = 0; p < f.nP; p++) {
                for (int t = 0; t < f.nT; t++) {
                    if (state[p][t] == RUN) {
                        int[] arcs = filledArc[p * f.nT + t];
                        double[] amounts = filledAmount[p * f.nT + t];
                        for (int i = 0; i < filledCount[p][t]; i++) {
                            g[arcRow[arcs[i]]] -= amounts[i];
                        }
                    }
                }
            }
        }
        return new Point(value, state, g);
    }

    /** The best state path of a plant with its one year forced on or off (one-year networks). */
    private double path(int p, byte fx, int[] out) {
        byte[] fixed = {fx};
        return path(p, fixed, out);
    }

    /**
     * The cheapest state path of plant p over the years (dynamic programming over run, idle,
     * closed), running years paying their knapsack; {@code fixed} restricts running per year (null:
     * free). Writes the path to {@code out}; +∞ if no path is allowed.
     */
    double path(int p, byte[] fixed, int[] out) {
        return path(p, fixed, out, true);
    }

    /** The cheapest path, with or without the running years' knapsack values. */
    double path(int p, byte[] fixed, int[] out, boolean withKnapsack) {
        int nT = f.nT;
        double[][] best = new double[nT][3];
        int[][] from = new int[nT][3];
        for (int t = 0; t < nT; t++) {
            for (int s = 0; s < 3; s++) {
                best[t][s] = INF;
                byte fx = fixed == null ? FREE : fixed[t];
                if (!allowed[p][t][s] || (fx == ON && s != RUN) || (fx == OFF && s == RUN)) {
                    continue;
                }
                double here = stateCost[p][t][s] + (s == RUN && withKnapsack ? knap[p][t] : 0);
                for (int ps = 0; ps < 3; ps++) {
                    double before = t == 0 ? (ps == prior[p] ? 0 : INF) : best[t - 1][ps];
                    if (before == INF || (ps == CLOSED && s == IDLE)) {
                        continue;
                    }
                    double move = (s == CLOSED && ps != CLOSED ? closesCost[p][t] : 0)
                            + (s == RUN && ps != RUN ? reopensCost[p][t] : 0);
                    double v = before + move + here;
                    if (v < best[t][s]) {
                        best[t][s] = v;
                        from[t][s] = ps;
                    }
                }
            }
        }
        int s = 0;
        for (int j = 1; j < 3; j++) {
            if (best[nT - 1][j] < best[nT - 1][s]) {
                s = j;
            }
        }
        double v = best[nT - 1][s];
        if (v == INF) {
            return INF;
        }
        for (int t = nT - 1; t >= 0; t--) {
            out[t] = s;
            s = from[t][s];
        }
        return v;
    }

    /** The knapsack value of plant p in year t at the last multipliers filled. */
    double knapsack(int p, int t) {
        return knap[p][t];
    }

    /** Multipliers to start from: each row's cheapest way to be served (an arc or its lost sale). */
    double[] start() {
        double[] u = new double[nRows];
        Arrays.fill(u, INF);
        for (int a = 0; a < arcRow.length; a++) {
            u[arcRow[a]] = Math.min(u[arcRow[a]], arcCost[a]);
        }
        for (int r = 0; r < nRows; r++) {
            if (!Double.isNaN(rowLostCost[r])) {
                u[r] = Math.min(u[r], rowLostCost[r]);
            }
            if (u[r] == INF) {
                u[r] = 0;
            }
        }
        return u;
    }

    /** Sees each subproblem solution of the ascent (to repair it into a plan); returns the best plan's value known. */
    interface Watcher {
        double seen(Point point, int iteration);
    }

    /**
     * The outcome of a subgradient ascent.
     *
     * @param bound the best L(u) (minimisation sense)
     * @param u its multipliers
     * @param iterations steps taken
     */
    @SuppressWarnings("ArrayRecordComponent") // read once
    record Ascent(double bound, double[] u, int iterations) {}

    /**
     * Subgradient ascent from u0 (Polyak steps towards the best plan's value, the step factor halved
     * after {@code patience} steps without progress), until the factor is tiny, the bound meets the
     * plan within {@code gap}, or the deadline.
     */
    Ascent ascend(double[] u0, byte[][] fixed, Watcher watcher, double gap, int maxIterations, long deadline) {
        double[] u = u0.clone();
        double[] bestU = u.clone();
        double bestL = -INF;
        // measured on capb-6000: a deflected direction (0.3-0.7 of the last one) or more patience
        // raise the bound by under 0.03 % but lead the repairs to worse plans
        double lambda = 2;
        int patience = 20;
        int stale = 0;
        int it = 0;
        while (it < maxIterations && lambda > 1e-4 && System.nanoTime() < deadline) {
            it++;
            knapsacks(u);
            Point pt = decide(u, fixed, true);
            if (pt.value() == INF) {
                return new Ascent(INF, u, it);
            }
            double ub = watcher.seen(pt, it);
            if (bestL == -INF || pt.value() > bestL + 1e-9 * Math.abs(bestL)) {
                bestL = pt.value();
                bestU = u.clone();
                stale = 0;
            } else if (++stale >= patience) {
                lambda /= 2;
                stale = 0;
            }
            if (ub < INF && ub - bestL <= gap * Math.max(1, Math.abs(ub))) {
                break;
            }
            double[] g = pt.subgradient();
            double norm = 0;
            for (int r = 0; r < nRows; r++) {
                norm += g[r] * g[r];
            }
            if (norm < 1e-12) {
                break;
            }
            double target = ub < INF ? ub : pt.value() + 0.05 * Math.max(1, Math.abs(pt.value()));
            double step = lambda * (target - pt.value()) / norm;
            for (int r = 0; r < nRows; r++) {
                u[r] += step * g[r];
            }
        }
        return new Ascent(bestL, bestU, it);
    }

    /** Sorts keys ascending, carrying the ints along (quicksort; insertion sort for short runs). */
    static void sort(double[] k, int[] v, int lo, int hi) {
        while (hi - lo > 16) {
            double pivot = k[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (k[i] < pivot) {
                    i++;
                }
                while (k[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double tk = k[i];
                    k[i] = k[j];
                    k[j] = tk;
                    int tv = v[i];
                    v[i] = v[j];
                    v[j] = tv;
                    i++;
                    j--;
                }
            }
            if (j - lo < hi - i) {
                sort(k, v, lo, j);
                lo = i;
            } else {
                sort(k, v, i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            double tk = k[i];
            int tv = v[i];
            int j = i - 1;
            while (j >= lo && k[j] > tk) {
                k[j + 1] = k[j];
                v[j + 1] = v[j];
                j--;
            }
            k[j + 1] = tk;
            v[j + 1] = tv;
        }
    }
}
