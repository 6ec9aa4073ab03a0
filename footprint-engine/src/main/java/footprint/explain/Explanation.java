package footprint.explain;

import footprint.model.Objective;
import footprint.model.PlantStatus;
import footprint.optimize.Plan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What forcing a decision the other way would cost, and what else would change.
 *
 * @param decision the decision as the planner named it
 * @param inPlan whether the plan takes it as named (then the counterfactual forbids it, else forces it)
 * @param planSays the plan's choice in words: "kaluga runs in 2027"
 * @param forcedAs the counterfactual in words: "kaluga does not run in 2027"
 * @param plan the best plan of the model
 * @param forced the best plan with the decision forced the other way (its status says if there is none)
 * @param extraFreight for a flow forced onto a lane dearer than another open lane between the same
 *     places: the freight it pays on top, present value at the group's share, included in {@link
 *     #difference()} (the solve carries flow on the cheapest lane); else 0
 * @param conflict when the forced model has no plan (or the model itself has none): the rules that
 *     conflict with it
 * @param states plant-years whose state differs
 * @param tooling platforms whose first year of use differs
 * @param volumes plant-years whose output differs (vehicles)
 * @param lostSales market-years whose lost sales differ (vehicles)
 */
public record Explanation(
        NamedDecision decision,
        boolean inPlan,
        String planSays,
        String forcedAs,
        Plan plan,
        Optional<Plan> forced,
        double extraFreight,
        Optional<Conflict> conflict,
        List<StateChange> states,
        List<ToolingChange> tooling,
        List<VolumeChange> volumes,
        List<LostSaleChange> lostSales) {
    public Explanation {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(planSays, "planSays");
        Objects.requireNonNull(forcedAs, "forcedAs");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(forced, "forced");
        Objects.requireNonNull(conflict, "conflict");
        states = List.copyOf(states);
        tooling = List.copyOf(tooling);
        volumes = List.copyOf(volumes);
        lostSales = List.copyOf(lostSales);
    }

    /** Whether there is a forced plan to compare with the plan. */
    public boolean compared() {
        return plan.hasPlan() && forced.isPresent() && forced.get().hasPlan();
    }

    /**
     * The forced plan's objective less the plan's, in the objective's own terms (NPV in NPV mode,
     * cost in cost mode), present value, group share; NaN when there is nothing to compare. In NPV
     * mode a negative difference is NPV lost; in cost mode a positive one is cost added.
     */
    public double difference() {
        if (!compared()) {
            return Double.NaN;
        }
        double extra = plan.mode() == Objective.NPV ? -extraFreight : extraFreight;
        return forced.get().objective() + extra - plan.objective();
    }

    /** How much worse the forced plan is (NPV lost or cost added; negative if it is better). */
    public double worseBy() {
        double d = difference();
        return plan.mode() == Objective.NPV ? -d : d;
    }

    /** A plant's state in a year, in the plan and forced. */
    public record StateChange(String plant, int year, PlantStatus before, PlantStatus after) {}

    /**
     * A platform whose first year of use at a plant differs (tooling options only): empty where it is
     * never tooled.
     */
    public record ToolingChange(String plant, String platform, Optional<Integer> before, Optional<Integer> after) {}

    /** A plant's output in a year, in the plan and forced. */
    public record VolumeChange(String plant, int year, double before, double after) {
        public double change() {
            return after - before;
        }
    }

    /** A market's lost sales in a year (all products), in the plan and forced. */
    public record LostSaleChange(String market, int year, double before, double after) {
        public double change() {
            return after - before;
        }
    }
}
