package footprint.report.risk;

import footprint.model.Disruption;
import footprint.model.Network;
import footprint.risk.Distribution;
import footprint.risk.Driver;
import footprint.risk.RiskReport;
import footprint.risk.SampleResult;
import java.util.List;
import java.util.Locale;

/** A risk run as text: the spreads, the value at risk and the inputs that drive the NPV. */
public final class RiskText {
    /** Drivers printed (the JSON and HTML reports carry them all). */
    static final int DRIVERS = 10;

    private RiskText() {}

    /**
     * The text a planner reads.
     *
     * @param planFrom where the plan came from ("solved on the nominal values", "plan.json")
     */
    public static String of(Network network, RiskReport r, String planFrom) {
        StringBuilder s = new StringBuilder();
        String cur = network.currency();
        s.append("Risk: ").append(network.name()).append('\n');
        s.append(String.format(
                Locale.ROOT,
                "%d samples, seed %d, %d uncertain inputs%s; %d thread%s, %.1f s (%.0f LPs a second)%n",
                r.samples(),
                r.seed(),
                r.inputs(),
                r.demandCorrelation() > 0
                        ? String.format(
                                Locale.ROOT, ", demands of each market rank-correlated %.2f", r.demandCorrelation())
                        : "",
                r.threads(),
                r.threads() == 1 ? "" : "s",
                r.seconds(),
                r.lpsPerSecond()));
        s.append("The plan's strategic decisions (")
                .append(planFrom)
                .append(") are kept; the flows are re-solved")
                .append(" for each sample.\n\n");
        s.append(String.format(Locale.ROOT, "%-22s %12s %12s %12s %12s %12s%n", "", "mean", "P5", "P50", "P95", "sd"));
        row(s, "NPV (M " + cur + ")", r.npv(), 1e-6, "%.1f");
        row(s, "Lost sales (vehicles)", r.lostSales(), 1, "%.0f");
        row(s, "Lost share (%)", r.lostShare(), 100, "%.1f");
        row(s, "Utilisation (%)", r.utilisation(), 100, "%.1f");
        s.append('\n');
        s.append(String.format(
                Locale.ROOT,
                "NPV on the nominal values: %.1f M %s%n",
                r.nominal().npv() / 1e6,
                cur));
        s.append(String.format(
                Locale.ROOT,
                "Value at risk (%s): %.1f M %s below the mean (P%s of the NPV: %.1f M); conditional value at risk:"
                        + " %.1f M%n",
                pct(r.level()),
                r.valueAtRisk() / 1e6,
                cur,
                trim(100 * (1 - r.level())),
                (r.npv().mean() - r.valueAtRisk()) / 1e6,
                r.conditionalValueAtRisk() / 1e6));
        s.append(String.format(Locale.ROOT, "Probability of a loss (NPV below 0): %s%n", pct(r.probabilityOfLoss())));
        if (r.infeasible() > 0) {
            s.append(String.format(
                    Locale.ROOT,
                    "%d sample%s left out: the plan's decisions cannot meet a rule of the model on them%n",
                    r.infeasible(),
                    r.infeasible() == 1 ? " was" : "s were"));
        }
        disruptions(s, network, r);
        List<Driver> drivers = r.drivers().stream().limit(DRIVERS).toList();
        if (!drivers.isEmpty()) {
            s.append("\nWhat drives the NPV: each input at its low and its high end, the others nominal (M ")
                    .append(cur)
                    .append(network.disruptions().isEmpty() ? "" : "; a disruption: never, or every year it may strike")
                    .append("), and its rank correlation with the NPV over the samples:\n");
            int w = Math.max(
                    5, drivers.stream().mapToInt(d -> d.path().length()).max().orElse(5));
            s.append(String.format(
                    Locale.ROOT,
                    "  %-" + w + "s %12s %12s %10s %9s%n",
                    "input",
                    "NPV at low",
                    "NPV at high",
                    "swing",
                    "Spearman"));
            for (Driver d : drivers) {
                s.append(String.format(
                        Locale.ROOT,
                        "  %-" + w + "s %12.1f %12.1f %10.1f %9.2f%n",
                        d.path(),
                        d.npvAtLow() / 1e6,
                        d.npvAtHigh() / 1e6,
                        d.swing() / 1e6,
                        d.spearman()));
            }
            if (r.drivers().size() > DRIVERS) {
                s.append("  (").append(r.drivers().size() - DRIVERS).append(" more in the JSON and HTML reports)\n");
            }
        }
        return s.toString();
    }

