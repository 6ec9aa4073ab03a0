package footprint.optimize;

import com.google.ortools.linearsolver.MPVariable;
import footprint.model.Objective;
import footprint.model.PlantStatus;
import footprint.optimize.FrozenNetwork.Arc;
import footprint.optimize.FrozenNetwork.SupplyArc;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the values of a solved formulation into the parts of a {@link Plan}. */
final class SolutionReader {
    /** Volumes below this are reported as no flow. */
    static final double SMALL = 1e-6;

    private final FrozenNetwork f;
    private final Formulation form;
    private final double[] values;

    SolutionReader(Formulation form, double[] values) {
        this.f = form.f;
        this.form = form;
        this.values = values.clone();
    }

    /**
     * The plan these values make: the decisions, flows and KPIs read here, with the solve's status,
     * figures and notes.
     *
     * @param shadow the capacity rows' shadow prices by plant and year (null: none)
     */
    Plan plan(
            SolveStatus status,
            String backend,
            double objective,
            double bound,
            double gap,
            double buildSeconds,
            double solveSeconds,
            Plan.Size size,
            double[][] shadow,
            List<String> notes,
            Why why) {
        return new Plan(
                status,
                f.mode,
                backend,
                objective,
                bound,
                gap,
                buildSeconds,
                solveSeconds,
                size,
                kpis(),
                plants(shadow),
                flows(),
                lostSales(),
                componentFlows(),
                investments(),
                decisions(),
                notes,
                why);
    }

    double value(MPVariable v) {
        return v == null ? 0 : values[v.index()];
    }

    /** The state of plant p in year t, from the binaries rounded. */
    PlantStatus status(int p, int t) {
        double r = value(form.run[p][t]);
        double i = value(form.idle[p][t]);
        double c = value(form.closed[p][t]);
        if (r >= i && r >= c) {
            return PlantStatus.RUNNING;
        }
        return i >= c ? PlantStatus.IDLE : PlantStatus.CLOSED;
    }

    boolean tooled(int p, int pf, int t) {
        return switch (f.tooling[p][pf]) {
            case START -> f.startUsable[p][pf][t];
            case OPTION -> value(form.tool[p][pf][t]) > 0.5;
            case NONE -> false;
        };
    }

