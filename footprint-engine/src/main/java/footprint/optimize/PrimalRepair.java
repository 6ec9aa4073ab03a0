package footprint.optimize;

import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverResponseStatus;
import com.google.ortools.linearsolver.MPVariableProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans of a facility-location-shaped network ({@link Lagrangian}) from a choice of the plant-years
 * that run: each year's flows are a transportation LP over the running plants (GLOP), the other
 * states the cheapest path the choice allows. Then greedy moves: run more plant-years while capacity
 * is short, stop one while the plan gets cheaper. The plan's values are laid out by the MILP's
 * variable indices, ready to be a hint or the answer.
 */
final class PrimalRepair {
    private final Lagrangian lag;
    private final FrozenNetwork f;
    private final Formulation form;
    /** Each year's transportation cost by the set of plants running that year (null: infeasible). */
    private final Map<String, Year> years = new HashMap<>();

    private final String highsParameters;

    int evaluations;

    /** A plan: its value (minimisation sense), which plant-years run, and every variable's value. */
    @SuppressWarnings("ArrayRecordComponent") // handed on once
    record Incumbent(double value, boolean[][] running, double[] values) {}

    private record Year(double value, int[] arcs, double[] flows, int[] lostRows, double[] lost) {}

    /**
     * @param threads HiGHS's thread count (0: its default); HiGHS keeps the count of its first solve
     *     in a process, so it must be the MILP's
     */
    PrimalRepair(Lagrangian lag, int threads) {
        this.highsParameters = Optimizer.quietHighs(threads);
        this.lag = lag;
        this.f = lag.f;
        this.form = lag.form;
    }

    /** The plan where exactly these plant-years run, or null if none exists. */
    Incumbent evaluate(boolean[][] running) {
        double value = lag.constant;
        Year[] ys = new Year[f.nT];
        for (int t = 0; t < f.nT; t++) {
            ys[t] = year(running, t);
            if (ys[t] == null) {
                return null;
            }
            value += ys[t].value();
        }
        int[][] paths = new int[f.nP][f.nT];
        for (int p = 0; p < f.nP; p++) {
            byte[] fixed = new byte[f.nT];
            for (int t = 0; t < f.nT; t++) {
                fixed[t] = running[p][t] ? Lagrangian.ON : Lagrangian.OFF;
            }
            double v = lag.path(p, fixed, paths[p], false);
            if (v == Double.POSITIVE_INFINITY) {
                return null;
            }
            value += v;
        }
        return new Incumbent(value, copy(running), values(ys, paths));
    }

    private Year year(boolean[][] running, int t) {
        StringBuilder key = new StringBuilder().append(t).append(':');
        for (int p = 0; p < f.nP; p++) {
            key.append(running[p][t] ? '1' : '0');
        }
        String k = key.toString();
        if (years.containsKey(k)) {
            return years.get(k);
        }
        Year y = solveYear(running, t);
        years.put(k, y);
        return y;
    }

