package footprint.optimize;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code --techniques auto}: the speed techniques measured fastest for a network's shape
 * (docs/benchmarks.md, "auto: the default"), and on a network too big for the full MILP the gap and
 * time limit it needs. A pure function of the frozen network's {@link Shape} and the gap asked for.
 *
 * <pre>
 *   facility-location shape, at least 10,000 arcs    lagrangian, warm-start, reduced-cost-fixing
 *   facility-location shape, fewer arcs              none
 *   other shapes, more than 50,000 arcs              decomposition (gap 1 %, 120 s; 900 s above 1 M arcs)
 *   other shapes, a gap of 0.5 % or more asked       warm-start
 *   other shapes, a tighter gap                      none
 * </pre>
 */
public final class AutoTechniques {
    /**
     * From this many arcs a network of facility-location shape takes the Lagrangian bound, the warm
     * start and the fixing. Measured: capa/b/c (100 plants x 1,000 markets, 100,000 arcs) are proven
     * in 5 to 50 s with them, where the plain MILP proves few of the twelve in 60 s; cap41..cap134
     * (16 to 50 plants x 50 markets, up to 2,500 arcs) are proven by the plain MILP in at most 1.05 s
     * each, so there the techniques' phases have nothing to win. Nothing was measured in between;
     * 10,000 lies four times above the largest small instance.
     */
    static final long FACILITY_LOCATION_ARCS = 10_000;

    /**
     * Above this many arcs a network of another shape takes the decomposition: the full MILP is too
     * big to prove. Measured: L (5,536 arcs) is proven at the default gap by the plain MILP in 20 s,
     * and from S to L its time grows as the nonzeros to the power 1.3; LL (184,717 arcs) gives no
     * plan at all in 300 s (HiGHS, 1 % asked), where the decomposition proves 0.36 % in 19 s. At
     * 50,000 arcs, nine times L, that growth puts the plain MILP near six minutes.
     */
    static final long DECOMPOSITION_ARCS = 50_000;

    /**
     * Above this many arcs the decomposition needs the longer time limit. Measured: LL (184,717 arcs,
     * 120 s limit) ends at 0.36 % in 19 s; XL (13.4 million arcs) at 0.85 % in 736 to 756 s of a
     * 900 s limit (two threads, -Xmx14g).
     */
    static final long LONG_LIMIT_ARCS = 1_000_000;

    /** The gap the decomposition is run to when the caller gave none: 1 %, as LL and XL were measured. */
    static final double DECOMPOSITION_GAP = 0.01;

    static final double DECOMPOSITION_SECONDS = 120;
    static final double DECOMPOSITION_LONG_SECONDS = 900;

    /**
     * From this gap on a network with component plants takes the warm start from the LP: its bound
     * can prove the dive's plan without the MILP (L at 0.5 %: 1.1 s against 8.8 s plain). At the
     * default gap (0.01 %) the full MILP must run after it anyway, and S, M and L took 3.5, 17.7 and
     * 21.7 s with it against 3.4, 15.7 and 20.5 s plain.
     */
    static final double WARM_START_GAP = 0.005;

    private AutoTechniques() {}

    /**
     * What the choice looks at.
     *
     * @param notFacilityLocation why the network is not of facility-location shape (empty when it is)
     * @param plants assembly plants
     * @param markets markets
     * @param years years of the horizon
     * @param arcs possible flows (plant, product, market, year)
     * @param plantYears the plant-year decisions (run or not)
     */
    public record Shape(String notFacilityLocation, int plants, int markets, int years, long arcs, long plantYears) {
        public Shape {
            Objects.requireNonNull(notFacilityLocation, "notFacilityLocation");
        }

        static Shape of(FrozenNetwork f) {
            String why = Lagrangian.notFacilityLocation(f);
            return new Shape(why == null ? "" : why, f.nP, f.nM, f.nT, f.arcs.size(), (long) f.nP * f.nT);
        }

        public boolean facilityLocation() {
            return notFacilityLocation.isEmpty();
        }

        private String sizes() {
            return String.format(
                            Locale.ROOT,
                            "%,d plant%s x %,d market%s",
                            plants,
                            plants == 1 ? "" : "s",
                            markets,
                            markets == 1 ? "" : "s")
                    + (years > 1 ? String.format(Locale.ROOT, " x %d years", years) : "")
                    + String.format(Locale.ROOT, ", %,d arcs", arcs);
        }
    }

