package footprint.report;

import footprint.model.Objective;
import footprint.optimize.Plan;
import footprint.optimize.Why;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plan's why as JSON, the {@code why} section of {@link PlanJson} (see {@link Why}): {@code
 * demandValue} says what {@code demand[].perVehicle} measures in the plan's mode; {@code
 * lanes[].perUnit} is in that year's money and {@code lanes[].reducedCost} in present value; {@code
 * options[].reducedCost} is what taking the option would cost with every other decision kept, null
 * where that is impossible.
 */
public final class WhyJson {
    private WhyJson() {}

    public static Map<String, Object> tree(Plan plan) {
        Why why = plan.why();
        var m = new LinkedHashMap<String, Object>();
        m.put("source", "the LP with every plant state and tooling fixed at the plan's");
        m.put(
                "demandValue",
                plan.mode() == Objective.NPV
                        ? "the NPV one more vehicle of demand would add (present value, group share)"
                        : "the cost one more vehicle of demand would add (present value, group share)");
        m.put(
                "demand",
                why.demand().stream()
                        .map(d -> {
                            var r = new LinkedHashMap<String, Object>();
                            r.put("market", d.market());
                            r.put("product", d.product());
                            r.put("year", d.year());
                            r.put("perVehicle", d.perVehicle());
                            return r;
                        })
                        .toList());
        m.put(
                "lanes",
                why.lanes().stream()
                        .map(l -> {
                            var r = new LinkedHashMap<String, Object>();
                            r.put("lane", l.lane());
                            r.put("kind", l.sourcing() ? "sourcing" : "vehicles");
                            r.put("year", l.year());
                            r.put("item", l.item());
                            r.put("reducedCost", l.reducedCost());
                            r.put("perUnit", l.perUnit());
                            return r;
                        })
                        .toList());
        m.put(
                "optionMethod",
                "counterfactual: the LP solved again with the option taken and every other decision of the plan kept");
        m.put(
                "options",
                why.options().stream()
                        .map(o -> {
                            var r = new LinkedHashMap<String, Object>();
                            r.put("action", o.action());
                            r.put("plant", o.plant());
                            o.platform().ifPresent(p -> r.put("platform", p));
                            r.put("year", o.year());
                            r.put("reducedCost", Double.isFinite(o.reducedCost()) ? o.reducedCost() : null);
                            r.put("possible", o.possible());
                            r.put("text", o.text());
                            return r;
                        })
                        .toList());
        m.put("optionsLeftOut", why.optionsLeftOut());
        return m;
    }
}