    /** The transportation problem of year t over the running plants. */
    private Year solveYear(boolean[][] running, int t) {
        evaluations++;
        int[] sinkOf = new int[lag.nRows];
        int n = 0;
        for (int r = 0; r < lag.nRows; r++) {
            sinkOf[r] = lag.rowYear[r] == t ? n++ : -1;
        }
        int[] rowOfSink = new int[n];
        double[] demand = new double[n];
        double[] lostCost = new double[n];
        for (int r = 0; r < lag.nRows; r++) {
            if (sinkOf[r] >= 0) {
                rowOfSink[sinkOf[r]] = r;
                demand[sinkOf[r]] = lag.rowDemand[r];
                lostCost[sinkOf[r]] = lag.rowLostCost[r];
            }
        }
        int k = 0;
        int m = 0;
        for (int p = 0; p < f.nP; p++) {
            if (running[p][t] && f.arcsByPlantYear[p][t].length > 0) {
                k++;
                m += f.arcsByPlantYear[p][t].length;
            }
        }
        double[] cap = new double[k];
        int[] src = new int[m];
        int[] dst = new int[m];
        double[] cost = new double[m];
        int[] arcs = new int[m];
        int i = 0;
        int j = 0;
        for (int p = 0; p < f.nP; p++) {
            if (!running[p][t] || f.arcsByPlantYear[p][t].length == 0) {
                continue;
            }
            cap[i] = f.capacity[p][t];
            for (int a : f.arcsByPlantYear[p][t]) {
                src[j] = i;
                dst[j] = sinkOf[lag.arcRow[a]];
                cost[j] = lag.arcCost[a];
                arcs[j] = a;
                j++;
            }
            i++;
        }
        MPModelProto.Builder model = MPModelProto.newBuilder();
        MPConstraintProto.Builder[] rows = new MPConstraintProto.Builder[n + k];
        for (int s = 0; s < n; s++) {
            rows[s] = MPConstraintProto.newBuilder().setLowerBound(demand[s]).setUpperBound(demand[s]);
        }
        for (int q = 0; q < k; q++) {
            rows[n + q] = MPConstraintProto.newBuilder()
                    .setLowerBound(Double.NEGATIVE_INFINITY)
                    .setUpperBound(cap[q]);
        }
        for (int a = 0; a < m; a++) {
            model.addVariable(MPVariableProto.newBuilder()
                    .setLowerBound(0)
                    .setUpperBound(demand[dst[a]])
                    .setObjectiveCoefficient(cost[a]));
            rows[dst[a]].addVarIndex(a).addCoefficient(1);
            rows[n + src[a]].addVarIndex(a).addCoefficient(1);
        }
        int[] lostVar = new int[n];
        int v = m;
        for (int s = 0; s < n; s++) {
            lostVar[s] = -1;
            if (!Double.isNaN(lostCost[s])) {
                model.addVariable(MPVariableProto.newBuilder()
                        .setLowerBound(0)
                        .setUpperBound(demand[s])
                        .setObjectiveCoefficient(lostCost[s]));
                rows[s].addVarIndex(v).addCoefficient(1);
                lostVar[s] = v++;
            }
        }
        for (MPConstraintProto.Builder r : rows) {
            model.addConstraint(r);
        }
        MPSolutionResponse res = MPSolver.solveWithProto(MPModelRequest.newBuilder()
                .setModel(model)
                .setSolverType(MPModelRequest.SolverType.HIGHS_LINEAR_PROGRAMMING)
                .setSolverSpecificParameters(highsParameters)
                .build());
        if (res.getStatus() != MPSolverResponseStatus.MPSOLVER_OPTIMAL || res.getVariableValueCount() != v) {
            return null;
        }
        double[] flows = new double[m];
        for (int a = 0; a < m; a++) {
            flows[a] = Math.max(0, res.getVariableValue(a));
        }
        int lostCount = 0;
        for (int s = 0; s < n; s++) {
            if (lostVar[s] >= 0) {
                lostCount++;
            }
        }
        int[] lostRows = new int[lostCount];
        double[] lost = new double[lostCount];
        int c = 0;
        for (int s = 0; s < n; s++) {
            if (lostVar[s] >= 0) {
                lostRows[c] = rowOfSink[s];
                lost[c] = Math.max(0, res.getVariableValue(lostVar[s]));
                c++;
            }
        }
        return new Year(res.getObjectiveValue(), arcs, flows, lostRows, lost);
    }

    /** The plan's values by the MILP's variable indices. */
    private double[] values(Year[] ys, int[][] paths) {
        double[] v = new double[form.solver.numVariables()];
        for (Year y : ys) {
            for (int i = 0; i < y.arcs().length; i++) {
                v[form.flow[y.arcs()[i]].index()] = y.flows()[i];
            }
            for (int i = 0; i < y.lostRows().length; i++) {
                int r = y.lostRows()[i];
                v[form.lost[lag.rowMarket[r]][lag.rowProduct[r]][lag.rowYear[r]].index()] = y.lost()[i];
            }
        }
        for (int p = 0; p < f.nP; p++) {
            int before = lag.prior[p];
            for (int t = 0; t < f.nT; t++) {
                int s = paths[p][t];
                v[form.run[p][t].index()] = s == Lagrangian.RUN ? 1 : 0;
                v[form.idle[p][t].index()] = s == Lagrangian.IDLE ? 1 : 0;
                v[form.closed[p][t].index()] = s == Lagrangian.CLOSED ? 1 : 0;
                boolean closes = s == Lagrangian.CLOSED && before != Lagrangian.CLOSED;
                boolean reopens = s == Lagrangian.RUN && before != Lagrangian.RUN;
                double cc = lag.sign * form.solver.objective().getCoefficient(form.closes[p][t]);
                double rc = lag.sign * form.solver.objective().getCoefficient(form.reopens[p][t]);
                v[form.closes[p][t].index()] = closes || cc < 0 ? 1 : 0;
                v[form.reopens[p][t].index()] = reopens || rc < 0 ? 1 : 0;
                before = s;
            }
        }
        return v;
    }

