package footprint.report;

import footprint.model.Network;
import footprint.model.Objective;
import footprint.model.PlantStatus;
import footprint.optimize.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plan as a planner reads it in a minute: how the solve ended, the NPV and its parts, what each
 * plant builds each year and how full it is, jobs kept, lost sales, and the decisions.
 */
public final class PlanText {
    private PlanText() {}

    public static String of(Network n, Plan plan) {
        StringBuilder s = new StringBuilder();
        String cur = n.currency();
        s.append(n.name()).append('\n');
        s.append(headline(plan, cur)).append('\n');
        if (plan.techniques().recorded()) {
            s.append("  techniques: ").append(plan.techniques().line()).append('\n');
        }
        plan.notes().forEach(note -> s.append("  note: ").append(note).append('\n'));
        if (!plan.hasPlan()) {
            return s.toString();
        }
        s.append('\n');
        kpis(s, n, plan, cur);
        years(s, n, plan);
        lostSales(s, n, plan);
        decisions(s, plan);
        shadowPrices(s, plan, cur);
        s.append(WhyText.of(plan, cur));
        return s.toString();
    }

    private static String headline(Plan plan, String cur) {
        String timing = String.format(
                Locale.ROOT,
                "%s, built in %.2f s, solved in %.2f s",
                plan.backend(),
                plan.buildSeconds(),
                plan.solveSeconds());
        String size = String.format(
                Locale.ROOT,
                "%s variables (%s binary), %s rows",
                Format.count(plan.size().variables()),
                Format.count(plan.size().binaries()),
                Format.count(plan.size().rows()));
        String what = plan.mode() == Objective.NPV ? "NPV" : "cost";
        return switch (plan.status()) {
            case OPTIMAL ->
                String.format(
                        Locale.ROOT,
                        "Optimal plan: %s %s %s (gap %s; %s; %s)",
                        what,
                        Format.millions(plan.objective()),
                        cur,
                        gap(plan.gap()),
                        timing,
                        size);
            case FEASIBLE ->
                String.format(
                        Locale.ROOT,
                        "Plan found, not proved optimal: %s %s %s, best bound %s %s, gap %s (%s; %s)",
                        what,
                        Format.millions(plan.objective()),
                        cur,
                        Format.millions(plan.bestBound()),
                        cur,
                        gap(plan.gap()),
                        timing,
                        size);
            case INFEASIBLE -> "No plan: the model's rules cannot all hold (infeasible; " + timing + ").";
            case UNBOUNDED -> "No plan: the objective has no limit; a cost or a capacity is missing (" + timing + ").";
            case TIME_LIMIT -> "No plan: the time limit ended the search before any plan was found (" + timing + ").";
            case ERROR -> "No plan: the solver failed (" + timing + ").";
        };
    }

    private static String gap(double g) {
        // NaN: the solver stopped at a limit without a bound
        return Double.isNaN(g) ? "unknown" : String.format(Locale.ROOT, "%.3f%%", g * 100);
    }

    private static void kpis(StringBuilder s, Network n, Plan plan, String cur) {
        Plan.Kpis k = plan.kpis();
        s.append("NPV and its parts (present value at ")
                .append(Format.percent(n.discountRate().nominal()))
                .append(", group share, M ")
                .append(cur)
                .append(")\n");
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("revenue", k.revenue());
        parts.put("variable cost", -k.variableCost());
        parts.put("freight", -k.freight());
        parts.put("duties", -k.duties());
        parts.put("components", -k.componentCost());
        parts.put("fixed cost", -k.fixedCost());
        parts.put("idle cost", -k.idleCost());
        parts.put("investment", -k.investment());
        parts.put("closure", -k.closureCost());
        parts.put("reopening", -k.reopeningCost());
        parts.forEach((label, v) -> s.append(String.format(Locale.ROOT, "  %-18s %14s%n", label, m(v))));
        s.append(String.format(Locale.ROOT, "  %-18s %14s%n", "= NPV", m(k.npv())));
        if (plan.mode() == Objective.COST) {
            s.append(String.format(Locale.ROOT, "  %-18s %14s%n", "cost", m(k.cost())));
            s.append(String.format(Locale.ROOT, "  %-18s %14s%n", "lost-sale penalty", m(k.lostSalePenalty())));
            s.append(String.format(Locale.ROOT, "  %-18s %14s%n", "= objective", m(k.cost() + k.lostSalePenalty())));
        }
        s.append('\n');
    }

