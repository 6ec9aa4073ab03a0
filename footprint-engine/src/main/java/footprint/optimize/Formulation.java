package footprint.optimize;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import footprint.model.Objective;
import footprint.model.PlantStatus;
import footprint.optimize.FrozenNetwork.Arc;
import footprint.optimize.FrozenNetwork.SupplyArc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The MILP of a frozen network (DESIGN.md, "The optimization model"), built into an OR-Tools
 * {@link MPSolver}. One method per constraint family, each with the algebra it adds; variables and
 * rows are named after the model's ids ({@code flow[kaluga,expert,FR,2022]}) so that an exported
 * MPS file reads like the model.
 *
 * <p>Notation: p plant, k product, f(k) its platform, m market, c component, q component plant, t
 * year; d[t] the discount factor, own[p] the group's share of plant p. Money is in the base
 * currency. In NPV mode the objective is maximised:
 *
 * <pre>
 *   Σ d[t]·own[p]·(price[m,k,t] − vc[p,k,t] − freight[p,m,t] − duty[p,k,m,t]·price[m,k,t])·x[p,k,m,t]
 *   − Σ d[t]·own[p]·(fixed[p,t]·run[p,t] + idleCost[p,t]·idle[p,t]
 *                    + closure[p,t]·closes[p,t] + reopening[p,t]·reopens[p,t])
 *   − Σ d[t]·own[p]·invest[p,f,t]·(tool[p,f,t] − tool[p,f,t−1])
 *   − Σ d[t]·own[p]·(unitCost[q,t] + freight[q,p,t])·y[q,p,t]
 *   − Σ d[t]·own[q]·fixed[q,t]                                   (a constant)
 * </pre>
 *
 * In cost mode the same costs are minimised, without revenue, plus d[t]·penalty[m,t]·lost[m,k,t].
 *
 * <p>Ownership, in both modes: everything that happens at an assembly plant (its revenue, variable
 * cost, freight and duties on what it sells, fixed, idle, closure and reopening costs, tooling
 * investment, and the components it buys at their unit cost plus freight) counts at own[p]; a
 * component plant sells at cost, so only its fixed cost is its own result, counted at own[q];
 * lost-sale penalties count in full. FX: plant, component-plant and market amounts are in their
 * currency (the base one unless given) and converted at each year's rate; lane costs are in the
 * base currency.
 */
final class Formulation {
    /** The constraint families, so that a test can show each one binds by leaving it out. */
    enum Family {
        DEMAND,
        PLANT_STATE,
        TRANSITIONS,
        CAPACITY,
        LINE_CAPACITY,
        TOOLING,
        COMPONENTS,
        COMPONENT_CAPACITY,
        LOCAL_CONTENT,
        MIN_OUTPUT,
        MIN_JOBS,
        GIVEN,
        /** Rows that only tighten the LP relaxation; the MILP's optimum is the same without them. */
        STRENGTH
    }

    /**
     * What to build: integer or continuous decisions, and which families.
     *
     * @param integer false for the LP relaxation (or the LP with integers fixed, for duals)
     */
    record Settings(boolean integer, Set<Family> families) {
        static Settings milp() {
            return new Settings(true, EnumSet.allOf(Family.class));
        }

        /** The LP solved with the integer decisions fixed: rows for strength only are left out. */
        static Settings fixedLp() {
            EnumSet<Family> all = EnumSet.allOf(Family.class);
            all.remove(Family.STRENGTH);
            return new Settings(false, all);
        }

        Settings without(Family family) {
            EnumSet<Family> fs = EnumSet.noneOf(Family.class);
            fs.addAll(families);
            fs.remove(family);
            return new Settings(integer, fs);
        }
    }

    /** A local-content allocation variable: units of component c in plant p's vehicles for market m. */
    record LocalUse(int plant, int component, int market, int year, MPVariable variable) {}

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double EPS = 1e-9;

    final FrozenNetwork f;
    final MPSolver solver;
    final Settings settings;
    private final boolean npv;

    // variables
    final MPVariable[] flow;
    final MPVariable[][][] lost;
    final MPVariable[][] run;
    final MPVariable[][] idle;
    final MPVariable[][] closed;
    final MPVariable[][] closes;
    final MPVariable[][] reopens;
    final MPVariable[][][] tool;
    final MPVariable[] supply;
    final List<LocalUse> localUse = new ArrayList<>();
    final List<MPVariable> integers = new ArrayList<>();
    private final List<MPVariable> all = new ArrayList<>();

    // rows read after the solve (their duals price the arcs a restricted model left out:
    // ColumnGeneration); null where the model has no such row
    final MPConstraint[][] capacityRow;
    final MPConstraint[][][] demandRow;
    final MPConstraint[][][] lineRow;
    final MPConstraint[][][] toolingRow;
    final MPConstraint[][][] componentRow;
    final MPConstraint[] linkRow;
    final MPConstraint[] linkToolRow;
    /** By index in {@code f.commitments}. */
    final MPConstraint[] minOutputRow;
    /** By index in {@code f.localRows}. */
    final MPConstraint[] localContentRow;
    /** localUse[p,c,m,t] at [p][c][m·nT + t]. */
    final MPConstraint[][][] localUseRow;

    private double[] objective = new double[1024];
    private double offset;
    private int rows;
    private long nonzeros;

    /**
     * Where a reusable build records its variables, rows and nonzero pattern, and where a revalue
     * finds them again (null for an ordinary build).
     */
    private final Layout layout;
    /** Whether this formulation updates the numbers of an existing build instead of creating one. */
    private final boolean revaluing;

