package footprint.optimize;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why the plan is so, read from the LP with every integer decision fixed at the plan's (plant
 * states and tooling; the flows free): what one more vehicle of demand is worth, how far each unused
 * lane is from carrying flow, and what each unused option would cost.
 *
 * <p>Money is in present value, in the base currency, at the group's share, unless a field says
 * otherwise. The LP is degenerate wherever a plant is exactly full or a market exactly served, so a
 * dual there is one of several that fit; the figures are each exact for the direction the LP picked.
 *
 * @param demand the marginal value of demand per market, product and year
 * @param lanes unused lanes (vehicle lanes and sourcing lanes) out of running plants
 * @param options unused options: running a plant in a year it does not run, tooling a platform
 *     the plan never tools
 * @param optionsLeftOut options not valued, beyond the limit of {@link #MAX_OPTIONS}
 */
public record Why(List<DemandValue> demand, List<LaneValue> lanes, List<OptionValue> options, int optionsLeftOut) {
    /** No more than this many options are valued per plan (each is one LP re-solve). */
    public static final int MAX_OPTIONS = 200;

    /** Nothing known: a plan without a plan, or a solve that did not ask for shadow prices. */
    public static final Why NONE = new Why(List.of(), List.of(), List.of(), 0);

    public Why {
        demand = List.copyOf(demand);
        lanes = List.copyOf(lanes);
        options = List.copyOf(options);
    }

    /** Whether the plan carries anything here. */
    public boolean isEmpty() {
        return demand.isEmpty() && lanes.isEmpty() && options.isEmpty();
    }

    /**
     * One more vehicle of demand for a product in a market and year: the dual of the row {@code
     * demand[m,k,t]}. Its sign follows the objective: in NPV mode, the NPV it would add (the margin
     * of the plant that would build it, net of what that plant's capacity is worth elsewhere; 0 where
     * the market already loses sales, since the last vehicle is not worth building); in cost mode,
     * the cost it would add (the marginal cost of serving it, or its lost-sale penalty where the
     * market loses sales).
     *
     * @param perVehicle present value per vehicle
     */
    public record DemandValue(String market, String product, int year, double perVehicle) {
        public DemandValue {
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(product, "product");
        }
    }

    /**
     * A lane that carries nothing in a year although its plant runs: how much a vehicle's (or a
     * component unit's) margin on it would have to improve before it carries flow. That is the
     * smallest reduced cost, over the products (or the component) it could carry, of the flow
     * variable on it, plus, for a lane dearer than another open lane between the same places, the
     * difference in freight (the formulation carries each flow on the cheapest open lane).
     *
     * @param lane the lane's name, {@code kaluga->FR:rail}
     * @param sourcing whether it carries components to an assembly plant (else vehicles to a market)
     * @param item the product (or component) nearest to using it
     * @param reducedCost how much the objective would worsen per unit forced onto the lane: NPV lost
     *     (NPV mode) or cost added (cost mode), present value, group share
     * @param perUnit the same in that year's money, undiscounted and at 100 %: the improvement in
     *     margin (a lower freight, cost or duty, a higher price) per unit that would make it worth using
     */
    public record LaneValue(String lane, boolean sourcing, int year, String item, double reducedCost, double perUnit) {
        public LaneValue {
            Objects.requireNonNull(lane, "lane");
            Objects.requireNonNull(item, "item");
        }
    }

    /**
     * An option the plan does not take, valued as a counterfactual with every other decision of the
     * plan kept: the LP with the integer decisions fixed is solved again with this one taken (the
     * flows follow), and the difference is how much worse the plan gets.
     *
     * <p>Why not the LP reduced cost of the relaxed binary: with a plant idle or a platform untooled,
     * the rows that link it to its flows have a right-hand side of 0, so any dual above the margin
     * fits them and the reduced cost is arbitrary (often 0); and a plant's fixed cost is lumpy, which
     * a reduced cost per unit of a binary cannot say. Why not a full re-solve of the MILP ({@code
     * footprint explain}): a plan has dozens of options, and each MILP takes seconds.
     *
     * @param action {@code run} (the plant runs in {@code year}) or {@code tool} (the platform is
     *     tooled from {@code year}, the first year its lead time allows, on)
     * @param platform the platform, for tool
     * @param reducedCost how much worse the plan gets: NPV lost (NPV mode) or cost added (cost
     *     mode), present value, group share; negative if it would pay (the plan is not optimal then)
     * @param possible false when the other decisions kept make it impossible (a commitment or a
     *     forced decision); reducedCost is then infinite
     * @param text the option in a planner's words: "run kaluga in 2027"
     */
    public record OptionValue(
            String action,
            String plant,
            Optional<String> platform,
            int year,
            double reducedCost,
            boolean possible,
            String text) {
        public OptionValue {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(plant, "plant");
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(text, "text");
        }
    }
}