    /**
     * One disruption over a run: how often it struck, and the mean NPV of the samples it struck
     * against those it spared (NaN where there were none).
     *
     * @param hitShare the share of samples in which it struck at least once
     */
    public record DisruptionRow(
            String id, String target, double probability, double hitShare, double npvIfHit, double npvIfSpared) {}

    /** The disruptions of a run, in model order (empty when the model states none). */
    public static List<DisruptionRow> disruptionRows(Network network, RiskReport r) {
        List<DisruptionRow> rows = new java.util.ArrayList<>();
        List<Disruption> events = network.disruptions();
        List<SampleResult> all = r.results();
        for (int j = 0; j < events.size(); j++) {
            Disruption d = events.get(j);
            int column = r.inputs() + j;
            double hitSum = 0;
            double sparedSum = 0;
            int hits = 0;
            int hit = 0;
            int spared = 0;
            for (SampleResult x : all) {
                boolean struck = x.inputs().length > column && x.inputs()[column] > 0;
                hits += struck ? 1 : 0;
                if (!x.solved()) {
                    continue;
                }
                if (struck) {
                    hit++;
                    hitSum += x.npv();
                } else {
                    spared++;
                    sparedSum += x.npv();
                }
            }
            rows.add(new DisruptionRow(
                    d.id(),
                    d.target(),
                    d.probability().nominal(),
                    all.isEmpty() ? Double.NaN : (double) hits / all.size(),
                    hit == 0 ? Double.NaN : hitSum / hit,
                    spared == 0 ? Double.NaN : sparedSum / spared));
        }
        return rows;
    }

    /** How often each disruption struck, and what the samples it hit were worth. */
    private static void disruptions(StringBuilder s, Network network, RiskReport r) {
        List<DisruptionRow> rows = disruptionRows(network, r);
        if (rows.isEmpty()) {
            return;
        }
        s.append("\nDisruptions drawn (each year it may strike, with its probability; M ")
                .append(network.currency())
                .append("):\n");
        int w = Math.max(10, rows.stream().mapToInt(d -> d.id().length()).max().orElse(10));
        String line = "  %-" + w + "s %-34s %8s %14s %14s %14s%n";
        s.append(String.format(
                Locale.ROOT, line, "disruption", "what", "a year", "samples hit", "NPV if hit", "NPV if spared"));
        for (DisruptionRow d : rows) {
            s.append(String.format(
                    Locale.ROOT,
                    line,
                    d.id(),
                    d.target(),
                    pct(d.probability()),
                    Double.isNaN(d.hitShare()) ? "-" : pct(d.hitShare()),
                    Double.isNaN(d.npvIfHit()) ? "-" : String.format(Locale.ROOT, "%.1f", d.npvIfHit() / 1e6),
                    Double.isNaN(d.npvIfSpared()) ? "-" : String.format(Locale.ROOT, "%.1f", d.npvIfSpared() / 1e6)));
        }
    }

    private static void row(StringBuilder s, String label, Distribution d, double scale, String fmt) {
        s.append(String.format(Locale.ROOT, "%-22s", label));
        for (double v : new double[] {d.mean(), d.p5(), d.p50(), d.p95(), d.sd()}) {
            s.append(String.format(Locale.ROOT, " %12s", String.format(Locale.ROOT, fmt, v * scale)));
        }
        s.append('\n');
    }

    static String pct(double share) {
        return trim(100 * share) + " %";
    }

    private static String trim(double value) {
        double v = Math.rint(value * 1e6) / 1e6;
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