    private Formulation(FrozenNetwork f, MPSolver solver, Settings settings) {
        this(f, solver, settings, null, false);
    }

    private Formulation(FrozenNetwork f, MPSolver solver, Settings settings, Layout layout, boolean revaluing) {
        this.f = f;
        this.solver = solver;
        this.settings = settings;
        this.layout = layout;
        this.revaluing = revaluing;
        this.npv = f.mode == Objective.NPV;
        flow = new MPVariable[f.arcs.size()];
        lost = new MPVariable[f.nM][f.nK][f.nT];
        run = new MPVariable[f.nP][f.nT];
        idle = new MPVariable[f.nP][f.nT];
        closed = new MPVariable[f.nP][f.nT];
        closes = new MPVariable[f.nP][f.nT];
        reopens = new MPVariable[f.nP][f.nT];
        tool = new MPVariable[f.nP][f.nF][f.nT];
        supply = new MPVariable[f.supplyArcs.size()];
        capacityRow = new MPConstraint[f.nP][f.nT];
        demandRow = new MPConstraint[f.nM][f.nK][f.nT];
        lineRow = new MPConstraint[f.nP][f.nF][f.nT];
        toolingRow = new MPConstraint[f.nP][f.nF][f.nT];
        componentRow = new MPConstraint[f.nP][f.nC][f.nT];
        linkRow = new MPConstraint[f.arcs.size()];
        linkToolRow = new MPConstraint[f.arcs.size()];
        minOutputRow = new MPConstraint[f.commitments.size()];
        localContentRow = new MPConstraint[f.localRows.size()];
        localUseRow = new MPConstraint[f.nP][f.nC][];
    }

    /** Builds the model of a frozen network into an empty solver. */
    static Formulation build(FrozenNetwork f, MPSolver solver, Settings settings) {
        return new Formulation(f, solver, settings).fill();
    }

    /**
     * Builds like {@link #build} and records the layout (variables, rows, nonzero pattern), so that
     * {@link #revalue} can later put another valuation's numbers into the same solver.
     */
    static Formulation buildReusable(FrozenNetwork f, MPSolver solver, Settings settings) {
        return new Formulation(f, solver, settings, new Layout(), false).fill();
    }

    /**
     * Puts the numbers of {@code g} (the same network frozen with another valuation) into this
     * formulation's solver, without creating a variable or a row: every bound, coefficient and
     * objective term is set again, by the same family methods that built it, so that the solver can
     * re-solve from its last basis. Integer decisions fixed by the caller must be fixed again.
     *
     * @throws StructureChanged when {@code g} gives a different set of variables, rows or nonzeros
     *     (a demand drawn at 0, say); the solver's numbers are then partly updated and the next
     *     successful revalue sets them all again
     */
    Formulation revalue(FrozenNetwork g) {
        if (layout == null) {
            throw new IllegalStateException("revalue needs a formulation made by buildReusable");
        }
        Formulation b = new Formulation(g, solver, settings, layout, true).fill();
        if (b.all.size() != layout.variables.size() || b.rows != layout.rows.size() || b.nonzeros != layout.nonzeros) {
            throw new StructureChanged("the sample has another number of variables, rows or nonzeros");
        }
        return b;
    }

