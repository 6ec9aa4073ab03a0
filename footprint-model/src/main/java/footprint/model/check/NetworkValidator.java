package footprint.model.check;

import footprint.model.Ban;
import footprint.model.Commitment;
import footprint.model.Component;
import footprint.model.ComponentPlant;
import footprint.model.Country;
import footprint.model.Decision;
import footprint.model.Disruption;
import footprint.model.Duty;
import footprint.model.FieldCatalogue;
import footprint.model.Figure;
import footprint.model.Lane;
import footprint.model.LocalContent;
import footprint.model.Market;
import footprint.model.Network;
import footprint.model.NetworkFigures;
import footprint.model.Objective;
import footprint.model.PerKey;
import footprint.model.Plant;
import footprint.model.PlantStatus;
import footprint.model.Platform;
import footprint.model.Product;
import footprint.model.Quantity;
import footprint.model.SegmentDemand;
import footprint.model.Series;
import footprint.model.ToolingOption;
import footprint.model.Units;
import footprint.model.YearRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one validator of a {@link Network}: every check of meaning (references, duplicates, years,
 * ranges, contradictions) and every warning about legal but suspicious input. It collects every
 * problem rather than stopping at the first. Problems carry field paths; readers place them in
 * their files.
 */
public final class NetworkValidator {
    private static final double TOLERANCE = 1e-9;

    private final Network n;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> places = new HashSet<>();
    private final Set<String> currencies = new HashSet<>();
    // Keyed by the identity of a set of ids: each set is built once per check and reused.
    private final Map<Collection<String>, Map<String, String>> hints = new IdentityHashMap<>();
    private final Map<Collection<String>, String> shortLists = new IdentityHashMap<>();
    /** Candidate comparisons left for "did you mean" hints (each bounded by {@link Spelling}). */
    private long hintBudget = 20_000_000L;
    /** For each market, in order: its demand per product it names and year of the horizon. */
    private final List<Map<String, double[]>> demand = new ArrayList<>();
    /** For each market, in order, the products it has demand for in some year. */
    private final List<Set<String>> demanded = new ArrayList<>();

    private final Map<String, Double> highestRates = new HashMap<>();

    // Every set of ids is built once, so that each check looks ids up in constant time.
    private final Set<String> countryCodes;
    private final Set<String> platformIds;
    private final Set<String> componentIds;
    private final Set<String> productIds;
    private final Set<String> marketIds;
    private final Set<String> plantIds;
    private final Map<String, Plant> plantById = new HashMap<>();
    private final Map<String, Component> componentById = new HashMap<>();

    private NetworkValidator(Network network) {
        this.n = network;
        countryCodes = ids(n.countries().stream().map(Country::code).toList());
        platformIds = ids(n.platforms().stream().map(Platform::id).toList());
        componentIds = ids(n.components().stream().map(Component::id).toList());
        productIds = ids(n.products().stream().map(Product::id).toList());
        marketIds = ids(n.markets().stream().map(Market::id).toList());
        plantIds = ids(n.plants().stream().map(Plant::id).toList());
        n.plants().forEach(p -> plantById.putIfAbsent(p.id(), p));
        n.components().forEach(c -> componentById.putIfAbsent(c.id(), c));
        for (Market m : n.markets()) {
            demand.add(demandOf(m));
            demanded.add(withDemand(demand.get(demand.size() - 1)));
        }
        for (Country c : n.countries()) {
            places.add(c.code());
            places.add(c.bloc());
        }
        currencies.add(n.currency());
        currencies.addAll(n.fx().keySet());
    }

    /** Every problem of a network, errors and warnings, in no particular order. */
    public static List<Problem> validate(Network network) {
        var v = new NetworkValidator(network);
        v.checkIds();
        v.checkNetwork();
        v.checkPlants();
        v.checkProducts();
        v.checkComponentPlants();
        v.checkMarkets();
        v.checkLanes();
        v.checkTrade();
        v.checkCommitments();
        v.checkDecisions();
        v.checkDisruptions();
        v.checkPrices();
        v.checkMagnitudes();
        v.warnings();
        return List.copyOf(v.problems);
    }

    private void report(ProblemCode code, String field, String message) {
        problems.add(Problem.of(code, field, message));
    }

    // ---- ids -------------------------------------------------------------------------------------

