package footprint.explain;

import footprint.model.Decision;
import footprint.model.Figure;
import footprint.model.Lane;
import footprint.model.Network;
import footprint.model.Plant;
import footprint.model.PlantStatus;
import footprint.model.YearRange;
import footprint.model.check.Spelling;
import footprint.optimize.MinimumFlow;
import footprint.optimize.Optimizer;
import footprint.optimize.Plan;
import footprint.optimize.SolveListener;
import footprint.optimize.SolveOptions;
import footprint.optimize.SolveStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Answers "what if this decision went the other way?": solves the model, then solves it again with
 * the decision forced the other way, and sets the two plans side by side.
 *
 * <ul>
 *   <li>A plant state or a tooling: a {@link Decision} that forbids what the plan does (or forces
 *       what it does not) in that year, added to a copy of the network.
 *   <li>A lane the plan uses: the lane is closed for that year (its span of years split around it).
 *   <li>A lane the plan leaves empty: at least {@code volume} units must go on it that year ({@link
 *       MinimumFlow}). The solve carries each flow on the cheapest open lane between two places, so
 *       where this lane is dearer, the extra freight of the forced units is added to the difference.
 * </ul>
 *
 * When the forced model has no plan, the answer names the rules that conflict with the forcing
 * ({@link Conflicts}).
 */
public final class Explainer {
    /** The id of the decision added to force the other way. */
    static final String FORCED_ID = "explain";

    private static final double SMALL = 1e-6;
    /** Output and lost sales closer than this (vehicles) count as unchanged. */
    private static final double SAME_VOLUME = 0.5;

    private Explainer() {}

    /**
     * Explains one decision.
     *
     * @param volume for a lane the plan leaves empty: the units forced onto it (vehicles or
     *     component units a year)
     * @throws BadDecision when the decision names what the model does not have
     */
    public static Explanation explain(
            Network n, NamedDecision d, double volume, SolveOptions options, SolveListener listener) {
        Optional<Lane> lane = check(n, d);
        listener.message("Solving the model as it is");
        Plan plan = Optimizer.solve(n, options, listener);
        if (!plan.hasPlan()) {
            Optional<Conflict> conflict = plan.status() == SolveStatus.INFEASIBLE
                    ? Optional.of(Conflicts.find(n, options, listener))
                    : Optional.empty();
            return new Explanation(
                    d,
                    false,
                    "the model has no plan",
                    "",
                    plan,
                    Optional.empty(),
                    0,
                    conflict,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of());
        }
        Forcing forcing = forcing(n, d, lane, plan, volume);
        listener.message("Solving again with " + forcing.forcedAs);
        Plan forced = Optimizer.solve(forcing.change.apply(n), options, listener, forcing.minimums);
        Optional<Conflict> conflict = forced.status() == SolveStatus.INFEASIBLE
                ? Optional.of(Conflicts.find(n, forcing.change, forcing.minimums, options, listener))
                : Optional.empty();
        boolean both = forced.hasPlan();
        return new Explanation(
                d,
                forcing.inPlan,
                forcing.planSays,
                forcing.forcedAs,
                plan,
                Optional.of(forced),
                forcing.extraFreight,
                conflict,
                both ? states(plan, forced) : List.of(),
                both ? tooling(plan, forced) : List.of(),
                both ? volumes(plan, forced) : List.of(),
                both ? lostSales(plan, forced) : List.of());
    }

    /** How a decision is forced the other way. */
    private record Forcing(
            boolean inPlan,
            String planSays,
            String forcedAs,
            UnaryOperator<Network> change,
            List<MinimumFlow> minimums,
            double extraFreight) {}

    // ---- checking what the decision names -----------------------------------------------------