    /** A valuation that changes which variables, rows or nonzeros the model has. */
    static final class StructureChanged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StructureChanged(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The variables, rows (with their names) and nonzeros of a reusable build, in the order the
     * families made them, with the numbers the solver holds now: a revalue sends the solver only
     * the numbers that changed.
     */
    private static final class Layout {
        final List<MPVariable> variables = new ArrayList<>();
        final List<String> variableNames = new ArrayList<>();
        final List<MPConstraint> rows = new ArrayList<>();
        final List<String> rowNames = new ArrayList<>();
        double[] variableBounds = new double[2048];
        double[] rowBounds = new double[2048];
        double[] objective = new double[1024];
        /** Each nonzero's row, variable and coefficient. */
        MPConstraint[] nonzeroRow = new MPConstraint[1024];

        MPVariable[] nonzeroVariable = new MPVariable[1024];
        double[] coefficient = new double[1024];
        int nonzeros;

        /** Records variable {@code at}'s bounds; whether they changed. */
        boolean variableBounds(int at, double lb, double ub) {
            if (2 * at + 1 >= variableBounds.length) {
                variableBounds = Arrays.copyOf(variableBounds, Math.max(2 * variableBounds.length, 2 * at + 2));
            }
            return record(variableBounds, at, lb, ub);
        }

        /** Records row {@code at}'s bounds; whether they changed. */
        boolean rowBounds(int at, double lb, double ub) {
            if (2 * at + 1 >= rowBounds.length) {
                rowBounds = Arrays.copyOf(rowBounds, Math.max(2 * rowBounds.length, 2 * at + 2));
            }
            return record(rowBounds, at, lb, ub);
        }

        private static boolean record(double[] bounds, int at, double lb, double ub) {
            boolean changed = bounds[2 * at] != lb || bounds[2 * at + 1] != ub;
            bounds[2 * at] = lb;
            bounds[2 * at + 1] = ub;
            return changed;
        }
    }

    private Formulation fill() {
        Formulation b = this;
        b.addFlows();
        b.addLostSales();
        b.addPlantStates();
        b.addTooling();
        b.addComponentSupply();
        if (b.on(Family.DEMAND)) {
            b.addDemandBalance();
        }
        if (b.on(Family.PLANT_STATE)) {
            b.addOneStatePerYear();
        }
        if (b.on(Family.TRANSITIONS)) {
            b.addClosureAndReopening();
        }
        if (b.on(Family.CAPACITY)) {
            b.addPlantCapacity();
        }
        if (b.on(Family.LINE_CAPACITY)) {
            b.addLineCapacity();
        }
        if (b.on(Family.TOOLING)) {
            b.addToolingLinks();
        }
        if (b.on(Family.COMPONENTS)) {
            b.addComponentBalance();
        }
        if (b.on(Family.COMPONENT_CAPACITY)) {
            b.addComponentCapacity();
        }
        if (b.on(Family.LOCAL_CONTENT)) {
            b.addLocalContent();
        }
        if (b.on(Family.MIN_OUTPUT)) {
            b.addMinimumOutput();
        }
        if (b.on(Family.MIN_JOBS)) {
            b.addMinimumJobs();
        }
        if (b.on(Family.GIVEN)) {
            b.addGivenStatusesAndDecisions();
        }
        if (b.on(Family.STRENGTH)) {
            b.addStrongLinking();
            b.addDemandCover();
        }
        b.setObjective();
        return b;
    }

    Plan.Size size() {
        return new Plan.Size(solver.numVariables(), integers.size(), rows, nonzeros);
    }

    /**
     * A row added after the build, counted in {@link #size} (the speed techniques add the linking
     * rows only where the LP needs them: {@link LinkingCuts}).
     */
    MPConstraint addRow(double lb, double ub, String name) {
        return row(lb, ub, name);
    }

    /** A coefficient of a row added after the build, counted in {@link #size}. */
    void addCoefficient(MPConstraint r, MPVariable v, double a) {
        coef(r, v, a);
    }

    /** The objective's value (with its constant) at values {@code x}, indexed as the solver's variables. */
    double objectiveOf(double[] x) {
        double v = offset;
        for (MPVariable var : all) {
            int i = var.index();
            if (i < objective.length) {
                v += objective[i] * x[i];
            }
        }
        return v;
    }

    /** The variables in the order they were made (their index in the solver). */
    List<MPVariable> variables() {
        return all;
    }

    /** The constant part of the objective (component plants' fixed costs). */
    double offset() {
        return offset;
    }

    private boolean on(Family family) {
        return settings.families().contains(family);
    }

    // ---- variables and the objective ------------------------------------------------------------

    /**
     * x[p,k,m,t] ∈ [0, demand[m,k,t]] for every arc (lane open, not banned, platform usable).
     * Objective: own·d·(price − vc − freight − duty·price) per vehicle (cost mode: the costs).
     */
    private void addFlows() {
        for (Arc a : f.arcs) {
            int p = a.plant();
            int k = a.product();
            int m = a.market();
            int t = a.year();
            MPVariable x = variable(
                    0,
                    f.arcStopped.get(a.index()) ? 0 : f.demand[m][k][t],
                    false,
                    "flow[" + id(f.plantId[p]) + "," + id(f.productId[k]) + "," + id(f.marketId[m]) + "," + f.year(t)
                            + "]");
            flow[a.index()] = x;
            addObjective(x, arcObjective(f, a));
        }
    }

    /**
     * An arc's objective coefficient, in the model's sense: own·d·(price − vc − freight − duty·price)
     * per vehicle in NPV mode (maximised), own·d·(vc + freight + duty·price) in cost mode (minimised).
     */
    static double arcObjective(FrozenNetwork f, Arc a) {
        int p = a.plant();
        int k = a.product();
        int m = a.market();
        int t = a.year();
        double w = f.discount[t] * f.ownership[p];
        double unitPrice = f.price[m][k][t];
        double cost = w * (f.variableCost[p][k][t] + a.freightPerUnit() + a.dutyRate() * unitPrice);
        return f.mode == Objective.NPV ? w * unitPrice - cost : cost;
    }

    /**
     * lost[m,k,t] ∈ [0, demand[m,k,t]]: in NPV mode for all demand (losing only margin), in cost
     * mode only where the market has a lost-sale penalty, at d·penalty per vehicle.
     */
    private void addLostSales() {
        for (int m = 0; m < f.nM; m++) {
            for (int k = 0; k < f.nK; k++) {
                for (int t = 0; t < f.nT; t++) {
                    double dem = f.demand[m][k][t];
                    boolean allowed = npv || !Double.isNaN(f.penalty[m][t]);
                    if (dem <= 0 || !allowed) {
                        continue;
                    }
                    MPVariable v = variable(
                            0,
                            dem,
                            false,
                            "lost[" + id(f.marketId[m]) + "," + id(f.productId[k]) + "," + f.year(t) + "]");
                    lost[m][k][t] = v;
                    if (!npv) {
                        cost(v, f.discount[t] * f.penalty[m][t]);
                    }
                }
            }
        }
    }

    /**
     * run[p,t], idle[p,t], closed[p,t] ∈ {0,1}; closes[p,t], reopens[p,t] ∈ [0,1] (they follow the
     * binaries). Objective: own·d·(fixed·run + idleCost·idle + closure·closes + reopening·reopens).
     */
    private void addPlantStates() {
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                String at = id(f.plantId[p]) + "," + f.year(t);
                double w = f.discount[t] * f.ownership[p];
                run[p][t] = variable(0, 1, true, "run[" + at + "]");
                idle[p][t] = variable(0, 1, true, "idle[" + at + "]");
                closed[p][t] = variable(0, 1, true, "closed[" + at + "]");
                closes[p][t] = variable(0, 1, false, "closes[" + at + "]");
                reopens[p][t] = variable(0, 1, false, "reopens[" + at + "]");
                cost(run[p][t], w * f.fixedCost[p][t]);
                cost(idle[p][t], w * f.idleCost[p][t]);
                cost(closes[p][t], w * f.closureCost[p][t]);
                cost(reopens[p][t], w * f.reopeningCost[p][t]);
            }
        }
    }

    /**
     * tool[p,f,t] ∈ {0,1} for each tooling option, 0 before the first year plus the lead time, and
     * never switched off again:
     *
     * <pre>  toolOrder[p,f,t]:  tool[p,f,t] − tool[p,f,t−1] ≥ 0</pre>
     *
     * The investment is paid in the year the platform is first used: Σ_t d[t]·own·invest[t]·(tool[t]
     * − tool[t−1]), so tool[t] carries own·(d[t]·invest[t] − d[t+1]·invest[t+1]). (The order rows
     * are part of the variables' meaning, not a family a test could drop: without them the
     * investment would be refunded when a platform is switched off.)
     */
    private void addTooling() {
        for (int p = 0; p < f.nP; p++) {
            for (int pf = 0; pf < f.nF; pf++) {
                if (f.tooling[p][pf] != FrozenNetwork.Tooling.OPTION) {
                    continue;
                }
                for (int t = 0; t < f.nT; t++) {
                    String at = id(f.plantId[p]) + "," + id(f.platformId[pf]) + "," + f.year(t);
                    double ub = t >= f.earliestTooling[p][pf] ? 1 : 0;
                    tool[p][pf][t] = variable(0, ub, true, "tool[" + at + "]");
                    double w = f.ownership[p];
                    double pay = w * f.discount[t] * f.investment[p][pf][t];
                    double next = t + 1 < f.nT ? w * f.discount[t + 1] * f.investment[p][pf][t + 1] : 0;
                    cost(tool[p][pf][t], pay - next);
                    if (t > 0) {
                        MPConstraint r = row(0, INF, "toolOrder[" + at + "]");
                        coef(r, tool[p][pf][t], 1);
                        coef(r, tool[p][pf][t - 1], -1);
                    }
                }
            }
        }
    }

    /**
     * y[q,p,t] ≥ 0 on every open, unbanned component lane into a plant that consumes the component.
     * Objective: own[p]·d·(unitCost[q,t] + freight[q,p,t]) per unit (components are bought at cost);
     * the component plants' fixed costs own[q]·d·fixed[q,t] are a constant.
     */
    private void addComponentSupply() {
        for (SupplyArc s : f.supplyArcs) {
            int q = s.componentPlant();
            int p = s.plant();
            int t = s.year();
            MPVariable y = variable(
                    0,
                    f.supplyStopped.get(s.index()) ? 0 : INF,
                    false,
                    "supply[" + id(f.componentPlantId[q]) + "," + id(f.plantId[p]) + "," + f.year(t) + "]");
            supply[s.index()] = y;
            cost(y, f.discount[t] * f.ownership[p] * (f.componentUnitCost[q][t] + s.freightPerUnit()));
        }
        for (int q = 0; q < f.nQ; q++) {
            for (int t = 0; t < f.nT; t++) {
                offset += (npv ? -1 : 1) * f.discount[t] * f.componentPlantOwnership[q] * f.componentFixedCost[q][t];
            }
        }
    }

    // ---- constraint families -------------------------------------------------------------------

    /**
     * Demand: every vehicle of demand is built or lost.
     *
     * <pre>  demand[m,k,t]:  Σ_p x[p,k,m,t] + lost[m,k,t] = demand[m,k,t]</pre>
     *
     * In cost mode a market without a lost-sale penalty has no lost variable: all its demand is served.
     */
    private void addDemandBalance() {
        MPConstraint[][][] rowOf = demandRow;
        for (int m = 0; m < f.nM; m++) {
            for (int k = 0; k < f.nK; k++) {
                for (int t = 0; t < f.nT; t++) {
                    double dem = f.demand[m][k][t];
                    if (dem <= 0) {
                        continue;
                    }
                    MPConstraint r = row(
                            dem, dem, "demand[" + id(f.marketId[m]) + "," + id(f.productId[k]) + "," + f.year(t) + "]");
                    rowOf[m][k][t] = r;
                    if (lost[m][k][t] != null) {
                        coef(r, lost[m][k][t], 1);
                    }
                }
            }
        }
        for (Arc a : f.arcs) {
            coef(rowOf[a.market()][a.product()][a.year()], flow[a.index()], 1);
        }
    }

    /**
     * A plant is in exactly one state a year.
     *
     * <pre>  state[p,t]:  run[p,t] + idle[p,t] + closed[p,t] = 1</pre>
     */
    private void addOneStatePerYear() {
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                MPConstraint r = row(1, 1, "state[" + id(f.plantId[p]) + "," + f.year(t) + "]");
                coef(r, run[p][t], 1);
                coef(r, idle[p][t], 1);
                coef(r, closed[p][t], 1);
            }
        }
    }

    /**
     * Closure and reopening, with the year before the horizon in its given state (running unless
     * the first year's given status says otherwise):
     *
     * <pre>
     *   closing[p,t]:     closes[p,t] − closed[p,t] + closed[p,t−1] ≥ 0   (pays the closure once)
     *   reopening[p,t]:   reopens[p,t] − run[p,t] + run[p,t−1] ≥ 0        (pays running again)
     *   closedStays[p,t]: closed[p,t] + run[p,t] − closed[p,t−1] ≥ 0      (closed is absorbing
     *                                                                      unless reopened)
     * </pre>
     */
    private void addClosureAndReopening() {
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                String at = id(f.plantId[p]) + "," + f.year(t);
                double priorClosed = f.priorStatus[p] == PlantStatus.CLOSED ? 1 : 0;
                double priorRun = f.priorStatus[p] == PlantStatus.RUNNING ? 1 : 0;
                MPConstraint closing = row(t == 0 ? -priorClosed : 0, INF, "closing[" + at + "]");
                coef(closing, closes[p][t], 1);
                coef(closing, closed[p][t], -1);
                MPConstraint reopening = row(t == 0 ? -priorRun : 0, INF, "reopening[" + at + "]");
                coef(reopening, reopens[p][t], 1);
                coef(reopening, run[p][t], -1);
                MPConstraint stays = row(t == 0 ? priorClosed : 0, INF, "closedStays[" + at + "]");
                coef(stays, closed[p][t], 1);
                coef(stays, run[p][t], 1);
                if (t > 0) {
                    coef(closing, closed[p][t - 1], 1);
                    coef(reopening, run[p][t - 1], 1);
                    coef(stays, closed[p][t - 1], -1);
                }
            }
        }
    }

    /**
     * A plant builds only while it runs, up to its capacity.
     *
     * <pre>  capacity[p,t]:  Σ_{k,m} x[p,k,m,t] − capacity[p,t]·run[p,t] ≤ 0</pre>
     */
    private void addPlantCapacity() {
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                int[] arcs = f.arcsByPlantYear[p][t];
                if (arcs.length == 0) {
                    continue;
                }
                MPConstraint r = row(-INF, 0, "capacity[" + id(f.plantId[p]) + "," + f.year(t) + "]");
                capacityRow[p][t] = r;
                for (int i : arcs) {
                    coef(r, flow[i], 1);
                }
                coef(r, run[p][t], -f.capacity[p][t]);
            }
        }
    }

    /**
     * Where a line limits a platform at a plant (×1 for a platform tooled at the start):
     *
     * <pre>  line[p,f,t]:  Σ_{k on f, m} x[p,k,m,t] − lineCapacity[p,f,t]·tool[p,f,t] ≤ 0</pre>
     */
    private void addLineCapacity() {
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                for (int pf = 0; pf < f.nF; pf++) {
                    double cap = f.lineCapacity[p][pf][t];
                    if (Double.isNaN(cap)) {
                        continue;
                    }
                    List<Integer> arcs = arcsOfPlatform(p, pf, t);
                    if (arcs.isEmpty()) {
                        continue;
                    }
                    MPVariable toolVar = tool[p][pf][t];
                    MPConstraint r = row(
                            -INF,
                            toolVar == null ? cap : 0,
                            "line[" + id(f.plantId[p]) + "," + id(f.platformId[pf]) + "," + f.year(t) + "]");
                    lineRow[p][pf][t] = r;
                    for (int i : arcs) {
                        coef(r, flow[i], 1);
                    }
                    if (toolVar != null) {
                        coef(r, toolVar, -cap);
                    }
                }
            }
        }
    }

    /**
     * A plant builds a product on an optional platform only once the platform is tooled.
     *
     * <pre>  tooling[p,f,t]:  Σ_{k on f, m} x[p,k,m,t] − capacity[p,t]·tool[p,f,t] ≤ 0</pre>
     */
    private void addToolingLinks() {
        for (int p = 0; p < f.nP; p++) {
            for (int pf = 0; pf < f.nF; pf++) {
                for (int t = 0; t < f.nT; t++) {
                    MPVariable toolVar = tool[p][pf][t];
                    if (toolVar == null) {
                        continue;
                    }
                    List<Integer> arcs = arcsOfPlatform(p, pf, t);
                    if (arcs.isEmpty()) {
                        continue;
                    }
                    MPConstraint r = row(
                            -INF,
                            0,
                            "tooling[" + id(f.plantId[p]) + "," + id(f.platformId[pf]) + "," + f.year(t) + "]");
                    toolingRow[p][pf][t] = r;
                    for (int i : arcs) {
                        coef(r, flow[i], 1);
                    }
                    coef(r, toolVar, -f.capacity[p][t]);
                }
            }
        }
    }

    /**
     * Components a plant consumes (by bill of materials) come from component plants over lanes,
     * for every component some component plant makes (others are not limited):
     *
     * <pre>  components[p,c,t]:  Σ_q y[q,p,t] − Σ_{k,m} bom[k,c]·x[p,k,m,t] = 0</pre>
     */
    private void addComponentBalance() {
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                int[] arcs = f.arcsByPlantYear[p][t];
                for (int c = 0; c < f.nC; c++) {
                    if (!f.supplied[c]) {
                        continue;
                    }
                    MPConstraint r = null;
                    for (int i : arcs) {
                        double units = f.bom[f.arcs.get(i).product()][c];
                        if (units > 0) {
                            if (r == null) {
                                r = row(
                                        0,
                                        0,
                                        "components[" + id(f.plantId[p]) + "," + id(f.componentId[c]) + "," + f.year(t)
                                                + "]");
                                componentRow[p][c][t] = r;
                            }
                            coef(r, flow[i], -units);
                        }
                    }
                    if (r == null) {
                        continue;
                    }
                    for (int s : f.supplyByPlantYear[p][t]) {
                        if (f.componentOf[f.supplyArcs.get(s).componentPlant()] == c) {
                            coef(r, supply[s], 1);
                        }
                    }
                }
            }
        }
    }

    /**
     * A component plant ships at most its capacity (in the component's unit).
     *
     * <pre>  componentCapacity[q,t]:  Σ_p y[q,p,t] ≤ capacity[q,t]</pre>
     */
    private void addComponentCapacity() {
        for (int q = 0; q < f.nQ; q++) {
            for (int t = 0; t < f.nT; t++) {
                int[] arcs = f.supplyByComponentPlantYear[q][t];
                if (arcs.length == 0) {
                    continue;
                }
                MPConstraint r = row(
                        -INF,
                        f.componentCapacity[q][t],
                        "componentCapacity[" + id(f.componentPlantId[q]) + "," + f.year(t) + "]");
                for (int s : arcs) {
                    coef(r, supply[s], 1);
                }
            }
        }
    }

    /**
     * Local content, per rule, destination market m (bloc B) and year. The value of a vehicle is
     * its price; the local part is the assembly value (price − Σ_c bom·value[c]) where the plant is
     * in B, plus the value of the components from component plants in B. u[p,c,m,t] counts the
     * units of component c from B in plant p's vehicles for m:
     *
     * <pre>
     *   localUse[p,c,m,t]:       u[p,c,m,t] − Σ_k bom[k,c]·x[p,k,m,t] ≤ 0
     *   localSupply[p,c,B,t]:    Σ_{m in B} u[p,c,m,t] − Σ_{q in B making c} y[q,p,t] ≤ 0
     *   localContent[r,m,t]:     Σ_{p,k} (inB[p]·assembly[k,m,t] − minShare·price[m,k,t])·x[p,k,m,t]
     *                            + Σ_{p,c} value[c,t]·u[p,c,m,t] ≥ 0
     * </pre>
     *
     * A component's value is the mean unit cost of the plants making it.
     */
    private void addLocalContent() {
        if (f.localRows.isEmpty()) {
            return;
        }
        boolean[][] ruled = new boolean[f.nM][f.nT];
        for (FrozenNetwork.LocalRow lr : f.localRows) {
            ruled[lr.market()][lr.year()] = true;
        }
        // allocation variables u and their two rows
        MPVariable[][][] uOf = new MPVariable[f.nP][f.nC][]; // [p][c][m * nT + t]
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                for (int c = 0; c < f.nC; c++) {
                    if (!f.supplied[c]) {
                        continue;
                    }
                    for (int bloc = 0; bloc < f.blocs.size(); bloc++) {
                        List<Integer> localSupply = new ArrayList<>();
                        for (int s : f.supplyByPlantYear[p][t]) {
                            int q = f.supplyArcs.get(s).componentPlant();
                            if (f.componentOf[q] == c && f.componentPlantBloc[q] == bloc) {
                                localSupply.add(s);
                            }
                        }
                        if (localSupply.isEmpty()) {
                            continue;
                        }
                        List<MPVariable> uses = new ArrayList<>();
                        for (int m = 0; m < f.nM; m++) {
                            if (!ruled[m][t] || f.marketBloc[m] != bloc) {
                                continue;
                            }
                            MPConstraint use = null;
                            MPVariable u = null;
                            for (int i : f.arcsByMarketYear[m][t]) {
                                Arc a = f.arcs.get(i);
                                double units = f.bom[a.product()][c];
                                if (a.plant() != p || units <= 0) {
                                    continue;
                                }
                                if (u == null) {
                                    String at = id(f.plantId[p]) + "," + id(f.componentId[c]) + "," + id(f.marketId[m])
                                            + "," + f.year(t);
                                    u = variable(0, INF, false, "local[" + at + "]");
                                    use = row(-INF, 0, "localUse[" + at + "]");
                                    coef(use, u, 1);
                                    localUse.add(new LocalUse(p, c, m, t, u));
                                    if (uOf[p][c] == null) {
                                        uOf[p][c] = new MPVariable[f.nM * f.nT];
                                    }
                                    uOf[p][c][m * f.nT + t] = u;
                                    if (localUseRow[p][c] == null) {
                                        localUseRow[p][c] = new MPConstraint[f.nM * f.nT];
                                    }
                                    localUseRow[p][c][m * f.nT + t] = use;
                                    uses.add(u);
                                }
                                coef(use, flow[i], -units);
                            }
                        }
                        if (uses.isEmpty()) {
                            continue;
                        }
                        MPConstraint sup = row(
                                -INF,
                                0,
                                "localSupply[" + id(f.plantId[p]) + "," + id(f.componentId[c]) + ","
                                        + id(f.blocs.get(bloc)) + "," + f.year(t) + "]");
                        for (MPVariable u : uses) {
                            coef(sup, u, 1);
                        }
                        for (int s : localSupply) {
                            coef(sup, supply[s], -1);
                        }
                    }
                }
            }
        }
        // the rules
        for (int l = 0; l < f.localRows.size(); l++) {
            FrozenNetwork.LocalRow lr = f.localRows.get(l);
            int m = lr.market();
            int t = lr.year();
            int[] arcs = f.arcsByMarketYear[m][t];
            if (arcs.length == 0) {
                continue;
            }
            MPConstraint r =
                    row(0, INF, "localContent[" + id(lr.rule()) + "," + id(f.marketId[m]) + "," + f.year(t) + "]");
            localContentRow[l] = r;
            for (int i : arcs) {
                Arc a = f.arcs.get(i);
                int k = a.product();
                boolean inBloc = f.plantBloc[a.plant()] == f.marketBloc[m];
                double local = inBloc ? assemblyValue(k, m, t) : 0;
                coef(r, flow[i], local - lr.minShare() * f.price[m][k][t]);
            }
            for (int p = 0; p < f.nP; p++) {
                for (int c = 0; c < f.nC; c++) {
                    if (uOf[p][c] != null && uOf[p][c][m * f.nT + t] != null) {
                        coef(r, uOf[p][c][m * f.nT + t], f.componentValue[c][t]);
                    }
                }
            }
        }
    }

    /** The price of a vehicle less the value of the components some component plant makes, at least 0. */
    double assemblyValue(int k, int m, int t) {
        double v = f.price[m][k][t];
        for (int c = 0; c < f.nC; c++) {
            if (f.supplied[c]) {
                v -= f.bom[k][c] * f.componentValue[c][t];
            }
        }
        return Math.max(0, v);
    }

    /**
     * A commitment's minimum output while the plant runs.
     *
     * <pre>  minOutput[id,t]:  Σ_{k,m} x[p,k,m,t] − minOutput·run[p,t] ≥ 0</pre>
     */
    private void addMinimumOutput() {
        for (int ci = 0; ci < f.commitments.size(); ci++) {
            FrozenNetwork.CommitmentRow c = f.commitments.get(ci);
            if (Double.isNaN(c.minOutput())) {
                continue;
            }
            int p = c.plant();
            int t = c.year();
            MPConstraint r = row(0, INF, "minOutput[" + id(c.id()) + "," + f.year(t) + "]");
            minOutputRow[ci] = r;
            for (int i : f.arcsByPlantYear[p][t]) {
                coef(r, flow[i], 1);
            }
            coef(r, run[p][t], -c.minOutput());
        }
    }

    /**
     * A commitment's minimum jobs: the workforce while running, the idle workforce while idle.
     *
     * <pre>  minJobs[id,t]:  workforce[p]·run[p,t] + idleWorkforce[p]·idle[p,t] ≥ minJobs</pre>
     */
    private void addMinimumJobs() {
        for (FrozenNetwork.CommitmentRow c : f.commitments) {
            if (Double.isNaN(c.minJobs())) {
                continue;
            }
            int p = c.plant();
            int t = c.year();
            MPConstraint r = row(c.minJobs(), INF, "minJobs[" + id(c.id()) + "," + f.year(t) + "]");
            coef(r, run[p][t], f.workforce[p]);
            coef(r, idle[p][t], f.idleWorkforce[p]);
        }
    }

    /**
     * Statuses given by the planner and decisions forced or forbidden, as named rows (so that a
     * conflict between them can be reported by name):
     *
     * <pre>
     *   status[p,t]:         state[p,t] = 1                 (running, idle or closed as given)
     *   decision[id,p,t]:    state[p,t] = 1 (force) or = 0 (forbid)
     *   decision[id,p,f,t]:  tool[p,f,t] = 1 (force) or = 0 (forbid)
     * </pre>
     */
    private void addGivenStatusesAndDecisions() {
        for (FrozenNetwork.StateRule s : f.stateRules) {
            int p = s.plant();
            int t = s.year();
            MPVariable v = switch (s.status()) {
                case RUNNING -> run[p][t];
                case IDLE -> idle[p][t];
                case CLOSED -> closed[p][t];
            };
            String name = s.rule().equals("status")
                    ? "status[" + id(f.plantId[p]) + "," + f.year(t) + "]"
                    : "decision[" + id(s.rule()) + "," + id(f.plantId[p]) + "," + f.year(t) + "]";
            double value = s.force() ? 1 : 0;
            coef(row(value, value, name), v, 1);
        }
        for (FrozenNetwork.ToolRule s : f.toolRules) {
            MPVariable v = tool[s.plant()][s.platform()][s.year()];
            double value = s.force() ? 1 : 0;
            MPConstraint r = row(
                    value,
                    value,
                    "decision[" + id(s.rule()) + "," + id(f.plantId[s.plant()]) + "," + id(f.platformId[s.platform()])
                            + "," + f.year(s.year()) + "]");
            coef(r, v, 1);
        }
    }

    /**
     * For strength only (the MILP's optimum is the same without them): the per-flow linking
     *
     * <pre>
     *   link[p,k,m,t]:      x[p,k,m,t] − demand[m,k,t]·run[p,t] ≤ 0
     *   linkTool[p,k,m,t]:  x[p,k,m,t] − demand[m,k,t]·tool[p,f(k),t] ≤ 0
     * </pre>
     *
     * added only where it cuts the LP relaxation: where the demand is below the capacity in the
     * aggregated row (otherwise the aggregated row already implies it), and where the binary is free.
     */
    private void addStrongLinking() {
        boolean[][] runFixed = new boolean[f.nP][f.nT];
        for (FrozenNetwork.StateRule s : f.stateRules) {
            if (s.force() && s.status() == PlantStatus.RUNNING) {
                runFixed[s.plant()][s.year()] = true;
            }
        }
        for (Arc a : f.arcs) {
            int p = a.plant();
            int k = a.product();
            int m = a.market();
            int t = a.year();
            double dem = f.demand[m][k][t];
            String at = id(f.plantId[p]) + "," + id(f.productId[k]) + "," + id(f.marketId[m]) + "," + f.year(t);
            if (!runFixed[p][t] && dem < f.capacity[p][t] - EPS) {
                MPConstraint r = row(-INF, 0, "link[" + at + "]");
                linkRow[a.index()] = r;
                coef(r, flow[a.index()], 1);
                coef(r, run[p][t], -dem);
            }
            MPVariable toolVar = tool[p][f.productPlatform[k]][t];
            if (toolVar != null && dem < f.capacity[p][t] - EPS) {
                MPConstraint r = row(-INF, 0, "linkTool[" + at + "]");
                linkToolRow[a.index()] = r;
                coef(r, flow[a.index()], 1);
                coef(r, toolVar, -dem);
            }
        }
    }

    /**
     * For strength only, in cost mode: the plants running must be able to build the demand that
     * must be served (a knapsack cover of the capacity rows).
     *
     * <pre>  cover[t]:  Σ_p capacity[p,t]·run[p,t] ≥ Σ_{m,k without lost sales} demand[m,k,t]</pre>
     */
    private void addDemandCover() {
        if (npv) {
            return;
        }
        for (int t = 0; t < f.nT; t++) {
            double must = 0;
            for (int m = 0; m < f.nM; m++) {
                for (int k = 0; k < f.nK; k++) {
                    if (lost[m][k][t] == null) {
                        must += f.demand[m][k][t];
                    }
                }
            }
            if (must <= 0) {
                continue;
            }
            MPConstraint r = row(must, INF, "cover[" + f.year(t) + "]");
            for (int p = 0; p < f.nP; p++) {
                if (f.arcsByPlantYear[p][t].length > 0) {
                    coef(r, run[p][t], f.capacity[p][t]);
                }
            }
        }
    }

    private List<Integer> arcsOfPlatform(int p, int pf, int t) {
        List<Integer> out = new ArrayList<>();
        for (int i : f.arcsByPlantYear[p][t]) {
            if (f.productPlatform[f.arcs.get(i).product()] == pf) {
                out.add(i);
            }
        }
        return out;
    }

    // ---- building blocks ------------------------------------------------------------------------

    private MPVariable variable(double lb, double ub, boolean integer, String name) {
        boolean isInt = integer && settings.integer();
        MPVariable v;
        int at = all.size();
        if (revaluing) {
            if (at >= layout.variables.size() || !layout.variableNames.get(at).equals(name)) {
                throw new StructureChanged("variable " + at + " is " + name);
            }
            v = layout.variables.get(at);
            if (layout.variableBounds(at, lb, ub)) {
                v.setBounds(lb, ub);
            }
        } else {
            v = solver.makeVar(lb, ub, isInt, name);
            if (layout != null) {
                layout.variables.add(v);
                layout.variableNames.add(name);
                layout.variableBounds(at, lb, ub);
            }
        }
        all.add(v);
        if (integer) {
            integers.add(v);
        }
        return v;
    }

    private MPConstraint row(double lb, double ub, String name) {
        int at = rows++;
        if (revaluing) {
            if (at >= layout.rows.size() || !layout.rowNames.get(at).equals(name)) {
                throw new StructureChanged("row " + at + " is " + name);
            }
            MPConstraint r = layout.rows.get(at);
            if (layout.rowBounds(at, lb, ub)) {
                r.setBounds(lb, ub);
            }
            return r;
        }
        MPConstraint r = solver.makeConstraint(lb, ub, name);
        if (layout != null) {
            layout.rows.add(r);
            layout.rowNames.add(name);
            layout.rowBounds(at, lb, ub);
        }
        return r;
    }

    private void coef(MPConstraint r, MPVariable v, double a) {
        int at = (int) nonzeros++;
        if (revaluing) {
            // the same row and variable objects in the same order, else the shape changed
            if (at >= layout.nonzeros || layout.nonzeroRow[at] != r || layout.nonzeroVariable[at] != v) {
                throw new StructureChanged("nonzero " + at + " moved");
            }
            if (layout.coefficient[at] != a) {
                layout.coefficient[at] = a;
                r.setCoefficient(v, a);
            }
            return;
        }
        if (layout != null) {
            if (at >= layout.coefficient.length) {
                int n = 2 * layout.coefficient.length;
                layout.nonzeroRow = Arrays.copyOf(layout.nonzeroRow, n);
                layout.nonzeroVariable = Arrays.copyOf(layout.nonzeroVariable, n);
                layout.coefficient = Arrays.copyOf(layout.coefficient, n);
            }
            layout.nonzeroRow[at] = r;
            layout.nonzeroVariable[at] = v;
            layout.coefficient[at] = a;
            layout.nonzeros++;
        }
        r.setCoefficient(v, a);
    }

    /** Adds money paid for one unit of v. */
    private void cost(MPVariable v, double amount) {
        addObjective(v, npv ? -amount : amount);
    }

    private void addObjective(MPVariable v, double amount) {
        int i = v.index();
        if (i >= objective.length) {
            objective = Arrays.copyOf(objective, Math.max(objective.length * 2, i + 1));
        }
        objective[i] += amount;
    }

    private void setObjective() {
        var o = solver.objective();
        for (MPVariable v : all) {
            int i = v.index();
            double c = i < objective.length ? objective[i] : 0;
            if (layout != null) {
                if (i >= layout.objective.length) {
                    layout.objective = Arrays.copyOf(layout.objective, Math.max(2 * layout.objective.length, i + 1));
                }
                boolean changed = layout.objective[i] != c;
                layout.objective[i] = c;
                if (revaluing ? !changed : c == 0) {
                    continue;
                }
            } else if (c == 0) {
                continue;
            }
            o.setCoefficient(v, c);
        }
        o.setOffset(offset);
        if (npv) {
            o.setMaximization();
        } else {
            o.setMinimization();
        }
    }

    /** An id as it may stand in a variable or row name (MPS names hold no blanks). */
    static String id(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return s.strip().replaceAll("\\s+", "_");
            }
        }
        return s;
    }
}
