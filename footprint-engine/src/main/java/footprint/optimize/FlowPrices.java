package footprint.optimize;

import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import footprint.optimize.FrozenNetwork.Arc;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Demand prices for {@link NetworkLagrangian}'s descent from each year's transportation problem: the
 * plants that may run that year supply the markets' demand cells over their arcs, each plant up to
 * its capacity (and each platform line up to its own) at its fixed cost spread over its capacity,
 * each arc at its margin ({@link NetworkLagrangian#margins}: value less components at the cheapest
 * supply). Component capacity, tooling, local content, commitments and the plants' paths are left
 * out. It is a min-cost flow (OR-Tools' {@link MinCostFlow}), solved in seconds where the years' LP
 * relaxations of {@link Decomposition#prices} take minutes; a cell's price is what one more of its
 * vehicles is worth to the optimal flow, read from the node potentials of the residual graph.
 *
 * <p>Any prices give a valid bound; these give a closer one sooner where the plain start ({@link
 * NetworkLagrangian#start}) prices most demand out of reach (it values each cell at its best
 * plant's margin less that plant's fixed cost a vehicle, so most plants cannot cover their fixed
 * cost in the first steps). Money is rounded to integers after scaling, so a price is exact to
 * about one part in {@link #RESOLUTION} of the largest margin.
 */
final class FlowPrices {
    /** Costs are scaled so that the largest is about this many units. */
    static final double RESOLUTION = 1e7;

    /**
     * Flows are scaled so that the total demand of a year is about this many units (capacities are
     * cut to that demand: no plant can ship more), so that no cost of a flow overflows.
     */
    static final double FLOW_UNITS = 1e9;

    private FlowPrices() {}

    /**
     * The multipliers of {@code lag}: its {@link NetworkLagrangian#start} with the demand cells
     * priced by their year's transportation problem, the years on {@code threads} threads. A year
     * whose flow does not end optimal, or that starts after {@code deadline}, keeps the start.
     *
     * @return the multipliers, and how many years were priced
     */
    static Priced of(NetworkLagrangian lag, int threads, long deadline) {
        double[] margin = lag.margins();
        double[] y = lag.start(margin);
        int nT = lag.f.nT;
        AtomicInteger priced = new AtomicInteger();
        // the years write disjoint cells of y
        Decomposition.eachYear(nT, threads, t -> {
            if (System.nanoTime() < deadline && new Year(lag, margin, t).solve(y)) {
                priced.incrementAndGet();
            }
        });
        return new Priced(y, priced.get());
    }

    /** Multipliers, and the number of years whose demand cells the flows priced. */
    record Priced(double[] y, int years) {}

    /** One year's transportation problem. */
    private static final class Year {
        final NetworkLagrangian lag;
        final FrozenNetwork f;
        final double[] margin;
        final int t;

        Year(NetworkLagrangian lag, double[] margin, int t) {
            this.lag = lag;
            this.f = lag.f;
            this.margin = margin;
            this.t = t;
        }

        /** Writes the year's cell prices into y; returns whether the flow was optimal. */
        boolean solve(double[] y) {
            int nMK = f.nM * f.nK;
            // nodes: 0 source, 1 sink, then plants, lines and cells as they come
            int[] plantNode = new int[f.nP];
            int nodes = 2;
            double topCost = 0;
            double demand = 0;
            double[] perVehicle = new double[f.nP];
            for (int p = 0; p < f.nP; p++) {
                boolean runs = f.mayRun[p][t] && f.capacity[p][t] > 0;
                plantNode[p] = runs ? nodes++ : -1;
                if (runs) {
                    perVehicle[p] = lag.fixedPerVehicle(p, t);
                    topCost = Math.max(topCost, Math.abs(perVehicle[p]));
                }
            }
            int[] cellNode = new int[nMK];
            Arrays.fill(cellNode, -1);
            int[] lineNode = new int[f.nP * f.nF];
            Arrays.fill(lineNode, -1);
            // the arcs that can carry flow, of the plants that may run
            int[] usable = new int[64];
            int arcs = 0;
            for (int p = 0; p < f.nP; p++) {
                if (plantNode[p] < 0) {
                    continue;
                }
                for (int i : f.arcsByPlantYear[p][t]) {
                    if (!(margin[i] > Double.NEGATIVE_INFINITY) || lag.arcUb[i] <= 0) {
                        continue;
                    }
                    if (arcs == usable.length) {
                        usable = Arrays.copyOf(usable, 2 * arcs);
                    }
                    usable[arcs++] = i;
                    topCost = Math.max(topCost, Math.abs(margin[i]));
                    Arc a = f.arcs.get(i);
                    int mk = a.market() * f.nK + a.product();
                    if (cellNode[mk] < 0) {
                        cellNode[mk] = nodes++;
                        demand += lag.cellDemand[lag.cell(a.market(), a.product(), t)];
                    }
                    int pf = f.productPlatform[a.product()];
                    if (!Double.isNaN(f.lineCapacity[p][pf][t]) && lineNode[p * f.nF + pf] < 0) {
                        lineNode[p * f.nF + pf] = nodes++;
                    }
                }
            }
            if (arcs == 0 || demand <= 0) {
                return true;
            }
            double costScale = RESOLUTION / Math.max(topCost, 1e-9);
            double flowScale = FLOW_UNITS / demand;
            MinCostFlow mcf = new MinCostFlow(nodes, arcs + 2 * nodes);
            try {
                long total = units(demand, flowScale) + 1;
                mcf.addArcWithCapacityAndUnitCost(0, 1, total, 0);
                for (int p = 0; p < f.nP; p++) {
                    if (plantNode[p] >= 0) {
                        mcf.addArcWithCapacityAndUnitCost(
                                0,
                                plantNode[p],
                                units(Math.min(f.capacity[p][t], demand), flowScale),
                                money(perVehicle[p], costScale));
                    }
                }
                for (int p = 0; p < f.nP; p++) {
                    for (int pf = 0; pf < f.nF; pf++) {
                        int line = lineNode[p * f.nF + pf];
                        if (line >= 0) {
                            mcf.addArcWithCapacityAndUnitCost(
                                    plantNode[p],
                                    line,
                                    units(Math.min(f.lineCapacity[p][pf][t], demand), flowScale),
                                    0);
                        }
                    }
                }
                for (int j = 0; j < arcs; j++) {
                    int i = usable[j];
                    Arc a = f.arcs.get(i);
                    int p = a.plant();
                    int line = lineNode[p * f.nF + f.productPlatform[a.product()]];
                    mcf.addArcWithCapacityAndUnitCost(
                            line >= 0 ? line : plantNode[p],
                            cellNode[a.market() * f.nK + a.product()],
                            units(lag.arcUb[i], flowScale),
                            money(-margin[i], costScale));
                }
                // a cell's vehicles leave for the sink, each sold one sparing the cell a lost sale
                // (its lost value: 0 in NPV mode, the penalty in cost mode); where demand must be met
                // (cost mode without a penalty) at a gain that makes every supplier worth using
                long force = money(-(4 * topCost + 1), costScale);
                for (int mk = 0; mk < nMK; mk++) {
                    if (cellNode[mk] >= 0) {
                        int c = lag.cell(mk / f.nK, mk % f.nK, t);
                        double lost = lag.lostValue[c];
                        mcf.addArcWithCapacityAndUnitCost(
                                cellNode[mk],
                                1,
                                units(lag.cellDemand[c], flowScale),
                                Double.isNaN(lost) ? force : money(lost, costScale));
                    }
                }
                mcf.setNodeSupply(0, total);
                mcf.setNodeSupply(1, -total);
                if (mcf.solve() != MinCostFlowBase.Status.OPTIMAL) {
                    return false;
                }
                long[] pi = potentials(mcf, nodes);
                for (int mk = 0; mk < nMK; mk++) {
                    int node = cellNode[mk];
                    if (node < 0 || pi[node] == Long.MAX_VALUE) {
                        continue;
                    }
                    int c = lag.cell(mk / f.nK, mk % f.nK, t);
                    // one more vehicle delivered to the cell saves what the cheapest way to it costs
                    double price = -pi[node] / costScale;
                    y[c] = Double.isNaN(lag.lostValue[c]) ? price : Math.max(price, lag.lostValue[c]);
                }
                return true;
            } finally {
                mcf.delete();
            }
        }
    }

    /**
     * Shortest distances from the source in the residual graph of an optimal flow (Bellman-Ford with
     * a queue; an optimal flow leaves no negative cycle): potentials under which every residual arc
     * has a reduced cost of at least 0. Long.MAX_VALUE where a node cannot be reached.
     */
    static long[] potentials(MinCostFlow mcf, int nodes) {
        int na = mcf.getNumArcs();
        int[] first = new int[nodes];
        Arrays.fill(first, -1);
        int[] next = new int[2 * na];
        int[] head = new int[2 * na];
        long[] cost = new long[2 * na];
        int e = 0;
        for (int a = 0; a < na; a++) {
            long flow = mcf.getFlow(a);
            long unit = mcf.getUnitCost(a);
            int u = mcf.getTail(a);
            int v = mcf.getHead(a);
            if (flow < mcf.getCapacity(a)) {
                head[e] = v;
                cost[e] = unit;
                next[e] = first[u];
                first[u] = e++;
            }
            if (flow > 0) {
                head[e] = u;
                cost[e] = -unit;
                next[e] = first[v];
                first[v] = e++;
            }
        }
        long[] dist = new long[nodes];
        Arrays.fill(dist, Long.MAX_VALUE);
        boolean[] queued = new boolean[nodes];
        int[] queue = new int[nodes + 1];
        int qHead = 0;
        int qTail = 0;
        dist[0] = 0;
        queue[qTail++] = 0;
        queued[0] = true;
        while (qHead != qTail) {
            int u = queue[qHead];
            qHead = qHead + 1 == queue.length ? 0 : qHead + 1;
            queued[u] = false;
            for (int j = first[u]; j >= 0; j = next[j]) {
                int v = head[j];
                long d = dist[u] + cost[j];
                if (d < dist[v]) {
                    dist[v] = d;
                    if (!queued[v]) {
                        queued[v] = true;
                        queue[qTail] = v;
                        qTail = qTail + 1 == queue.length ? 0 : qTail + 1;
                    }
                }
            }
        }
        return dist;
    }

    private static long units(double amount, double scale) {
        return Math.max(0, Math.round(amount * scale));
    }

    private static long money(double amount, double scale) {
        return Math.round(amount * scale);
    }
}