    private <T> void unique(String kind, List<T> items, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            String key = id.apply(item);
            if (!seen.add(key)) {
                report(
                        ProblemCode.DUPLICATE_ID,
                        kind + "[" + key + "]",
                        "'" + key + "' is defined twice in " + kind + "; give each a different id.");
            }
        }
    }

    private void checkIds() {
        unique("countries", n.countries(), Country::code);
        unique("platforms", n.platforms(), Platform::id);
        unique("components", n.components(), Component::id);
        unique("plants", n.plants(), Plant::id);
        unique("products", n.products(), Product::id);
        unique("component-plants", n.componentPlants(), ComponentPlant::id);
        unique("markets", n.markets(), Market::id);
        // Lanes name plants, component plants and markets by id alone, so the three share one namespace.
        Map<String, String> kindOf = new HashMap<>();
        n.plants().forEach(p -> kindOf.putIfAbsent(p.id(), "plants"));
        for (ComponentPlant c : n.componentPlants()) {
            String other = kindOf.putIfAbsent(c.id(), "component-plants");
            if (other != null && !other.equals("component-plants")) {
                report(
                        ProblemCode.DUPLICATE_ID,
                        "component-plants[" + c.id() + "]",
                        "'" + c.id() + "' is both a plant and a component plant; lanes could not tell them apart.");
            }
        }
        for (Market m : n.markets()) {
            String other = kindOf.putIfAbsent(m.id(), "markets");
            if (other != null && !other.equals("markets")) {
                report(
                        ProblemCode.DUPLICATE_ID,
                        "markets[" + m.id() + "]",
                        "'" + m.id() + "' is both a market and one of " + other + "; lanes could not tell them apart.");
            }
        }
    }

    // ---- references ------------------------------------------------------------------------------

    private boolean ref(String field, String kind, String id, Collection<String> known) {
        if (known.contains(id)) {
            return true;
        }
        String list = known.isEmpty() ? ", which defines none" : " (known: " + shortList(known) + ")";
        report(
                ProblemCode.UNKNOWN_REFERENCE,
                field,
                "'" + id + "' is not a" + ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "n " : " ") + kind + " of this model"
                        + list + "." + hint(id, known));
        return false;
    }

    /**
     * The "did you mean" hint, computed once per word and set of candidates, and only while the
     * budget of comparisons lasts: a file with a hundred thousand unknown ids among a hundred
     * thousand known ones would otherwise spend hours on hints.
     */
    private String hint(String word, Collection<String> candidates) {
        Map<String, String> memo = hints.computeIfAbsent(candidates, c -> new HashMap<>());
        String known = memo.get(word);
        if (known != null) {
            return known;
        }
        if (hintBudget < candidates.size()) {
            return "";
        }
        hintBudget -= candidates.size();
        String h = Spelling.hint(word, candidates);
        memo.put(word, h);
        return h;
    }

    /** The first twelve known ids, sorted; sorted once per set of ids. */
    private String shortList(Collection<String> items) {
        return shortLists.computeIfAbsent(items, c -> {
            List<String> sorted = c.stream().sorted().limit(13).toList();
            String shown = String.join(", ", sorted.subList(0, Math.min(12, sorted.size())));
            return sorted.size() > 12 ? shown + ", ..." : shown;
        });
    }

    private Set<String> ids(Collection<String> values) {
        return new LinkedHashSet<>(values);
    }

    private Set<String> countryCodes() {
        return countryCodes;
    }

    private Set<String> platformIds() {
        return platformIds;
    }

    private Set<String> componentIds() {
        return componentIds;
    }

    private Set<String> productIds() {
        return productIds;
    }

    private Set<String> marketIds() {
        return marketIds;
    }

    private Set<String> plantIds() {
        return plantIds;
    }

    private void currency(String field, Optional<String> code) {
        code.ifPresent(c -> {
            if (!currencies.contains(c)) {
                report(
                        ProblemCode.UNKNOWN_REFERENCE,
                        field,
                        "no exchange rate for '" + c + "': add it under fx (value"
                                + " of one " + c + " in " + n.currency() + ") or use " + n.currency() + "."
                                + hint(c, currencies));
            }
        });
    }

    // ---- numbers ---------------------------------------------------------------------------------

    private void nonNegative(String field, Figure f) {
        Quantity q = f.quantity();
        double low = Double.isInfinite(q.min()) ? q.nominal() : q.min();
        if (low < 0) {
            report(ProblemCode.OUT_OF_RANGE, field, "must not be negative, but " + lowest(q, low) + ".");
        }
    }

    /** "is -5" for a single number, "can be as low as -5" for a range or distribution. */
    private static String lowest(Quantity q, double low) {
        return q.isUncertain() ? "can be as low as " + fmt(low) : "is " + fmt(low);
    }

    /** "is 1.5" for a single number, "can be as high as 1.5" for a range or distribution. */
    private static String highest(Quantity q, double high) {
        return q.isUncertain() ? "can be as high as " + fmt(high) : "is " + fmt(high);
    }

    private void nonNegative(String field, Optional<Figure> f) {
        f.ifPresent(fig -> nonNegative(field, fig));
    }

    private void nonNegative(String field, Series s) {
        eachFigure(field, s, this::nonNegative);
    }

    private void nonNegativeSeries(String field, Optional<Series> s) {
        s.ifPresent(series -> nonNegative(field, series));
    }

    private void fraction(String field, Figure f, boolean zeroAllowed) {
        Quantity q = f.quantity();
        double low = Double.isInfinite(q.min()) ? q.nominal() : q.min();
        double high = Double.isInfinite(q.max()) ? q.nominal() : q.max();
        boolean tooLow = low < 0 || (!zeroAllowed && low <= 0);
        if (tooLow || high > 1 + TOLERANCE) {
            report(
                    ProblemCode.OUT_OF_RANGE,
                    field,
                    "must be a share " + (zeroAllowed ? "from 0 to 1 (0% to 100%)" : "above 0, at most 1 (100%)")
                            + ", but " + (tooLow ? lowest(q, low) : highest(q, high)) + ".");
        }
    }

    private void eachFigure(String field, Series s, java.util.function.BiConsumer<String, Figure> check) {
        if (s instanceof Series.ByYear by) {
            by.anchors().forEach((year, f) -> check.accept(field + "." + year, f));
        } else {
            check.accept(field, ((Series.Constant) s).figure());
        }
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        // sums such as 0.1 + 0.2 print as 0.3, not 0.30000000000000004
        return new java.math.BigDecimal(v)
                .round(new java.math.MathContext(10))
                .stripTrailingZeros()
                .toPlainString();
    }

    // ---- magnitudes ------------------------------------------------------------------------------

    /** The highest value of one unit of each currency in the base currency over the horizon. */
    private double highestRate(Optional<String> currency) {
        if (currency.isEmpty() || currency.get().equals(n.currency())) {
            return 1;
        }
        Series rate = n.fx().get(currency.get());
        if (rate == null) {
            return 1; // reported as a missing exchange rate
        }
        return highestRates.computeIfAbsent(
                currency.get(),
                c -> n.horizon()
                        .years()
                        .mapToDouble(y -> Math.max(
                                Math.abs(rate.valueAt(y, NetworkValidator::highest)),
                                Math.abs(rate.valueAt(y, NetworkValidator::lowest))))
                        .max()
                        .orElse(1));
    }

    private static double highest(Figure f) {
        double max = f.quantity().max();
        return Double.isInfinite(max) ? f.nominal() : max;
    }

    private static double lowest(Figure f) {
        double min = f.quantity().min();
        return Double.isInfinite(min) ? f.nominal() : min;
    }

    /** The magnitude of a figure's widest value (its nominal value where a distribution is unbounded). */
    private static double size(Figure f) {
        return Math.max(Math.max(Math.abs(highest(f)), Math.abs(lowest(f))), Math.abs(f.nominal()));
    }

    /**
     * A figure within the limit of its field in {@link FieldCatalogue}, in its own currency and, for
     * money in another currency, once converted at the highest exchange rate of the horizon.
     */
    private void magnitude(String field, String section, String name, Figure f, Optional<String> currency) {
        FieldCatalogue.limit(section, name).ifPresent(limit -> {
            double v = size(f);
            boolean below = limit.min().isPresent() && lowest(f) < limit.min().get();
            if (below || highest(f) > limit.max()) {
                report(
                        ProblemCode.OUT_OF_RANGE,
                        field,
                        (f.quantity().isUncertain() ? "can be " : "is ")
                                + FieldCatalogue.Limit.show(below ? lowest(f) : highest(f)) + ", "
                                + (below
                                        ? "below "
                                                + FieldCatalogue.Limit.show(
                                                        limit.min().get()) + ", the least"
                                        : "above " + FieldCatalogue.Limit.show(limit.max()) + ", the most")
                                + " the optimiser can take for " + limit.what() + ".");
                return;
            }
            double rate = highestRate(currency);
            if (v * rate > limit.max()) {
                report(
                        ProblemCode.OUT_OF_RANGE,
                        field,
                        "is " + FieldCatalogue.Limit.show(v * rate) + " " + n.currency() + " at the highest"
                                + " exchange rate of " + currency.orElseThrow() + ", above "
                                + FieldCatalogue.Limit.show(limit.max()) + " " + n.currency()
                                + ", the most the optimiser can take for " + limit.what() + ".");
            }
        });
    }

    private void magnitude(String field, String section, String name, Optional<Figure> f, Optional<String> currency) {
        f.ifPresent(fig -> magnitude(field, section, name, fig, currency));
    }

    /**
     * A series within the limit of its field: each figure given, its growth rate, and the value it
     * grows to by the horizon's last year (2% a year over a century is only 7 times; 100% is 1e30
     * times). One problem per series: a value too large once is too large in every later year.
     */
    private void magnitude(String field, String section, String name, Series s, Optional<String> currency) {
        int before = problems.size();
        eachFigure(field, s, (at, f) -> magnitude(at, section, name, f, currency));
        if (!(s instanceof Series.ByYear by) || by.growth().isEmpty() || problems.size() > before) {
            return;
        }
        Series.Growth g = by.growth().get();
        magnitude(field + ".growth.rate", "growth", "rate", g.rate(), Optional.empty());
        if (problems.size() > before) {
            return;
        }
        FieldCatalogue.limit(section, name).ifPresent(limit -> {
            double rate = highestRate(currency);
            for (int year = Math.max(g.fromYear(), n.horizon().firstYear());
                    year <= n.horizon().lastYear();
                    year++) {
                int y = year;
                double v = Math.max(
                                Math.abs(s.valueAt(y, NetworkValidator::highest)),
                                Math.abs(s.valueAt(y, NetworkValidator::lowest)))
                        * rate;
                if (!(v <= limit.max())) {
                    report(
                            ProblemCode.OUT_OF_RANGE,
                            field + ".growth.rate",
                            "grows to " + FieldCatalogue.Limit.show(v) + (rate == 1 ? "" : " " + n.currency())
                                    + " by " + y + ", above " + FieldCatalogue.Limit.show(limit.max())
                                    + ", the most the optimiser can take for " + limit.what()
                                    + "; give a smaller rate.");
                    return;
                }
            }
        });
    }

    private void magnitudeSeries(
            String field, String section, String name, Optional<Series> s, Optional<String> currency) {
        s.ifPresent(series -> magnitude(field, section, name, series, currency));
    }

    private void magnitude(
            String field, String section, String name, PerKey<Series> values, Optional<String> currency) {
        values.fallback()
                .ifPresent(s ->
                        magnitude(field + (values.byKey().isEmpty() ? "" : ".default"), section, name, s, currency));
        values.byKey().forEach((key, s) -> magnitude(field + "." + key, section, name, s, currency));
    }

    private void checkMagnitudes() {
        Optional<String> dearest = dearestMarketCurrency();
        n.fx().forEach((c, s) -> magnitude("fx." + c, "model", "fx", s, Optional.empty()));
        for (Plant p : n.plants()) {
            String at = "plants[" + p.id() + "]";
            Optional<String> c = p.currency();
            magnitude(at + ".capacity", "plant", "capacity", p.capacity(), Optional.empty());
            p.lineCapacity()
                    .forEach((k, s) ->
                            magnitude(at + ".line-capacity." + k, "plant", "line-capacity", s, Optional.empty()));
            magnitude(at + ".workforce", "plant", "workforce", p.workforce(), Optional.empty());
            magnitude(at + ".idle-workforce", "plant", "idle-workforce", p.idleWorkforce(), Optional.empty());
            magnitudeSeries(at + ".fixed-cost", "plant", "fixed-cost", p.fixedCost(), c);
            magnitudeSeries(at + ".idle-cost", "plant", "idle-cost", p.idleCost(), c);
            magnitude(at + ".closure-cost", "plant", "closure-cost", p.closureCost(), c);
            magnitude(at + ".reopening-cost", "plant", "reopening-cost", p.reopeningCost(), c);
            magnitude(at + ".variable-cost", "plant", "variable-cost", p.variableCost(), c);
            for (ToolingOption t : p.tooling()) {
                String tf = at + ".tooling." + t.platform();
                magnitude(tf + ".investment", "tooling", "investment", t.investment(), c);
                magnitude(tf + ".lead-time", "tooling", "lead-time", t.leadTimeYears(), Optional.empty());
            }
        }
        Map<String, Optional<String>> marketCurrency = new HashMap<>();
        n.markets().forEach(m -> marketCurrency.putIfAbsent(m.id(), m.currency()));
        for (Product p : n.products()) {
            String at = "products[" + p.id() + "]";
            p.bom().forEach((k, f) -> magnitude(at + ".bom." + k, "product", "bom", f, Optional.empty()));
            p.price().fallback().ifPresent(s -> {
                // a default price holds in every market: in the dearest currency too
                magnitude(
                        at + ".price" + (p.price().byKey().isEmpty() ? "" : ".default"),
                        "product",
                        "price",
                        s,
                        dearest);
            });
            p.price()
                    .byKey()
                    .forEach((k, s) -> magnitude(
                            at + ".price." + k,
                            "product",
                            "price",
                            s,
                            marketCurrency.getOrDefault(k, Optional.empty())));
        }
        for (ComponentPlant cp : n.componentPlants()) {
            String at = "component-plants[" + cp.id() + "]";
            magnitude(at + ".capacity", "component-plant", "capacity", cp.capacity(), Optional.empty());
            magnitudeSeries(at + ".unit-cost", "component-plant", "unit-cost", cp.unitCost(), cp.currency());
            magnitudeSeries(at + ".fixed-cost", "component-plant", "fixed-cost", cp.fixedCost(), cp.currency());
        }
        for (Market m : n.markets()) {
            String at = "markets[" + m.id() + "]";
            m.demand().forEach((k, s) -> magnitude(at + ".demand." + k, "market", "demand", s, Optional.empty()));
            for (SegmentDemand sd : m.segments()) {
                String seg = at + ".segments." + sd.segment();
                magnitude(seg + ".volume", "segment-demand", "volume", sd.volume(), Optional.empty());
            }
            magnitude(at + ".lost-sale-penalty", "market", "lost-sale-penalty", m.lostSalePenalty(), m.currency());
        }
        for (int i = 0; i < n.lanes().size(); i++) {
            Lane l = n.lanes().get(i);
            String at = "lanes[" + (i + 1) + "]";
            magnitudeSeries(at + ".cost", "lane", "cost", l.costPerUnit(), Optional.empty());
        }
        for (int i = 0; i < n.duties().size(); i++) {
            magnitude(
                    "trade.duties[" + (i + 1) + "].rate",
                    "duty",
                    "rate",
                    n.duties().get(i).rate(),
                    Optional.empty());
        }
        for (int i = 0; i < n.commitments().size(); i++) {
            Commitment c = n.commitments().get(i);
            String at = "commitments[" + (i + 1) + "]";
            magnitude(at + ".min-output", "commitment", "min-output", c.minOutput(), Optional.empty());
            magnitude(at + ".min-jobs", "commitment", "min-jobs", c.minJobs(), Optional.empty());
        }
    }

    /** The market currency whose unit is worth most in the base currency (a default price holds in each). */
    private Optional<String> dearestMarketCurrency() {
        Optional<String> best = Optional.empty();
        double rate = 1;
        for (Market m : n.markets()) {
            double r = highestRate(m.currency());
            if (r > rate) {
                rate = r;
                best = m.currency();
            }
        }
        return best;
    }

    // ---- years -----------------------------------------------------------------------------------

    private void span(String field, YearRange years) {
        var h = n.horizon();
        if (years.last() < h.firstYear() || years.first() > h.lastYear()) {
            report(
                    ProblemCode.YEAR_OUTSIDE_HORIZON,
                    field,
                    yearsFall(years) + " outside the horizon " + h.firstYear() + "-" + h.lastYear()
                            + ", so this has no effect.");
        }
    }

    /** "the year 1990 falls", "the years 1990-1995 fall", "the years up to 1990 fall". */
    static String yearsFall(YearRange years) {
        if (years.first() == years.last()) {
            return "the year " + years.first() + " falls";
        }
        if (years.isOpenStart()) {
            return "the years up to " + years.last() + " fall";
        }
        if (years.isOpenEnd()) {
            return "the years from " + years.first() + " on fall";
        }
        return "the years " + years + " fall";
    }

    /** A series may name years outside the horizon only where they still shape a year inside it. */
    private void seriesYears(String field, Series s) {
        if (!(s instanceof Series.ByYear by)) {
            return;
        }
        var h = n.horizon();
        Integer lastBefore = by.anchors().floorKey(h.firstYear());
        Integer firstAfter = by.anchors().ceilingKey(h.lastYear());
        boolean linear = by.interpolation() == Series.Interpolation.LINEAR;
        boolean anyInside = by.anchors().keySet().stream().anyMatch(h::contains);
        boolean bothSides =
                by.anchors().firstKey() < h.firstYear() && by.anchors().lastKey() > h.lastYear();
        if (!anyInside && !(linear && bothSides) && by.growth().isEmpty()) {
            // every year lies on one side of the horizon: each only extrapolates, and 1850 or 2300 is
            // more likely a slip than a figure meant to hold for the whole horizon
            for (int year : by.anchors().keySet()) {
                report(
                        ProblemCode.YEAR_OUTSIDE_HORIZON,
                        field + "." + year,
                        year + " is outside the horizon " + h.firstYear() + "-" + h.lastYear()
                                + ", and so is every year of this series; give at least one year inside the"
                                + " horizon.");
            }
            return;
        }
        for (int year : by.anchors().keySet()) {
            boolean inside = h.contains(year);
            boolean shapesStart = year < h.firstYear() && lastBefore == year;
            boolean shapesEnd = year > h.lastYear()
                    && linear
                    && firstAfter == year
                    && by.growth().isEmpty();
            if (!inside && !shapesStart && !shapesEnd) {
                report(
                        ProblemCode.YEAR_OUTSIDE_HORIZON,
                        field + "." + year,
                        year + " is outside the horizon "
                                + h.firstYear() + "-" + h.lastYear()
                                + " and changes no year inside it; remove it or widen"
                                + " the horizon.");
            }
        }
        by.growth().ifPresent(g -> {
            if (g.fromYear() > h.lastYear()) {
                report(
                        ProblemCode.YEAR_OUTSIDE_HORIZON,
                        field + ".growth.from",
                        "growth starts in " + g.fromYear() + ", after the horizon ends in " + h.lastYear() + ".");
            }
        });
    }

    private void series(String field, Series s) {
        seriesYears(field, s);
        nonNegative(field, s);
    }

    private void series(String field, Optional<Series> s) {
        s.ifPresent(series -> series(field, series));
    }

    // ---- sections --------------------------------------------------------------------------------

    private void checkNetwork() {
        fraction("discount-rate", n.discountRate(), true);
        n.fx().forEach((c, s) -> {
            if (c.equals(n.currency())) {
                report(ProblemCode.CONTRADICTION, "fx." + c, c + " is the base currency; its rate is 1 by definition.");
            }
            seriesYears("fx." + c, s);
            eachFigure("fx." + c, s, (f, fig) -> {
                if (fig.quantity().min() <= 0 && fig.nominal() <= 0
                        || fig.quantity().min() < 0) {
                    report(ProblemCode.OUT_OF_RANGE, f, "an exchange rate must be above 0.");
                }
            });
        });
    }

    private void checkPlants() {
        Set<String> countries = countryCodes();
        Set<String> platforms = platformIds();
        Set<String> costKeys = new LinkedHashSet<>(productIds());
        costKeys.addAll(platforms);
        for (Plant p : n.plants()) {
            String at = "plants[" + p.id() + "]";
            ref(at + ".country", "country", p.country(), countries);
            currency(at + ".currency", p.currency());
            p.ownership().ifPresent(f -> fraction(at + ".ownership", f, false));
            series(at + ".capacity", p.capacity());
            vehicles(at + ".capacity", "an assembly plant's capacity", p.capacity());
            p.lineCapacity()
                    .forEach((platform, s) -> vehicles(at + ".line-capacity." + platform, "a line capacity", s));
            p.lineCapacity().forEach((platform, s) -> {
                if (ref(at + ".line-capacity." + platform, "platform", platform, platforms) && !p.canBuild(platform)) {
                    report(
                            ProblemCode.CONTRADICTION,
                            at + ".line-capacity." + platform,
                            "the plant has no tooling for"
                                    + " platform '" + platform
                                    + "' now or as an option, so a line capacity for it has no"
                                    + " effect.");
                }
                series(at + ".line-capacity." + platform, s);
            });
            nonNegative(at + ".workforce", p.workforce());
            nonNegative(at + ".idle-workforce", p.idleWorkforce());
            series(at + ".fixed-cost", p.fixedCost());
            series(at + ".idle-cost", p.idleCost());
            nonNegative(at + ".closure-cost", p.closureCost());
            nonNegative(at + ".reopening-cost", p.reopeningCost());
            perKey(at + ".variable-cost", p.variableCost(), "product or platform", costKeys);
            for (String platform : p.platforms()) {
                ref(at + ".platforms", "platform", platform, platforms);
            }
            Set<String> tooled = new HashSet<>();
            for (ToolingOption t : p.tooling()) {
                String tf = at + ".tooling." + t.platform();
                ref(tf, "platform", t.platform(), platforms);
                if (!tooled.add(t.platform())) {
                    report(ProblemCode.DUPLICATE_ID, tf, "platform '" + t.platform() + "' has two tooling options.");
                }
                if (p.platforms().contains(t.platform())) {
                    report(
                            ProblemCode.CONTRADICTION,
                            tf,
                            "platform '" + t.platform() + "' is already tooled at the"
                                    + " start (listed under platforms); remove one of the two.");
                }
                nonNegative(tf + ".investment", t.investment());
                Quantity lead = t.leadTimeYears().quantity();
                if (lead.min() < 0 || lead.nominal() != Math.rint(lead.nominal())) {
                    report(
                            ProblemCode.OUT_OF_RANGE,
                            tf + ".lead-time",
                            "a lead time is a whole number of years, 0 or" + " more, not " + fmt(lead.nominal()) + ".");
                }
            }
            for (int i = 0; i < p.status().size(); i++) {
                span(at + ".status", p.status().get(i).years());
            }
        }
    }

    /**
     * Vehicles are counted, not measured: a figure of a field in vehicles may name any unit for
     * information, but not an energy unit, which Footprint would otherwise convert.
     */
    private void vehicles(String field, String what, Series s) {
        for (Figure f : s.figures()) {
            if (f.unit().isPresent() && Units.isEnergy(f.unit().get())) {
                report(
                        ProblemCode.UNIT_MISMATCH,
                        field,
                        "the unit '" + f.unit().get() + "' is energy, but " + what
                                + " counts vehicles a year; drop the unit or give it in vehicles.");
                return;
            }
        }
    }

    private void perKey(String field, PerKey<Series> values, String kind, Set<String> keys) {
        values.fallback().ifPresent(s -> series(field + (values.byKey().isEmpty() ? "" : ".default"), s));
        values.byKey().forEach((key, s) -> {
            ref(field + "." + key, kind, key, keys);
            series(field + "." + key, s);
        });
    }

    private void checkProducts() {
        Set<String> platforms = platformIds();
        Set<String> components = componentIds();
        Set<String> markets = marketIds();
        for (Product p : n.products()) {
            String at = "products[" + p.id() + "]";
            ref(at + ".platform", "platform", p.platform(), platforms);
            p.bom().forEach((c, f) -> {
                ref(at + ".bom." + c, "component", c, components);
                nonNegative(at + ".bom." + c, f);
            });
            perKey(at + ".price", p.price(), "market", markets);
        }
    }

    private void checkComponentPlants() {
        Set<String> countries = countryCodes();
        Set<String> components = componentIds();
        for (ComponentPlant c : n.componentPlants()) {
            String at = "component-plants[" + c.id() + "]";
            ref(at + ".country", "country", c.country(), countries);
            currency(at + ".currency", c.currency());
            c.ownership().ifPresent(f -> fraction(at + ".ownership", f, false));
            series(at + ".capacity", c.capacity());
            if (ref(at + ".component", "component", c.component(), components)) {
                String unit = componentById.get(c.component()).unit();
                for (Figure f : c.capacity().figures()) {
                    f.unit().ifPresent(u -> {
                        if (Units.factor(u, unit).isEmpty()) {
                            report(
                                    ProblemCode.UNIT_MISMATCH,
                                    at + ".capacity",
                                    "the unit '" + u + "' does not convert" + " to '" + unit
                                            + "', the unit of component '" + c.component() + "'.");
                        }
                    });
                }
            }
            series(at + ".unit-cost", c.unitCost());
            series(at + ".fixed-cost", c.fixedCost());
        }
    }

    private void checkMarkets() {
        Set<String> countries = countryCodes();
        Set<String> products = productIds();
        for (Market m : n.markets()) {
            String at = "markets[" + m.id() + "]";
            ref(at + ".country", "country", m.country(), countries);
            currency(at + ".currency", m.currency());
            m.demand().forEach((k, s) -> {
                ref(at + ".demand." + k, "product", k, products);
                series(at + ".demand." + k, s);
                vehicles(at + ".demand." + k, "demand", s);
            });
            for (SegmentDemand s : m.segments()) {
                String seg = at + ".segments." + s.segment();
                series(seg + ".volume", s.volume());
                vehicles(seg + ".volume", "a segment's volume", s.volume());
                s.groupShare().ifPresent(f -> fraction(seg + ".group-share", f, true));
                double total = 0;
                for (var e : s.shares().entrySet()) {
                    ref(seg + ".shares." + e.getKey(), "product", e.getKey(), products);
                    fraction(seg + ".shares." + e.getKey(), e.getValue(), true);
                    total += e.getValue().nominal();
                }
                if (total > 1 + 1e-6) {
                    report(
                            ProblemCode.SHARES_ABOVE_ONE,
                            seg + ".shares",
                            "the shares add up to " + fmt(total)
                                    + "; they split the group's sales and must add up to 1 at most.");
                } else if (total < 1 - 1e-6) {
                    report(
                            ProblemCode.SHARES_BELOW_ONE,
                            seg + ".shares",
                            "the shares add up to " + fmt(total)
                                    + ", so " + fmt(Math.round((1 - total) * 1000) / 10.0)
                                    + "% of the segment goes to no"
                                    + " product.");
                }
            }
            nonNegative(at + ".lost-sale-penalty", m.lostSalePenalty());
        }
    }

    private void checkLanes() {
        Set<String> plants = plantIds();
        Set<String> componentPlants =
                ids(n.componentPlants().stream().map(ComponentPlant::id).toList());
        Set<String> markets = marketIds();
        Set<String> sources = new LinkedHashSet<>(plants);
        sources.addAll(componentPlants);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n.lanes().size(); i++) {
            Lane l = n.lanes().get(i);
            String at = "lanes[" + (i + 1) + "]";
            if (!seen.add(l.id())) {
                report(
                        ProblemCode.DUPLICATE_ID,
                        at,
                        "lane " + l.id() + " is given twice; give different modes or" + " merge them.");
            }
            if (plants.contains(l.from())) {
                if (!markets.contains(l.to())) {
                    if (plants.contains(l.to()) || componentPlants.contains(l.to())) {
                        report(
                                ProblemCode.LANE_TO_NOWHERE,
                                at + ".to",
                                "a lane from plant '" + l.from() + "' goes to" + " a market, and '" + l.to()
                                        + "' is not a market.");
                    } else {
                        ref(at + ".to", "market", l.to(), markets);
                    }
                }
            } else if (componentPlants.contains(l.from())) {
                if (!plants.contains(l.to())) {
                    if (markets.contains(l.to()) || componentPlants.contains(l.to())) {
                        report(
                                ProblemCode.LANE_TO_NOWHERE,
                                at + ".to",
                                "a lane from component plant '" + l.from() + "' goes to an assembly plant, and '"
                                        + l.to() + "' is not one.");
                    } else {
                        ref(at + ".to", "plant", l.to(), plants);
                    }
                }
            } else if (markets.contains(l.from())) {
                report(
                        ProblemCode.LANE_TO_NOWHERE,
                        at + ".from",
                        "lanes start at a plant or a component plant, and '" + l.from() + "' is a market.");
            } else {
                ref(at + ".from", "plant or component plant", l.from(), sources);
            }
            series(at + ".cost", l.costPerUnit());
            nonNegative(at + ".lead-time", l.leadTimeDays());
            span(at + ".years", l.years());
        }
    }

    private void places(String field, List<String> list) {
        for (String place : list) {
            ref(field, "country or trade bloc", place, places);
        }
    }

    private void checkTrade() {
        Set<String> brands =
                n.products().stream().map(Product::brand).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> products = productIds();
        Set<String> components = componentIds();
        for (int i = 0; i < n.duties().size(); i++) {
            Duty d = n.duties().get(i);
            String at = "trade.duties[" + (i + 1) + "]";
            places(at + ".from", d.from());
            places(at + ".to", d.to());
            seriesYears(at + ".rate", d.rate());
            nonNegative(at + ".rate", d.rate());
            d.brands().forEach(b -> ref(at + ".brands", "brand", b, brands));
            d.products().forEach(p -> ref(at + ".products", "product", p, products));
            span(at + ".years", d.years());
        }
        for (int i = 0; i < n.bans().size(); i++) {
            Ban b = n.bans().get(i);
            String at = "trade.bans[" + (i + 1) + "]";
            places(at + ".from", b.from());
            places(at + ".to", b.to());
            b.brands().forEach(x -> ref(at + ".brands", "brand", x, brands));
            b.products().forEach(x -> ref(at + ".products", "product", x, products));
            b.components().forEach(x -> ref(at + ".components", "component", x, components));
            span(at + ".years", b.years());
        }
        for (int i = 0; i < n.localContent().size(); i++) {
            LocalContent lc = n.localContent().get(i);
            String at = "trade.local-content[" + (i + 1) + "]";
            places(at + ".to", lc.to());
            fraction(at + ".min-share", lc.minShare(), true);
            span(at + ".years", lc.years());
        }
        // Rule ids share one namespace; a repeated id is placed at the rule that repeats it.
        Map<String, String> firstAt = new HashMap<>();
        ruleIds("trade.duties", n.duties().stream().map(Duty::id).toList(), firstAt);
        ruleIds("trade.bans", n.bans().stream().map(Ban::id).toList(), firstAt);
        ruleIds(
                "trade.local-content",
                n.localContent().stream().map(LocalContent::id).toList(),
                firstAt);
        ruleIds("commitments", n.commitments().stream().map(Commitment::id).toList(), firstAt);
        ruleIds("decisions", n.decisions().stream().map(Decision::id).toList(), firstAt);
        ruleIds("disruptions", n.disruptions().stream().map(Disruption::id).toList(), firstAt);
    }

    private void ruleIds(String list, List<String> ids, Map<String, String> firstAt) {
        for (int i = 0; i < ids.size(); i++) {
            String at = list + "[" + (i + 1) + "]";
            String first = firstAt.putIfAbsent(ids.get(i), at);
            if (first != null) {
                report(
                        ProblemCode.DUPLICATE_ID,
                        at + ".id",
                        "the rule id '" + ids.get(i) + "' is already used by " + first
                                + "; rule ids must be unique so that reports can name them.");
            }
        }
    }

    private void checkDisruptions() {
        Set<String> plants = ids(n.plants().stream().map(Plant::id).toList());
        n.componentPlants().forEach(c -> plants.add(c.id()));
        Set<String> lanes = ids(n.lanes().stream().map(Lane::id).toList());
        for (int i = 0; i < n.disruptions().size(); i++) {
            Disruption d = n.disruptions().get(i);
            String at = "disruptions[" + (i + 1) + "]";
            boolean trade = !d.from().isEmpty() || !d.to().isEmpty();
            int targets = (d.plant().isPresent() ? 1 : 0) + (d.lane().isPresent() ? 1 : 0) + (trade ? 1 : 0);
            if (targets != 1) {
                report(
                        targets == 0 ? ProblemCode.MISSING_FIELD : ProblemCode.CONTRADICTION,
                        at,
                        "a disruption hits exactly one thing: a plant, a lane, or trade from and to places, as in"
                                + " {id: fire, plant: kaluga, probability: 2%} or {id: embargo, from: RU, to: EU,"
                                + " probability: 5%}.");
            }
            d.plant().ifPresent(p -> ref(at + ".plant", "plant or component plant", p, plants));
            d.lane().ifPresent(l -> ref(at + ".lane", "lane (written from->to:mode)", l, lanes));
            if (trade) {
                if (d.from().isEmpty() || d.to().isEmpty()) {
                    report(
                            ProblemCode.MISSING_FIELD,
                            at + (d.from().isEmpty() ? ".from" : ".to"),
                            "a trade disruption names both the origins (from) and the destinations (to).");
                }
                places(at + ".from", d.from());
                places(at + ".to", d.to());
            }
            fraction(at + ".probability", d.probability(), true);
            span(at + ".years", d.years());
        }
    }

    private void checkCommitments() {
        Set<String> plants = plantIds();
        for (int i = 0; i < n.commitments().size(); i++) {
            Commitment c = n.commitments().get(i);
            String at = "commitments[" + (i + 1) + "]";
            ref(at + ".plant", "plant", c.plant(), plants);
            if (c.minOutput().isEmpty() && c.minJobs().isEmpty()) {
                report(ProblemCode.MISSING_FIELD, at, "a commitment needs min-output, min-jobs or both.");
            }
            nonNegative(at + ".min-output", c.minOutput());
            nonNegative(at + ".min-jobs", c.minJobs());
            span(at + ".years", c.years());
        }
    }

    private void checkDecisions() {
        Set<String> plants = plantIds();
        Set<String> platforms = platformIds();
        for (int i = 0; i < n.decisions().size(); i++) {
            Decision d = n.decisions().get(i);
            String at = "decisions[" + (i + 1) + "]";
            boolean plantKnown = ref(at + ".plant", "plant", d.plant(), plants);
            span(at + ".years", d.years());
            if (d.action() == Decision.Action.TOOL) {
                if (d.platform().isEmpty()) {
                    report(ProblemCode.MISSING_FIELD, at + ".platform", "a tool decision names the platform to tool.");
                } else if (ref(at + ".platform", "platform", d.platform().get(), platforms) && plantKnown) {
                    Plant p = plantById.get(d.plant());
                    if (!p.canBuild(d.platform().get())) {
                        report(
                                ProblemCode.CONTRADICTION,
                                at + ".platform",
                                "plant '" + p.id() + "' has no tooling" + " option for platform '"
                                        + d.platform().get() + "'; add one under its tooling.");
                    }
                }
            } else if (d.platform().isPresent()) {
                report(
                        ProblemCode.CONTRADICTION,
                        at + ".platform",
                        "only a tool decision names a platform; " + d.rule().word() + " "
                                + d.action().word() + " applies to the whole plant.");
            }
        }
        // Statuses given and forced or forbidden for the same plant and year must agree.
        Map<String, List<Decision>> byPlant = new HashMap<>();
        for (Decision d : n.decisions()) {
            if (d.action() != Decision.Action.TOOL) {
                byPlant.computeIfAbsent(d.plant(), k -> new ArrayList<>()).add(d);
            }
        }
        for (Plant p : n.plants()) {
            List<Decision> decisions = byPlant.getOrDefault(p.id(), List.of());
            if (decisions.isEmpty() && p.status().size() < 2) {
                continue; // one given status alone cannot contradict itself
            }
            for (int year : n.horizon().years().toArray()) {
                EnumSet<PlantStatus> forced = EnumSet.noneOf(PlantStatus.class);
                EnumSet<PlantStatus> forbidden = EnumSet.noneOf(PlantStatus.class);
                p.givenStatus(year).ifPresent(forced::add);
                List<String> who = new ArrayList<>();
                p.givenStatus(year)
                        .ifPresent(s -> who.add("its status " + s.name().toLowerCase(java.util.Locale.ROOT)));
                for (Decision d : decisions) {
                    if (!d.years().contains(year)) {
                        continue;
                    }
                    PlantStatus s = switchStatus(d.action());
                    (d.rule() == Decision.Rule.FORCE ? forced : forbidden).add(s);
                    who.add(d.id() + " (" + d.rule().word() + " " + d.action().word() + ")");
                }
                boolean clash = forced.size() > 1
                        || forced.stream().anyMatch(forbidden::contains)
                        || forbidden.size() == PlantStatus.values().length;
                if (clash) {
                    report(
                            ProblemCode.CONTRADICTION,
                            "plants[" + p.id() + "].status",
                            "in " + year + " " + String.join(", ", who) + " cannot all hold.");
                    break;
                }
            }
        }
    }

    private static PlantStatus switchStatus(Decision.Action a) {
        if (a == Decision.Action.RUN) {
            return PlantStatus.RUNNING;
        }
        return a == Decision.Action.IDLE ? PlantStatus.IDLE : PlantStatus.CLOSED;
    }

    /**
     * A market's nominal demand per product it names (in its demand or a segment's shares) and year
     * of the horizon, summed as {@link Market#demandFor} does, in one pass over the market: products
     * it does not name have none.
     */
    private Map<String, double[]> demandOf(Market m) {
        int first = n.horizon().firstYear();
        int years = n.horizon().lastYear() - first + 1;
        Map<String, double[]> out = new LinkedHashMap<>();
        m.demand().forEach((product, series) -> {
            double[] d = out.computeIfAbsent(product, k -> new double[years]);
            for (int y = 0; y < years; y++) {
                d[y] += series.nominal(first + y);
            }
        });
        for (SegmentDemand s : m.segments()) {
            double group = s.groupShare().map(Figure::nominal).orElse(1.0);
            double[] volume = new double[years];
            for (int y = 0; y < years; y++) {
                volume[y] = s.volume().nominal(first + y);
            }
            s.shares().forEach((product, share) -> {
                double[] d = out.computeIfAbsent(product, k -> new double[years]);
                for (int y = 0; y < years; y++) {
                    d[y] += volume[y] * group * share.nominal();
                }
            });
        }
        return out;
    }

    /** The products a market has demand for in some year of the horizon, in its order. */
    private static Set<String> withDemand(Map<String, double[]> demand) {
        Set<String> out = new LinkedHashSet<>();
        demand.forEach((product, d) -> {
            if (java.util.Arrays.stream(d).anyMatch(v -> v > 0)) {
                out.add(product);
            }
        });
        return out;
    }

    private void checkPrices() {
        if (n.objective() != Objective.NPV) {
            return;
        }
        Map<String, Product> products = new HashMap<>();
        n.products().forEach(p -> products.putIfAbsent(p.id(), p));
        for (int i = 0; i < n.markets().size(); i++) {
            Market m = n.markets().get(i);
            for (String id : demanded.get(i)) {
                Product p = products.get(id);
                if (p != null && p.price().lookup(m.id()).isEmpty()) {
                    report(
                            ProblemCode.MISSING_PRICE,
                            "products[" + p.id() + "].price",
                            "no price for market '" + m.id() + "', where it has demand; add price: {" + m.id()
                                    + ": ...} or a default.");
                }
            }
        }
    }

    // ---- warnings --------------------------------------------------------------------------------

    private void warnings() {
        Set<String> buildable = new HashSet<>();
        for (Plant pl : n.plants()) {
            buildable.addAll(pl.platforms());
            pl.tooling().forEach(t -> buildable.add(t.platform()));
        }
        Set<String> wantedProducts = new HashSet<>();
        demanded.forEach(wantedProducts::addAll);
        Set<String> supplied = new HashSet<>();
        n.componentPlants().forEach(cp -> supplied.add(cp.component()));
        Set<String> laneOrigins = new HashSet<>();
        Set<String> laneDestinations = new HashSet<>();
        for (Lane l : n.lanes()) {
            laneOrigins.add(l.from());
            laneDestinations.add(l.to());
        }
        for (Product p : n.products()) {
            if (!buildable.contains(p.platform()) && platformIds.contains(p.platform())) {
                report(
                        ProblemCode.UNBUILDABLE_PRODUCT,
                        "products[" + p.id() + "]",
                        "no plant has platform '" + p.platform() + "' or could take it on, so '" + p.id()
                                + "' can never be built.");
            }
            if (!wantedProducts.contains(p.id())) {
                report(ProblemCode.NO_DEMAND, "products[" + p.id() + "]", "no market has demand for '" + p.id() + "'.");
            }
            for (String c : p.bom().keySet()) {
                if (!supplied.contains(c) && componentIds.contains(c)) {
                    report(
                            ProblemCode.UNSUPPLIED_COMPONENT,
                            "products[" + p.id() + "].bom." + c,
                            "no component plant" + " makes '" + c + "', so its supply is not limited.");
                }
            }
        }
        for (int i = 0; i < n.markets().size(); i++) {
            Market m = n.markets().get(i);
            boolean wanted = demanded.get(i).stream().anyMatch(productIds::contains);
            if (wanted && !laneDestinations.contains(m.id())) {
                report(
                        ProblemCode.UNREACHED_MARKET,
                        "markets[" + m.id() + "]",
                        "no lane reaches market '" + m.id() + "', so all its demand is lost.");
            }
        }
        for (Plant p : n.plants()) {
            if (!laneOrigins.contains(p.id())) {
                report(
                        ProblemCode.IDLE_LINKS,
                        "plants[" + p.id() + "]",
                        "no lane leaves plant '" + p.id() + "', so it can never deliver a vehicle.");
            }
        }
        for (ComponentPlant c : n.componentPlants()) {
            if (!laneOrigins.contains(c.id())) {
                report(
                        ProblemCode.IDLE_LINKS,
                        "component-plants[" + c.id() + "]",
                        "no lane leaves component plant '" + c.id() + "', so it can never deliver.");
            }
        }
        for (int year : n.horizon().years().toArray()) {
            double demand = 0;
            for (Map<String, double[]> market : this.demand) {
                for (Map.Entry<String, double[]> e : market.entrySet()) {
                    if (productIds.contains(e.getKey())) {
                        demand += e.getValue()[year - n.horizon().firstYear()];
                    }
                }
            }
            double capacity = n.plants().stream()
                    .mapToDouble(p -> p.capacity().nominal(year))
                    .sum();
            if (demand > capacity + TOLERANCE) {
                report(
                        ProblemCode.DEMAND_ABOVE_CAPACITY,
                        "markets",
                        "in " + year + " demand (" + fmt(Math.round(demand))
                                + " vehicles) is above the capacity of all plants together ("
                                + fmt(Math.round(capacity))
                                + ").");
                break;
            }
        }
        for (NetworkFigures.Entry e : NetworkFigures.of(n)) {
            if (e.figure().source().isEmpty()) {
                report(
                        ProblemCode.NO_SOURCE,
                        e.path(),
                        "no source: add source: \"seed NNN\", a web address, or" + " assumption.");
            } else if (e.figure().isAssumption()
                    && !e.figure().quantity().isUncertain()
                    && !e.path().endsWith(".lead-time")) {
                // lead times are whole years (or days), decided by the planner rather than estimated
                report(
                        ProblemCode.POINT_ASSUMPTION,
                        e.path(),
                        "an assumption given as the single number "
                                + fmt(e.figure().nominal())
                                + "; give a range ({low: ..., high: ...}) to show how sure it is.");
            }
        }
    }
}
