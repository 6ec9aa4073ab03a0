package footprint.report.compare;

import footprint.model.Figure;
import footprint.model.Network;
import footprint.model.NetworkFigures;
import footprint.model.Quantity;
import footprint.optimize.Plan;
import footprint.optimize.SolveOptions;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * One-at-a-time sensitivity: a class of assumed figures (every figure whose path matches, whose
 * source is an assumption and whose range is finite) is set to the low end of its range, then to
 * the high end, every other figure staying at its nominal value, and the scenario is solved again.
 * Facts from the articles never move.
 */
public final class Sensitivity {
    private Sensitivity() {}

    /**
     * A class of figures that move together.
     *
     * @param name how tables name it ("Kaluga's costs")
     * @param paths figure paths in the class ({@code plants[kaluga].fixed-cost} ...)
     */
    public record FigureClass(String name, Pattern paths) {
        public FigureClass {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(paths, "paths");
        }

        public static FigureClass of(String name, String regex) {
            return new FigureClass(name, Pattern.compile(regex));
        }

        /** The assumed figures of a network in this class, with a finite range. */
        public List<NetworkFigures.Entry> figures(Network n) {
            List<NetworkFigures.Entry> out = new ArrayList<>();
            for (NetworkFigures.Entry e : NetworkFigures.of(n)) {
                Quantity q = e.figure().quantity();
                if (paths.matcher(e.path()).find()
                        && e.figure().isAssumption()
                        && q.isUncertain()
                        && Double.isFinite(q.min())
                        && Double.isFinite(q.max())) {
                    out.add(e);
                }
            }
            return out;
        }
    }

    /**
     * A scenario re-solved with a class of figures at one end of their ranges.
     *
     * @param high whether the figures are at the high end (else the low end)
     * @param figures how many figures moved
     */
    public record Outcome(String scenario, FigureClass figureClass, boolean high, int figures, Plan plan) {
        public Outcome {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(figureClass, "figureClass");
            Objects.requireNonNull(plan, "plan");
        }
    }

    /** Figures valued at their nominal value, except a class at one end of its ranges. */
    public static ToDoubleFunction<Figure> atEnd(Network n, FigureClass c, boolean high) {
        Map<Figure, Double> moved = new IdentityHashMap<>();
        for (NetworkFigures.Entry e : c.figures(n)) {
            Quantity q = e.figure().quantity();
            moved.put(e.figure(), high ? q.max() : q.min());
        }
        return f -> {
            Double v = moved.get(f);
            return v == null ? f.nominal() : v;
        };
    }

    /**
     * Re-solves each scenario with each class at its low and its high end, on the solver pool.
     * Classes with no figure in a scenario are skipped. Outcomes come in scenario, class, low-high
     * order.
     */
    public static List<Outcome> run(
            List<ScenarioPlan> scenarios, List<FigureClass> classes, SolveOptions options, Consumer<String> progress) {
        List<ScenarioSolver.Task<Outcome>> tasks = new ArrayList<>();
        for (ScenarioPlan s : scenarios) {
            if (!s.hasPlan()) {
                continue;
            }
            Network n = s.network();
            for (FigureClass c : classes) {
                int count = c.figures(n).size();
                if (count == 0) {
                    continue;
                }
                for (boolean high : new boolean[] {false, true}) {
                    String label = s.label() + ", " + c.name() + " " + (high ? "high" : "low");
                    tasks.add(() -> new Outcome(
                            s.label(),
                            c,
                            high,
                            count,
                            ScenarioSolver.solve(label, n, atEnd(n, c, high), options, progress)));
                }
            }
        }
        return ScenarioSolver.run(tasks);
    }
}
