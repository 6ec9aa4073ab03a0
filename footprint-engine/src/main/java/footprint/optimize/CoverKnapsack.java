package footprint.optimize;

/**
 * The 0-1 covering knapsack of the Lagrangian subproblem in one-year cost networks: which plants to
 * run, at an extra cost delta[p] each, so that their capacities cover the demand that must be
 * served. Depth-first branch and bound, items in order of cost per unit of capacity, pruned by the
 * fractional (LP) bound; after too many nodes it returns the proved lower bound, which is what the
 * Lagrangian bound needs, with the best cover found.
 */
final class CoverKnapsack {
    private static final long NODE_LIMIT = 20_000;
    private static final double INF = Double.POSITIVE_INFINITY;

    private final double[] cost;
    private final double[] cap;
    private final int[] order;
    private final int n;
    private final boolean[] chosen;
    private boolean[] best;
    private double bestCost = INF;
    private long nodes;

    private CoverKnapsack(double[] cost, double[] cap, int[] order, int n) {
        this.cost = cost;
        this.cap = cap;
        this.order = order;
        this.n = n;
        chosen = new boolean[n];
    }

    /**
     * The least Σ delta·y with Σ cap·y ≥ need, y[p] = 1 where force is ON and 0 where OFF; +∞ if no
     * cover exists. Marks the cover in {@code take}. The value is a lower bound when the node
     * limit stops the search (then {@code take} is the best cover found).
     */
    static double solve(double[] delta, double[] cap, byte[] force, double need, boolean[] take) {
        int np = delta.length;
        double value = 0;
        double rest = need;
        int free = 0;
        int[] items = new int[np];
        for (int p = 0; p < np; p++) {
            take[p] = false;
            if (force[p] == Lagrangian.ON || (force[p] == Lagrangian.FREE && delta[p] <= 0)) {
                take[p] = true;
                value += force[p] == Lagrangian.ON ? 0 : delta[p];
                rest -= cap[p];
            } else if (force[p] == Lagrangian.FREE && cap[p] > 0) {
                items[free++] = p;
            }
        }
        if (rest <= 1e-9 * Math.max(1, need)) {
            return value;
        }
        double[] ratio = new double[free];
        double[] c = new double[free];
        double[] w = new double[free];
        int[] order = new int[free];
        for (int i = 0; i < free; i++) {
            ratio[i] = delta[items[i]] / cap[items[i]];
            order[i] = i;
        }
        Lagrangian.sort(ratio, order, 0, free - 1);
        int[] plant = new int[free];
        for (int i = 0; i < free; i++) {
            plant[i] = items[order[i]];
            c[i] = delta[plant[i]];
            w[i] = cap[plant[i]];
        }
        boolean equal = true;
        for (int i = 1; i < free; i++) {
            equal &= w[i] == w[0];
        }
        if (equal && free > 0) {
            // one capacity: the cheapest ceil(rest / capacity) plants (sorted by cost already)
            int count = (int) Math.ceil(rest / w[0] - 1e-9);
            if (count > free) {
                return INF;
            }
            for (int i = 0; i < count; i++) {
                take[plant[i]] = true;
                value += c[i];
            }
            return value;
        }
        CoverKnapsack k = new CoverKnapsack(c, w, plant, free);
        double root = k.fractional(0, rest);
        if (root == INF) {
            return INF;
        }
        k.search(0, rest, 0);
        if (k.best == null) {
            // stopped before any cover: the greedy one (a cover exists: the fractional bound is finite)
            k.best = new boolean[free];
            double r = rest;
            for (int i = 0; i < free && r > 1e-9; i++) {
                k.best[i] = true;
                r -= w[i];
            }
        }
        for (int i = 0; i < free; i++) {
            take[plant[i]] = k.best[i];
        }
        double lower = k.nodes >= NODE_LIMIT ? root : k.bestCost;
        return value + lower;
    }

    /** The fractional bound: items from i on, in order, the last one in part. */
    private double fractional(int i, double rest) {
        double v = 0;
        for (int j = i; j < n; j++) {
            if (cap[j] >= rest) {
                return v + cost[j] * rest / cap[j];
            }
            v += cost[j];
            rest -= cap[j];
        }
        return INF;
    }

    private void search(int i, double rest, double spent) {
        if (rest <= 1e-9) {
            if (spent < bestCost) {
                bestCost = spent;
                best = chosen.clone();
            }
            return;
        }
        if (i >= n || ++nodes >= NODE_LIMIT) {
            return;
        }
        double bound = spent + fractional(i, rest);
        if (bound >= bestCost - 1e-9 * Math.abs(bestCost)) {
            return;
        }
        chosen[i] = true;
        search(i + 1, rest - cap[i], spent + cost[i]);
        chosen[i] = false;
        search(i + 1, rest, spent);
    }
}