    private static String m(double v) {
        return String.format(Locale.ROOT, "%,.1f", v / 1e6 + 0.0);
    }

    private static void years(StringBuilder s, Network n, Plan plan) {
        int[] years = n.horizon().years().toArray();
        List<String> plants =
                plan.plants().stream().map(Plan.PlantYear::plant).distinct().toList();
        int w = Math.max(8, plants.stream().mapToInt(String::length).max().orElse(8));
        s.append("Output by plant and year (thousand vehicles, utilisation; idle, closed)\n");
        header(s, w, years);
        for (String p : plants) {
            s.append(String.format(Locale.ROOT, "  %-" + w + "s", p));
            for (int y : years) {
                Plan.PlantYear py = plan.plant(p, y).orElseThrow();
                String cell = switch (py.status()) {
                    case RUNNING ->
                        String.format(Locale.ROOT, "%.1f %3.0f%%", py.output() / 1000, py.utilisation() * 100);
                    case IDLE -> "idle";
                    case CLOSED -> "closed";
                };
                s.append(String.format(Locale.ROOT, " %11s", cell));
            }
            s.append('\n');
        }
        s.append("\nJobs kept\n");
        header(s, w, years);
        for (String p : plants) {
            s.append(String.format(Locale.ROOT, "  %-" + w + "s", p));
            for (int y : years) {
                s.append(String.format(
                        Locale.ROOT,
                        " %11s",
                        Format.count(plan.plant(p, y).orElseThrow().jobs())));
            }
            s.append('\n');
        }
        s.append('\n');
    }

    private static void header(StringBuilder s, int w, int[] years) {
        s.append(String.format(Locale.ROOT, "  %-" + w + "s", ""));
        for (int y : years) {
            s.append(String.format(Locale.ROOT, " %11d", y));
        }
        s.append('\n');
    }

    private static void lostSales(StringBuilder s, Network n, Plan plan) {
        if (plan.lostSales().isEmpty()) {
            s.append("Lost sales: none\n\n");
            return;
        }
        Map<String, Map<Integer, Double>> byMarket = new TreeMap<>();
        for (Plan.LostSale l : plan.lostSales()) {
            byMarket.computeIfAbsent(l.market(), k -> new TreeMap<>()).merge(l.year(), l.volume(), Double::sum);
        }
        int[] years = n.horizon().years().toArray();
        int w = Math.max(
                8, byMarket.keySet().stream().mapToInt(String::length).max().orElse(8));
        s.append("Lost sales (vehicles)\n");
        header(s, w, years);
        byMarket.forEach((market, byYear) -> {
            s.append(String.format(Locale.ROOT, "  %-" + w + "s", market));
            for (int y : years) {
                s.append(String.format(Locale.ROOT, " %11s", Format.count(byYear.getOrDefault(y, 0.0))));
            }
            s.append('\n');
        });
        s.append('\n');
    }

    private static void decisions(StringBuilder s, Plan plan) {
        s.append("Decisions\n");
        if (plan.decisions().isEmpty()) {
            s.append("  every plant runs every year; no platform is added\n");
        }
        for (Plan.Decision d : plan.decisions()) {
            s.append("  ").append(d.text()).append('\n');
        }
        for (Plan.Investment i : plan.investments()) {
            s.append(String.format(
                    Locale.ROOT,
                    "  investment: %s %s in %d, %s%n",
                    i.plant(),
                    i.platform(),
                    i.year(),
                    Format.millions(i.amount())));
        }
        s.append('\n');
    }

    private static void shadowPrices(StringBuilder s, Plan plan, String cur) {
        List<Plan.PlantYear> binding = plan.plants().stream()
                .filter(p -> p.status() == PlantStatus.RUNNING && p.capacityShadowPrice() > 1e-6)
                .toList();
        if (binding.isEmpty()) {
            return;
        }
        s.append("Full plants: value of one more vehicle of capacity (present value, ")
                .append(cur)
                .append(")\n");
        for (Plan.PlantYear p : binding) {
            s.append(String.format(
                    Locale.ROOT, "  %s %d: %s%n", p.plant(), p.year(), Format.count(p.capacityShadowPrice())));
        }
        s.append('\n');
    }
}
