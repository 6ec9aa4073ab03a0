package footprint.report.compare;

import footprint.optimize.Plan;
import footprint.optimize.SolveStatus;
import java.util.List;
import java.util.Locale;

/** A comparison as a planner reads it on a terminal: the KPIs side by side, then the differences. */
public final class ComparisonText {
    private ComparisonText() {}

    public static String of(Comparison c) {
        StringBuilder s = new StringBuilder();
        List<ScenarioPlan> runs = c.runs();
        String cur = c.reference().map(r -> r.network().currency()).orElse("");
        s.append("Plans compared\n");
        for (ScenarioPlan r : runs) {
            s.append("  ")
                    .append(r.label())
                    .append(": ")
                    .append(r.file())
                    .append(" - ")
                    .append(state(r));
            if (!r.badInput()) {
                s.append(" - ").append(r.network().name());
            }
            s.append('\n');
        }
        if (c.reference().isEmpty()) {
            s.append("\nNo plan to compare.\n");
            return s.toString();
        }
        s.append('\n');
        List<Comparison.Row> rows = c.rows();
        int w = Math.max(
                20, rows.stream().mapToInt(r -> r.label().length()).max().orElse(0));
        int cw = Math.max(
                10, runs.stream().mapToInt(r -> r.label().length()).max().orElse(10));
        s.append("M ").append(cur).append(" (present value, group share); thousand vehicles; people\n");
        s.append(" ".repeat(w));
        for (ScenarioPlan r : runs) {
            s.append(String.format(Locale.ROOT, " %" + cw + "s", r.label()));
        }
        s.append('\n');
        for (Comparison.Row row : rows) {
            if (row.label().equals("output, all years")
                    || row.label().equals("lost sales, all years")
                    || row.label().equals("jobs, last year")) {
                s.append('\n');
            }
            s.append(String.format(Locale.ROOT, "%-" + w + "s", row.label()));
            for (int i = 0; i < runs.size(); i++) {
                s.append(String.format(Locale.ROOT, " %" + cw + "s", row.cell(i)));
            }
            s.append('\n');
        }
        ScenarioPlan ref = c.reference().get();
        for (ScenarioPlan r : runs) {
            if (r == ref || !r.hasPlan()) {
                continue;
            }
            s.append('\n')
                    .append(r.label())
                    .append(" against ")
                    .append(ref.label())
                    .append('\n');
            List<Finding> findings = c.findings(r.label());
            if (findings.size() <= 1) {
                s.append("  ")
                        .append(
                                findings.isEmpty()
                                        ? "no difference"
                                        : findings.get(0).text())
                        .append('\n');
                s.append("  the same decisions and volumes\n");
                continue;
            }
            for (Finding f : findings) {
                s.append("  ").append(f.text()).append('\n');
            }
        }
        for (ScenarioPlan r : runs) {
            if (!r.hasPlan() && !r.badInput()) {
                s.append('\n').append(r.label()).append(": ").append(state(r)).append("; left out of the comparison\n");
            }
        }
        return s.toString();
    }

    /** How a run ended, in a few words. */
    static String state(ScenarioPlan r) {
        if (r.badInput()) {
            int e = r.read().errors().size();
            return e + " error" + (e == 1 ? "" : "s") + " in the model, not solved";
        }
        Plan p = r.solved();
        return switch (p.status()) {
            case OPTIMAL -> "optimal";
            case FEASIBLE -> "not proved optimal (gap " + gap(p.gap()) + ")";
            case INFEASIBLE -> "infeasible: no plan satisfies every rule";
            case UNBOUNDED -> "unbounded: a cost or capacity is missing";
            case TIME_LIMIT -> "no plan within the time limit";
            case ERROR -> "the solver failed" + (p.notes().isEmpty() ? "" : ": " + String.join("; ", p.notes()));
        };
    }

    private static String gap(double g) {
        // NaN: the solver stopped at a limit without a bound
        return Double.isNaN(g) ? "unknown" : String.format(Locale.ROOT, "%.3f%%", g * 100);
    }

    /** Whether a run ended without a plan because its rules cannot all hold. */
    static boolean infeasible(ScenarioPlan r) {
        return !r.badInput() && r.solved().status() == SolveStatus.INFEASIBLE;
    }
}
