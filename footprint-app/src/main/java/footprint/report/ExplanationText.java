package footprint.report;

import footprint.explain.Explanation;
import footprint.model.Network;
import footprint.model.Objective;
import footprint.model.PlantStatus;
import footprint.model.check.Location;
import footprint.optimize.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** What forcing a decision the other way would cost, and what else would change, in a planner's words. */
public final class ExplanationText {
    private ExplanationText() {}

    public static String of(Network n, Explanation e, Function<String, Optional<Location>> placeOf) {
        StringBuilder s = new StringBuilder();
        String cur = n.currency();
        s.append(n.name()).append('\n');
        s.append("Explain ").append(e.decision().text()).append('\n');
        Plan plan = e.plan();
        if (!plan.hasPlan()) {
            s.append("  The model itself has no plan (")
                    .append(status(plan))
                    .append("), so there is nothing to explain.\n");
            e.conflict().ifPresent(c -> s.append('\n').append(ConflictText.of(c, placeOf)));
            return s.toString();
        }
        s.append("  In the plan, ").append(e.planSays()).append(".\n");
        s.append("  Forced the other way: ").append(e.forcedAs()).append(".\n\n");
        String what = plan.mode() == Objective.NPV ? "NPV" : "cost";
        s.append(String.format(
                Locale.ROOT, "  plan     %s %s %s (%s)%n", what, Format.millions(plan.objective()), cur, status(plan)));
        Plan forced = e.forced().orElseThrow();
        if (!forced.hasPlan()) {
            s.append("  forced   no plan (").append(status(forced)).append(")\n\n");
            e.conflict().ifPresent(c -> s.append(ConflictText.of(c, placeOf, Optional.of(e.forcedAs()))));
            return s.toString();
        }
        s.append(String.format(
                Locale.ROOT,
                "  forced   %s %s %s (%s)%n",
                what,
                Format.millions(forced.objective() + (plan.mode() == Objective.NPV ? -1 : 1) * e.extraFreight()),
                cur,
                status(forced)));
        if (e.extraFreight() > 0) {
            s.append("           (including ")
                    .append(money(e.extraFreight()))
                    .append(' ')
                    .append(cur)
                    .append(" of extra freight: the forced units pay this lane, dearer than the cheapest open one)\n");
        }
        s.append('\n').append(verdict(e, cur)).append("\n\n");
        s.append("What else changes\n");
        int before = s.length();
        states(s, e);
        tooling(s, e);
        volumes(
                s,
                "Output (vehicles)",
                byKey(e.volumes(), Explanation.VolumeChange::plant, v -> v.year(), v -> v.change()));
        volumes(
                s,
                "Lost sales (vehicles)",
                byKey(e.lostSales(), Explanation.LostSaleChange::market, l -> l.year(), l -> l.change()));
        kpis(s, plan, forced, e, cur);
        if (s.length() == before) {
            s.append("  nothing else\n");
        }
        return s.toString();
    }

    /** The difference in words, with its sign: "Forcing it would lower the NPV by 31.2 M EUR ...". */
    static String verdict(Explanation e, String cur) {
        double d = e.difference();
        boolean npv = e.plan().mode() == Objective.NPV;
        String measure = npv ? "NPV" : "cost";
        double tolerance = Math.max(1, Math.abs(e.plan().objective()) * 1e-6);
        String amount = money(Math.abs(d)) + " " + cur;
        String sentence;
        if (Math.abs(d) <= tolerance) {
            sentence = "Forcing it would not change the " + measure + " (a tie: the plan could go either way).";
        } else {
            String direction = d < 0 ? "lower" : "raise";
            sentence = "Forcing it would " + direction + " the " + measure + " by " + amount + " (present value, group"
                    + " share).";
            if (e.worseBy() < 0) {
                sentence += " The plan was optimal only within its gap ("
                        + String.format(Locale.ROOT, "%.3f%%", e.plan().gap() * 100) + "); this is the better plan.";
            }
        }
        return sentence;
    }

