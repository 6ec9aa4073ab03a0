package footprint.io;

import footprint.model.Ban;
import footprint.model.Commitment;
import footprint.model.Component;
import footprint.model.ComponentPlant;
import footprint.model.Country;
import footprint.model.Decision;
import footprint.model.Disruption;
import footprint.model.Duty;
import footprint.model.Figure;
import footprint.model.GeoPoint;
import footprint.model.Horizon;
import footprint.model.Lane;
import footprint.model.LaneMode;
import footprint.model.LocalContent;
import footprint.model.Market;
import footprint.model.Network;
import footprint.model.Objective;
import footprint.model.PerKey;
import footprint.model.Plant;
import footprint.model.PlantStatus;
import footprint.model.Platform;
import footprint.model.Product;
import footprint.model.Quantity;
import footprint.model.SegmentDemand;
import footprint.model.Series;
import footprint.model.Source;
import footprint.model.StatusSpan;
import footprint.model.ToolingOption;
import footprint.model.YearRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Random valid networks from a seed: a few countries, plants, products, markets, lanes and rules,
 * with every form of number (points, ranges with and without mode, triangular, uniform, normal,
 * lognormal), every form of series (constant, step, linear, growth), and random sources, units and
 * awkward names, and map locations for some countries, plants, component plants and markets. Valid
 * means the validator finds no error (warnings may remain). Figures inside a rule that has a source
 * carry that source, as they do when read from a file.
 */
final class RandomNetworks {
    private static final List<String> COUNTRIES = List.of("FR", "ES", "DE", "GB", "RU", "KZ", "CN");
    private static final Map<String, String> BLOC =
            Map.of("FR", "EU", "ES", "EU", "DE", "EU", "GB", "UK", "RU", "EAEU", "KZ", "EAEU", "CN", "CN");
    private static final List<String> NAMES = List.of(
            "Kaluga",
            "Zaragoza: Figueruelas",
            "Hordain (Sevel Nord)",
            "it's a plant",
            "\"quoted\"",
            "null",
            "~",
            "Null",
            "NULL",
            "NuLL",
            "2024",
            "yes",
            "true",
            "1e6",
            "#hash",
            "- dash",
            "a: b",
            "[brackets]",
            "{braces}",
            "line one\nline two",
            "tab\there",
            "  padded  ",
            "",
            "Москва",
            "Citroën ë-Jumpy",
            "武汉",
            "van \uD83D\uDE90",
            "back\\slash",
            "percent 12%",
            "&anchor *alias !tag",
            "@at `tick` |pipe >fold");
    private static final List<String> SOURCES = List.of(
            "seed 000",
            "seed 001: p. 3",
            "seeds 002 and 003",
            "https://example.org/report?year=2024&page=3#table-2",
            "assumption",
            "assumption: the planner's guess",
            "Annual report 2023, p. 12",
            "\"quoted\" source",
            "null",
            "2024",
            "Москва: Автостат");
    private static final List<String> UNITS =
            List.of("vehicles", "vehicles/year", "EUR", "EUR/vehicle", "people", "km", "days", "tonnes", "%");
    private static final List<String> BRANDS =
            List.of("Peugeot", "Citroën", "Opel", "Fiat", "Leapmotor", "DS: Automobiles");

    private final Random r;
    /** Draws the locations, apart from {@link #r}, so that adding them changed nothing else. */
    private final Random places;

    private final Horizon horizon;
    private final List<String> currencies = new ArrayList<>();

    private RandomNetworks(long seed) {
        this.r = new Random(seed);
        this.places = new Random(~seed);
        int first = 2020 + r.nextInt(6);
        this.horizon = new Horizon(first, first + r.nextInt(8));
    }

    static Network of(long seed) {
        return new RandomNetworks(seed).network();
    }

    // ---- small choices ------------------------------------------------------------------------------

    private boolean chance(double p) {
        return r.nextDouble() < p;
    }

