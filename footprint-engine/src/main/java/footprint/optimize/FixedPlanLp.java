package footprint.optimize;

import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import footprint.model.Figure;
import footprint.model.Network;
import footprint.model.PlantStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A plan's strategic decisions (each plant's status a year, the platforms tooled and from when)
 * kept fixed while the numbers move: the MILP with every integer decision fixed at the plan's is a
 * linear programme of the flows. It is built once, for the nominal values; {@link #resolve} puts a
 * sample's numbers into the same LP (bounds, right-hand sides, coefficients and objective, by the
 * same family methods that built it, see {@link Formulation#revalue}) and re-solves it from the
 * last basis. A sample that changes the LP's shape (a demand drawn at 0, so a flow disappears) is
 * solved on an LP built for it alone.
 *
 * <p>One instance holds one OR-Tools solver: use it from one thread at a time and {@link #close} it.
 */
public final class FixedPlanLp implements AutoCloseable {
    /**
     * The LP solver. CLP takes changed bounds and coefficients into its own model and re-solves from
     * its last basis (with presolve off); GLOP re-extracts the whole model at every solve. Measured on
     * the reference case (200 samples): the re-solve alone took 2.6 times less with CLP kept than
     * with CLP built afresh, 1.3 times less with GLOP.
     */
    static final String LP_SOLVER = "CLP";

    /**
     * A plan valued on one set of numbers.
     *
     * @param status how the LP ended (INFEASIBLE: the fixed decisions cannot meet a rule, e.g. a
     *     minimum output above the demand drawn)
     * @param objective the objective's value: NPV in NPV mode, cost in cost mode (NaN without a solution)
     * @param kpis the value's parts (zero without a solution)
     * @param lostSales vehicles of demand not served, over the horizon
     * @param demand vehicles of demand over the horizon
     * @param output vehicles built over the horizon
     * @param runningCapacity the capacity of the plant-years that run
     * @param rebuilt whether the sample needed an LP of its own (its shape differed)
     */
    public record Evaluation(
            SolveStatus status,
            double objective,
            Plan.Kpis kpis,
            double lostSales,
            double demand,
            double output,
            double runningCapacity,
            boolean rebuilt) {
        /** Output over the capacity of the running plant-years (0 when none runs). */
        public double utilisation() {
            return runningCapacity > 0 ? output / runningCapacity : 0;
        }

        /** NPV: revenue less every cost (in cost mode too). */
        public double npv() {
            return kpis.npv();
        }
    }

    private final Network network;
    private final Decisions decisions;
    private final MPSolver solver;
    private final Formulation base;
    private int rebuilds;

    private FixedPlanLp(Network network, Decisions decisions) {
        Optimizer.loadNatives();
        this.network = network;
        this.decisions = decisions;
        FrozenNetwork f = FrozenNetwork.of(network);
        decisions.check(f);
        this.solver = newSolver();
        this.base = Formulation.buildReusable(f, solver, Formulation.Settings.fixedLp());
    }

    /**
     * The LP of a network with a plan's strategic decisions fixed.
     *
     * @throws IllegalArgumentException when the plan has no status for some plant and year of the
     *     network (a plan of another model)
     */
    public static FixedPlanLp of(Network network, Plan plan) {
        return new FixedPlanLp(network, Decisions.of(plan));
    }

    /** The LP's size (every variable continuous: the integer decisions are fixed by their bounds). */
    public Plan.Size size() {
        return base.size();
    }

    /** Samples so far whose LP had another shape and was built for them alone. */
    public int rebuilds() {
        return rebuilds;
    }

    /** Values the plan on the numbers of {@code valueOf}, re-solving the kept LP from its last basis. */
    public Evaluation resolve(ToDoubleFunction<Figure> valueOf) {
        return resolve(valueOf, Outages.NONE);
    }

    /**
     * Values the plan on the numbers of {@code valueOf} with the plants, lanes and trade relations of
     * {@code outages} out of use, re-solving the kept LP from its last basis (outages only change
     * bounds and right-hand sides).
     */
    public Evaluation resolve(ToDoubleFunction<Figure> valueOf, Outages outages) {
        FrozenNetwork g = FrozenNetwork.of(network, valueOf, outages);
        Formulation form;
        try {
            form = base.revalue(g);
        } catch (Formulation.StructureChanged e) {
            rebuilds++;
            return solveOnce(g, decisions, true);
        }
        return solve(form, decisions, false);
    }

    /**
     * Values a plan on one set of numbers with an LP built for them alone and solved from scratch:
     * what {@link #resolve} saves (benchmarks compare the two).
     */
    public static Evaluation rebuild(Network network, Plan plan, ToDoubleFunction<Figure> valueOf) {
        return rebuild(network, plan, valueOf, Outages.NONE);
    }

    /** Like {@link #rebuild(Network, Plan, ToDoubleFunction)}, with outages. */
    public static Evaluation rebuild(Network network, Plan plan, ToDoubleFunction<Figure> valueOf, Outages outages) {
        Optimizer.loadNatives();
        Decisions d = Decisions.of(plan);
        FrozenNetwork g = FrozenNetwork.of(network, valueOf, outages);
        d.check(g);
        return solveOnce(g, d, false);
    }

    /**
     * A plan's value on one future and how it moves with the plan's decisions (for Benders cuts).
     *
     * @param objective the LP's objective (NaN without a solution)
     * @param at each fixed decision variable's value in the plan, by variable name
     * @param slope each fixed decision variable's reduced cost: the objective's change per unit of
     *     the value it is fixed at (empty without a solution)
     */
    record Linearisation(SolveStatus status, double objective, Map<String, Double> at, Map<String, Double> slope) {}

    /** Values a plan on one future with an LP of its own, and reads the reduced costs of its decisions. */
    static Linearisation linearise(Network network, Plan plan, ToDoubleFunction<Figure> valueOf, Outages outages) {
        Optimizer.loadNatives();
        Decisions d = Decisions.of(plan);
        FrozenNetwork g = FrozenNetwork.of(network, valueOf, outages);
        d.check(g);
        MPSolver s = newSolver();
        try {
            Formulation form = Formulation.build(g, s, Formulation.Settings.fixedLp());
            d.fix(form);
            Map<String, Double> at = new HashMap<>();
            forEachDecision(form, v -> at.put(v.name(), v.lb()));
            MPSolver.ResultStatus rs = s.solve();
            if (rs != MPSolver.ResultStatus.OPTIMAL) {
                return new Linearisation(
                        rs == MPSolver.ResultStatus.INFEASIBLE ? SolveStatus.INFEASIBLE : SolveStatus.ERROR,
                        Double.NaN,
                        at,
                        Map.of());
            }
            Map<String, Double> slope = new HashMap<>();
            forEachDecision(form, v -> slope.put(v.name(), v.reducedCost()));
            return new Linearisation(SolveStatus.OPTIMAL, s.objective().value(), at, slope);
        } finally {
            s.delete();
        }
    }

    /** Each variable of a formulation that a plan's decisions fix: running, idle, closed, tooled. */
    static void forEachDecision(Formulation form, java.util.function.Consumer<MPVariable> action) {
        FrozenNetwork f = form.f;
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                action.accept(form.run[p][t]);
                action.accept(form.idle[p][t]);
                action.accept(form.closed[p][t]);
                for (int pf = 0; pf < f.nF; pf++) {
                    if (form.tool[p][pf][t] != null) {
                        action.accept(form.tool[p][pf][t]);
                    }
                }
            }
        }
    }

    /** Fixes a formulation's integer decisions (built continuous) at a plan's. */
    static void fix(Formulation form, Plan plan) {
        Decisions.of(plan).fix(form);
    }

    @Override
    public void close() {
        solver.delete();
    }

    private static MPSolver newSolver() {
        MPSolver s = MPSolver.createSolver(LP_SOLVER);
        if (s == null) {
            throw new IllegalStateException("OR-Tools has no " + LP_SOLVER + " solver on this machine");
        }
        return s;
    }

    private static Evaluation solveOnce(FrozenNetwork g, Decisions d, boolean rebuilt) {
        MPSolver s = newSolver();
        try {
            return solve(Formulation.build(g, s, Formulation.Settings.fixedLp()), d, rebuilt);
        } finally {
            s.delete();
        }
    }

    private static Evaluation solve(Formulation form, Decisions d, boolean rebuilt) {
        FrozenNetwork f = form.f;
        d.fix(form);
        MPSolver.ResultStatus rs;
        MPSolverParameters params = new MPSolverParameters();
        try {
            // presolve would hide the last basis from CLP; the LP is small and already tight
            params.setIntegerParam(
                    MPSolverParameters.IntegerParam.PRESOLVE,
                    MPSolverParameters.PresolveValues.PRESOLVE_OFF.swigValue());
            rs = form.solver.solve(params);
        } finally {
            params.delete();
        }
        SolveStatus status = switch (rs) {
            case OPTIMAL -> SolveStatus.OPTIMAL;
            case FEASIBLE -> SolveStatus.FEASIBLE;
            case INFEASIBLE -> SolveStatus.INFEASIBLE;
            case UNBOUNDED -> SolveStatus.UNBOUNDED;
            default -> SolveStatus.ERROR;
        };
        double demand = 0;
        for (double[][] byProduct : f.demand) {
            for (double[] byYear : byProduct) {
                for (double v : byYear) {
                    demand += v;
                }
            }
        }
        if (!status.hasPlan()) {
            return new Evaluation(status, Double.NaN, Plan.Kpis.ZERO, Double.NaN, demand, Double.NaN, 0, rebuilt);
        }
        MPSolutionResponse r = form.solver.createSolutionResponseProto();
        int n = form.solver.numVariables();
        double[] values = new double[n];
        for (int i = 0; i < n && i < r.getVariableValueCount(); i++) {
            values[i] = r.getVariableValue(i);
        }
        SolutionReader reader = new SolutionReader(form, values);
        double lost = 0;
        for (int m = 0; m < f.nM; m++) {
            for (int k = 0; k < f.nK; k++) {
                for (int t = 0; t < f.nT; t++) {
                    lost += reader.value(form.lost[m][k][t]);
                }
            }
        }
        double output = 0;
        double capacity = 0;
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                if (d.status[p][t] == PlantStatus.RUNNING) {
                    output += reader.output(p, t);
                    capacity += f.capacity[p][t];
                }
            }
        }
        double objective = form.solver.objective().value();
        return new Evaluation(status, objective, reader.kpis(), lost, demand, output, capacity, rebuilt);
    }

    /** The strategic decisions of a plan, by plant and year, ready to fix a formulation's variables. */
    private static final class Decisions {
        private final Map<String, PlantStatus> statusOf;
        private final Map<String, Integer> toolingFrom;
        private PlantStatus[][] status;

        private Decisions(Map<String, PlantStatus> statusOf, Map<String, Integer> toolingFrom) {
            this.statusOf = statusOf;
            this.toolingFrom = toolingFrom;
        }

        static Decisions of(Plan plan) {
            Objects.requireNonNull(plan, "plan");
            Map<String, PlantStatus> s = new HashMap<>();
            for (Plan.PlantYear py : plan.plants()) {
                s.put(py.plant() + "@" + py.year(), py.status());
            }
            Map<String, Integer> tools = new HashMap<>();
            for (Plan.Investment i : plan.investments()) {
                tools.merge(i.plant() + "/" + i.platform(), i.year(), Math::min);
            }
            return new Decisions(s, tools);
        }

        /** Resolves the decisions against a frozen network's indices. */
        void check(FrozenNetwork f) {
            PlantStatus[][] st = new PlantStatus[f.nP][f.nT];
            for (int p = 0; p < f.nP; p++) {
                for (int t = 0; t < f.nT; t++) {
                    PlantStatus s = statusOf.get(f.plantId[p] + "@" + f.year(t));
                    if (s == null) {
                        throw new IllegalArgumentException("the plan gives no status for plant " + f.plantId[p] + " in "
                                + f.year(t) + ": is it a plan of this model?");
                    }
                    st[p][t] = s;
                }
            }
            status = st;
        }

        /** Fixes the plant states and tooling of a formulation (built with continuous decisions). */
        void fix(Formulation form) {
            FrozenNetwork f = form.f;
            if (status == null) {
                check(f);
            }
            for (int p = 0; p < f.nP; p++) {
                for (int t = 0; t < f.nT; t++) {
                    PlantStatus s = status[p][t];
                    at(form.run[p][t], s == PlantStatus.RUNNING);
                    at(form.idle[p][t], s == PlantStatus.IDLE);
                    at(form.closed[p][t], s == PlantStatus.CLOSED);
                    for (int pf = 0; pf < f.nF; pf++) {
                        if (form.tool[p][pf][t] != null) {
                            Integer from = toolingFrom.get(f.plantId[p] + "/" + f.platformId[pf]);
                            at(form.tool[p][pf][t], from != null && f.year(t) >= from);
                        }
                    }
                }
            }
        }

        private static void at(MPVariable v, boolean on) {
            double x = on ? 1 : 0;
            v.setBounds(x, x);
        }
    }
}