    private static String status(Plan p) {
        return p.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static void states(StringBuilder s, Explanation e) {
        if (e.states().isEmpty()) {
            return;
        }
        s.append("  Plant states\n");
        // consecutive years with the same change on one line
        List<Explanation.StateChange> changes = e.states();
        int i = 0;
        while (i < changes.size()) {
            Explanation.StateChange first = changes.get(i);
            int j = i;
            while (j + 1 < changes.size()
                    && changes.get(j + 1).plant().equals(first.plant())
                    && changes.get(j + 1).year() == changes.get(j).year() + 1
                    && changes.get(j + 1).before() == first.before()
                    && changes.get(j + 1).after() == first.after()) {
                j++;
            }
            int last = changes.get(j).year();
            String years = last == first.year() ? "in " + first.year() : first.year() + "-" + last;
            s.append("    ")
                    .append(first.plant())
                    .append(' ')
                    .append(word(first.after()))
                    .append(' ')
                    .append(years)
                    .append(" (")
                    .append(word(first.before()))
                    .append(" in the plan)\n");
            i = j + 1;
        }
    }

    private static String word(PlantStatus s) {
        return switch (s) {
            case RUNNING -> "runs";
            case IDLE -> "is idle";
            case CLOSED -> "is closed";
        };
    }

    private static void tooling(StringBuilder s, Explanation e) {
        if (e.tooling().isEmpty()) {
            return;
        }
        s.append("  Tooling\n");
        for (Explanation.ToolingChange t : e.tooling()) {
            String after = t.after()
                    .map(y -> "tooled for " + t.platform() + " from " + y)
                    .orElse("never tooled for " + t.platform());
            String before = t.before().map(y -> "from " + y).orElse("never");
            s.append("    ")
                    .append(t.plant())
                    .append(' ')
                    .append(after)
                    .append(" (in the plan: ")
                    .append(before)
                    .append(")\n");
        }
    }

    private static <T> Map<String, Map<Integer, Double>> byKey(
            List<T> items,
            Function<T, String> key,
            java.util.function.ToIntFunction<T> year,
            java.util.function.ToDoubleFunction<T> change) {
        Map<String, Map<Integer, Double>> out = new TreeMap<>();
        for (T t : items) {
            out.computeIfAbsent(key.apply(t), k -> new TreeMap<>())
                    .merge(year.applyAsInt(t), change.applyAsDouble(t), Double::sum);
        }
        return out;
    }

    /** One line per plant (or market): the total change, then each year's. */
    private static void volumes(StringBuilder s, String title, Map<String, Map<Integer, Double>> changes) {
        if (changes.isEmpty()) {
            return;
        }
        s.append("  ").append(title).append('\n');
        int w = changes.keySet().stream().mapToInt(String::length).max().orElse(8);
        changes.forEach((key, byYear) -> {
            double total =
                    byYear.values().stream().mapToDouble(Double::doubleValue).sum();
            List<String> years = new ArrayList<>();
            byYear.forEach((y, v) -> years.add(y + " " + signed(v)));
            String line = byYear.size() == 1 ? years.get(0) : signed(total) + " (" + String.join(", ", years) + ")";
            s.append(String.format(Locale.ROOT, "    %-" + w + "s  %s%n", key, line));
        });
    }

    private static String signed(double v) {
        long r = Math.round(v);
        return (r > 0 ? "+" : r < 0 ? "-" : "") + Format.count(Math.abs(v));
    }

    private static void kpis(StringBuilder s, Plan plan, Plan forced, Explanation e, String cur) {
        Plan.Kpis a = plan.kpis();
        Plan.Kpis b = forced.kpis();
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("revenue", b.revenue() - a.revenue());
        parts.put("variable cost", -(b.variableCost() - a.variableCost()));
        parts.put("freight", -(b.freight() - a.freight() + e.extraFreight()));
        parts.put("duties", -(b.duties() - a.duties()));
        parts.put("components", -(b.componentCost() - a.componentCost()));
        parts.put("fixed cost", -(b.fixedCost() - a.fixedCost()));
        parts.put("idle cost", -(b.idleCost() - a.idleCost()));
        parts.put("investment", -(b.investment() - a.investment()));
        parts.put("closure", -(b.closureCost() - a.closureCost()));
        parts.put("reopening", -(b.reopeningCost() - a.reopeningCost()));
        if (plan.mode() == Objective.COST) {
            parts.put("lost-sale penalty", -(b.lostSalePenalty() - a.lostSalePenalty()));
        }
        parts.values().removeIf(v -> Math.abs(v) < 0.5);
        if (parts.isEmpty()) {
            return;
        }
        s.append("  NPV parts, forced less plan (").append(cur).append("; + is better)\n");
        parts.forEach((label, v) -> s.append(
                String.format(Locale.ROOT, "    %-18s %14s%n", label, (v > 0 ? "+" : "-") + money(Math.abs(v)))));
    }

    /** An amount: in millions from 50,000 up ("31.2 M"), else in full ("2,000"). */
    static String money(double v) {
        return Math.abs(v) >= 50_000 ? Format.millions(v) : Format.count(v);
    }
}
