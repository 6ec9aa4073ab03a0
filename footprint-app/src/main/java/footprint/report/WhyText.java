package footprint.report;

import footprint.model.Objective;
import footprint.optimize.Plan;
import footprint.optimize.Why;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A plan's why for the summary: the top entries of each list (what one more vehicle of demand is
 * worth, the unused lanes nearest to being used, the options not taken that would cost least).
 */
public final class WhyText {
    /** How many entries of each list the summary shows ({@code --json} has them all). */
    static final int TOP = 5;

    private WhyText() {}

    public static String of(Plan plan, String cur) {
        Why why = plan.why();
        if (why.isEmpty()) {
            return "";
        }
        boolean npv = plan.mode() == Objective.NPV;
        StringBuilder s = new StringBuilder("Why (the LP with the plant states and tooling fixed; --json has all)\n");
        List<String[]> demand = why.demand().stream()
                .filter(d -> Math.abs(d.perVehicle()) > 0.5)
                .sorted(Comparator.comparingDouble(Why.DemandValue::perVehicle).reversed())
                .limit(TOP)
                .map(d -> new String[] {d.market() + " " + d.product() + " " + d.year(), Format.count(d.perVehicle())})
                .toList();
        table(
                s,
                (npv
                                ? "One more vehicle of demand would add (NPV, present value, "
                                : "One more vehicle of demand would" + " cost (present value, ")
                        + cur + "), the highest",
                demand);
        List<String[]> lanes = why.lanes().stream()
                .sorted(Comparator.comparingDouble(Why.LaneValue::perUnit))
                .limit(TOP)
                .map(l -> new String[] {
                    l.lane() + " " + l.year() + " (" + l.item() + ")",
                    l.perUnit() < 0.5 ? "0 (a tie)" : Format.count(l.perUnit())
                })
                .toList();
        table(
                s,
                "Unused lanes: what a unit's margin must gain to use them (" + cur + ", that year's money), the"
                        + " closest",
                lanes);
        List<String[]> options = new ArrayList<>(why.options().stream()
                .sorted(Comparator.comparingDouble(Why.OptionValue::reducedCost))
                .limit(TOP)
                .map(o -> new String[] {o.text(), o.possible() ? Format.millions(o.reducedCost()) : "impossible"})
                .toList());
        if (why.optionsLeftOut() > 0) {
            options.add(new String[] {"(" + why.optionsLeftOut() + " more not valued)", ""});
        }
        table(
                s,
                (npv ? "Options not taken: NPV lost" : "Options not taken: cost added")
                        + " if taken with every other decision kept (" + cur + "), the cheapest",
                options);
        return s.append('\n').toString();
    }

    private static void table(StringBuilder s, String title, List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int w = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
        s.append("  ").append(title).append('\n');
        for (String[] r : rows) {
            s.append(String.format(Locale.ROOT, "    %-" + w + "s  %12s%n", r[0], r[1]));
        }
    }
}
