package footprint.optimize;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import footprint.model.Lane;
import footprint.model.Objective;
import footprint.model.PlantStatus;
import footprint.optimize.FrozenNetwork.Arc;
import footprint.optimize.FrozenNetwork.SupplyArc;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@link Why} of a plan from the LP with every integer decision fixed at the plan's
 * (GLOP): the duals of the demand rows, the reduced costs of the flows on unused lanes, and each
 * unused option valued by solving that LP again with the option taken.
 *
 * <p>The LP is the MILP's formulation without the rows for strength, with the plant states and
 * tooling fixed by their bounds, and with the bounds {@code x ≤ demand} and {@code lost ≤ demand}
 * lifted: the demand row and non-negativity already imply them, and left in they would take the
 * dual of a market served by one plant away from its demand row.
 *
 * <p>The LP has the MILP's variables in the MILP's order (the rows for strength add no variable), so
 * the plan's values are read through this LP's variables. A lane's own cost is valued at its
 * nominal figures (the arcs hold the cheapest lane's cost as the solve valued it).
 */
final class Marginals {
    private static final double INF = Double.POSITIVE_INFINITY;
    /** Reduced costs and lane cost differences below this count as 0 (money per unit). */
    private static final double EPS = 1e-7;

    private final FrozenNetwork f;
    private final Formulation lp;
    private final SolutionReader plan;
    private final boolean npv;

    private Marginals(FrozenNetwork f, Formulation lp, SolutionReader plan) {
        this.f = f;
        this.lp = lp;
        this.plan = plan;
        this.npv = f.mode == Objective.NPV;
    }

    /** The why of a plan read by {@code plan} from the MILP of {@code milp}'s families. */
    static Why read(FrozenNetwork f, Formulation.Settings milp, SolutionReader plan, List<String> notes) {
        MPSolver solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            notes.add("no marginal values: OR-Tools has no GLOP solver on this machine");
            return Why.NONE;
        }
        try {
            var families = EnumSet.noneOf(Formulation.Family.class);
            families.addAll(milp.families());
            families.remove(Formulation.Family.STRENGTH);
            Formulation lp = Formulation.build(f, solver, new Formulation.Settings(false, families));
            Marginals m = new Marginals(f, lp, plan);
            m.fixIntegers();
            m.liftRedundantBounds();
            MPSolver.ResultStatus rs = solver.solve();
            if (rs != MPSolver.ResultStatus.OPTIMAL) {
                notes.add("no marginal values: the LP with the integer decisions fixed ended " + rs);
                return Why.NONE;
            }
            double base = solver.objective().value();
            List<Why.DemandValue> demand = m.demand();
            List<Why.LaneValue> lanes = m.lanes();
            List<Why.OptionValue> options = new ArrayList<>();
            int leftOut = m.options(base, options);
            return new Why(demand, lanes, options, leftOut);
        } finally {
            solver.delete();
        }
    }

    private void fixIntegers() {
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                fixState(p, t, plan.status(p, t));
                for (int pf = 0; pf < f.nF; pf++) {
                    if (lp.tool[p][pf][t] != null) {
                        at(lp.tool[p][pf][t], plan.tooled(p, pf, t));
                    }
                }
            }
        }
    }

    private void fixState(int p, int t, PlantStatus s) {
        at(lp.run[p][t], s == PlantStatus.RUNNING);
        at(lp.idle[p][t], s == PlantStatus.IDLE);
        at(lp.closed[p][t], s == PlantStatus.CLOSED);
    }

    private static void at(MPVariable v, boolean on) {
        double x = on ? 1 : 0;
        v.setBounds(x, x);
    }

    private void liftRedundantBounds() {
        for (MPVariable x : lp.flow) {
            x.setUb(INF);
        }
        for (MPVariable[][] byProduct : lp.lost) {
            for (MPVariable[] byYear : byProduct) {
                for (MPVariable v : byYear) {
                    if (v != null) {
                        v.setUb(INF);
                    }
                }
            }
        }
    }

    /** How much the objective worsens per unit of a variable pushed up from 0 (≥ 0 at an optimum). */
    private double worsening(MPVariable v) {
        double rc = v.reducedCost();
        return Math.max(0, npv ? -rc : rc);
    }

    // ---- demand ---------------------------------------------------------------------------------

    private List<Why.DemandValue> demand() {
        List<Why.DemandValue> out = new ArrayList<>();
        for (int m = 0; m < f.nM; m++) {
            for (int k = 0; k < f.nK; k++) {
                for (int t = 0; t < f.nT; t++) {
                    if (f.demand[m][k][t] <= 0) {
                        continue;
                    }
                    MPConstraint row = lp.solver.lookupConstraintOrNull("demand[" + Formulation.id(f.marketId[m]) + ","
                            + Formulation.id(f.productId[k]) + "," + f.year(t) + "]");
                    if (row != null) {
                        // the dual is d(objective)/d(demand): NPV added, or cost added, per vehicle
                        out.add(new Why.DemandValue(f.marketId[m], f.productId[k], f.year(t), row.dualValue() + 0.0));
                    }
                }
            }
        }
        return out;
    }

    // ---- lanes ----------------------------------------------------------------------------------

    private List<Why.LaneValue> lanes() {
        Map<String, Integer> plantIx = index(f.plantId);
        Map<String, Integer> marketIx = index(f.marketId);
        Map<String, Integer> componentPlantIx = index(f.componentPlantId);
        List<Why.LaneValue> out = new ArrayList<>();
        for (Lane lane : f.network.lanes()) {
            Integer p = plantIx.get(lane.from());
            Integer m = marketIx.get(lane.to());
            Integer q = componentPlantIx.get(lane.from());
            Integer to = plantIx.get(lane.to());
            for (int t = 0; t < f.nT; t++) {
                int year = f.year(t);
                if (!lane.isOpen(year)) {
                    continue;
                }
                double ownCost = lane.costPerUnit().map(s -> s.nominal(year)).orElse(0.0);
                if (p != null && m != null) {
                    vehicleLane(lane, p, m, t, ownCost).ifPresent(out::add);
                } else if (q != null && to != null) {
                    sourcingLane(lane, q, to, t, ownCost).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    private Optional<Why.LaneValue> vehicleLane(Lane lane, int p, int m, int t, double ownCost) {
        if (plan.status(p, t) != PlantStatus.RUNNING) {
            return Optional.empty(); // the plant's option says what running it would take
        }
        double carried = 0;
        double best = INF;
        double freight = Double.NaN;
        String item = null;
        for (int i : f.arcsByPlantYear[p][t]) {
            Arc a = f.arcs.get(i);
            // flows through an untooled platform are held at 0 by a row whose dual is arbitrary
            if (a.market() != m || !plan.tooled(p, f.productPlatform[a.product()], t)) {
                continue;
            }
            MPVariable x = lp.flow[i];
            carried += plan.value(x);
            freight = a.freightPerUnit();
            double w = worsening(x);
            if (w < best) {
                best = w;
                item = f.productId[a.product()];
            }
        }
        if (item == null) {
            return Optional.empty(); // banned, no demand, or nothing the plant builds
        }
        return value(lane, false, p, t, carried, best, ownCost - freight, item);
    }

    private Optional<Why.LaneValue> sourcingLane(Lane lane, int q, int p, int t, double ownCost) {
        if (plan.status(p, t) != PlantStatus.RUNNING) {
            return Optional.empty();
        }
        for (int s : f.supplyByPlantYear[p][t]) {
            SupplyArc a = f.supplyArcs.get(s);
            if (a.componentPlant() != q) {
                continue;
            }
            double carried = plan.value(lp.supply[s]);
            return value(
                    lane,
                    true,
                    p,
                    t,
                    carried,
                    worsening(lp.supply[s]),
                    ownCost - a.freightPerUnit(),
                    f.componentId[f.componentOf[q]]);
        }
        return Optional.empty();
    }

    /**
     * An unused lane's value: the flow's reduced cost, plus the extra freight where another open lane
     * between the same places is cheaper (the formulation carries flow on the cheapest).
     */
    private Optional<Why.LaneValue> value(
            Lane lane, boolean sourcing, int p, int t, double carried, double reducedCost, double extra, String item) {
        boolean cheapest = extra <= EPS;
        if (cheapest && carried > SolutionReader.SMALL) {
            return Optional.empty();
        }
        double w = f.discount[t] * f.ownership[p];
        double more = Math.max(0, extra);
        double perUnit = (w > 0 ? reducedCost / w : 0) + more;
        return Optional.of(new Why.LaneValue(lane.id(), sourcing, f.year(t), item, reducedCost + more * w, perUnit));
    }

    // ---- options --------------------------------------------------------------------------------

    /** Values the unused options into {@code out}; returns how many were left out over the limit. */
    private int options(double base, List<Why.OptionValue> out) {
        int leftOut = 0;
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                PlantStatus s = plan.status(p, t);
                if (s == PlantStatus.RUNNING || !f.mayRun[p][t]) {
                    continue;
                }
                if (out.size() >= Why.MAX_OPTIONS) {
                    leftOut++;
                    continue;
                }
                fixState(p, t, PlantStatus.RUNNING);
                String text = "run " + f.plantId[p] + " in " + f.year(t) + " ("
                        + s.name().toLowerCase(Locale.ROOT) + " in the plan)";
                out.add(option("run", p, Optional.empty(), t, base, text));
                fixState(p, t, s);
            }
        }
        for (int p = 0; p < f.nP; p++) {
            for (int pf = 0; pf < f.nF; pf++) {
                if (!untouchedToolingOption(p, pf)) {
                    continue;
                }
                int first = f.earliestTooling[p][pf];
                if (out.size() >= Why.MAX_OPTIONS) {
                    leftOut++;
                    continue;
                }
                for (int t = first; t < f.nT; t++) {
                    at(lp.tool[p][pf][t], true);
                }
                String text = "tool " + f.plantId[p] + " for " + f.platformId[pf] + " from " + f.year(first);
                out.add(option("tool", p, Optional.of(f.platformId[pf]), first, base, text));
                for (int t = first; t < f.nT; t++) {
                    at(lp.tool[p][pf][t], false);
                }
            }
        }
        return leftOut;
    }

    /** A tooling option the plan never takes, that no rule forces or forbids, possible in the horizon. */
    private boolean untouchedToolingOption(int p, int pf) {
        if (f.tooling[p][pf] != FrozenNetwork.Tooling.OPTION || f.earliestTooling[p][pf] >= f.nT) {
            return false;
        }
        for (int t = 0; t < f.nT; t++) {
            if (plan.tooled(p, pf, t)) {
                return false;
            }
        }
        return f.toolRules.stream().noneMatch(r -> r.plant() == p && r.platform() == pf);
    }

    private Why.OptionValue option(String action, int p, Optional<String> platform, int t, double base, String text) {
        MPSolver.ResultStatus rs = lp.solver.solve();
        if (rs != MPSolver.ResultStatus.OPTIMAL) {
            return new Why.OptionValue(action, f.plantId[p], platform, f.year(t), INF, false, text);
        }
        double now = lp.solver.objective().value();
        double worse = npv ? base - now : now - base;
        return new Why.OptionValue(action, f.plantId[p], platform, f.year(t), worse + 0.0, true, text);
    }

    private static Map<String, Integer> index(String[] ids) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            m.put(ids[i], i);
        }
        return m;
    }
}