    /** Checks the ids and year of a decision against the model; returns the lane it names, if any. */
    static Optional<Lane> check(Network n, NamedDecision d) {
        if (!n.horizon().contains(d.year())) {
            throw BadDecision.unknown(d.text() + ": " + d.year() + " is outside the model's horizon "
                    + n.horizon().firstYear() + "-" + n.horizon().lastYear() + ".");
        }
        if (d instanceof NamedDecision.PlantState s) {
            plant(n, s.plant(), d);
            return Optional.empty();
        }
        if (d instanceof NamedDecision.Tooled t) {
            Plant p = plant(n, t.plant(), d);
            if (n.platform(t.platform()).isEmpty()) {
                throw BadDecision.unknown(d.text() + ": the model has no platform '" + t.platform() + "'."
                        + Spelling.hint(t.platform(), ids(n.platforms().stream().map(x -> x.id()))));
            }
            if (!p.canBuild(t.platform())) {
                throw BadDecision.unknown(d.text() + ": " + p.id() + " cannot build " + t.platform()
                        + ": it is neither tooled for it at the start nor has a tooling option for it.");
            }
            return Optional.empty();
        }
        NamedDecision.LaneUse l = (NamedDecision.LaneUse) d;
        if (l.sourcing()) {
            if (n.componentPlant(l.from()).isEmpty()) {
                throw BadDecision.unknown(d.text() + ": '" + l.from() + "' is not a component plant of the model."
                        + Spelling.hint(
                                l.from(), ids(n.componentPlants().stream().map(x -> x.id())))
                        + (n.plant(l.from()).isPresent() ? " For a lane from an assembly plant write lane(...)." : ""));
            }
            plant(n, l.to(), d);
        } else {
            if (n.plant(l.from()).isEmpty()) {
                throw BadDecision.unknown(d.text() + ": '" + l.from() + "' is not an assembly plant of the model."
                        + Spelling.hint(l.from(), ids(n.plants().stream().map(Plant::id)))
                        + (n.componentPlant(l.from()).isPresent()
                                ? " For a lane from a component plant write sourcing(...)."
                                : ""));
            }
            if (n.market(l.to()).isEmpty()) {
                throw BadDecision.unknown(d.text() + ": '" + l.to() + "' is not a market of the model."
                        + Spelling.hint(l.to(), ids(n.markets().stream().map(x -> x.id()))));
            }
        }
        List<Lane> between = n.lanes().stream()
                .filter(x -> x.from().equals(l.from()) && x.to().equals(l.to()))
                .toList();
        List<Lane> named = between.stream()
                .filter(x -> l.mode().map(m -> m == x.mode()).orElse(true))
                .toList();
        String modes = between.stream()
                .map(x -> x.mode().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        if (named.isEmpty()) {
            throw BadDecision.unknown(d.text() + ": the model has no lane " + l.lane()
                    + (between.isEmpty() ? "" : " (lanes from " + l.from() + " to " + l.to() + ": " + modes + ")")
                    + ".");
        }
        if (named.size() > 1 && l.mode().isEmpty()) {
            throw BadDecision.malformed(d.text() + ": " + named.size() + " lanes join " + l.from() + " and " + l.to()
                    + " (" + modes + "); name one, as " + (l.sourcing() ? "sourcing(" : "lane(") + l.from() + "->"
                    + l.to() + ":" + named.get(0).mode().name().toLowerCase(Locale.ROOT) + "," + l.year() + ").");
        }
        Lane lane = named.stream()
                .filter(x -> x.isOpen(l.year()))
                .findFirst()
                .orElseThrow(
                        () -> BadDecision.unknown(d.text() + ": " + named.get(0).id() + " is not open in " + l.year()
                                + " (its years: " + named.get(0).years() + ")."));
        return Optional.of(lane);
    }

    private static Plant plant(Network n, String id, NamedDecision d) {
        return n.plant(id)
                .orElseThrow(() -> BadDecision.unknown(d.text() + ": the model has no plant '" + id + "'."
                        + Spelling.hint(id, ids(n.plants().stream().map(Plant::id)))));
    }

    private static List<String> ids(java.util.stream.Stream<String> s) {
        return s.toList();
    }

    // ---- the counterfactual ---------------------------------------------------------------------

    private static Forcing forcing(Network n, NamedDecision d, Optional<Lane> lane, Plan plan, double volume) {
        int year = d.year();
        if (d instanceof NamedDecision.PlantState s) {
            PlantStatus actual = plan.plant(s.plant(), year).orElseThrow().status();
            boolean inPlan = actual == s.status();
            Decision.Action action = switch (s.status()) {
                case RUNNING -> Decision.Action.RUN;
                case IDLE -> Decision.Action.IDLE;
                case CLOSED -> Decision.Action.CLOSE;
            };
            Decision forced = new Decision(
                    FORCED_ID,
                    inPlan ? Decision.Rule.FORBID : Decision.Rule.FORCE,
                    action,
                    s.plant(),
                    Optional.empty(),
                    YearRange.of(year),
                    Optional.empty());
            String forcedAs = inPlan
                    ? s.plant() + " " + not(s.status()) + " in " + year
                    : s.plant() + " " + is(s.status()) + " in " + year;
            return new Forcing(
                    inPlan,
                    s.plant() + " " + is(actual) + " in " + year,
                    forcedAs,
                    net -> Edits.withDecision(net, forced),
                    List.of(),
                    0);
        }
        if (d instanceof NamedDecision.Tooled t) {
            boolean inPlan = tooled(n, plan, t);
            Decision forced = new Decision(
                    FORCED_ID,
                    inPlan ? Decision.Rule.FORBID : Decision.Rule.FORCE,
                    Decision.Action.TOOL,
                    t.plant(),
                    Optional.of(t.platform()),
                    YearRange.of(year),
                    Optional.empty());
            String tooledIn = t.plant() + " is tooled for " + t.platform() + " in " + year;
            String notTooled = t.plant() + " is not tooled for " + t.platform() + " in " + year;
            return new Forcing(
                    inPlan,
                    inPlan ? tooledIn : notTooled,
                    inPlan ? notTooled : tooledIn,
                    net -> Edits.withDecision(net, forced),
                    List.of(),
                    0);
        }
        NamedDecision.LaneUse l = (NamedDecision.LaneUse) d;
        Lane named = lane.orElseThrow();
        double carried = l.sourcing()
                ? plan.componentFlows().stream()
                        .filter(c ->
                                c.componentPlant().equals(l.from()) && c.plant().equals(l.to()) && c.year() == year)
                        .mapToDouble(Plan.ComponentFlow::volume)
                        .sum()
                : plan.flows().stream()
                        .filter(f -> f.plant().equals(l.from()) && f.market().equals(l.to()) && f.year() == year)
                        .mapToDouble(Plan.Flow::volume)
                        .sum();
        double own = cost(named, year);
        double cheapest = n.lanes().stream()
                .filter(x -> x.from().equals(l.from()) && x.to().equals(l.to()) && x.isOpen(year))
                .mapToDouble(x -> cost(x, year))
                .min()
                .orElse(own);
        String unit = l.sourcing() ? "units" : "vehicles";
        String what = named.id() + " in " + year;
        if (carried > SMALL && own <= cheapest + 1e-9) {
            return new Forcing(
                    true,
                    named.id() + " carries " + Rules.count(carried) + " " + unit + " in " + year,
                    named.id() + " is closed in " + year,
                    net -> Edits.withLaneClosed(net, named, year),
                    List.of(),
                    0);
        }
        String plantId = l.sourcing() ? l.to() : l.from();
        double share =
                n.plant(plantId).flatMap(Plant::ownership).map(Figure::nominal).orElse(1.0);
        double extra = volume * Math.max(0, own - cheapest) * n.discountFactor(year) * share;
        String says = carried > SMALL
                ? named.id() + " carries nothing in " + year + ": the " + Rules.count(carried) + " " + unit + " from "
                        + l.from() + " to " + l.to() + " go by a cheaper lane"
                : named.id() + " carries nothing in " + year;
        return new Forcing(
                false,
                says,
                "at least " + Rules.count(volume) + " " + (volume == 1 ? unit.substring(0, unit.length() - 1) : unit)
                        + (volume == 1 ? " goes" : " go") + " on " + what,
                UnaryOperator.identity(),
                List.of(new MinimumFlow(l.from(), l.to(), year, volume)),
                extra);
    }

    private static double cost(Lane lane, int year) {
        return lane.costPerUnit().map(s -> s.nominal(year)).orElse(0.0);
    }

    /** Whether the plan can use a platform at a plant in a year. */
    private static boolean tooled(Network n, Plan plan, NamedDecision.Tooled t) {
        Plant p = n.plant(t.plant()).orElseThrow();
        if (p.platforms().contains(t.platform())) {
            return n.decisions().stream()
                    .noneMatch(x -> x.rule() == Decision.Rule.FORBID
                            && x.action() == Decision.Action.TOOL
                            && x.plant().equals(t.plant())
                            && x.platform().equals(Optional.of(t.platform()))
                            && x.years().contains(t.year()));
        }
        return plan.investments().stream()
                .anyMatch(
                        i -> i.plant().equals(t.plant()) && i.platform().equals(t.platform()) && i.year() <= t.year());
    }

    private static String is(PlantStatus s) {
        return switch (s) {
            case RUNNING -> "runs";
            case IDLE -> "is idle";
            case CLOSED -> "is closed";
        };
    }

    private static String not(PlantStatus s) {
        return switch (s) {
            case RUNNING -> "does not run";
            case IDLE -> "is not idle";
            case CLOSED -> "is not closed";
        };
    }

    // ---- what else changes ----------------------------------------------------------------------

    private static List<Explanation.StateChange> states(Plan plan, Plan forced) {
        List<Explanation.StateChange> out = new ArrayList<>();
        for (Plan.PlantYear py : plan.plants()) {
            PlantStatus after =
                    forced.plant(py.plant(), py.year()).orElseThrow().status();
            if (after != py.status()) {
                out.add(new Explanation.StateChange(py.plant(), py.year(), py.status(), after));
            }
        }
        return out;
    }

    private record PlantPlatform(String plant, String platform) {}

    private static final Comparator<PlantPlatform> BY_PLANT_PLATFORM =
            Comparator.comparing(PlantPlatform::plant).thenComparing(PlantPlatform::platform);

    private static List<Explanation.ToolingChange> tooling(Plan plan, Plan forced) {
        Map<PlantPlatform, Integer> before = firstYears(plan);
        Map<PlantPlatform, Integer> after = firstYears(forced);
        TreeSet<PlantPlatform> keys = new TreeSet<>(BY_PLANT_PLATFORM);
        keys.addAll(before.keySet());
        keys.addAll(after.keySet());
        List<Explanation.ToolingChange> out = new ArrayList<>();
        for (PlantPlatform key : keys) {
            Optional<Integer> b = Optional.ofNullable(before.get(key));
            Optional<Integer> a = Optional.ofNullable(after.get(key));
            if (!b.equals(a)) {
                out.add(new Explanation.ToolingChange(key.plant(), key.platform(), b, a));
            }
        }
        return out;
    }

    private static Map<PlantPlatform, Integer> firstYears(Plan plan) {
        Map<PlantPlatform, Integer> out = new TreeMap<>(BY_PLANT_PLATFORM);
        for (Plan.Investment i : plan.investments()) {
            out.merge(new PlantPlatform(i.plant(), i.platform()), i.year(), Math::min);
        }
        return out;
    }

    private static List<Explanation.VolumeChange> volumes(Plan plan, Plan forced) {
        List<Explanation.VolumeChange> out = new ArrayList<>();
        for (Plan.PlantYear py : plan.plants()) {
            double after = forced.plant(py.plant(), py.year()).orElseThrow().output();
            if (Math.abs(after - py.output()) > SAME_VOLUME) {
                out.add(new Explanation.VolumeChange(py.plant(), py.year(), py.output(), after));
            }
        }
        return out;
    }

    private record MarketYear(String market, int year) {}

    private static List<Explanation.LostSaleChange> lostSales(Plan plan, Plan forced) {
        Map<MarketYear, double[]> byMarketYear =
                new TreeMap<>(Comparator.comparing(MarketYear::market).thenComparingInt(MarketYear::year));
        for (Plan.LostSale l : plan.lostSales()) {
            byMarketYear.computeIfAbsent(new MarketYear(l.market(), l.year()), k -> new double[2])[0] += l.volume();
        }
        for (Plan.LostSale l : forced.lostSales()) {
            byMarketYear.computeIfAbsent(new MarketYear(l.market(), l.year()), k -> new double[2])[1] += l.volume();
        }
        List<Explanation.LostSaleChange> out = new ArrayList<>();
        byMarketYear.forEach((key, v) -> {
            if (Math.abs(v[1] - v[0]) > SAME_VOLUME) {
                out.add(new Explanation.LostSaleChange(key.market(), key.year(), v[0], v[1]));
            }
        });
        return out;
    }
}
