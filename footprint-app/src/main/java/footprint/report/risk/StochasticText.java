package footprint.report.risk;

import footprint.model.Network;
import footprint.model.Objective;
import footprint.optimize.Plan;
import footprint.risk.Estimate;
import footprint.risk.StochasticAnalysis;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The stochastic plan against the point-value plan: decisions that differ, VSS and EVPI with their intervals. */
public final class StochasticText {
    private StochasticText() {}

    public static String of(Network network, StochasticAnalysis.Result r) {
        String cur = network.currency();
        boolean npv = network.objective() == Objective.NPV;
        String value = npv ? "NPV" : "cost";
        StringBuilder s = new StringBuilder();
        StochasticAnalysis.Options o = r.options();
        s.append(String.format(
                Locale.ROOT,
                "%nStochastic plan: one set of strategic decisions for %d sampled futures (seed %d), the flows"
                        + " chosen per future.%n",
                o.samples(),
                o.seed()));
        s.append(String.format(
                Locale.ROOT, "Expected %s over those futures: %.1f M %s.%n", value, r.expectedObjective() / 1e6, cur));
        List<String> only = differences(r.stochastic(), r.point());
        List<String> pointOnly = differences(r.point(), r.stochastic());
        if (only.isEmpty() && pointOnly.isEmpty()) {
            s.append("Its decisions are those of the plan made on point values.\n");
        } else {
            s.append("Decisions that differ from the plan made on point values:\n");
            only.forEach(d -> s.append("  stochastic plan: ").append(d).append('\n'));
            pointOnly.forEach(d -> s.append("  point-value plan: ").append(d).append('\n'));
        }
        s.append(String.format(
                Locale.ROOT,
                "%nOn %d fresh futures, independent of those (mean, 95 %% confidence interval, M %s):%n",
                r.vss().n(),
                cur));
        line(s, "stochastic plan " + value, r.stochasticValue(), npv ? 1 : -1);
        line(s, "point-value plan " + value, r.pointValue(), npv ? 1 : -1);
        line(s, "each future's own best plan", r.waitAndSee(), npv ? 1 : -1);
        line(s, "value of the stochastic solution (VSS)", r.vss(), 1);
        line(s, "expected value of perfect information (EVPI)", r.evpi(), 1);
        if (r.dropped() > 0) {
            s.append(String.format(
                    Locale.ROOT, "  (%d futures left out: a plan could not meet a rule on them)%n", r.dropped()));
        }
        s.append(String.format(
                Locale.ROOT,
                "On the %d futures the plan was made on: VSS %.2f M, EVPI %.2f M (neither can be negative there).%n",
                r.vssOwn().n(),
                millions(r.vssOwn().mean()),
                millions(r.evpiOwn().mean())));
        return s.toString();
    }

    private static void line(StringBuilder s, String label, Estimate e, double sign) {
        double a = sign * e.low();
        double b = sign * e.high();
        double mean = sign * e.mean();
        s.append(String.format(
                Locale.ROOT,
                "  %-46s %10.2f   [%.2f, %.2f]%n",
                label,
                millions(mean),
                millions(Math.min(a, b)),
                millions(Math.max(a, b))));
    }

    /** Millions, with amounts that round to 0.00 M shown as 0 (not -0.00). */
    static double millions(double v) {
        double m = v / 1e6;
        return Math.abs(m) < 0.005 ? 0 : m;
    }

    /** The decisions of {@code a} that {@code b} does not take. */
    static List<String> differences(Plan a, Plan b) {
        Set<String> theirs = b.decisions().stream().map(Plan.Decision::text).collect(Collectors.toSet());
        return a.decisions().stream()
                .filter(d -> !d.given() && !theirs.contains(d.text()))
                .sorted(Comparator.comparing(Plan.Decision::plant).thenComparingInt(Plan.Decision::year))
                .map(Plan.Decision::text)
                .toList();
    }
}