    /**
     * A plan from the plant-years a Lagrangian subproblem runs: while some year lacks capacity,
     * run the plant-year whose knapsack earns most per unit of capacity; then improve by greedy
     * moves ({@link #improve}) is the caller's choice. Null if no plan is found.
     */
    Incumbent repair(int[][] state) {
        boolean[][] running = new boolean[f.nP][f.nT];
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                running[p][t] = state[p][t] == Lagrangian.RUN;
            }
        }
        for (int t = 0; t < f.nT; t++) {
            double have = 0;
            for (int p = 0; p < f.nP; p++) {
                have += running[p][t] && f.arcsByPlantYear[p][t].length > 0 ? f.capacity[p][t] : 0;
            }
            while (have < lag.must[t] - 1e-9) {
                int pick = -1;
                double best = Double.POSITIVE_INFINITY;
                for (int p = 0; p < f.nP; p++) {
                    if (running[p][t] || !lag.allowed[p][t][Lagrangian.RUN] || f.arcsByPlantYear[p][t].length == 0) {
                        continue;
                    }
                    double per = (lag.stateCost[p][t][Lagrangian.RUN] + lag.knapsack(p, t)) / f.capacity[p][t];
                    if (per < best) {
                        best = per;
                        pick = p;
                    }
                }
                if (pick < 0) {
                    break;
                }
                running[pick][t] = true;
                have += f.capacity[pick][t];
            }
        }
        return evaluate(running);
    }

    /**
     * Local search: every move (stop a running plant-year, start one, or swap the two in a year) is
     * ranked by an estimate that ignores capacities (each market served by its cheapest running
     * plant, plus the fixed costs), and the best few by estimate are solved exactly; the first that
     * makes the plan cheaper is taken, until none does or time runs out.
     */
    Incumbent improve(Incumbent start, long deadline) {
        Incumbent best = start;
        while (System.nanoTime() < deadline) {
            List<double[]> moves = new ArrayList<>();
            for (int t = 0; t < f.nT; t++) {
                rankMoves(best.running(), t, moves);
            }
            // two rankings, interleaved: the estimate, and the Lagrangian's value of running
            List<double[]> byEstimate = new ArrayList<>(moves);
            byEstimate.sort((x, y) -> Double.compare(x[0], y[0]));
            List<double[]> byLagrangian = new ArrayList<>(moves);
            byLagrangian.sort((x, y) -> Double.compare(lagrangianChange(x), lagrangianChange(y)));
            List<double[]> order = new ArrayList<>();
            java.util.Set<double[]> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (int i = 0; i < moves.size(); i++) {
                if (taken.add(byEstimate.get(i))) {
                    order.add(byEstimate.get(i));
                }
                if (taken.add(byLagrangian.get(i))) {
                    order.add(byLagrangian.get(i));
                }
            }
            boolean better = false;
            for (int i = 0; i < Math.min(EXACT_PER_ROUND, order.size()) && System.nanoTime() < deadline; i++) {
                double[] mv = order.get(i);
                int t = (int) mv[1];
                boolean[][] r = copy(best.running());
                if (mv[2] >= 0) {
                    r[(int) mv[2]][t] = false;
                }
                if (mv[3] >= 0) {
                    r[(int) mv[3]][t] = true;
                }
                Incumbent c = evaluate(r);
                if (c != null && c.value() < best.value() - 1e-9 * Math.max(1, Math.abs(best.value()))) {
                    best = c;
                    better = true;
                    break;
                }
            }
            if (!better) {
                break;
            }
        }
        return best;
    }

    /** Moves tried exactly per round of {@link #improve}, best estimate first. */
    private static final int EXACT_PER_ROUND = 150;

    /**
     * Adds the moves of year t as {estimated change, t, plant stopped or −1, plant started or −1}.
     * The estimate: fixed-cost change plus, per market, the change of its cheapest running plant.
     */
    private void rankMoves(boolean[][] running, int t, List<double[]> moves) {
        int[] rows = rowsOfYear(t);
        int nr = rows.length;
        double[] first = new double[nr];
        double[] second = new double[nr];
        int[] firstPlant = new int[nr];
        int[] local = new int[lag.nRows];
        for (int i = 0; i < nr; i++) {
            local[rows[i]] = i;
            double lost = lag.rowLostCost[rows[i]];
            first[i] = Double.isNaN(lost) ? BIG : lost;
            second[i] = first[i];
            firstPlant[i] = -1;
        }
        double capacity = 0;
        for (int p = 0; p < f.nP; p++) {
            if (!running[p][t]) {
                continue;
            }
            capacity += f.arcsByPlantYear[p][t].length > 0 ? f.capacity[p][t] : 0;
            for (int a : f.arcsByPlantYear[p][t]) {
                int i = local[lag.arcRow[a]];
                double c = lag.arcCost[a];
                if (c < first[i]) {
                    second[i] = first[i];
                    first[i] = c;
                    firstPlant[i] = p;
                } else if (c < second[i]) {
                    second[i] = c;
                }
            }
        }
        double[] cost = new double[nr];
        boolean[] reach = new boolean[nr];
        for (int p = 0; p < f.nP; p++) {
            double fixed = runCost(p, t);
            double cap = f.arcsByPlantYear[p][t].length > 0 ? f.capacity[p][t] : 0;
            if (running[p][t]) {
                if (!canStop(p, t)) {
                    continue;
                }
                // what stopping p alone changes
                double drop = -fixed;
                for (int i = 0; i < nr; i++) {
                    if (firstPlant[i] == p) {
                        drop += lag.rowDemand[rows[i]] * (second[i] - first[i]);
                    }
                }
                if (capacity - cap >= lag.must[t] - 1e-9) {
                    moves.add(new double[] {drop, t, p, -1});
                }
                continue;
            }
            if (!lag.allowed[p][t][Lagrangian.RUN] || f.arcsByPlantYear[p][t].length == 0) {
                continue;
            }
            // what starting q = p gains per market, then with each running plant stopped
            Arrays.fill(reach, false);
            double add = fixed;
            for (int a : f.arcsByPlantYear[p][t]) {
                int i = local[lag.arcRow[a]];
                cost[i] = lag.arcCost[a];
                reach[i] = true;
                if (cost[i] < first[i]) {
                    add += lag.rowDemand[rows[i]] * (cost[i] - first[i]);
                }
            }
            moves.add(new double[] {add, t, -1, p});
            for (int q = 0; q < f.nP; q++) {
                if (!running[q][t] || !canStop(q, t)) {
                    continue;
                }
                double qcap = f.arcsByPlantYear[q][t].length > 0 ? f.capacity[q][t] : 0;
                if (capacity - qcap + cap < lag.must[t] - 1e-9) {
                    continue;
                }
                double swap = fixed - runCost(q, t);
                for (int a : f.arcsByPlantYear[p][t]) {
                    int i = local[lag.arcRow[a]];
                    double base = firstPlant[i] == q ? second[i] : first[i];
                    swap += lag.rowDemand[rows[i]] * (Math.min(base, cost[i]) - first[i]);
                }
                for (int i = 0; i < nr; i++) {
                    if (firstPlant[i] == q && !reach[i]) {
                        swap += lag.rowDemand[rows[i]] * (second[i] - first[i]);
                    }
                }
                moves.add(new double[] {swap, t, q, p});
            }
        }
    }

    private static final double BIG = 1e30;

    /** A move's change of the Lagrangian value of running (fixed cost plus knapsack) at the last multipliers. */
    private double lagrangianChange(double[] mv) {
        int t = (int) mv[1];
        double v = 0;
        if (mv[2] >= 0) {
            int p = (int) mv[2];
            v -= lag.stateCost[p][t][Lagrangian.RUN] + lag.knapsack(p, t);
        }
        if (mv[3] >= 0) {
            int q = (int) mv[3];
            v += lag.stateCost[q][t][Lagrangian.RUN] + lag.knapsack(q, t);
        }
        return v;
    }

    private int[] rowsOfYear(int t) {
        int n = 0;
        for (int r = 0; r < lag.nRows; r++) {
            n += lag.rowYear[r] == t ? 1 : 0;
        }
        int[] out = new int[n];
        n = 0;
        for (int r = 0; r < lag.nRows; r++) {
            if (lag.rowYear[r] == t) {
                out[n++] = r;
            }
        }
        return out;
    }

    /** What running plant p in year t costs beyond its cheapest other state that year. */
    private double runCost(int p, int t) {
        double other = Double.POSITIVE_INFINITY;
        if (lag.allowed[p][t][Lagrangian.IDLE]) {
            other = lag.stateCost[p][t][Lagrangian.IDLE];
        }
        if (lag.allowed[p][t][Lagrangian.CLOSED]) {
            other = Math.min(other, lag.stateCost[p][t][Lagrangian.CLOSED]);
        }
        return lag.stateCost[p][t][Lagrangian.RUN] - (other == Double.POSITIVE_INFINITY ? 0 : other);
    }

    private boolean canStop(int p, int t) {
        return lag.allowed[p][t][Lagrangian.IDLE] || lag.allowed[p][t][Lagrangian.CLOSED];
    }

    static boolean[][] copy(boolean[][] a) {
        boolean[][] c = new boolean[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = Arrays.copyOf(a[i], a[i].length);
        }
        return c;
    }
}
