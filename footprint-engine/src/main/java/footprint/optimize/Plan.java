package footprint.optimize;

import footprint.model.Objective;
import footprint.model.PlantStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of a solve: how it ended, how good it is proved to be, and the plan itself.
 *
 * <p>Money: {@link #objective}, {@link #bestBound} and the {@link Kpis} are present values in the
 * model's base currency at the group's share (see {@link Kpis}). Amounts in {@link Investment} are
 * in the base currency of their year, undiscounted and at 100 %. Volumes are vehicles (or
 * component units) a year.
 *
 * @param mode what the objective measures: NPV (maximised) or cost (minimised)
 * @param backend the solver that found the plan
 * @param objective the plan's objective value (NaN without a plan)
 * @param bestBound the best bound the solver proved: no plan is better than it
 * @param gap |objective - bestBound| / max(1, |objective|) (NaN without a plan)
 * @param buildSeconds freezing the network and building the MILP
 * @param solveSeconds the MILP solve
 * @param size the MILP's size
 * @param notes what a planner should know about the solve (an option a backend ignored, ...)
 * @param why marginal values, reduced costs and unused options, from the LP with the integer
 *     decisions fixed ({@link Why#NONE} without a plan or without shadow prices)
 * @param techniques the speed techniques the solve ran and why ({@link TechniqueChoice#UNRECORDED}
 *     for a plan that did not come from {@link Optimizer}, such as one read from a file)
 */
public record Plan(
        SolveStatus status,
        Objective mode,
        String backend,
        double objective,
        double bestBound,
        double gap,
        double buildSeconds,
        double solveSeconds,
        Size size,
        Kpis kpis,
        List<PlantYear> plants,
        List<Flow> flows,
        List<LostSale> lostSales,
        List<ComponentFlow> componentFlows,
        List<Investment> investments,
        List<Decision> decisions,
        List<String> notes,
        Why why,
        TechniqueChoice techniques) {
    public Plan {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(kpis, "kpis");
        plants = List.copyOf(plants);
        flows = List.copyOf(flows);
        lostSales = List.copyOf(lostSales);
        componentFlows = List.copyOf(componentFlows);
        investments = List.copyOf(investments);
        decisions = List.copyOf(decisions);
        notes = List.copyOf(notes);
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(techniques, "techniques");
    }

    /** A plan without a record of the techniques that found it. */
    public Plan(
            SolveStatus status,
            Objective mode,
            String backend,
            double objective,
            double bestBound,
            double gap,
            double buildSeconds,
            double solveSeconds,
            Size size,
            Kpis kpis,
            List<PlantYear> plants,
            List<Flow> flows,
            List<LostSale> lostSales,
            List<ComponentFlow> componentFlows,
            List<Investment> investments,
            List<Decision> decisions,
            List<String> notes,
            Why why) {
        this(
                status,
                mode,
                backend,
                objective,
                bestBound,
                gap,
                buildSeconds,
                solveSeconds,
                size,
                kpis,
                plants,
                flows,
                lostSales,
                componentFlows,
                investments,
                decisions,
                notes,
                why,
                TechniqueChoice.UNRECORDED);
    }

    /** The same plan, recording the techniques that found it and why. */
    public Plan withTechniques(TechniqueChoice choice) {
        return new Plan(
                status,
                mode,
                backend,
                objective,
                bestBound,
                gap,
                buildSeconds,
                solveSeconds,
                size,
                kpis,
                plants,
                flows,
                lostSales,
                componentFlows,
                investments,
                decisions,
                notes,
                why,
                choice);
    }

    /** A plan without its why. */
    public Plan(
            SolveStatus status,
            Objective mode,
            String backend,
            double objective,
            double bestBound,
            double gap,
            double buildSeconds,
            double solveSeconds,
            Size size,
            Kpis kpis,
            List<PlantYear> plants,
            List<Flow> flows,
            List<LostSale> lostSales,
            List<ComponentFlow> componentFlows,
            List<Investment> investments,
            List<Decision> decisions,
            List<String> notes) {
        this(
                status,
                mode,
                backend,
                objective,
                bestBound,
                gap,
                buildSeconds,
                solveSeconds,
                size,
                kpis,
                plants,
                flows,
                lostSales,
                componentFlows,
                investments,
                decisions,
                notes,
                Why.NONE);
    }

    /** Whether the solve found a plan. */
    public boolean hasPlan() {
        return status.hasPlan();
    }

    /** The row of a plant and year, if the plan has one. */
    public Optional<PlantYear> plant(String plant, int year) {
        return plants.stream()
                .filter(p -> p.plant().equals(plant) && p.year() == year)
                .findFirst();
    }

    /** The volume of a product from a plant to a market in a year (0 where there is no flow). */
    public double flow(String plant, String product, String market, int year) {
        return flows.stream()
                .filter(f -> f.plant().equals(plant)
                        && f.product().equals(product)
                        && f.market().equals(market)
                        && f.year() == year)
                .mapToDouble(Flow::volume)
                .sum();
    }

    /** The size of the MILP: deterministic, to set beside times. */
    public record Size(int variables, int binaries, int rows, long nonzeros) {}

    /**
     * The plan's value and its parts: present values (each year's amount times its discount factor)
     * in the base currency, counted at the group's share.
     *
     * <p>Ownership: a plant's revenue, variable cost, freight, duties, fixed, idle, closure and
     * reopening costs, tooling investment and the components it buys (unit cost and freight) count
     * at the plant's ownership share; a component plant's fixed cost at the component plant's share
     * (components are bought at unit cost, so a component plant earns no margin of its own); lost-sale
     * penalties count in full.
     *
     * <p>In NPV mode the objective is {@link #npv} = revenue - {@link #cost()}; in cost mode it is
     * {@link #cost()} + lostSalePenalty, and npv is still revenue - cost (0 revenue where no prices
     * are given).
     */
    public record Kpis(
            double revenue,
            double variableCost,
            double freight,
            double duties,
            double componentCost,
            double fixedCost,
            double idleCost,
            double investment,
            double closureCost,
            double reopeningCost,
            double lostSalePenalty,
            double npv) {
        /** All the KPIs at 0 (a plan-less answer). */
        public static final Kpis ZERO = new Kpis(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** Every cost together, lost-sale penalties apart. */
        public double cost() {
            return variableCost
                    + freight
                    + duties
                    + componentCost
                    + fixedCost
                    + idleCost
                    + investment
                    + closureCost
                    + reopeningCost;
        }

        /** The objective the KPIs make up in a mode. */
        public double objective(Objective mode) {
            return mode == Objective.NPV ? npv : cost() + lostSalePenalty;
        }
    }

    /**
     * A plant in a year.
     *
     * @param output vehicles built
     * @param capacity vehicles it could build while running
     * @param utilisation output / capacity (0 when not running)
     * @param jobs its workforce while running, its idle workforce while idle, 0 when closed
     * @param capacityShadowPrice what one more vehicle of capacity would add to the objective's
     *     value (present value, group share; cost saved in cost mode), from the LP with every
     *     integer decision fixed; 0 when the plant does not run or shadow prices were not asked for
     */
    public record PlantYear(
            String plant,
            int year,
            PlantStatus status,
            double output,
            double capacity,
            double utilisation,
            double jobs,
            double capacityShadowPrice) {
        public boolean running() {
            return status == PlantStatus.RUNNING;
        }
    }

    /** Vehicles of a product built at a plant and sold in a market in a year. */
    public record Flow(String plant, String product, String market, int year, double volume) {}

    /** Demand not served. */
    public record LostSale(String market, String product, int year, double volume) {}

    /** Component units carried from a component plant to a plant in a year. */
    public record ComponentFlow(String componentPlant, String plant, String component, int year, double volume) {}

    /**
     * A platform tooled at a plant: the amount is paid in the year the platform is first used, in
     * the base currency of that year, undiscounted, at 100 %.
     */
    public record Investment(String plant, String platform, int year, double amount) {}

    /**
     * A decision of the plan in a planner's words.
     *
     * @param action run, idle, close, reopen or tool
     * @param platform the platform, for tool
     * @param given whether the model imposed it (a given status or a forced decision)
     * @param text the sentence a planner reads: "kaluga idles from 2022"
     */
    public record Decision(
            String plant, int year, String action, Optional<String> platform, boolean given, String text) {
        public Decision {
            Objects.requireNonNull(plant, "plant");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(text, "text");
        }
    }
}