    private <T> T pick(List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    /** A random non-empty subset, in a random order. */
    private <T> List<T> some(List<T> items, int atMost) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, r);
        return List.copyOf(copy.subList(0, 1 + r.nextInt(Math.min(atMost, copy.size()))));
    }

    /** A random subset, maybe empty. */
    private <T> List<T> maybeSome(List<T> items, int atMost) {
        return items.isEmpty() || chance(0.5) ? List.of() : some(items, atMost);
    }

    private int year() {
        return horizon.firstYear() + r.nextInt(horizon.size());
    }

    /** A span of years that overlaps the horizon, in any written form. */
    private YearRange years() {
        int y = year();
        return switch (r.nextInt(6)) {
            case 0 -> YearRange.ALL;
            case 1 -> YearRange.of(y);
            case 2 -> YearRange.from(y);
            case 3 -> new YearRange(Integer.MIN_VALUE, y);
            case 4 -> new YearRange(y, y + r.nextInt(5));
            default -> new YearRange(y - r.nextInt(5), y);
        };
    }

    private String name() {
        return pick(NAMES);
    }

    private Optional<Source> source() {
        return chance(0.25) ? Optional.empty() : Optional.of(new Source(pick(SOURCES)));
    }

    private Optional<String> unit() {
        return chance(0.7) ? Optional.empty() : Optional.of(pick(UNITS));
    }

    // ---- numbers ------------------------------------------------------------------------------------

    /**
     * A non-negative number of any size and shape: whole, decimal, tiny, large. Large stays within
     * the smallest limit of the field catalogue (1e6 components per vehicle), twice over, as the
     * validator refuses what the optimiser cannot take.
     */
    private double amount() {
        return switch (r.nextInt(6)) {
            case 0 -> r.nextInt(200_000);
            case 1 -> Math.round(r.nextDouble() * 1e6) / 100.0;
            case 2 -> r.nextDouble() * 1e3;
            case 3 -> r.nextDouble() * 1e-6;
            case 4 -> 1e5 + r.nextInt(1000) * 1e2 + r.nextInt(100) / 64.0;
            default -> r.nextInt(10);
        };
    }

    /** A quantity whose every value is at least zero (normal: its mean), around a random amount. */
    private Quantity nonNegative() {
        double a = amount();
        double b = a + amount();
        return switch (r.nextInt(7)) {
            case 0 -> Quantity.point(a);
            case 1 -> Quantity.Range.of(a, b);
            case 2 -> new Quantity.Range(a, b, OptionalDouble.of(a + (b - a) * r.nextDouble()));
            case 3 -> new Quantity.Triangular(a, a + (b - a) * r.nextDouble(), b);
            case 4 -> new Quantity.Uniform(a, b);
            case 5 -> new Quantity.Normal(a, b - a);
            default -> new Quantity.LogNormal(a + 1, b - a);
        };
    }

    /** A quantity above zero everywhere (exchange rates). */
    private Quantity positive() {
        double a = 0.001 + r.nextDouble() * 2;
        double b = a + r.nextDouble();
        return switch (r.nextInt(5)) {
            case 0 -> Quantity.point(a);
            case 1 -> Quantity.Range.of(a, b);
            case 2 -> new Quantity.Triangular(a, a, b);
            case 3 -> new Quantity.Uniform(a, b);
            default -> new Quantity.LogNormal(a, b - a);
        };
    }

    /**
     * A share from 0 to 1 whose nominal value is {@code target}; above 0 everywhere unless {@code
     * zeroAllowed}.
     */
    private Quantity share(double target, boolean zeroAllowed) {
        double room = Math.min(target, 1 - target) * r.nextDouble();
        if (!zeroAllowed) {
            room = Math.min(room, target / 2);
        }
        return switch (r.nextInt(zeroAllowed && target > 0 ? 7 : 6)) {
            case 0 -> Quantity.point(target);
            case 1 -> new Quantity.Range(target - room, target + room, OptionalDouble.empty());
            case 2 ->
                new Quantity.Range(
                        target - room, target + 2 * room > 1 ? 1 : target + 2 * room, OptionalDouble.of(target));
            case 3 -> new Quantity.Triangular(target - room, target, target + room);
            case 4 -> new Quantity.Uniform(target - room, target + room);
            case 5 -> new Quantity.Normal(target, room);
            default -> new Quantity.LogNormal(target, room);
        };
    }

    private Figure figure(Quantity q, Optional<Source> inherited) {
        Optional<Source> own = source();
        return new Figure(q, own.isPresent() ? own : inherited, unit());
    }

    private Figure amountFigure(Optional<Source> inherited) {
        return figure(nonNegative(), inherited);
    }

    private Figure shareFigure(double target, boolean zeroAllowed, Optional<Source> inherited) {
        return figure(share(target, zeroAllowed), inherited);
    }

    private Figure shareFigure(Optional<Source> inherited) {
        return shareFigure(Math.round(r.nextDouble() * 100) / 100.0, true, inherited);
    }

    /** A whole number of years, possibly uncertain around it. */
    private Figure leadTime() {
        int k = r.nextInt(4);
        Quantity q = switch (k == 0 ? 0 : r.nextInt(4)) {
            case 0 -> Quantity.point(k);
            case 1 -> Quantity.Range.of(k - 1, k + 1);
            case 2 -> new Quantity.Triangular(0, k, k + 2);
            default -> new Quantity.LogNormal(k, 0.5);
        };
        return figure(q, Optional.empty());
    }

    // ---- series -------------------------------------------------------------------------------------

    /** How the figures of a series are drawn. */
    private interface Figures {
        Figure next();
    }

    private Series series(Figures figures, Optional<Source> inherited) {
        if (chance(0.4)) {
            return Series.constant(figures.next());
        }
        var anchors = new TreeMap<Integer, Figure>();
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            anchors.put(year(), figures.next());
        }
        Optional<Series.Growth> growth = Optional.empty();
        if (anchors.lastKey() < horizon.lastYear() && chance(0.5)) {
            int from = anchors.lastKey() + 1 + r.nextInt(horizon.lastYear() - anchors.lastKey());
            double rate = (r.nextInt(200) - 50) / 1000.0;
            Quantity q = chance(0.5)
                    ? Quantity.point(rate)
                    : chance(0.5) ? Quantity.Range.of(rate, rate + 0.02) : new Quantity.Normal(rate, 0.01);
            Optional<Source> own = source();
            growth = Optional.of(
                    new Series.Growth(new Figure(q, own.isPresent() ? own : inherited, Optional.empty()), from));
        }
        return new Series.ByYear(
                anchors, chance(0.5) ? Series.Interpolation.STEP : Series.Interpolation.LINEAR, growth);
    }

    private Series amounts(Optional<Source> inherited) {
        return series(() -> amountFigure(inherited), inherited);
    }

    private Optional<Series> maybeAmounts() {
        return chance(0.5) ? Optional.of(amounts(Optional.empty())) : Optional.empty();
    }

    private Optional<Figure> maybeAmount() {
        return chance(0.5) ? Optional.of(amountFigure(Optional.empty())) : Optional.empty();
    }

    // ---- the network --------------------------------------------------------------------------------

    private Network network() {
        String base = pick(List.of("EUR", "USD"));
        currencies.add(base);
        Map<String, Series> fx = new LinkedHashMap<>();
        for (String c : maybeSome(List.of("RUB", "CNY", "GBP"), 3)) {
            fx.put(c, series(() -> figure(positive(), Optional.empty()), Optional.empty()));
            currencies.add(c);
        }

        List<Country> countries = new ArrayList<>();
        for (String code : some(COUNTRIES, 5)) {
            countries.add(new Country(
                    code, name(), BLOC.get(code), chance(0.5) ? Optional.of(pick(currencies)) : Optional.empty()));
        }
        List<String> countryCodes = countries.stream().map(Country::code).toList();
        Set<String> placeSet = new LinkedHashSet<>(countryCodes);
        countries.forEach(c -> placeSet.add(c.bloc()));
        List<String> places = List.copyOf(placeSet);

        List<Platform> platforms = new ArrayList<>();
        for (int i = 1; i <= 1 + r.nextInt(3); i++) {
            platforms.add(new Platform("pf" + i, name()));
        }
        List<String> platformIds = platforms.stream().map(Platform::id).toList();

        List<Component> components = new ArrayList<>();
        if (chance(0.5)) {
            components.add(new Component("engine", name(), "engines"));
        }
        if (chance(0.5)) {
            components.add(new Component("battery", name(), "kWh"));
        }

        List<String> marketIds = new ArrayList<>();
        for (int i = 1; i <= 1 + r.nextInt(3); i++) {
            marketIds.add("mk" + i);
        }
        Objective objective = chance(0.7) ? Objective.NPV : Objective.COST;

        List<Product> products = new ArrayList<>();
        for (int i = 1; i <= 1 + r.nextInt(4); i++) {
            Map<String, Figure> bom = new LinkedHashMap<>();
            for (Component c : maybeSome(components, 2)) {
                bom.put(c.id(), amountFigure(Optional.empty()));
            }
            Map<String, Series> prices = new LinkedHashMap<>();
            for (String m : maybeSome(marketIds, 3)) {
                prices.put(m, amounts(Optional.empty()));
            }
            boolean needsDefault = objective == Objective.NPV || chance(0.5);
            products.add(new Product(
                    "pr" + i,
                    name(),
                    pick(BRANDS),
                    pick(List.of("van", "minibus", "passenger-car")),
                    pick(platformIds),
                    bom,
                    new PerKey<>(needsDefault ? Optional.of(amounts(Optional.empty())) : Optional.empty(), prices)));
        }
        List<String> productIds = products.stream().map(Product::id).toList();

        List<Plant> plants = new ArrayList<>();
        for (int i = 1; i <= 1 + r.nextInt(4); i++) {
            plants.add(plant("pl" + i, countryCodes, platformIds, productIds));
        }
        List<String> plantIds = plants.stream().map(Plant::id).toList();

        List<ComponentPlant> componentPlants = new ArrayList<>();
        for (Component c : components) {
            if (chance(0.7)) {
                componentPlants.add(componentPlant("cp-" + c.id(), c, countryCodes));
            }
        }

        List<Market> markets = new ArrayList<>();
        for (String id : marketIds) {
            markets.add(market(id, countryCodes, productIds));
        }

        List<Lane> lanes = new ArrayList<>();
        Set<String> laneIds = new LinkedHashSet<>();
        for (Plant p : plants) {
            for (String m : some(marketIds, 2)) {
                lane(p.id(), m, lanes, laneIds);
            }
        }
        for (ComponentPlant c : componentPlants) {
            for (String p : some(plantIds, 2)) {
                lane(c.id(), p, lanes, laneIds);
            }
        }

        Set<String> brands = new LinkedHashSet<>();
        products.forEach(p -> brands.add(p.brand()));
        List<String> componentIds = components.stream().map(Component::id).toList();
        List<Duty> duties = new ArrayList<>();
        for (int i = 1; i <= r.nextInt(3); i++) {
            Optional<Source> s = source();
            duties.add(new Duty(
                    "duty-" + i,
                    some(places, 2),
                    some(places, 2),
                    series(() -> shareFigure(s), s),
                    maybeSome(List.copyOf(brands), 2),
                    maybeSome(productIds, 2),
                    years(),
                    s));
        }
        List<Ban> bans = new ArrayList<>();
        for (int i = 1; i <= r.nextInt(3); i++) {
            bans.add(new Ban(
                    "ban-" + i,
                    some(places, 2),
                    some(places, 2),
                    maybeSome(List.copyOf(brands), 2),
                    maybeSome(productIds, 2),
                    maybeSome(componentIds, 2),
                    years(),
                    source()));
        }
        List<LocalContent> localContent = new ArrayList<>();
        if (chance(0.4)) {
            Optional<Source> s = source();
            localContent.add(new LocalContent("lc-1", some(places, 2), shareFigure(s), years(), s));
        }
        List<Commitment> commitments = new ArrayList<>();
        for (int i = 1; i <= r.nextInt(3); i++) {
            Optional<Source> s = source();
            boolean output = chance(0.6);
            commitments.add(new Commitment(
                    "commitment-" + i,
                    pick(plantIds),
                    output ? Optional.of(amountFigure(s)) : Optional.empty(),
                    !output || chance(0.5) ? Optional.of(amountFigure(s)) : Optional.empty(),
                    years(),
                    s));
        }
        List<Decision> decisions = decisions(plants);
        List<Disruption> disruptions = new ArrayList<>();
        for (int i = 1; i <= r.nextInt(3); i++) {
            Optional<Source> s = source();
            int kind = r.nextInt(3);
            List<String> sites = new ArrayList<>(plantIds);
            componentPlants.forEach(c -> sites.add(c.id()));
            boolean lane = kind == 1 && !lanes.isEmpty();
            boolean plant = kind == 0 || (kind == 1 && lanes.isEmpty());
            disruptions.add(new Disruption(
                    "disruption-" + i,
                    plant ? Optional.of(pick(sites)) : Optional.empty(),
                    lane ? Optional.of(pick(lanes).id()) : Optional.empty(),
                    plant || lane ? List.of() : some(places, 2),
                    plant || lane ? List.of() : some(places, 2),
                    shareFigure(s),
                    years(),
                    s));
        }

        Map<String, GeoPoint> locations = new LinkedHashMap<>();
        countries.forEach(c -> location("countries[" + c.code() + "]", locations));
        plants.forEach(p -> location("plants[" + p.id() + "]", locations));
        componentPlants.forEach(c -> location("component-plants[" + c.id() + "]", locations));
        markets.forEach(m -> location("markets[" + m.id() + "]", locations));

        return new Network(
                name(),
                chance(0.5) ? "" : name(),
                horizon,
                base,
                shareFigure(Math.round(r.nextDouble() * 20) / 100.0, true, Optional.empty()),
                objective,
                fx,
                countries,
                platforms,
                components,
                plants,
                products,
                componentPlants,
                markets,
                lanes,
                duties,
                bans,
                localContent,
                commitments,
                decisions,
                disruptions,
                locations);
    }

    /** Sometimes a location for {@code key}: anywhere on the globe, its edges included, to any precision. */
    private void location(String key, Map<String, GeoPoint> locations) {
        if (places.nextDouble() < 0.5) {
            return;
        }
        double lat = places.nextDouble() * 180 - 90;
        double lon = places.nextDouble() * 360 - 180;
        GeoPoint p = switch (places.nextInt(5)) {
            case 0 -> new GeoPoint(Math.round(lat * 100) / 100.0, Math.round(lon * 100) / 100.0);
            case 1 -> new GeoPoint(Math.round(lat), Math.round(lon));
            case 2 -> new GeoPoint(places.nextBoolean() ? 90 : -90, places.nextBoolean() ? 180 : -180);
            case 3 -> new GeoPoint(0, Math.round(lon * 1e6) / 1e6);
            default -> new GeoPoint(lat, lon);
        };
        locations.put(key, p);
    }

    private Plant plant(String id, List<String> countries, List<String> platforms, List<String> products) {
        List<String> tooled = some(platforms, platforms.size());
        List<String> untooled =
                platforms.stream().filter(p -> !tooled.contains(p)).toList();
        List<ToolingOption> tooling = new ArrayList<>();
        for (String p : maybeSome(untooled, untooled.size())) {
            tooling.add(new ToolingOption(p, amountFigure(Optional.empty()), leadTime()));
        }
        List<String> buildable = new ArrayList<>(tooled);
        tooling.forEach(t -> buildable.add(t.platform()));
        Map<String, Series> lineCapacity = new LinkedHashMap<>();
        for (String p : maybeSome(buildable, 2)) {
            lineCapacity.put(p, amounts(Optional.empty()));
        }
        Map<String, Series> variableCost = new LinkedHashMap<>();
        List<String> costKeys = new ArrayList<>(products);
        costKeys.addAll(platforms);
        for (String k : maybeSome(costKeys, 3)) {
            variableCost.put(k, amounts(Optional.empty()));
        }
        Optional<Series> fallback = chance(0.6) ? Optional.of(amounts(Optional.empty())) : Optional.empty();
        List<StatusSpan> status = new ArrayList<>();
        Set<YearRange> spans = new LinkedHashSet<>();
        for (int i = 0; i < r.nextInt(3); i++) {
            YearRange y = years();
            if (spans.add(y)) {
                status.add(new StatusSpan(y, chance(0.5) ? PlantStatus.RUNNING : PlantStatus.IDLE));
            }
        }
        return new Plant(
                id,
                name(),
                pick(countries),
                chance(0.5) ? Optional.of(pick(currencies)) : Optional.empty(),
                chance(0.5)
                        ? Optional.of(
                                shareFigure(0.05 + Math.round(r.nextDouble() * 95) / 100.0, false, Optional.empty()))
                        : Optional.empty(),
                amounts(Optional.empty()),
                lineCapacity,
                maybeAmount(),
                maybeAmount(),
                maybeAmounts(),
                maybeAmounts(),
                maybeAmount(),
                maybeAmount(),
                new PerKey<>(fallback, variableCost),
                tooled,
                tooling,
                status);
    }

    private ComponentPlant componentPlant(String id, Component c, List<String> countries) {
        List<String> units = c.unit().equals("kWh")
                ? List.of("kWh", "GWh", "MWh/year", "GWh a year")
                : List.of("engines", "units", "pieces/year");
        Series capacity = series(
                () -> new Figure(nonNegative(), source(), chance(0.5) ? Optional.of(pick(units)) : Optional.empty()),
                Optional.empty());
        return new ComponentPlant(
                id,
                name(),
                pick(countries),
                chance(0.5) ? Optional.of(pick(currencies)) : Optional.empty(),
                c.id(),
                chance(0.5) ? Optional.of(shareFigure(0.5, false, Optional.empty())) : Optional.empty(),
                capacity,
                maybeAmounts(),
                maybeAmounts());
    }

    private Market market(String id, List<String> countries, List<String> products) {
        Map<String, Series> demand = new LinkedHashMap<>();
        for (String p : maybeSome(products, 3)) {
            demand.put(p, amounts(Optional.empty()));
        }
        List<SegmentDemand> segments = new ArrayList<>();
        for (int s = 1; s <= r.nextInt(3); s++) {
            List<String> sharing = some(products, 3);
            double left = 1;
            Map<String, Figure> shares = new LinkedHashMap<>();
            for (String p : sharing) {
                double share = Math.floor(left * r.nextDouble() * 100) / 100.0;
                left -= share;
                shares.put(p, shareFigure(share, true, Optional.empty()));
            }
            segments.add(new SegmentDemand(
                    "segment-" + s,
                    amounts(Optional.empty()),
                    chance(0.5) ? Optional.of(shareFigure(Optional.empty())) : Optional.empty(),
                    shares));
        }
        return new Market(
                id,
                name(),
                pick(countries),
                chance(0.5) ? Optional.of(pick(currencies)) : Optional.empty(),
                demand,
                segments,
                maybeAmount());
    }

    private void lane(String from, String to, List<Lane> lanes, Set<String> ids) {
        Lane lane = new Lane(
                from,
                to,
                pick(List.of(LaneMode.values())),
                maybeAmounts(),
                maybeAmount(),
                chance(0.5) ? YearRange.ALL : years());
        if (ids.add(lane.id())) {
            lanes.add(lane);
        }
    }

    private List<Decision> decisions(List<Plant> plants) {
        List<Decision> decisions = new ArrayList<>();
        for (Plant p : plants) {
            if (chance(0.3)) {
                decisions.add(new Decision(
                        "decision-" + (decisions.size() + 1),
                        Decision.Rule.FORBID,
                        Decision.Action.CLOSE,
                        p.id(),
                        Optional.empty(),
                        years(),
                        source()));
            }
            if (p.status().isEmpty() && chance(0.3)) {
                decisions.add(new Decision(
                        "decision-" + (decisions.size() + 1),
                        Decision.Rule.FORCE,
                        chance(0.5) ? Decision.Action.RUN : Decision.Action.IDLE,
                        p.id(),
                        Optional.empty(),
                        years(),
                        source()));
            }
            if (!p.tooling().isEmpty() && chance(0.5)) {
                decisions.add(new Decision(
                        "decision-" + (decisions.size() + 1),
                        Decision.Rule.FORCE,
                        Decision.Action.TOOL,
                        p.id(),
                        Optional.of(pick(p.tooling()).platform()),
                        years(),
                        source()));
            }
        }
        return decisions;
    }
}
