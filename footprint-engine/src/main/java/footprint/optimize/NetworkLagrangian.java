package footprint.optimize;

import static footprint.optimize.Lagrangian.CLOSED;
import static footprint.optimize.Lagrangian.IDLE;
import static footprint.optimize.Lagrangian.RUN;

import footprint.model.Objective;
import footprint.optimize.FrozenNetwork.Arc;
import footprint.optimize.FrozenNetwork.SupplyArc;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A Lagrangian bound on the MILP of any frozen network, built from its arrays without a solver, for
 * networks whose full model does not fit in memory ({@link Technique#DECOMPOSITION}; XL: 13.4
 * million arcs). In the maximisation sense (cost mode negated), five families of rows are relaxed,
 * each with its multiplier: the demand rows (λ[m,k,t], free), the component plants' capacity rows
 * (μ[q,t] ≥ 0), the minimum-output rows (ν ≥ 0), the local-content rows (ρ[rule,m,t] ≥ 0) and the
 * local-supply rows under them (σ[p,c,bloc,t] ≥ 0). What is left splits by plant:
 *
 * <pre>
 *   L = Σ_{m,k,t} [λ·demand + max(0, v_lost − λ)·demand] + Σ_{q,t} μ·capacity[q,t]
 *     + Σ_p max over plant p's paths of Σ_t [state payoff + tooling payoff
 *                                            + (running ? K[p,t,S] − Σ ν·minOutput : 0)]
 *     + the constant (component plants' fixed costs)
 *   K[p,t,S] = max Σ_a r_a·x_a  s.t.  Σ_a x_a ≤ capacity[p,t],  Σ_{a on f} x_a ≤ line[p,f,t],
 *                                    0 ≤ x_a ≤ demand, x_a = 0 on an optional platform not in S
 *   r_a = v_a − Σ_c bom[k,c]·min_q (unit cost and freight from q + μ[q,t] − σ[p,c,bloc(q),t])
 *         − λ[m,k,t] + Σ ν[p,t] + Σ_rules ρ·(local assembly value − share·price)
 *         + Σ_c bom[k,c]·max(0, Σ_rules ρ·value[c,t] − σ[p,c,bloc(m),t])   (where local supply exists)
 * </pre>
 *
 * (the last term is the local-use variable u ≤ bom·x at its best). A path gives the plant a state
 * each year (running, idle, closed; closed only to closed or running, closure and reopening paid as
 * the model pays them, the year before the horizon in its prior state) and a growing set S of
 * optional platforms tooled, within the statuses and decisions given and the commitments' minimum
 * jobs; dynamic programming over the years finds the best path exactly (at most {@link
 * #MAX_OPTIONS} optional platforms a plant, so at most 3·2⁶ states a year). K is a knapsack whose
 * capacities nest (plant, then platform line, then arc), so filling the arcs of highest reduced
 * profit first solves it (each line's best arcs up to its capacity, merged where the lines overflow
 * the plant). Every L, at any multipliers of the right signs, is an upper bound of the
 * MILP (a lower bound in cost mode). Rows other than demand are relaxed divided by a scale (a
 * component's most units a vehicle, a market's top price) so that one step moves them alike; deflected
 * subgradient steps (Polyak's, towards a target) move the multipliers ({@link #descend}).
 */
final class NetworkLagrangian {
    /** Optional platforms a plant may have for the exact dynamic programme. */
    static final int MAX_OPTIONS = 6;

    private static final double INF = Double.POSITIVE_INFINITY;

    final FrozenNetwork f;
    /** +1 in NPV mode (maximised), −1 in cost mode. */
    final double sign;

    // arcs
    final int nA;
    /** Each arc's value per vehicle, maximisation sense, before components; −∞ where it cannot flow. */
    final double[] value;

    final int[] arcCell;
    final int[] arcProduct;
    /** [p]: the products of plant p's arcs, each once. */
    final int[][] plantProducts;
    /** [p]: the platforms of those products, each once. */
    private final int[][] plantPlatforms;
    /**
     * The arcs of each plant-year side by side (those of (p, t) from {@code yearStart[p·nT + t]}),
     * with their value, product and cell's slot in the same order: the subproblem's pass over them
     * reads memory in sequence.
     */
    private final int[] yearStart;

    private final int[] yearArc;
    private final double[] yearValue;
    private final int[] yearProduct;
    /**
     * Each arc's cell as a slot of {@link #slotCell}: the cells with demand year by year, so that a
     * plant-year's pass reads its cells' prices from one year's block (on XL 0.7 MB, against 87 MB
     * for every cell of every year in the multipliers' own order).
     */
    private final int[] yearSlot;

    /** The cell of each slot, year by year; the last slot has none (its price is 0). */
    private final int[] slotCell;
    /** Each supply arc's component plant. */
    private final int[] supplyPlant;

    final double[] arcUb;
    // demand cells: (m·nK + k)·nT + t
    final int nCells;
    final double[] cellDemand;
    /** The value of a vehicle lost (maximisation sense); NaN where the cell has no lost variable. */
    final double[] lostValue;
    // component supply
    /** The cost of a unit over each supply arc (positive is a cost); +∞ where stopped. */
    final double[] supplyCost;
    /** Component plant capacity per (q·nT + t); +∞ where no row. */
    final double[] componentCap;
    // plants
    /** The optional platforms of each plant. */
    final int[][] options;
    /** [p][t]: bit s set when state s is allowed. */
    final int[][] allowedStates;
    /** [p][t]: option bits that must be tooled / may be tooled. */
    final int[][] toolMust;

    final int[][] toolMay;
    /** Payoffs of the states (maximisation sense). */
    final double[][] runPayoff;

    final double[][] idlePayoff;
    final double[][] closurePayoff;
    final double[][] reopeningPayoff;
    /** [p][t][slot]: the tooling variable's payoff. */
    final double[][][] toolPayoff;

    final int[] prior;
    /** [p][platform]: the platform's bit among the plant's options, −1 if it is not an option. */
    final int[][] slot;
    /** The constant of the objective (maximisation sense). */
    final double constant;

    private final ForkJoinPool pool;
    /** The flows and gradient of the last {@link #evaluate}, overwritten by the next. */
    private double[] flowWork;

    /** The cells' prices by slot at the last {@link #evaluate}, overwritten by the next. */
    private double[] priceWork;

    private double[] gradientWork;

    /**
     * Why this network cannot be served (null when it can): a plant with more optional platforms than
     * the dynamic programme enumerates.
     */
    static String notApplicable(FrozenNetwork f) {
        for (int p = 0; p < f.nP; p++) {
            int n = 0;
            for (int pf = 0; pf < f.nF; pf++) {
                if (f.tooling[p][pf] == FrozenNetwork.Tooling.OPTION) {
                    n++;
                }
            }
            if (n > MAX_OPTIONS) {
                return "plant " + f.plantId[p] + " has " + n + " optional platforms (at most " + MAX_OPTIONS + ")";
            }
        }
        return null;
    }

    NetworkLagrangian(FrozenNetwork f, int threads) {
        this.f = f;
        this.sign = f.mode == Objective.NPV ? 1 : -1;
        this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
        boolean npv = f.mode == Objective.NPV;
        nA = f.arcs.size();
        nCells = f.nM * f.nK * f.nT;
        value = new double[nA];
        arcCell = new int[nA];
        arcProduct = new int[nA];
        arcUb = new double[nA];
        for (Arc a : f.arcs) {
            int i = a.index();
            int cell = cell(a.market(), a.product(), a.year());
            double dem = f.demand[a.market()][a.product()][a.year()];
            arcCell[i] = cell;
            arcProduct[i] = a.product();
            arcUb[i] = f.arcStopped.get(i) ? 0 : dem;
            value[i] = arcUb[i] > 0 ? sign * Formulation.arcObjective(f, a) : Double.NEGATIVE_INFINITY;
        }
        cellDemand = new double[nCells];
        lostValue = new double[nCells];
        for (int m = 0; m < f.nM; m++) {
            for (int k = 0; k < f.nK; k++) {
                for (int t = 0; t < f.nT; t++) {
                    int cell = cell(m, k, t);
                    double dem = f.demand[m][k][t];
                    cellDemand[cell] = Math.max(0, dem);
                    boolean allowed = dem > 0 && (npv || !Double.isNaN(f.penalty[m][t]));
                    lostValue[cell] = !allowed ? Double.NaN : npv ? 0 : -f.discount[t] * f.penalty[m][t];
                }
            }
        }
        yearStart = new int[f.nP * f.nT + 1];
        yearArc = new int[nA];
        yearValue = new double[nA];
        yearProduct = new int[nA];
        int slots = 0;
        int[] cellSlot = new int[nCells]; // the last slot for a cell without demand
        for (int cell = 0; cell < nCells; cell++) {
            slots += cellDemand[cell] > 0 ? 1 : 0;
        }
        slotCell = new int[slots + 1];
        Arrays.fill(cellSlot, slots);
        slotCell[slots] = -1;
        slots = 0;
        for (int t = 0; t < f.nT; t++) {
            for (int cell = t; cell < nCells; cell += f.nT) {
                if (cellDemand[cell] > 0) {
                    slotCell[slots] = cell;
                    cellSlot[cell] = slots++;
                }
            }
        }
        yearSlot = new int[nA];
        int at = 0;
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                yearStart[p * f.nT + t] = at;
                for (int i : f.arcsByPlantYear[p][t]) {
                    yearArc[at] = i;
                    yearValue[at] = value[i];
                    yearProduct[at] = arcProduct[i];
                    yearSlot[at] = cellSlot[arcCell[i]];
                    at++;
                }
            }
        }
        yearStart[f.nP * f.nT] = at;
        supplyPlant = new int[f.supplyArcs.size()];
        for (SupplyArc sa : f.supplyArcs) {
            supplyPlant[sa.index()] = sa.componentPlant();
        }
        plantProducts = new int[f.nP][];
        java.util.BitSet made = new java.util.BitSet(f.nK);
        for (int p = 0; p < f.nP; p++) {
            made.clear();
            for (int[] arcs : f.arcsByPlantYear[p]) {
                for (int i : arcs) {
                    made.set(arcProduct[i]);
                }
            }
            plantProducts[p] = made.stream().toArray();
        }
        plantPlatforms = new int[f.nP][];
        java.util.BitSet platforms = new java.util.BitSet(f.nF);
        for (int p = 0; p < f.nP; p++) {
            platforms.clear();
            for (int k : plantProducts[p]) {
                platforms.set(f.productPlatform[k]);
            }
            plantPlatforms[p] = platforms.stream().toArray();
        }
        supplyCost = new double[f.supplyArcs.size()];
        for (SupplyArc s : f.supplyArcs) {
            int t = s.year();
            supplyCost[s.index()] = f.supplyStopped.get(s.index())
                    ? INF
                    : f.discount[t]
                            * f.ownership[s.plant()]
                            * (f.componentUnitCost[s.componentPlant()][t] + s.freightPerUnit());
        }
        componentCap = new double[f.nQ * f.nT];
        Arrays.fill(componentCap, INF);
        for (int q = 0; q < f.nQ; q++) {
            for (int t = 0; t < f.nT; t++) {
                if (f.supplyByComponentPlantYear[q][t].length > 0) {
                    componentCap[q * f.nT + t] = f.componentCapacity[q][t];
                }
            }
        }
        double fixedQ = 0;
        for (int q = 0; q < f.nQ; q++) {
            for (int t = 0; t < f.nT; t++) {
                fixedQ -= f.discount[t] * f.componentPlantOwnership[q] * f.componentFixedCost[q][t];
            }
        }
        constant = fixedQ;
        options = new int[f.nP][];
        allowedStates = new int[f.nP][f.nT];
        toolMust = new int[f.nP][f.nT];
        toolMay = new int[f.nP][f.nT];
        runPayoff = new double[f.nP][f.nT];
        idlePayoff = new double[f.nP][f.nT];
        closurePayoff = new double[f.nP][f.nT];
        reopeningPayoff = new double[f.nP][f.nT];
        toolPayoff = new double[f.nP][f.nT][];
        prior = new int[f.nP];
        slot = new int[f.nP][f.nF];
        for (int p = 0; p < f.nP; p++) {
            int n = 0;
            Arrays.fill(slot[p], -1);
            for (int pf = 0; pf < f.nF; pf++) {
                if (f.tooling[p][pf] == FrozenNetwork.Tooling.OPTION) {
                    slot[p][pf] = n++;
                }
            }
            options[p] = new int[n];
            for (int pf = 0; pf < f.nF; pf++) {
                if (slot[p][pf] >= 0) {
                    options[p][slot[p][pf]] = pf;
                }
            }
            prior[p] = Lagrangian.stateIndex(f.priorStatus[p]);
            for (int t = 0; t < f.nT; t++) {
                double w = f.discount[t] * f.ownership[p];
                runPayoff[p][t] = -w * f.fixedCost[p][t];
                idlePayoff[p][t] = -w * f.idleCost[p][t];
                closurePayoff[p][t] = -w * f.closureCost[p][t];
                reopeningPayoff[p][t] = -w * f.reopeningCost[p][t];
                allowedStates[p][t] = 7;
                toolPayoff[p][t] = new double[n];
                for (int o = 0; o < n; o++) {
                    int pf = options[p][o];
                    double pay = f.ownership[p] * f.discount[t] * f.investment[p][pf][t];
                    double next = t + 1 < f.nT ? f.ownership[p] * f.discount[t + 1] * f.investment[p][pf][t + 1] : 0;
                    toolPayoff[p][t][o] = -(pay - next);
                    if (t >= f.earliestTooling[p][pf]) {
                        toolMay[p][t] |= 1 << o;
                    }
                }
            }
        }
        for (FrozenNetwork.StateRule s : f.stateRules) {
            int bit = 1
                    << switch (s.status()) {
                        case RUNNING -> RUN;
                        case IDLE -> IDLE;
                        case CLOSED -> CLOSED;
                    };
            allowedStates[s.plant()][s.year()] &= s.force() ? bit : ~bit;
        }
        for (FrozenNetwork.CommitmentRow cr : f.commitments) {
            if (Double.isNaN(cr.minJobs())) {
                continue;
            }
            int p = cr.plant();
            int t = cr.year();
            if (f.workforce[p] < cr.minJobs()) {
                allowedStates[p][t] &= ~(1 << RUN);
            }
            if (f.idleWorkforce[p] < cr.minJobs()) {
                allowedStates[p][t] &= ~(1 << IDLE);
            }
            if (0 < cr.minJobs()) {
                allowedStates[p][t] &= ~(1 << CLOSED);
            }
        }
        for (FrozenNetwork.ToolRule r : f.toolRules) {
            int o = slot[r.plant()][r.platform()];
            if (o < 0) {
                continue;
            }
            if (r.force()) {
                toolMust[r.plant()][r.year()] |= 1 << o;
            } else {
                toolMay[r.plant()][r.year()] &= ~(1 << o);
            }
        }
        nB = f.blocs.size();
        atCapacity = nCells;
        atOutput = atCapacity + f.nQ * f.nT;
        atLocal = atOutput + f.commitments.size();
        atSupply = atLocal + f.localRows.size();
        size = atSupply + f.nP * f.nC * nB * f.nT;
        scale = new double[size];
        Arrays.fill(scale, 1);
        double[] perVehicle = new double[f.nC];
        for (int k = 0; k < f.nK; k++) {
            for (int c = 0; c < f.nC; c++) {
                perVehicle[c] = Math.max(perVehicle[c], f.bom[k][c]);
            }
        }
        for (int c = 0; c < f.nC; c++) {
            if (!(perVehicle[c] > 0)) {
                perVehicle[c] = 1;
            }
        }
        for (int q = 0; q < f.nQ; q++) {
            for (int t = 0; t < f.nT; t++) {
                scale[atCapacity + q * f.nT + t] = perVehicle[f.componentOf[q]];
            }
        }
        outputRows = new int[f.nP][f.nT][0];
        for (int ci = 0; ci < f.commitments.size(); ci++) {
            FrozenNetwork.CommitmentRow cr = f.commitments.get(ci);
            if (!Double.isNaN(cr.minOutput())) {
                int[] old = outputRows[cr.plant()][cr.year()];
                outputRows[cr.plant()][cr.year()] = Arrays.copyOf(old, old.length + 1);
                outputRows[cr.plant()][cr.year()][old.length] = ci;
            }
        }
        localRowsOf = new int[f.nM * f.nT][];
        boolean[][] ruledBloc = new boolean[f.nT][nB];
        for (int l = 0; l < f.localRows.size(); l++) {
            FrozenNetwork.LocalRow lr = f.localRows.get(l);
            int m = lr.market();
            int t = lr.year();
            double top = 0;
            for (int k = 0; k < f.nK; k++) {
                if (f.demand[m][k][t] > 0) {
                    top = Math.max(top, f.price[m][k][t]);
                }
            }
            scale[atLocal + l] = top > 0 ? top : 1;
            if (f.arcsByMarketYear[m][t].length == 0) {
                continue;
            }
            int[] old = localRowsOf[m * f.nT + t] == null ? new int[0] : localRowsOf[m * f.nT + t];
            localRowsOf[m * f.nT + t] = Arrays.copyOf(old, old.length + 1);
            localRowsOf[m * f.nT + t][old.length] = l;
            ruledBloc[t][f.marketBloc[m]] = true;
        }
        arcLocal = new int[nA];
        Arrays.fill(arcLocal, -1);
        int ruledArcs = 0;
        int coefficients = 0;
        for (Arc a : f.arcs) {
            int[] ruled = localRowsOf[a.market() * f.nT + a.year()];
            if (ruled != null) {
                arcLocal[a.index()] = ruledArcs++;
                coefficients += ruled.length;
            }
        }
        localArcMarket = new int[ruledArcs];
        localStart = new int[ruledArcs + 1];
        localCoefficients = new double[coefficients];
        for (Arc a : f.arcs) {
            int j = arcLocal[a.index()];
            if (j < 0) {
                continue;
            }
            int[] ruled = localRowsOf[a.market() * f.nT + a.year()];
            localArcMarket[j] = a.market();
            for (int x = 0; x < ruled.length; x++) {
                localCoefficients[localStart[j] + x] = localCoefficient(ruled[x], a);
            }
            localStart[j + 1] = localStart[j] + ruled.length;
        }
        localSupplyRow = new java.util.BitSet();
        for (SupplyArc sa : f.supplyArcs) {
            int q = sa.componentPlant();
            int c = f.componentOf[q];
            int b = f.componentPlantBloc[q];
            if (f.supplied[c] && ruledBloc[sa.year()][b]) {
                int si = supplyIndex(sa.plant(), c, b, sa.year());
                localSupplyRow.set(si);
                scale[atSupply + si] = perVehicle[c];
            }
        }
        // the multipliers that can move: a cell without demand has no arc that may flow, so its
        // subgradient is 0 at every step (on XL nine cells in ten: 1.1 million of 10.9 million have demand)
        int demanded = slotCell.length - 1; // a slot for each cell with demand, and the empty one
        activeCells = demanded;
        active = new int[demanded + (atSupply - atCapacity) + localSupplyRow.cardinality()];
        int n = 0;
        for (int cell = 0; cell < nCells; cell++) {
            if (cellDemand[cell] > 0) {
                active[n++] = cell;
            }
        }
        for (int i = atCapacity; i < atSupply; i++) {
            active[n++] = i;
        }
        for (int si = localSupplyRow.nextSetBit(0); si >= 0; si = localSupplyRow.nextSetBit(si + 1)) {
            active[n++] = atSupply + si;
        }
        yearLocal = new int[nA];
        for (int j = 0; j < nA; j++) {
            yearLocal[j] = arcLocal[yearArc[j]];
        }
        flowing = new int[f.nP][];
        flowingN = new int[f.nP];
    }

    /**
     * The multipliers whose subgradient may be other than 0, in increasing order: first the {@link
     * #activeCells} cells with demand, then every row of component capacity, minimum output and
     * local content, then the local supply rows that exist. The others keep their first value.
     */
    private final int[] active;

    private final int activeCells;
    /** {@link #arcLocal} in the order of {@link #yearArc}, for the subproblem's pass. */
    private final int[] yearLocal;

    /**
     * [p]: the arcs to which plant p's path gave a flow at the last {@link #evaluate}, the first
     * flowingN[p] (written by p's pass alone): the next pass clears those flows and no others, and
     * the demand rows' subgradient subtracts them.
     */
    private final int[][] flowing;

    private final int[] flowingN;

    // ---- the multipliers: one vector, in sections; rows scaled so that a step moves each alike ----

    /** Where each section of the multiplier vector starts: demand, component capacity, minimum output, local content, local supply. */
    final int atCapacity;

    final int atOutput;
    final int atLocal;
    final int atSupply;
    /** Length of the multiplier vector. */
    final int size;
    /** Each multiplier's row scale: the row is relaxed divided by it. */
    final double[] scale;

    /** [p][t]: the minimum-output commitment rows of the plant-year. */
    final int[][][] outputRows;
    /** [m·nT + t]: the local-content rows of the market-year (null: none). */
    final int[][] localRowsOf;
    /** Trade blocs. */
    final int nB;
    /** Each arc's place among the arcs into a ruled market-year (−1: none). */
    final int[] arcLocal;
    /** Of each such arc: its market, and where its coefficients (one a rule of the cell) start. */
    final int[] localArcMarket;

    final int[] localStart;
    final double[] localCoefficients;
    /** [((p·nC + c)·nB + b)·nT + t]: whether the local-supply row exists. */
    final java.util.BitSet localSupplyRow;

    private int supplyIndex(int p, int c, int b, int t) {
        return ((p * f.nC + c) * nB + b) * f.nT + t;
    }

    /** The first multipliers: each demand row at the best margin of a vehicle of it, the others 0. */
    double[] start() {
        return start(margins());
    }

    /** {@link #start} from the arcs' {@link #margins}, where the caller has them already. */
    double[] start(double[] margin) {
        double[] y = new double[size];
        Arrays.fill(y, 0, nCells, Double.NEGATIVE_INFINITY);
        // each cell at its best margin less the plant's fixed cost per vehicle of capacity: a plant
        // is then worth running only where it beats the best by more than its fixed cost
        for (Arc a : f.arcs) {
            int i = a.index();
            int p = a.plant();
            int t = a.year();
            y[arcCell[i]] = Math.max(y[arcCell[i]], margin[i] - START_SHARE * fixedPerVehicle(p, t));
        }
        for (int cell = 0; cell < nCells; cell++) {
            if (!Double.isNaN(lostValue[cell])) {
                y[cell] = Math.max(y[cell], lostValue[cell]);
            }
            if (!(y[cell] > Double.NEGATIVE_INFINITY) || cellDemand[cell] <= 0) {
                y[cell] = 0;
            }
        }
        return y;
    }

    /** Plant p's fixed cost of running in year t spread over its capacity (0 without capacity). */
    double fixedPerVehicle(int p, int t) {
        return f.capacity[p][t] > 0 ? -runPayoff[p][t] / f.capacity[p][t] : 0;
    }

    /**
     * Each arc's margin (maximisation sense): its value less its components at the cheapest supply;
     * −∞ where it cannot flow.
     */
    double[] margins() {
        double[][][] cheapest = ColumnGeneration.cheapestComponents(f);
        double[] margin = new double[nA];
        for (Arc a : f.arcs) {
            double cost = 0;
            for (int c = 0; c < f.nC; c++) {
                double units = f.bom[a.product()][c];
                if (units > 0 && f.supplied[c]) {
                    cost += units * cheapest[a.plant()][c][a.year()];
                }
            }
            margin[a.index()] = value[a.index()] - cost;
        }
        return margin;
    }

    /** A local-content row's coefficient on arc a: the local assembly value less the share of the price. */
    double localCoefficient(int row, Arc a) {
        FrozenNetwork.LocalRow lr = f.localRows.get(row);
        int m = lr.market();
        int t = lr.year();
        int k = a.product();
        double local = 0;
        if (f.plantBloc[a.plant()] == f.marketBloc[m]) {
            local = f.price[m][k][t];
            for (int c = 0; c < f.nC; c++) {
                if (f.supplied[c]) {
                    local -= f.bom[k][c] * f.componentValue[c][t];
                }
            }
            local = Math.max(0, local);
        }
        return local - lr.minShare() * f.price[m][k][t];
    }

    /**
     * The subproblem's answer at one point.
     *
     * @param bound L(y), maximisation sense (+∞ if a plant has no allowed path)
     * @param flow each arc's flow (valid until the next evaluate: the array is reused)
     * @param state [p][t] the state chosen
     * @param tools [p][t] the option bits tooled
     * @param gradient each relaxed row's slack (scaled), a subgradient of L (valid until the next
     *     evaluate)
     */
    record Point(double bound, double[] flow, int[][] state, int[][] tools, double[] gradient) {}

    /** The demand cell of market m, product k and year t: its multiplier's place in y. */
    int cell(int m, int k, int t) {
        return (m * f.nK + k) * f.nT + t;
    }

    /** The cells' multipliers in y by slot (into {@code into} where it is given), the last slot 0. */
    private double[] slotPrices(double[] y, double[] into) {
        double[] prices = into != null ? into : new double[slotCell.length];
        int n = slotCell.length - 1;
        sum(n, 0, (from, to, sums) -> {
            for (int j = from; j < to; j++) {
                prices[j] = y[slotCell[j]];
            }
        });
        prices[n] = 0;
        return prices;
    }

    /** Solves the subproblem at multipliers y. */
    Point evaluate(double[] y) {
        if (flowWork == null) {
            flowWork = new double[nA];
            gradientWork = new double[size];
        } else {
            // the cells' entries are set below, every flow by its plant's pass
            for (int j = activeCells; j < active.length; j++) {
                gradientWork[active[j]] = 0;
            }
        }
        double[] flow = flowWork;
        double[] g = gradientWork;
        double[] prices = slotPrices(y, priceWork);
        priceWork = prices;
        int[][] state = new int[f.nP][];
        int[][] tools = new int[f.nP][];
        // supply used per (p, t, c) and from which supply arc
        double[][][] units = new double[f.nP][f.nT][f.nC];
        int[][][] from = new int[f.nP][f.nT][f.nC];
        double[] plantValue = new double[f.nP];
        AtomicInteger infeasible = new AtomicInteger();
        onPool(IntStream.range(0, f.nP), p -> {
            Scratch s = scratch.get();
            double v = plant(p, y, prices, flow, units[p], from[p], g, s);
            if (Double.isNaN(v)) {
                infeasible.incrementAndGet();
            }
            plantValue[p] = v;
            state[p] = s.pathState.clone();
            tools[p] = s.pathTools.clone();
        });
        if (infeasible.get() > 0) {
            return new Point(INF, flow, state, tools, g);
        }
        double bound = constant;
        for (double v : plantValue) {
            bound += v;
        }
        // demand rows: dem − Σ x − lost, cell by cell
        bound += sum(activeCells, 1, (lo, hi, sums) -> {
            for (int j = lo; j < hi; j++) {
                int cell = active[j];
                double dem = cellDemand[cell];
                double l = y[cell];
                double gc = dem;
                sums[0] += l * dem;
                if (!Double.isNaN(lostValue[cell]) && lostValue[cell] > l) {
                    sums[0] += (lostValue[cell] - l) * dem;
                    gc = 0;
                }
                g[cell] = gc;
            }
        })[0];
        // less the flows, plant by plant in order (the same sums on any number of threads)
        for (int p = 0; p < f.nP; p++) {
            int[] list = flowing[p];
            for (int j = 0; j < flowingN[p]; j++) {
                g[arcCell[list[j]]] -= flow[list[j]];
            }
        }
        // component capacity rows: (capacity − Σ y) / scale
        for (int qt = 0; qt < f.nQ * f.nT; qt++) {
            if (componentCap[qt] < INF) {
                bound += y[atCapacity + qt] / scale[atCapacity + qt] * componentCap[qt];
                g[atCapacity + qt] += componentCap[qt] / scale[atCapacity + qt];
            }
        }
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                for (int c = 0; c < f.nC; c++) {
                    if (units[p][t][c] > 0) {
                        int qt = atCapacity + f.supplyArcs.get(from[p][t][c]).componentPlant() * f.nT + t;
                        g[qt] -= units[p][t][c] / scale[qt];
                    }
                }
            }
        }
        // local-content rows: Σ coefficient·x + Σ value·u, scaled (u as the plant pass chose it)
        for (int l = 0; l < f.localRows.size(); l++) {
            FrozenNetwork.LocalRow lr = f.localRows.get(l);
            for (int i : f.arcsByMarketYear[lr.market()][lr.year()]) {
                if (flow[i] > 0) {
                    Arc a = f.arcs.get(i);
                    double v = localCoefficient(l, a) * flow[i];
                    int b = f.marketBloc[lr.market()];
                    for (int c = 0; c < f.nC; c++) {
                        double u = f.bom[a.product()][c];
                        if (u > 0 && f.supplied[c] && usesLocal(y, a.plant(), c, b, lr.market(), lr.year())) {
                            v += f.componentValue[c][lr.year()] * u * flow[i];
                        }
                    }
                    g[atLocal + l] += v / scale[atLocal + l];
                }
            }
        }
        return new Point(bound, flow, state, tools, g);
    }

    /** Adds arc a to plant p's {@link #flowing} arcs. */
    private void keepFlowing(int p, int a) {
        int[] list = flowing[p];
        int n = flowingN[p];
        if (list == null || list.length == n) {
            list = flowing[p] = list == null ? new int[64] : Arrays.copyOf(list, 2 * n);
        }
        list[n] = a;
        flowingN[p] = n + 1;
    }

    /** Whether u[p,c,m,t] is at its upper bound: it exists and its credit is above 0. */
    private boolean usesLocal(double[] y, int p, int c, int b, int m, int t) {
        int si = supplyIndex(p, c, b, t);
        if (!localSupplyRow.get(si)) {
            return false;
        }
        double rho = 0;
        for (int l : localRowsOf[m * f.nT + t]) {
            rho += y[atLocal + l] / scale[atLocal + l];
        }
        return rho > 0 && rho * f.componentValue[c][t] - y[atSupply + si] / scale[atSupply + si] > 0;
    }

    /**
     * What a descent found.
     *
     * @param bound the best (lowest) L seen, maximisation sense
     * @param y the multipliers where it was seen
     * @param point the subproblem's answer there
     * @param iterations subproblems solved
     */
    record Descent(double bound, double[] y, Point point, int iterations) {}

    /** Called after each step with the iteration and the point; returns false to stop. */
    interface Watcher {
        boolean step(int iteration, Point point, double best);
    }

    /**
     * Subgradient descent on L from y0 (copied, not changed), in two phases.
     *
     * <ol>
     *   <li>Each demand price moves by a step of its own, in the direction its row's subgradient
     *       says (resilient steps, Riedmiller and Braun's Rprop): the step starts at {@link
     *       #PRICE_STEP} of the price, grows by {@link #PRICE_STEP_UP} while its row keeps the same
     *       sign and is cut by {@link #PRICE_STEP_DOWN} when the sign turns, so that a price
     *       oscillating about the value where its cell's plants break even settles there, and the
     *       others keep moving. The other rows take the second phase's steps meanwhile.
     *   <li>After {@link #PATIENCE} steps without a better L, from the best multipliers seen: a
     *       deflected subgradient with Polyak's step θ·(L − target)/|d|² towards {@code target} (a
     *       value of some plan, maximisation sense; NaN: 2 % below the best L seen), θ halved after
     *       {@link #PATIENCE} steps without a better L.
     * </ol>
     *
     * One step for all 1.1 million demand prices of XL moves them too far or not far enough: from
     * the flows' prices the deflected subgradient alone came to 9.16e12 after 400 steps and 8.98e12
     * after 2,000; with the first phase 8.89e12 after 400 (LL over twelve years after 1,000 steps:
     * 2.3351e12 against 2.3426e12). On small networks the first phase stalls sooner, and the second
     * takes over where the subgradient alone would be (L after 2,000 steps 0.33 % above the optimum
     * against 0.31 %; the first phase alone 0.55 %).
     *
     * @param gap stop once the best L is within this of the target
     * @param deadline System.nanoTime() by which to stop
     */
    Descent descend(double[] y0, double target, double gap, int maxIterations, long deadline, Watcher w) {
        double[] y = y0.clone();
        double best = INF;
        double[] bestY = y.clone();
        Point bestPoint = null;
        double theta = 1;
        double[] d = new double[size];
        // the first phase: each demand price's own step, and its row's last subgradient
        double[] priceStep = new double[activeCells];
        double[] lastSlack = new double[activeCells];
        double mean = 0;
        for (int j = 0; j < activeCells; j++) {
            mean += Math.abs(y[active[j]]) / activeCells;
        }
        for (int j = 0; j < activeCells; j++) {
            double a = Math.abs(y[active[j]]);
            priceStep[j] = PRICE_STEP * (a > 0 ? a : mean);
        }
        boolean ownSteps = ownPriceSteps && activeCells > 0 && mean > 0;
        int stale = 0;
        int it = 0;
        while (it < maxIterations && System.nanoTime() < deadline) {
            Point pt = evaluate(y);
            it++;
            if (pt.bound() == INF) {
                return new Descent(INF, y, pt, it);
            }
            if (best == INF || pt.bound() < best - 1e-12 * Math.abs(best)) {
                boolean much = best == INF || pt.bound() < best - 1e-6 * Math.abs(best);
                best = pt.bound();
                sum(active.length, 0, (from, to, sums) -> {
                    for (int j = from; j < to; j++) {
                        bestY[active[j]] = y[active[j]];
                    }
                });
                bestPoint = pt;
                if (much) {
                    stale = 0;
                }
            } else {
                stale++;
            }
            if (w != null && !w.step(it, pt, best)) {
                break;
            }
            double aim = Double.isNaN(target) ? best - 0.02 * Math.abs(best) : target;
            if (best - aim <= gap * Math.max(1, Math.abs(aim))) {
                break;
            }
            if (stale >= PATIENCE && ownSteps) {
                // the second phase, from the best multipliers seen
                ownSteps = false;
                stale = 0;
                sum(active.length, 0, (from, to, sums) -> {
                    for (int j = from; j < to; j++) {
                        y[active[j]] = bestY[active[j]];
                        d[active[j]] = 0;
                    }
                });
                continue;
            }
            if (stale >= PATIENCE) {
                theta /= 2;
                stale = 0;
                if (theta < 1e-4) {
                    break;
                }
            }
            double[] g = pt.gradient();
            // deflected direction (Camerini, Fratta and Maffioli): d = g + β·d_previous
            double[] dots = sum(active.length, 2, (from, to, sums) -> {
                for (int j = from; j < to; j++) {
                    int i = active[j];
                    if (i >= atCapacity && y[i] <= 0 && g[i] > 0) {
                        g[i] = 0; // the projection holds this multiplier at 0
                    }
                    sums[0] += g[i] * d[i];
                    sums[1] += d[i] * d[i];
                }
            });
            double gd = dots[0];
            double dd = dots[1];
            double beta = dd > 0 && gd < 0 ? -DEFLECTION * gd / dd : 0;
            double norm = sum(active.length, 1, (from, to, sums) -> {
                for (int j = from; j < to; j++) {
                    int i = active[j];
                    d[i] = g[i] + beta * d[i];
                    sums[0] += d[i] * d[i];
                }
            })[0];
            if (norm == 0) {
                break; // the subproblem's answer keeps every relaxed row: L is the optimum
            }
            double step = theta * (pt.bound() - aim) / norm;
            int own = ownSteps ? activeCells : 0;
            sum(active.length, 0, (from, to, sums) -> {
                for (int j = from; j < to; j++) {
                    int i = active[j];
                    if (j < own) {
                        double turn = g[i] * lastSlack[j];
                        if (turn > 0) {
                            priceStep[j] *= PRICE_STEP_UP;
                        } else if (turn < 0) {
                            priceStep[j] *= PRICE_STEP_DOWN;
                        }
                        lastSlack[j] = g[i];
                        y[i] -= Math.signum(g[i]) * priceStep[j]; // demand prices are free
                        continue;
                    }
                    double v = y[i] - step * d[i];
                    y[i] = i < atCapacity ? v : Math.max(0, v);
                }
            });
        }
        return new Descent(best, bestY, bestPoint, it);
    }

    /** Runs {@code work} for each index, in parallel on the pool when there is one, and waits. */
    private void onPool(IntStream indices, java.util.function.IntConsumer work) {
        if (pool == null) {
            indices.forEach(work);
        } else {
            pool.submit(() -> indices.parallel().forEach(work)).join();
        }
    }

    /** Work on the index range [from, to) that adds into {@code sums}. */
    private interface Chunk {
        void run(int from, int to, double[] sums);
    }

    /** Indices per chunk of {@link #sum}: chunks fixed by n alone, so that the sums do not depend on the threads. */
    private static final int CHUNK = 1 << 15;

    /**
     * Runs {@code work} over [0, n) in chunks, on the pool when there is one; returns the chunks'
     * {@code k} sums added in the chunks' order (the same figures on any number of threads).
     */
    private double[] sum(int n, int k, Chunk work) {
        int chunks = Math.max(1, (n + CHUNK - 1) / CHUNK);
        double[][] part = new double[chunks][k];
        onPool(IntStream.range(0, chunks), c -> work.run(c * CHUNK, Math.min(n, (c + 1) * CHUNK), part[c]));
        double[] total = new double[k];
        for (double[] p : part) {
            for (int i = 0; i < k; i++) {
                total[i] += p[i];
            }
        }
        return total;
    }

    /** The share of the fixed cost per vehicle taken off the first multipliers. */
    static final double START_SHARE = 1;

    /**
     * Whether {@link #descend} starts with each demand price's own steps. Not final: a test turns it
     * off to measure what that phase gives.
     */
    static boolean ownPriceSteps = true;

    /** A demand price's first step in the first phase of {@link #descend}, a share of the price. */
    static final double PRICE_STEP = 0.05;

    /** A demand price's step grows by this while its row's subgradient keeps its sign. */
    static final double PRICE_STEP_UP = 1.2;

    /** A demand price's step shrinks by this when its row's subgradient turns. */
    static final double PRICE_STEP_DOWN = 0.5;

    /** Steps without a better bound before θ is halved (and before the first phase ends). */
    static final int PATIENCE = 60;

    /** The weight of the last direction in the next (Camerini, Fratta and Maffioli's 1.5). */
    static final double DEFLECTION = 1.5;

    /** Work space of one thread. */
    private static final class Scratch {
        double[] r = new double[256];
        int[] idx = new int[256];
        double[] lineLeft;
        double[] productCost;
        double[] best;
        int[] bestFrom;
        double[][] knap; // [t][S]
        double[][] dp; // [t][state·nS + S]
        int[][] back;
        int[] pathState;
        int[] pathTools;
        /** Each year's candidates, kept from the first pass for the second. */
        double[][] candR;

        int[][] candIdx;
        int[] candN;
        /**
         * Each year's candidates grouped by line (the plant's platforms in {@code plantPlatforms}
         * order): line j's from lineStart[t][j]; its first arcs up to lineEnd[t][j] fill it (or the
         * plant), the one taken in part last, all best first once lineSorted[t][j], and make
         * lineUnits[t][j] vehicles worth lineValue[t][j]; the arcs after lineEnd are never taken.
         */
        int[][] lineStart;

        int[][] lineEnd;
        boolean[][] lineSorted;
        double[][] lineUnits;
        double[][] lineValue;
        /** [platform]: its line among the plant's, while a plant is solved. */
        int[] lineOf;
        /** A line's next arc while lines are merged. */
        int[] head;

        int[][] bestFromT;
    }

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(this::newScratch);

    private Scratch newScratch() {
        Scratch s = new Scratch();
        s.lineLeft = new double[f.nF];
        s.productCost = new double[f.nK];
        s.best = new double[f.nC];
        s.bestFrom = new int[f.nC];
        s.knap = new double[f.nT][1 << MAX_OPTIONS];
        s.dp = new double[f.nT][3 << MAX_OPTIONS];
        s.back = new int[f.nT][3 << MAX_OPTIONS];
        s.pathState = new int[f.nT];
        s.pathTools = new int[f.nT];
        s.candR = new double[f.nT][64];
        s.candIdx = new int[f.nT][64];
        s.candN = new int[f.nT];
        int lines = 1;
        for (int[] pl : plantPlatforms) {
            lines = Math.max(lines, pl.length);
        }
        s.lineStart = new int[f.nT][lines + 1];
        s.lineEnd = new int[f.nT][lines];
        s.lineSorted = new boolean[f.nT][lines];
        s.lineUnits = new double[f.nT][lines];
        s.lineValue = new double[f.nT][lines];
        s.lineOf = new int[f.nF];
        s.head = new int[lines];
        s.bestFromT = new int[f.nT][f.nC];
        return s;
    }

    /**
     * Plant p's best path: its value (NaN when no path is allowed), its flows written into {@code
     * flow}, its components into {@code units} and {@code from}, its rows' slacks into {@code g},
     * the path into the scratch.
     */
    private double plant(
            int p, double[] y, double[] prices, double[] flow, double[][] units, int[][] from, double[] g, Scratch s) {
        int nO = options[p].length;
        int nS = 1 << nO;
        // the plant's flows of the last evaluation cleared; its path's are written at the end
        int[] before = flowing[p];
        for (int j = 0; j < flowingN[p]; j++) {
            flow[before[j]] = 0;
        }
        flowingN[p] = 0;
        int[] plats = plantPlatforms[p];
        for (int j = 0; j < plats.length; j++) {
            s.lineOf[plats[j]] = j;
        }
        for (int t = 0; t < f.nT; t++) {
            s.candN[t] = candidates(p, t, y, prices, s);
            lines(p, t, s);
            // running also earns the minimum-output rows' multipliers
            double output = 0;
            for (int ci : outputRows[p][t]) {
                output -= y[atOutput + ci] * f.commitments.get(ci).minOutput();
            }
            for (int set = 0; set < nS; set++) {
                s.knap[t][set] = toolsAllowed(p, t, set) ? knapsack(p, t, set, s, null) + output : Double.NaN;
            }
            System.arraycopy(s.bestFrom, 0, s.bestFromT[t], 0, f.nC);
        }
        double best = path(p, s.knap, null, s);
        if (Double.isNaN(best)) {
            return best;
        }
        for (int t = 0; t < f.nT; t++) {
            if (s.pathState[t] != RUN) {
                continue;
            }
            int n = s.candN[t];
            int[] cand = s.candIdx[t];
            knapsack(p, t, s.pathTools[t], s, flow);
            double total = 0;
            for (int i = 0; i < n; i++) {
                int a = cand[i];
                double x = flow[a];
                if (x <= 0) {
                    continue;
                }
                keepFlowing(p, a);
                total += x;
                int k = arcProduct[a];
                for (int c = 0; c < f.nC; c++) {
                    double u = f.bom[k][c];
                    if (u > 0 && f.supplied[c]) {
                        units[t][c] += u * x;
                    }
                }
                if (arcLocal[a] >= 0) {
                    int m = localArcMarket[arcLocal[a]];
                    int b = f.marketBloc[m];
                    for (int c = 0; c < f.nC; c++) {
                        double u = f.bom[k][c];
                        if (u > 0 && f.supplied[c] && usesLocal(y, p, c, b, m, t)) {
                            int si = supplyIndex(p, c, b, t);
                            g[atSupply + si] -= u * x / scale[atSupply + si];
                        }
                    }
                }
            }
            for (int c = 0; c < f.nC; c++) {
                from[t][c] = s.bestFromT[t][c];
                if (units[t][c] > 0) {
                    int q = f.supplyArcs.get(from[t][c]).componentPlant();
                    int si = supplyIndex(p, c, f.componentPlantBloc[q], t);
                    if (localSupplyRow.get(si)) {
                        g[atSupply + si] += units[t][c] / scale[atSupply + si];
                    }
                }
            }
            for (int ci : outputRows[p][t]) {
                g[atOutput + ci] = total - f.commitments.get(ci).minOutput();
            }
        }
        return best;
    }

    /**
     * Plant p's cheapest path by its own costs alone (fixed, idle, closure, reopening, tooling) of
     * those its rules allow that run in every year of {@code mustRun} and tool at least the option
     * bits {@code mustTool[t]} in year t: {states, tools}, or null where no such path is allowed.
     */
    int[][] leanestPath(int p, boolean[] mustRun, int[] mustTool) {
        Scratch s = scratch.get();
        int nS = 1 << options[p].length;
        double[][] gain = new double[f.nT][nS];
        int[] states = new int[f.nT];
        for (int t = 0; t < f.nT; t++) {
            states[t] = mustRun[t] ? 1 << RUN : 7;
            for (int set = 0; set < nS; set++) {
                boolean ok = (set & mustTool[t]) == mustTool[t] && toolsAllowed(p, t, set);
                gain[t][set] = ok ? 0 : Double.NaN;
            }
        }
        if (Double.isNaN(path(p, gain, states, s))) {
            return null;
        }
        return new int[][] {s.pathState.clone(), s.pathTools.clone()};
    }

    /**
     * Plant p's best path into the scratch (pathState, pathTools) and its value: the dynamic
     * programme over (state, tool set), year by year. {@code gain[t][set]} is what running in year t
     * with tool set {@code set} earns beyond the plant's own payoffs (NaN where that set is not
     * allowed that year, in any state); {@code states[t]}, where given, narrows the states its rules
     * allow in year t. NaN where no path is allowed.
     */
    private double path(int p, double[][] gain, int[] states, Scratch s) {
        int nO = options[p].length;
        int nS = 1 << nO;
        for (int t = 0; t < f.nT; t++) {
            double[] dp = s.dp[t];
            int[] back = s.back[t];
            int allowed = states == null ? allowedStates[p][t] : allowedStates[p][t] & states[t];
            for (int st = 0; st < 3; st++) {
                for (int set = 0; set < nS; set++) {
                    int at = st * nS + set;
                    dp[at] = Double.NaN;
                    if ((allowed & (1 << st)) == 0 || Double.isNaN(gain[t][set])) {
                        continue;
                    }
                    double here = switch (st) {
                        case RUN -> runPayoff[p][t] + gain[t][set];
                        case IDLE -> idlePayoff[p][t];
                        default -> 0;
                    };
                    for (int o = 0; o < nO; o++) {
                        if ((set & (1 << o)) != 0) {
                            here += toolPayoff[p][t][o];
                        }
                    }
                    double bestPrev = Double.NaN;
                    int bestAt = -1;
                    if (t == 0) {
                        if (!(prior[p] == CLOSED && st == IDLE)) {
                            bestPrev = transition(p, t, prior[p], st);
                        }
                    } else {
                        double[] prev = s.dp[t - 1];
                        for (int ps = 0; ps < 3; ps++) {
                            if (ps == CLOSED && st == IDLE) {
                                continue;
                            }
                            for (int pset = set; ; pset = (pset - 1) & set) {
                                double v = prev[ps * nS + pset];
                                if (!Double.isNaN(v)) {
                                    v += transition(p, t, ps, st);
                                    if (Double.isNaN(bestPrev) || v > bestPrev) {
                                        bestPrev = v;
                                        bestAt = ps * nS + pset;
                                    }
                                }
                                if (pset == 0) {
                                    break;
                                }
                            }
                        }
                    }
                    if (!Double.isNaN(bestPrev)) {
                        dp[at] = here + bestPrev;
                        back[at] = bestAt;
                    }
                }
            }
        }
        double best = Double.NaN;
        int at = -1;
        double[] last = s.dp[f.nT - 1];
        for (int i = 0; i < 3 * nS; i++) {
            if (!Double.isNaN(last[i]) && (Double.isNaN(best) || last[i] > best)) {
                best = last[i];
                at = i;
            }
        }
        if (at < 0) {
            return Double.NaN;
        }
        for (int t = f.nT - 1; t >= 0; t--) {
            s.pathState[t] = at / nS;
            s.pathTools[t] = at % nS;
            at = s.back[t][at];
        }
        return best;
    }

    /**
     * Whether a path (a state and a set of option bits a year) is one the subproblem of plant p may
     * take: the states allowed each year, no closed plant going idle, the tooling growing and within
     * the decisions given.
     */
    boolean allows(int p, int[] states, int[] tools) {
        for (int t = 0; t < f.nT; t++) {
            int before = t == 0 ? prior[p] : states[t - 1];
            if ((allowedStates[p][t] & (1 << states[t])) == 0 || before == CLOSED && states[t] == IDLE) {
                return false;
            }
            if (!toolsAllowed(p, t, tools[t])) {
                return false;
            }
            if (t > 0 && (tools[t - 1] & ~tools[t]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether plant p may have the option bits {@code set} tooled in year t: those it must, none it may not. */
    private boolean toolsAllowed(int p, int t, int set) {
        return (set & toolMust[p][t]) == toolMust[p][t] && (set & ~toolMay[p][t]) == 0;
    }

    /** The payoff of moving from state {@code from} (the year before) to {@code to} in year t. */
    private double transition(int p, int t, int from, int to) {
        double v = 0;
        double close = closurePayoff[p][t];
        double reopen = reopeningPayoff[p][t];
        // a payoff above 0 (a negative cost) is taken whatever happens: the variable sits at 1
        v += close > 0 ? close : to == CLOSED && from != CLOSED ? close : 0;
        v += reopen > 0 ? reopen : to == RUN && from != RUN ? reopen : 0;
        return v;
    }

    /**
     * Plant-year (p, t)'s arcs of positive reduced profit into the scratch (idx, r), in no order;
     * their count. Also the cheapest supplier of each component (s.best, s.bestFrom).
     */
    private int candidates(int p, int t, double[] y, double[] prices, Scratch s) {
        Arrays.fill(s.best, INF);
        Arrays.fill(s.bestFrom, -1);
        for (int si : f.supplyByPlantYear[p][t]) {
            int q = supplyPlant[si];
            int c = f.componentOf[q];
            int qt = atCapacity + q * f.nT + t;
            double v = supplyCost[si] + y[qt] / scale[qt];
            int li = supplyIndex(p, c, f.componentPlantBloc[q], t);
            if (localSupplyRow.get(li)) {
                v -= y[atSupply + li] / scale[atSupply + li];
            }
            if (v < s.best[c]) {
                s.best[c] = v;
                s.bestFrom[c] = si;
            }
        }
        double output = 0;
        for (int ci : outputRows[p][t]) {
            output += y[atOutput + ci];
        }
        // each product's components at the cheapest supply, for the plant's products only
        for (int k : plantProducts[p]) {
            double cost = 0;
            for (int c = 0; c < f.nC; c++) {
                double u = f.bom[k][c];
                if (u > 0 && f.supplied[c]) {
                    cost += u * s.best[c];
                }
            }
            s.productCost[k] = cost;
        }
        int from = yearStart[p * f.nT + t];
        int len = yearStart[p * f.nT + t + 1] - from;
        if (s.r.length < len) {
            s.r = new double[Math.max(len, 2 * s.r.length)];
            s.idx = new int[s.r.length];
        }
        // first every arc's reduced profit without branches, so that the loads of the multipliers
        // (scattered over the cells) overlap; on XL this loop is still the largest part of a step
        double[] rs = s.r;
        double[] cost = s.productCost;
        for (int i = 0; i < len; i++) {
            int at = from + i;
            rs[i] = yearValue[at] - cost[yearProduct[at]] - prices[yearSlot[at]] + output;
        }
        // then the local-content terms, and the positive ones moved to the front (n ≤ i)
        int n = 0;
        for (int i = 0; i < len; i++) {
            int a = yearArc[from + i];
            double r = rs[i]; // −∞ for an arc that cannot flow, whatever is added below
            int j = yearLocal[from + i];
            if (j >= 0) {
                // local content: the rules' multipliers on the flow, and the credit of its components
                int k = arcProduct[a];
                int m = localArcMarket[j];
                int[] ruled = localRowsOf[m * f.nT + t];
                double rho = 0;
                for (int x = 0; x < ruled.length; x++) {
                    int l = atLocal + ruled[x];
                    double yl = y[l] / scale[l];
                    rho += yl;
                    r += yl * localCoefficients[localStart[j] + x];
                }
                if (rho > 0) {
                    int b = f.marketBloc[m];
                    for (int c = 0; c < f.nC; c++) {
                        double u = f.bom[k][c];
                        int si = supplyIndex(p, c, b, t);
                        if (u > 0 && f.supplied[c] && localSupplyRow.get(si)) {
                            double credit = rho * f.componentValue[c][t] - y[atSupply + si] / scale[atSupply + si];
                            r += u * Math.max(0, credit);
                        }
                    }
                }
            }
            rs[n] = r;
            s.idx[n] = a;
            n += r > 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * Groups the n candidates in the scratch by line into year t's (candR, candIdx), and finds each
     * line's arcs that fill it: the best ones, taken best first, until their bounds reach the line's
     * capacity or the plant's, whichever is less ({@link #fill}: the one taken in part last, the
     * others in no order; a line whose arcs all fit is all of them). A knapsack takes nothing past
     * those arcs, whatever the option set: the line (or the plant) is full before.
     */
    private void lines(int p, int t, Scratch s) {
        int n = s.candN[t];
        if (s.candR[t].length < n) {
            s.candR[t] = new double[Math.max(n, 2 * s.candR[t].length)];
            s.candIdx[t] = new int[s.candR[t].length];
        }
        double[] r = s.candR[t];
        int[] idx = s.candIdx[t];
        int[] plats = plantPlatforms[p];
        int nL = plats.length;
        int[] start = s.lineStart[t];
        Arrays.fill(start, 0, nL + 1, 0);
        for (int i = 0; i < n; i++) {
            start[s.lineOf[f.productPlatform[arcProduct[s.idx[i]]]] + 1]++;
        }
        for (int j = 0; j < nL; j++) {
            start[j + 1] += start[j];
            s.head[j] = start[j];
        }
        for (int i = 0; i < n; i++) {
            int at = s.head[s.lineOf[f.productPlatform[arcProduct[s.idx[i]]]]]++;
            r[at] = s.r[i];
            idx[at] = s.idx[i];
        }
        double plantCap = Math.max(0, f.capacity[p][t]);
        for (int j = 0; j < nL; j++) {
            int lo = start[j];
            int hi = start[j + 1];
            double line = f.lineCapacity[p][plats[j]][t];
            double cap = Double.isNaN(line) ? plantCap : Math.min(Math.max(0, line), plantCap);
            double units = 0;
            double value = 0;
            for (int i = lo; i < hi; i++) {
                double ub = arcUb[idx[i]];
                units += ub;
                value += r[i] * ub;
            }
            if (units <= cap) {
                s.lineEnd[t][j] = hi;
                s.lineSorted[t][j] = false;
                s.lineUnits[t][j] = units;
                s.lineValue[t][j] = value;
                continue;
            }
            // the arcs that fill the line, best first, found by selection: the last of them, the one
            // the line takes only in part, at the end; the others in no order
            int end = fill(r, idx, arcUb, lo, hi, cap);
            units = 0;
            value = 0;
            for (int i = lo; i < end - 1; i++) {
                double ub = arcUb[idx[i]];
                units += ub;
                value += r[i] * ub;
            }
            double last = Math.max(0, Math.min(arcUb[idx[end - 1]], cap - units));
            units += last;
            value += r[end - 1] * last;
            s.lineEnd[t][j] = end;
            s.lineSorted[t][j] = false;
            s.lineUnits[t][j] = units;
            s.lineValue[t][j] = value;
        }
    }

    /**
     * The knapsack of plant-year (p, t) with option set {@code set} over its candidates ({@link
     * #lines}): arcs taken best first, each up to its bound, its line's capacity left and the
     * plant's; writes the flows into {@code flow} when it is not null. Where the lines the set
     * allows fit in the plant together, that is their sum; otherwise their filling arcs are merged,
     * best first, until the plant is full.
     */
    private double knapsack(int p, int t, int set, Scratch s, double[] flow) {
        int[] plats = plantPlatforms[p];
        int nL = plats.length;
        double plantCap = Math.max(0, f.capacity[p][t]);
        double units = 0;
        double value = 0;
        for (int j = 0; j < nL; j++) {
            if (allowed(p, plats[j], set)) {
                units += s.lineUnits[t][j];
                value += s.lineValue[t][j];
            }
        }
        double[] r = s.candR[t];
        int[] idx = s.candIdx[t];
        int[] start = s.lineStart[t];
        int[] end = s.lineEnd[t];
        if (units <= plantCap) {
            if (flow != null) {
                for (int j = 0; j < nL; j++) {
                    if (!allowed(p, plats[j], set)) {
                        continue;
                    }
                    double left = s.lineUnits[t][j];
                    for (int i = start[j]; i < end[j]; i++) {
                        double x = Math.max(0, Math.min(arcUb[idx[i]], left));
                        flow[idx[i]] = x;
                        left -= x;
                    }
                }
            }
            return value;
        }
        for (int j = 0; j < nL; j++) {
            if (allowed(p, plats[j], set) && !s.lineSorted[t][j]) {
                sortTop(r, idx, start[j], end[j], end[j]);
                s.lineSorted[t][j] = true;
            }
            double line = f.lineCapacity[p][plats[j]][t];
            s.lineLeft[j] = Double.isNaN(line) ? INF : line;
            s.head[j] = start[j];
        }
        double capLeft = plantCap;
        double total = 0;
        while (capLeft > 0) {
            int best = -1;
            for (int j = 0; j < nL; j++) {
                if (s.head[j] < end[j] && allowed(p, plats[j], set) && (best < 0 || r[s.head[j]] > r[s.head[best]])) {
                    best = j;
                }
            }
            if (best < 0) {
                break;
            }
            int i = s.head[best]++;
            double x = Math.min(arcUb[idx[i]], Math.min(capLeft, s.lineLeft[best]));
            if (x <= 0) {
                continue;
            }
            capLeft -= x;
            s.lineLeft[best] -= x;
            total += r[i] * x;
            if (flow != null) {
                flow[idx[i]] = x;
            }
        }
        return total;
    }

    /** A plant-year's arcs of positive reduced profit, and those profits. */
    record Candidates(int[] arcs, double[] profit) {}

    /** Plant-year (p, t)'s arcs of positive reduced profit at y (what its knapsacks choose from). */
    Candidates candidatesOf(int p, int t, double[] y) {
        Scratch s = newScratch();
        int n = candidates(p, t, y, slotPrices(y, null), s);
        return new Candidates(Arrays.copyOf(s.idx, n), Arrays.copyOf(s.r, n));
    }

    /** Whether option set {@code set} lets plant p build platform pf. */
    private boolean allowed(int p, int pf, int set) {
        int o = slot[p][pf];
        return o < 0 || (set & (1 << o)) != 0;
    }

    /**
     * Rearranges r[from, to) (idx alongside) so that its first arcs are those of highest r whose
     * bounds ({@code ub} by arc) first reach {@code need} when taken best first, the arc where they
     * reach it last and the others before it in no order; returns the end of those arcs ({@code to}
     * when all of them fall short). A selection (quickselect on the bounds' sum), not a sort: on XL
     * sorting each line's arcs as far as they fill it took a fifth of a step's samples.
     */
    static int fill(double[] r, int[] idx, double[] ub, int from, int to, double need) {
        while (to - from > 16) {
            long cut = partition(r, idx, from, to);
            int i = (int) (cut >>> 32);
            int j = (int) cut;
            // [from, j] ≥ pivot, (j, i) = pivot, [i, to) ≤ pivot
            double upper = 0;
            for (int k = from; k <= j; k++) {
                upper += ub[idx[k]];
            }
            if (upper >= need) {
                to = j + 1;
                continue;
            }
            need -= upper;
            for (int k = j + 1; k < i; k++) {
                double u = ub[idx[k]];
                if (u >= need) {
                    return k + 1;
                }
                need -= u;
            }
            from = i;
        }
        sortTop(r, idx, from, to, to);
        for (int k = from; k < to; k++) {
            double u = ub[idx[k]];
            if (u >= need) {
                return k + 1;
            }
            need -= u;
        }
        return to;
    }

    /**
     * Sorts r[from, to) descending as far as index {@code limit} (idx alongside): afterwards
     * r[from, limit) holds the largest values in order, each at least every value after it
     * (partial quicksort: only the parts that reach below the limit are sorted; insertion sort on
     * short ranges).
     */
    static void sortTop(double[] r, int[] idx, int from, int to, int limit) {
        while (to - from > 16 && from < limit) {
            long cut = partition(r, idx, from, to);
            int i = (int) (cut >>> 32);
            int j = (int) cut;
            // [from, j] ≥ pivot, (j, i) = pivot and in place, [i, to) ≤ pivot
            if (limit <= i) {
                to = j + 1; // nothing past the pivots is wanted
            } else if (j + 1 - from < to - i) {
                // both sides wanted: the smaller by recursion, so that the stack stays short
                sortTop(r, idx, from, j + 1, limit);
                from = i;
            } else {
                sortTop(r, idx, i, to, limit);
                to = j + 1;
            }
        }
        if (from >= limit) {
            return;
        }
        for (int i = from + 1; i < to; i++) {
            double x = r[i];
            int xi = idx[i];
            int j = i - 1;
            while (j >= from && r[j] < x) {
                r[j + 1] = r[j];
                idx[j + 1] = idx[j];
                j--;
            }
            r[j + 1] = x;
            idx[j + 1] = xi;
        }
    }

    /**
     * Hoare's partition of r[from, to) (idx alongside), descending, around the median of its first,
     * middle and last values: returns i in the high half and j in the low, where [from, j] ≥ pivot,
     * (j, i) = pivot and [i, to) ≤ pivot.
     */
    private static long partition(double[] r, int[] idx, int from, int to) {
        double pivot = median(r[from], r[(from + to) >>> 1], r[to - 1]);
        int i = from;
        int j = to - 1;
        while (i <= j) {
            while (r[i] > pivot) {
                i++;
            }
            while (r[j] < pivot) {
                j--;
            }
            if (i <= j) {
                double tr = r[i];
                r[i] = r[j];
                r[j] = tr;
                int ti = idx[i];
                idx[i] = idx[j];
                idx[j] = ti;
                i++;
                j--;
            }
        }
        return (long) i << 32 | (j & 0xffffffffL);
    }

    private static double median(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