    /**
     * The choice.
     *
     * @param techniques the techniques to run
     * @param reason why, in a planner's words
     * @param gap the gap the network needs, where it needs another than the default
     * @param timeLimitSeconds the time limit the network needs, where it needs one
     */
    public record Pick(Set<Technique> techniques, String reason, OptionalDouble gap, OptionalDouble timeLimitSeconds) {
        public Pick {
            techniques = Set.copyOf(techniques);
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(gap, "gap");
            Objects.requireNonNull(timeLimitSeconds, "timeLimitSeconds");
        }
    }

    /**
     * The techniques for a network of this shape solved to this gap (the caller's, or the default
     * when the caller gave none).
     */
    public static Pick choose(Shape s, double gap) {
        if (s.facilityLocation()) {
            if (s.arcs() >= FACILITY_LOCATION_ARCS) {
                return new Pick(
                        Technique.recommended(),
                        "facility-location shape, " + s.sizes(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty());
            }
            return new Pick(
                    Set.of(),
                    "facility-location shape, " + s.sizes() + ": small enough for the plain MILP",
                    OptionalDouble.empty(),
                    OptionalDouble.empty());
        }
        if (s.arcs() > DECOMPOSITION_ARCS) {
            double seconds = s.arcs() > LONG_LIMIT_ARCS ? DECOMPOSITION_LONG_SECONDS : DECOMPOSITION_SECONDS;
            return new Pick(
                    EnumSet.of(Technique.DECOMPOSITION),
                    s.notFacilityLocation() + "; " + s.sizes() + ", too many for the full MILP",
                    OptionalDouble.of(DECOMPOSITION_GAP),
                    OptionalDouble.of(seconds));
        }
        if (gap >= WARM_START_GAP) {
            return new Pick(
                    EnumSet.of(Technique.WARM_START),
                    s.notFacilityLocation() + "; " + s.sizes() + ": at a gap of " + percent(gap)
                            + " the LP relaxation's bound may prove the warm start's plan",
                    OptionalDouble.empty(),
                    OptionalDouble.empty());
        }
        return new Pick(
                Set.of(),
                s.notFacilityLocation() + "; " + s.sizes() + ": at a gap of " + percent(gap)
                        + " the plain MILP is as fast",
                OptionalDouble.empty(),
                OptionalDouble.empty());
    }

    /**
     * The options a solve runs with: where {@code options} let Footprint choose, the techniques of
     * {@link #choose} and the gap and time limit it names (unless the caller set them); the record of
     * the choice for the plan.
     */
    static Resolved resolve(FrozenNetwork f, SolveOptions options) {
        return resolve(() -> Shape.of(f), options);
    }

    /** {@link #resolve(FrozenNetwork, SolveOptions)} with the shape read only when Footprint chooses. */
    static Resolved resolve(Supplier<Shape> shape, SolveOptions options) {
        if (!options.autoTechniques()) {
            return new Resolved(options, TechniqueChoice.asked(options.techniques()));
        }
        Pick pick = choose(shape.get(), options.relativeGap());
        SolveOptions out = options.withTechniques(pick.techniques());
        List<String> settings = new ArrayList<>();
        if (pick.gap().isPresent()) {
            if (options.auto().contains(SolveOptions.Auto.GAP)) {
                out = out.withGap(pick.gap().getAsDouble());
                settings.add("a gap of " + percent(pick.gap().getAsDouble()));
            } else {
                settings.add("the gap asked for");
            }
        }
        if (pick.timeLimitSeconds().isPresent()) {
            if (options.auto().contains(SolveOptions.Auto.TIME_LIMIT)) {
                out = out.withTimeLimit(pick.timeLimitSeconds().getAsDouble());
                settings.add(String.format(
                        Locale.ROOT,
                        "a time limit of %.0f s",
                        pick.timeLimitSeconds().getAsDouble()));
            } else {
                settings.add("the time limit asked for");
            }
        }
        String reason = pick.reason() + (settings.isEmpty() ? "" : ": " + String.join(" and ", settings));
        return new Resolved(out, new TechniqueChoice(pick.techniques(), true, reason));
    }
    /** The options to solve with and the record of how they were chosen. */
    record Resolved(SolveOptions options, TechniqueChoice choice) {}

    private static String percent(double gap) {
        String s = String.format(Locale.ROOT, "%.3f", gap * 100)
                .replaceAll("0+$", "")
                .replaceAll("\\.$", "");
        return s + " %";
    }
}