    /** The KPIs, each summed from the same coefficients the objective uses, so they add up to it. */
    Plan.Kpis kpis() {
        double revenue = 0;
        double variable = 0;
        double freight = 0;
        double duties = 0;
        for (Arc a : f.arcs) {
            double x = values[form.flow[a.index()].index()];
            if (x == 0) {
                continue;
            }
            double w = f.discount[a.year()] * f.ownership[a.plant()];
            double unitPrice = f.price[a.market()][a.product()][a.year()];
            revenue += w * unitPrice * x;
            variable += w * f.variableCost[a.plant()][a.product()][a.year()] * x;
            freight += w * a.freightPerUnit() * x;
            duties += w * a.dutyRate() * unitPrice * x;
        }
        double components = 0;
        for (SupplyArc s : f.supplyArcs) {
            double y = values[form.supply[s.index()].index()];
            components += f.discount[s.year()]
                    * f.ownership[s.plant()]
                    * (f.componentUnitCost[s.componentPlant()][s.year()] + s.freightPerUnit())
                    * y;
        }
        double fixed = 0;
        double idleCost = 0;
        double closure = 0;
        double reopening = 0;
        double investment = 0;
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                double w = f.discount[t] * f.ownership[p];
                fixed += w * f.fixedCost[p][t] * value(form.run[p][t]);
                idleCost += w * f.idleCost[p][t] * value(form.idle[p][t]);
                closure += w * f.closureCost[p][t] * value(form.closes[p][t]);
                reopening += w * f.reopeningCost[p][t] * value(form.reopens[p][t]);
                for (int pf = 0; pf < f.nF; pf++) {
                    if (form.tool[p][pf][t] != null) {
                        double before = t == 0 ? 0 : value(form.tool[p][pf][t - 1]);
                        investment += w * f.investment[p][pf][t] * (value(form.tool[p][pf][t]) - before);
                    }
                }
            }
        }
        for (int q = 0; q < f.nQ; q++) {
            for (int t = 0; t < f.nT; t++) {
                fixed += f.discount[t] * f.componentPlantOwnership[q] * f.componentFixedCost[q][t];
            }
        }
        double penalty = 0;
        if (f.mode == Objective.COST) {
            for (int m = 0; m < f.nM; m++) {
                for (int k = 0; k < f.nK; k++) {
                    for (int t = 0; t < f.nT; t++) {
                        if (form.lost[m][k][t] != null) {
                            penalty += f.discount[t] * f.penalty[m][t] * value(form.lost[m][k][t]);
                        }
                    }
                }
            }
        }
        double cost = variable + freight + duties + components + fixed + idleCost + investment + closure + reopening;
        return new Plan.Kpis(
                revenue,
                variable,
                freight,
                duties,
                components,
                fixed,
                idleCost,
                investment,
                closure,
                reopening,
                penalty,
                revenue - cost);
    }

    List<Plan.Flow> flows() {
        List<Plan.Flow> out = new ArrayList<>();
        for (Arc a : f.arcs) {
            double x = values[form.flow[a.index()].index()];
            if (x > SMALL) {
                out.add(new Plan.Flow(
                        f.plantId[a.plant()], f.productId[a.product()], f.marketId[a.market()], f.year(a.year()), x));
            }
        }
        return out;
    }

    List<Plan.LostSale> lostSales() {
        List<Plan.LostSale> out = new ArrayList<>();
        for (int m = 0; m < f.nM; m++) {
            for (int k = 0; k < f.nK; k++) {
                for (int t = 0; t < f.nT; t++) {
                    double v = value(form.lost[m][k][t]);
                    if (v > SMALL) {
                        out.add(new Plan.LostSale(f.marketId[m], f.productId[k], f.year(t), v));
                    }
                }
            }
        }
        return out;
    }

    List<Plan.ComponentFlow> componentFlows() {
        List<Plan.ComponentFlow> out = new ArrayList<>();
        for (SupplyArc s : f.supplyArcs) {
            double y = values[form.supply[s.index()].index()];
            if (y > SMALL) {
                int q = s.componentPlant();
                out.add(new Plan.ComponentFlow(
                        f.componentPlantId[q],
                        f.plantId[s.plant()],
                        f.componentId[f.componentOf[q]],
                        f.year(s.year()),
                        y));
            }
        }
        return out;
    }

    /** Output of plant p in year t. */
    double output(int p, int t) {
        double sum = 0;
        for (int i : f.arcsByPlantYear[p][t]) {
            sum += values[form.flow[i].index()];
        }
        return sum;
    }

    List<Plan.PlantYear> plants(double[][] shadowPrices) {
        List<Plan.PlantYear> out = new ArrayList<>();
        for (int p = 0; p < f.nP; p++) {
            for (int t = 0; t < f.nT; t++) {
                PlantStatus s = status(p, t);
                double output = output(p, t);
                double cap = f.capacity[p][t];
                double jobs = switch (s) {
                    case RUNNING -> f.workforce[p];
                    case IDLE -> f.idleWorkforce[p];
                    case CLOSED -> 0;
                };
                double util = s == PlantStatus.RUNNING && cap > 0 ? output / cap : 0;
                double shadow = s == PlantStatus.RUNNING && shadowPrices != null ? shadowPrices[p][t] : 0;
                out.add(new Plan.PlantYear(f.plantId[p], f.year(t), s, output, cap, util, jobs, shadow));
            }
        }
        return out;
    }

    List<Plan.Investment> investments() {
        List<Plan.Investment> out = new ArrayList<>();
        for (int p = 0; p < f.nP; p++) {
            for (int pf = 0; pf < f.nF; pf++) {
                if (f.tooling[p][pf] != FrozenNetwork.Tooling.OPTION) {
                    continue;
                }
                for (int t = 0; t < f.nT; t++) {
                    if (tooled(p, pf, t)) {
                        out.add(new Plan.Investment(f.plantId[p], f.platformId[pf], f.year(t), f.investment[p][pf][t]));
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** State changes and tooling in a planner's words, plant by plant, in year order. */
    List<Plan.Decision> decisions() {
        List<Plan.Decision> out = new ArrayList<>();
        for (int p = 0; p < f.nP; p++) {
            String plant = f.plantId[p];
            PlantStatus before = f.priorStatus[p];
            for (int t = 0; t < f.nT; t++) {
                PlantStatus now = status(p, t);
                int year = f.year(t);
                if (now != before) {
                    boolean given = givenState(p, t, now);
                    String action;
                    String text;
                    switch (now) {
                        case RUNNING -> {
                            action = "reopen";
                            text = plant + " runs again from " + year + " (reopening after "
                                    + before.name().toLowerCase(Locale.ROOT) + ")";
                        }
                        case IDLE -> {
                            action = "idle";
                            text = plant + " idles from " + year;
                        }
                        default -> {
                            action = "close";
                            text = plant + " closes in " + year;
                        }
                    }
                    out.add(new Plan.Decision(
                            plant, year, action, Optional.empty(), given, text + (given ? " (given)" : "")));
                }
                before = now;
                for (int pf = 0; pf < f.nF; pf++) {
                    if (f.tooling[p][pf] == FrozenNetwork.Tooling.OPTION
                            && tooled(p, pf, t)
                            && (t == 0 || !tooled(p, pf, t - 1))) {
                        boolean given = givenTool(p, pf, t);
                        out.add(new Plan.Decision(
                                plant,
                                year,
                                "tool",
                                Optional.of(f.platformId[pf]),
                                given,
                                plant + " is tooled for " + f.platformId[pf] + " from " + year
                                        + (given ? " (given)" : "")));
                    }
                }
            }
        }
        return out;
    }

    private boolean givenState(int p, int t, PlantStatus s) {
        return f.stateRules.stream().anyMatch(r -> r.plant() == p && r.year() == t && r.force() && r.status() == s);
    }

    private boolean givenTool(int p, int pf, int t) {
        return f.toolRules.stream().anyMatch(r -> r.plant() == p && r.platform() == pf && r.year() == t && r.force());
    }
}
