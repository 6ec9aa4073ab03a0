package footprint.bench;

import footprint.model.Ban;
import footprint.model.Commitment;
import footprint.model.Component;
import footprint.model.ComponentPlant;
import footprint.model.Country;
import footprint.model.Decision;
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
import footprint.model.Series;
import footprint.model.StatusSpan;
import footprint.model.ToolingOption;
import footprint.model.YearRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Synthetic production networks for the benchmark, in five documented sizes (S, M, L, LL, XL; see
 * docs/benchmarks.md): the same size and seed give an equal network.
 *
 * <p>The structure imitates a carmaker's network. World regions (EU, UK, EAEU, Turkey, North and
 * South America, China, Japan-Korea, ASEAN, India, Middle East-Africa: the first {@link
 * Spec#regions} of them) are trade blocs with their own currency, labour cost, demand growth and
 * neighbours. Countries lie around their region's centre, markets in countries. Platforms are sold
 * in a home region (some also in a neighbour, a few worldwide), combustion or electric; products
 * sit on a platform, with a price by segment, a bill of materials (an engine and a gearbox, or an
 * electric motor and a battery in kWh) and a life cycle (some launch during the horizon, some end);
 * their demand grows or shrinks by region and powertrain. Assembly plants are tooled at the start
 * for one to three platforms sold in or near their region (every platform at one plant at least),
 * may take on up to three more (investment, lead time of one to three years), and have about 1.3
 * times the peak demand of their share of their platforms as capacity, some a line capacity per
 * platform. Their fixed cost (700-1,300 EUR a vehicle of capacity, scaled by labour cost) weighs
 * against a margin of a few thousand EUR a vehicle, so running, idling or closing a plant is a real
 * decision, with idle, closure and reopening costs; a few are joint ventures, a few mothballed at
 * the start. Component plants make one component each, at least one for every component the
 * plants of a region use, sized on that use. Lanes run only within a region (road) and to
 * neighbouring regions (sea, or rail between the EU and the EAEU), priced by distance. Duties
 * between neighbouring blocs (some rising during the horizon; an anti-dumping duty on two brands),
 * sanctions between the EU and the EAEU from the second year, a brand banned from one region, a
 * local-content rule, commitments (jobs and output kept), an announced closure, a forbidden closure
 * and a forced tooling complete it. The objective is the NPV, so every network has a plan.
 *
 * <p>Deterministic: one {@link SplittableRandom} seeded by the caller, drawn in a fixed order, every
 * collection in insertion order. Figures are rounded (three significant digits for money) so that a
 * written model reads well and survives a round trip.
 */
public final class NetworkGenerator {
    /** The seed of the documented networks. */
    public static final long DEFAULT_SEED = 1;

    /** The first year of every generated horizon. */
    public static final int FIRST_YEAR = 2025;

    private NetworkGenerator() {}

    /**
     * How big a network to make.
     *
     * @param regions world regions (trade blocs), 1 to 11
     * @param countries countries, at least one per region
     * @param markets markets, spread over the countries (every country has one if there are enough)
     * @param plants assembly plants, at least one per region
     * @param componentPlants component plants, at least one per component and region
     * @param platforms vehicle platforms
     * @param products products (vehicles), at least one per platform
     * @param components kinds of component, at least 4 (engine, gearbox, battery, electric motor)
     * @param years years of the horizon
     * @param soldShare the chance that a product is sold in a market of its platform's regions
     */
    public record Spec(
            String name,
            int regions,
            int countries,
            int markets,
            int plants,
            int componentPlants,
            int platforms,
            int products,
            int components,
            int years,
            double soldShare) {
        public Spec {
            if (regions < 1 || regions > REGIONS.size()) {
                throw new IllegalArgumentException("regions: 1 to " + REGIONS.size());
            }
            if (countries < regions || markets < 1 || plants < regions || platforms < 1 || products < platforms) {
                throw new IllegalArgumentException(
                        "need a country and a plant per region, a market, a platform and a product per platform");
            }
            if (components < 4 || componentPlants < components * regions || years < 1) {
                throw new IllegalArgumentException(
                        "need 4 components or more, a component plant per component and region, and a year");
            }
            if (!(soldShare > 0 && soldShare <= 1)) {
                throw new IllegalArgumentException("soldShare: above 0, at most 1");
            }
        }

        /** Sites: assembly plants and component plants. */
        public int sites() {
            return plants + componentPlants;
        }
    }

    /** The documented sizes (docs/benchmarks.md has the reasons and the measured figures). */
    public enum Size {
        S(new Spec("S", 4, 8, 16, 8, 16, 5, 20, 4, 4, 0.6)),
        M(new Spec("M", 4, 8, 20, 10, 16, 6, 24, 4, 5, 0.6)),
        L(new Spec("L", 4, 10, 24, 12, 16, 6, 30, 4, 5, 0.5)),
        /**
         * Between L and XL: every region, a quarter of XL's sites and products over three years
         * (185,000 arcs), the largest size whose full MILP HiGHS still holds, and where it finds no
         * plan in five minutes.
         */
        LL(new Spec("LL", 11, 100, 200, 180, 140, 40, 350, 12, 3, 0.4)),
        XL(new Spec("XL", 11, 100, 700, 650, 350, 130, 1300, 12, 12, 0.4));

        private final Spec spec;

        Size(Spec spec) {
            this.spec = spec;
        }

        public Spec spec() {
            return spec;
        }

        /** The size of a name, in any case. */
        public static Size parse(String name) {
            for (Size s : values()) {
                if (s.name().equalsIgnoreCase(name.strip())) {
                    return s;
                }
            }
            throw new IllegalArgumentException("no size '" + name + "'; choose S, M, L, LL or XL");
        }
    }

    /** The network of a documented size with the default seed. */
    public static Network generate(Size size) {
        return generate(size.spec(), DEFAULT_SEED);
    }

    /** The network of a size and seed: the same arguments give an equal network. */
    public static Network generate(Spec spec, long seed) {
        return new Build(spec, seed).network();
    }

    // ---- the world ------------------------------------------------------------------------------

    /**
     * A world region and trade bloc.
     *
     * @param fx the value of one unit of its currency in EUR in the first year
     * @param fxDrift its yearly change
     * @param labour labour-cost index (EU = 1)
     * @param weight share of world demand
     * @param growth demand growth a year
     */
    private record Region(
            String code,
            String name,
            double lat,
            double lon,
            String currency,
            double fx,
            double fxDrift,
            double labour,
            double weight,
            double growth) {}

    /** In the order sizes take them: every prefix is connected by {@link #NEIGHBOURS}. */
    private static final List<Region> REGIONS = List.of(
            new Region("EU", "European Union", 49, 9, "EUR", 1, 0, 1.0, 0.22, -0.005),
            new Region("UK", "United Kingdom", 53, -2, "GBP", 1.16, 0, 1.05, 0.05, 0),
            new Region("EAEU", "Eurasian Economic Union", 55, 45, "RUB", 0.0105, -0.08, 0.5, 0.04, -0.02),
            new Region("TR", "Turkey", 39, 33, "TRY", 0.028, -0.15, 0.5, 0.03, 0.02),
            new Region("NA", "North America", 40, -95, "USD", 0.92, 0, 1.1, 0.2, 0.005),
            new Region("SA", "Mercosur", -20, -52, "BRL", 0.18, -0.03, 0.6, 0.05, 0.02),
            new Region("CN", "China", 32, 112, "CNY", 0.13, 0, 0.6, 0.25, 0.03),
            new Region("JK", "Japan and Korea", 36, 134, "JPY", 0.0062, -0.01, 0.95, 0.06, -0.005),
            new Region("ASEAN", "South-East Asia", 8, 105, "USD", 0.92, 0, 0.45, 0.05, 0.04),
            new Region("IN", "India", 22, 79, "INR", 0.011, -0.02, 0.35, 0.06, 0.06),
            new Region("MEA", "Middle East and Africa", 24, 40, "USD", 0.92, 0, 0.55, 0.04, 0.03));

    /** Neighbouring regions: lanes and duties exist only within a region and between these. */
    private static final List<String> NEIGHBOURS = List.of(
            "EU-UK",
            "EU-EAEU",
            "EU-TR",
            "EAEU-TR",
            "EU-NA",
            "NA-SA",
            "EU-CN",
            "CN-EAEU",
            "CN-JK",
            "CN-ASEAN",
            "JK-ASEAN",
            "JK-NA",
            "IN-ASEAN",
            "IN-MEA",
            "MEA-TR",
            "EU-MEA");

    /** Duties between neighbours (both ways) set by a trade agreement rather than drawn. */
    private static final Map<String, Double> AGREED_DUTY = Map.of("EU-UK", 0.0, "EU-TR", 0.0, "NA-SA", 0.06);

    private static final String[] SEGMENTS = {"city", "compact", "suv", "van", "pickup", "premium"};
    private static final double[] SEGMENT_PRICE = {17_000, 24_000, 33_000, 30_000, 38_000, 55_000};

    /** Component kinds, with their unit and the range of their unit cost in EUR. */
    private enum Kind {
        ENGINE("engine", "unit", 2_200, 3_000),
        GEARBOX("gearbox", "unit", 900, 1_400),
        BATTERY("battery", "kWh", 90, 140),
        MOTOR("e-motor", "unit", 1_200, 1_800);

        final String word;
        final String unit;
        final double lowCost;
        final double highCost;

        Kind(String word, String unit, double lowCost, double highCost) {
            this.word = word;
            this.unit = unit;
            this.lowCost = lowCost;
            this.highCost = highCost;
        }
    }

    /** The kinds in the order specs take them: 4 components are one family of each. */
    private static final Kind[] KIND_ORDER = {
        Kind.ENGINE, Kind.GEARBOX, Kind.BATTERY, Kind.MOTOR, Kind.ENGINE, Kind.GEARBOX, Kind.ENGINE, Kind.BATTERY,
        Kind.GEARBOX, Kind.MOTOR, Kind.ENGINE, Kind.BATTERY, Kind.ENGINE, Kind.GEARBOX, Kind.BATTERY, Kind.MOTOR
    };

    // ---- one generation -------------------------------------------------------------------------

    /** One generation: draws in a fixed order. */
    private static final class Build {
        final Spec spec;
        final SplittableRandom rng;
        final int first;
        final int last;
        final int nR;
        final List<Region> regions;
        /** near[a][b]: the same region or neighbours. */
        final boolean[][] near;

        final List<Country> countries = new ArrayList<>();
        int[] countryRegion;
        GeoPoint[] countryAt;
        final Map<String, GeoPoint> locations = new LinkedHashMap<>();

        int[] marketCountry;
        double[] marketSize;
        GeoPoint[] marketAt;

        final List<Component> components = new ArrayList<>();
        Kind[] componentKind;
        int[][] componentsOfKind;

        int[] platformRegion;
        /** platformSold[f][r]: products of platform f are sold in region r. */
        boolean[][] platformSold;

        boolean[] platformElectric;
        double[] platformDemandPeak;
        double[] platformPrice;
        int[] productsOnPlatform;

        final List<Product> products = new ArrayList<>();
        int[] productPlatform;
        String[] productBrand;
        Map<String, Map<String, Series>> demandByMarket;

        int[] plantRegion;
        int[] plantCountry;
        GeoPoint[] plantAt;
        List<List<Integer>> plantStart;
        List<List<Integer>> plantOptions;
        double[] plantCapacity;
        double[] plantWorkforce;
        boolean[] mothballed;

        int[] cpComponent;
        int[] cpRegion;
        GeoPoint[] cpAt;

        List<Ban> bans;

        Build(Spec spec, long seed) {
            this.spec = spec;
            this.rng = new SplittableRandom(seed);
            this.first = FIRST_YEAR;
            this.last = FIRST_YEAR + spec.years() - 1;
            this.nR = spec.regions();
            this.regions = REGIONS.subList(0, nR);
            this.near = new boolean[nR][nR];
            for (int a = 0; a < nR; a++) {
                near[a][a] = true;
                for (int b = 0; b < nR; b++) {
                    if (NEIGHBOURS.contains(
                            regions.get(a).code() + "-" + regions.get(b).code())) {
                        near[a][b] = true;
                        near[b][a] = true;
                    }
                }
            }
        }

        Network network() {
            countries();
            markets();
            components();
            List<Platform> platforms = platforms();
            productsAndDemand();
            List<Plant> plants = plants();
            List<ComponentPlant> componentPlants = componentPlants();
            List<Market> markets = new ArrayList<>();
            for (int m = 0; m < spec.markets(); m++) {
                String id = id("m", m, spec.markets());
                markets.add(new Market(
                        id,
                        "market " + (m + 1),
                        countries.get(marketCountry[m]).code(),
                        Optional.empty(),
                        demandByMarket.getOrDefault(id, Map.of()),
                        List.of(),
                        Optional.empty()));
            }
            List<Lane> lanes = lanes();
            List<Duty> duties = duties();
            bans = bans();
            List<LocalContent> localContent = localContent();
            List<Commitment> commitments = commitments();
            List<Decision> decisions = decisions();
            Map<String, Series> fx = new LinkedHashMap<>();
            for (Region r : regions) {
                if (!r.currency().equals("EUR") && !fx.containsKey(r.currency())) {
                    fx.put(r.currency(), drifting(r.fx(), r.fxDrift()));
                }
            }
            return new Network(
                    "synthetic-" + spec.name(),
                    String.format(
                            Locale.ROOT,
                            "Synthetic network %s of footprint bench (NetworkGenerator): %d regions, %d countries,"
                                    + " %d markets, %d assembly plants, %d component plants, %d platforms, %d products,"
                                    + " %d components, %d years.",
                            spec.name(),
                            nR,
                            spec.countries(),
                            spec.markets(),
                            spec.plants(),
                            spec.componentPlants(),
                            spec.platforms(),
                            spec.products(),
                            spec.components(),
                            spec.years()),
                    new Horizon(first, last),
                    "EUR",
                    Figure.of(0.08),
                    Objective.NPV,
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
                    List.of(),
                    locations);
        }

        // ---- countries and markets

        void countries() {
            int n = spec.countries();
            countryRegion = new int[n];
            countryAt = new GeoPoint[n];
            int[] perRegion = new int[nR];
            for (int c = 0; c < n; c++) {
                int r = c < nR ? c : weightedRegion();
                countryRegion[c] = r;
                perRegion[r]++;
                Region reg = regions.get(r);
                String code = reg.code() + perRegion[r];
                countryAt[c] = near(reg.lat(), reg.lon(), 7, 11);
                countries.add(new Country(code, reg.name() + " " + perRegion[r], reg.code(), currencyOf(reg)));
                locations.put("countries[" + code + "]", countryAt[c]);
            }
        }

        void markets() {
            int n = spec.markets();
            marketCountry = new int[n];
            marketSize = new double[n];
            marketAt = new GeoPoint[n];
            for (int m = 0; m < n; m++) {
                int c = m < spec.countries() ? m : countryOf(weightedRegion());
                marketCountry[m] = c;
                marketSize[m] = Math.exp(0.6 * rng.nextGaussian());
                marketAt[m] = near(countryAt[c].lat(), countryAt[c].lon(), 2, 3);
                locations.put("markets[" + id("m", m, n) + "]", marketAt[m]);
            }
        }

        // ---- components, platforms, products and demand

        void components() {
            int n = spec.components();
            componentKind = new Kind[n];
            int[] count = new int[Kind.values().length];
            for (int c = 0; c < n; c++) {
                Kind k = KIND_ORDER[c % KIND_ORDER.length];
                componentKind[c] = k;
                count[k.ordinal()]++;
                components.add(new Component(
                        k.word + "-" + count[k.ordinal()], k.word + " family " + count[k.ordinal()], k.unit));
            }
            componentsOfKind = new int[Kind.values().length][];
            for (Kind k : Kind.values()) {
                componentsOfKind[k.ordinal()] = new int[count[k.ordinal()]];
                int i = 0;
                for (int c = 0; c < n; c++) {
                    if (componentKind[c] == k) {
                        componentsOfKind[k.ordinal()][i++] = c;
                    }
                }
            }
        }

        List<Platform> platforms() {
            int n = spec.platforms();
            platformRegion = new int[n];
            platformSold = new boolean[n][nR];
            platformElectric = new boolean[n];
            List<Platform> out = new ArrayList<>();
            for (int f = 0; f < n; f++) {
                int r = f < nR ? f : weightedRegion();
                platformRegion[f] = r;
                platformSold[f][r] = true;
                double spread = rng.nextDouble();
                if (spread < 0.1) {
                    Arrays.fill(platformSold[f], true); // a world platform
                } else if (spread < 0.55) {
                    platformSold[f][neighbour(r)] = true;
                }
                platformElectric[f] = rng.nextDouble() < 0.35;
                out.add(new Platform(
                        id("pf", f, n), (platformElectric[f] ? "electric" : "combustion") + " platform " + (f + 1)));
            }
            return out;
        }

        void productsAndDemand() {
            int n = spec.products();
            int nF = spec.platforms();
            int brands = Math.max(3, n / 40);
            productPlatform = new int[n];
            productBrand = new String[n];
            platformDemandPeak = new double[nF];
            platformPrice = new double[nF];
            productsOnPlatform = new int[nF];
            double[] popularity = new double[n];
            for (int k = 0; k < n; k++) {
                int f = k < nF ? k : rng.nextInt(nF);
                productPlatform[k] = f;
                productsOnPlatform[f]++;
                productBrand[k] = "brand" + (1 + rng.nextInt(brands));
                popularity[k] = Math.exp(0.8 * rng.nextGaussian());
            }
            // sold in a market of the platform's regions with a chance; volumes scaled so that the
            // first year's demand is what the plants could build at 150,000 vehicles each, over 1.3
            double[][] base = new double[n][spec.markets()];
            double drawn = 0;
            for (int k = 0; k < n; k++) {
                int f = productPlatform[k];
                for (int m = 0; m < spec.markets(); m++) {
                    if (platformSold[f][countryRegion[marketCountry[m]]] && rng.nextDouble() < spec.soldShare()) {
                        base[k][m] = marketSize[m] * popularity[k] * Math.exp(0.5 * rng.nextGaussian());
                        drawn += base[k][m];
                    }
                }
            }
            double scale = drawn > 0 ? spec.plants() * 150_000 / 1.3 / drawn : 0;
            int[] segmentOf = new int[nF];
            for (int f = 0; f < nF; f++) {
                segmentOf[f] = rng.nextInt(SEGMENTS.length);
            }
            demandByMarket = new LinkedHashMap<>();
            for (int k = 0; k < n; k++) {
                int f = productPlatform[k];
                int seg = segmentOf[f];
                double price = round(SEGMENT_PRICE[seg] * (0.85 + 0.35 * rng.nextDouble()), 100);
                platformPrice[f] += price / productsOnPlatform[f];
                double life = rng.nextDouble();
                int launch = first;
                int end = last + 1;
                if (spec.years() >= 4 && life < 0.15) {
                    launch = first + 1 + rng.nextInt(spec.years() - 2);
                } else if (spec.years() >= 4 && life < 0.25) {
                    end = first + 2 + rng.nextInt(spec.years() - 2);
                }
                double powertrain =
                        platformElectric[f] ? 0.06 + 0.06 * rng.nextDouble() : -0.03 + 0.03 * rng.nextDouble();
                String id = id("v", k, n);
                for (int m = 0; m < spec.markets(); m++) {
                    if (base[k][m] <= 0) {
                        continue;
                    }
                    double volume = Math.max(50, round(base[k][m] * scale, 10));
                    double rate =
                            round(regions.get(countryRegion[marketCountry[m]]).growth() + powertrain, 0.001);
                    Series s = demandSeries(volume, rate, launch, end);
                    demandByMarket
                            .computeIfAbsent(id("m", m, spec.markets()), x -> new LinkedHashMap<>())
                            .put(id, s);
                    double peak = 0;
                    for (int y = first; y <= last; y++) {
                        peak = Math.max(peak, s.nominal(y));
                    }
                    platformDemandPeak[f] += peak;
                }
                Map<String, Figure> bom = new LinkedHashMap<>();
                if (platformElectric[f]) {
                    bom.put(componentId(Kind.MOTOR, f), Figure.of(1));
                    bom.put(componentId(Kind.BATTERY, f), Figure.of(round(40 + 60 * rng.nextDouble(), 5)));
                } else {
                    bom.put(componentId(Kind.ENGINE, f), Figure.of(1));
                    bom.put(componentId(Kind.GEARBOX, f), Figure.of(1));
                }
                products.add(new Product(
                        id,
                        productBrand[k] + " " + SEGMENTS[seg] + " " + (k + 1),
                        productBrand[k],
                        SEGMENTS[seg],
                        id("pf", f, nF),
                        bom,
                        PerKey.always(Series.constant(price))));
            }
        }

        /** Demand of a volume from the launch year, growing from the year after, none from the end year. */
        Series demandSeries(double volume, double rate, int launch, int end) {
            TreeMap<Integer, Figure> anchors = new TreeMap<>();
            if (end <= last) {
                anchors.put(first, Figure.of(volume));
                anchors.put(end, Figure.of(0));
                return new Series.ByYear(anchors, Series.Interpolation.STEP, Optional.empty());
            }
            if (launch > first) {
                anchors.put(first, Figure.of(0));
            }
            anchors.put(launch, Figure.of(volume));
            Optional<Series.Growth> growth =
                    launch < last ? Optional.of(new Series.Growth(Figure.of(rate), launch + 1)) : Optional.empty();
            return new Series.ByYear(anchors, Series.Interpolation.STEP, growth);
        }

        /** The component of a kind a platform uses: platforms share the families in turn. */
        String componentId(Kind kind, int platform) {
            int[] of = componentsOfKind[kind.ordinal()];
            return components.get(of[platform % of.length]).id();
        }

        // ---- assembly plants

        List<Plant> plants() {
            int n = spec.plants();
            int nF = spec.platforms();
            plantRegion = new int[n];
            plantCountry = new int[n];
            plantAt = new GeoPoint[n];
            plantStart = new ArrayList<>();
            plantOptions = new ArrayList<>();
            plantCapacity = new double[n];
            plantWorkforce = new double[n];
            mothballed = new boolean[n];
            List<List<Integer>> plantsOfRegion = new ArrayList<>();
            for (int r = 0; r < nR; r++) {
                plantsOfRegion.add(new ArrayList<>());
            }
            for (int p = 0; p < n; p++) {
                int r = p < nR ? p : weightedRegion();
                plantRegion[p] = r;
                plantCountry[p] = countryOf(r);
                plantAt[p] = near(countryAt[plantCountry[p]].lat(), countryAt[plantCountry[p]].lon(), 2, 3);
                plantsOfRegion.get(r).add(p);
                plantStart.add(new ArrayList<>());
                plantOptions.add(new ArrayList<>());
            }
            // every platform is tooled at the start at one plant of its home region
            for (int f = 0; f < nF; f++) {
                List<Integer> home = plantsOfRegion.get(platformRegion[f]);
                plantStart.get(home.get(rng.nextInt(home.size()))).add(f);
            }
            // then one to three platforms sold in or near the plant's region, and up to three options
            for (int p = 0; p < n; p++) {
                List<Integer> candidates = new ArrayList<>();
                for (int f = 0; f < nF; f++) {
                    if (soldNear(f, plantRegion[p])) {
                        candidates.add(f);
                    }
                }
                double u = rng.nextDouble();
                int wanted = u < 0.4 ? 1 : u < 0.8 ? 2 : 3;
                List<Integer> start = plantStart.get(p);
                for (int i = 0; i < 6 && start.size() < wanted && !candidates.isEmpty(); i++) {
                    int f = candidates.get(rng.nextInt(candidates.size()));
                    if (!start.contains(f)) {
                        start.add(f);
                    }
                }
                int options = rng.nextInt(4);
                List<Integer> opts = plantOptions.get(p);
                for (int i = 0; i < 8 && opts.size() < options && !candidates.isEmpty(); i++) {
                    int f = candidates.get(rng.nextInt(candidates.size()));
                    if (!start.contains(f) && !opts.contains(f)) {
                        opts.add(f);
                    }
                }
            }
            int[] startPlants = new int[nF];
            for (List<Integer> s : plantStart) {
                for (int f : s) {
                    startPlants[f]++;
                }
            }
            List<Plant> out = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                Region reg = regions.get(plantRegion[p]);
                double need = 0;
                for (int f : plantStart.get(p)) {
                    need += 1.3 * platformDemandPeak[f] / startPlants[f];
                }
                double capacity = Math.max(20_000, round(need * (0.8 + 0.4 * rng.nextDouble()), 1_000));
                plantCapacity[p] = capacity;
                double toLocal = 1 / reg.fx();
                double labour = reg.labour();
                double fixed = sig(capacity * (700 + 600 * rng.nextDouble()) * Math.sqrt(labour) * toLocal, 3);
                double idle = sig(fixed * (0.25 + 0.2 * rng.nextDouble()), 3);
                double closure = sig(fixed * (1 + rng.nextDouble()), 3);
                double reopening = sig(fixed * (0.3 + 0.3 * rng.nextDouble()), 3);
                plantWorkforce[p] = round(capacity * (0.01 + 0.01 * rng.nextDouble()), 10);
                List<String> startIds = new ArrayList<>();
                for (int f : plantStart.get(p)) {
                    startIds.add(id("pf", f, nF));
                }
                List<ToolingOption> tooling = new ArrayList<>();
                for (int f : plantOptions.get(p)) {
                    double invest = sig((80e6 + 220e6 * rng.nextDouble()) * toLocal, 3);
                    tooling.add(new ToolingOption(
                            id("pf", f, nF), Figure.of(invest), Figure.of(1 + (double) rng.nextInt(3))));
                }
                Map<String, Series> variable = new LinkedHashMap<>();
                Map<String, Series> lines = new LinkedHashMap<>();
                List<Integer> buildable = new ArrayList<>(plantStart.get(p));
                buildable.addAll(plantOptions.get(p));
                for (int f : buildable) {
                    double vc = platformPrice[f] * (0.35 + 0.15 * rng.nextDouble()) * (0.6 + 0.4 * labour);
                    variable.put(id("pf", f, nF), Series.constant(sig(vc * toLocal, 3)));
                    if (plantStart.get(p).size() > 1 && rng.nextDouble() < 0.3) {
                        lines.put(
                                id("pf", f, nF),
                                Series.constant(round(capacity * (0.5 + 0.2 * rng.nextDouble()), 1_000)));
                    }
                }
                double ownership = rng.nextDouble() < 0.08 ? (rng.nextBoolean() ? 0.5 : 0.6) : 1;
                mothballed[p] = p >= nR && rng.nextDouble() < 0.03;
                String id = id("p", p, n);
                locations.put("plants[" + id + "]", plantAt[p]);
                out.add(new Plant(
                        id,
                        reg.name() + " plant " + (p + 1),
                        countries.get(plantCountry[p]).code(),
                        currencyOf(reg),
                        ownership < 1 ? Optional.of(Figure.of(ownership)) : Optional.empty(),
                        Series.constant(capacity),
                        lines,
                        Optional.of(Figure.of(plantWorkforce[p])),
                        Optional.of(Figure.of(round(plantWorkforce[p] * 0.3, 10))),
                        Optional.of(Series.constant(fixed)),
                        Optional.of(Series.constant(idle)),
                        Optional.of(Figure.of(closure)),
                        Optional.of(Figure.of(reopening)),
                        new PerKey<>(Optional.empty(), variable),
                        startIds,
                        tooling,
                        mothballed[p] ? List.of(new StatusSpan(YearRange.of(first), PlantStatus.CLOSED)) : List.of()));
            }
            return out;
        }

        boolean soldNear(int f, int region) {
            for (int r = 0; r < nR; r++) {
                if (platformSold[f][r] && near[region][r]) {
                    return true;
                }
            }
            return false;
        }

        // ---- component plants

        List<ComponentPlant> componentPlants() {
            int n = spec.componentPlants();
            int nC = spec.components();
            int nF = spec.platforms();
            cpComponent = new int[n];
            cpRegion = new int[n];
            cpAt = new GeoPoint[n];
            // component units a year the plants of each region would use at full capacity, their
            // capacity split evenly over the platforms they can build
            double[][] bomOfPlatform = new double[nF][nC];
            for (int k = 0; k < products.size(); k++) {
                int f = productPlatform[k];
                for (var e : products.get(k).bom().entrySet()) {
                    bomOfPlatform[f][componentIndex(e.getKey())] += e.getValue().nominal() / productsOnPlatform[f];
                }
            }
            double[][] need = new double[nR][nC];
            for (int p = 0; p < spec.plants(); p++) {
                List<Integer> buildable = new ArrayList<>(plantStart.get(p));
                buildable.addAll(plantOptions.get(p));
                for (int f : buildable) {
                    for (int c = 0; c < nC; c++) {
                        need[plantRegion[p]][c] += plantCapacity[p] * bomOfPlatform[f][c] / buildable.size();
                    }
                }
            }
            // one maker in every region for every component its plants use, the others by each
            // region's share of the component's use
            double[] total = new double[nC];
            List<int[]> pairs = new ArrayList<>();
            for (int r = 0; r < nR; r++) {
                for (int c = 0; c < nC; c++) {
                    total[c] += need[r][c];
                    if (need[r][c] > 0) {
                        pairs.add(new int[] {r, c});
                    }
                }
            }
            int[][] makers = new int[nR][nC];
            for (int q = 0; q < n; q++) {
                int[] rc = pairs.get(pairs.size() - 1);
                if (q < pairs.size()) {
                    rc = pairs.get(q);
                } else {
                    double u = rng.nextDouble() * nC;
                    for (int[] pair : pairs) {
                        u -= need[pair[0]][pair[1]] / total[pair[1]];
                        if (u < 0) {
                            rc = pair;
                            break;
                        }
                    }
                }
                cpRegion[q] = rc[0];
                cpComponent[q] = rc[1];
                makers[rc[0]][rc[1]]++;
            }
            List<ComponentPlant> out = new ArrayList<>();
            for (int q = 0; q < n; q++) {
                int r = cpRegion[q];
                int c = cpComponent[q];
                Region reg = regions.get(r);
                int country = countryOf(r);
                cpAt[q] = near(countryAt[country].lat(), countryAt[country].lon(), 2, 3);
                Kind kind = componentKind[c];
                double share = 1.2 * need[r][c] / makers[r][c];
                double capacity = Math.max(
                        kind == Kind.BATTERY ? 1e6 : 10_000, round(share * (0.8 + 0.4 * rng.nextDouble()), 1_000));
                double toLocal = 1 / reg.fx();
                double cost =
                        (kind.lowCost + (kind.highCost - kind.lowCost) * rng.nextDouble()) * (0.7 + 0.3 * reg.labour());
                Series unitCost = kind == Kind.BATTERY
                        ? drifting(sig(cost * toLocal, 3), -0.05)
                        : Series.constant(sig(cost * toLocal, 3));
                double fixed = sig(capacity * cost * 0.05 * toLocal, 3);
                double ownership = rng.nextDouble() < 0.1 ? 0.5 : 1;
                String id = id("cp", q, n);
                locations.put("component-plants[" + id + "]", cpAt[q]);
                out.add(new ComponentPlant(
                        id,
                        reg.name() + " " + kind.word + " plant " + (q + 1),
                        countries.get(country).code(),
                        currencyOf(reg),
                        components.get(c).id(),
                        ownership < 1 ? Optional.of(Figure.of(ownership)) : Optional.empty(),
                        Series.constant(capacity),
                        Optional.of(unitCost),
                        Optional.of(Series.constant(fixed))));
            }
            return out;
        }

        int componentIndex(String id) {
            for (int c = 0; c < components.size(); c++) {
                if (components.get(c).id().equals(id)) {
                    return c;
                }
            }
            throw new IllegalStateException("no component " + id);
        }

        // ---- lanes

        List<Lane> lanes() {
            List<Lane> out = new ArrayList<>();
            int nF = spec.platforms();
            // a lane only where the market buys something the plant could build
            boolean[][] regionBuys = new boolean[nR][nF];
            for (int r = 0; r < nR; r++) {
                for (int f = 0; f < nF; f++) {
                    regionBuys[r][f] = platformSold[f][r];
                }
            }
            for (int p = 0; p < spec.plants(); p++) {
                int rp = plantRegion[p];
                for (int m = 0; m < spec.markets(); m++) {
                    int rm = countryRegion[marketCountry[m]];
                    if (!near[rp][rm] || !buildsAny(p, regionBuys[rm])) {
                        continue;
                    }
                    double km = km(plantAt[p], marketAt[m]);
                    LaneMode mode;
                    double cost;
                    if (rp == rm) {
                        mode = LaneMode.ROAD;
                        cost = 120 + 0.18 * km;
                    } else if (isPair(rp, rm, "EU", "EAEU")) {
                        mode = LaneMode.RAIL;
                        cost = 250 + 0.1 * km;
                    } else {
                        mode = LaneMode.SEA;
                        cost = 400 + 0.05 * km;
                    }
                    YearRange years = rp != rm && spec.years() > 3 && rng.nextDouble() < 0.03
                            ? YearRange.from(first + 2)
                            : YearRange.ALL;
                    out.add(new Lane(
                            id("p", p, spec.plants()),
                            id("m", m, spec.markets()),
                            mode,
                            Optional.of(Series.constant(round(cost, 1))),
                            Optional.empty(),
                            years));
                }
            }
            // component lanes: to the plants in or next to the region that use the component
            int nC = spec.components();
            boolean[][] platformUses = new boolean[nF][nC];
            for (int k = 0; k < products.size(); k++) {
                for (String c : products.get(k).bom().keySet()) {
                    platformUses[productPlatform[k]][componentIndex(c)] = true;
                }
            }
            boolean[][] uses = new boolean[spec.plants()][nC];
            for (int p = 0; p < spec.plants(); p++) {
                List<Integer> buildable = new ArrayList<>(plantStart.get(p));
                buildable.addAll(plantOptions.get(p));
                for (int f : buildable) {
                    for (int c = 0; c < nC; c++) {
                        uses[p][c] |= platformUses[f][c];
                    }
                }
            }
            for (int q = 0; q < spec.componentPlants(); q++) {
                Kind kind = componentKind[cpComponent[q]];
                for (int p = 0; p < spec.plants(); p++) {
                    if (!uses[p][cpComponent[q]] || !near[cpRegion[q]][plantRegion[p]]) {
                        continue;
                    }
                    double km = km(cpAt[q], plantAt[p]);
                    boolean same = cpRegion[q] == plantRegion[p];
                    double cost = kind == Kind.BATTERY
                            ? round((same ? 0.5 : 2) + 0.0005 * km, 0.01)
                            : round((same ? 20 : 80) + (same ? 0.03 : 0.02) * km, 1);
                    out.add(new Lane(
                            id("cp", q, spec.componentPlants()),
                            id("p", p, spec.plants()),
                            same ? LaneMode.ROAD : LaneMode.SEA,
                            Optional.of(Series.constant(cost)),
                            Optional.empty(),
                            YearRange.ALL));
                }
            }
            return out;
        }

        boolean buildsAny(int p, boolean[] buys) {
            for (int f : plantStart.get(p)) {
                if (buys[f]) {
                    return true;
                }
            }
            for (int f : plantOptions.get(p)) {
                if (buys[f]) {
                    return true;
                }
            }
            return false;
        }

        boolean isPair(int a, int b, String x, String y) {
            String ca = regions.get(a).code();
            String cb = regions.get(b).code();
            return (ca.equals(x) && cb.equals(y)) || (ca.equals(y) && cb.equals(x));
        }

        // ---- trade rules, commitments, decisions

        List<Duty> duties() {
            List<Duty> out = new ArrayList<>();
            double[] rates = {0.05, 0.1, 0.15, 0.2, 0.25};
            for (int a = 0; a < nR; a++) {
                for (int b = 0; b < nR; b++) {
                    if (a == b || !near[a][b]) {
                        continue;
                    }
                    String from = regions.get(a).code();
                    String to = regions.get(b).code();
                    Double agreed = AGREED_DUTY.getOrDefault(from + "-" + to, AGREED_DUTY.get(to + "-" + from));
                    double rate = agreed != null ? agreed : rates[rng.nextInt(rates.length)];
                    Series series = Series.constant(rate);
                    if (spec.years() > 3 && rng.nextDouble() < 0.3) {
                        TreeMap<Integer, Figure> anchors = new TreeMap<>();
                        anchors.put(first, Figure.of(rate));
                        anchors.put(first + 1 + rng.nextInt(spec.years() - 2), Figure.of(round(rate + 0.05, 0.01)));
                        series = new Series.ByYear(anchors, Series.Interpolation.STEP, Optional.empty());
                    }
                    out.add(new Duty(
                            "duty-" + from + "-" + to,
                            List.of(from),
                            List.of(to),
                            series,
                            List.of(),
                            List.of(),
                            YearRange.ALL,
                            Optional.empty()));
                }
            }
            // an anti-dumping duty on two brands into the EU, from the third year
            String from = regionIndex("CN") >= 0 ? "CN" : regions.get(nR - 1).code();
            if (regionIndex("EU") >= 0 && !from.equals("EU") && spec.years() > 2) {
                out.add(new Duty(
                        "anti-dumping",
                        List.of(from),
                        List.of("EU"),
                        Series.constant(0.17),
                        List.of("brand1", "brand2"),
                        List.of(),
                        YearRange.from(first + 2),
                        Optional.empty()));
            }
            return out;
        }

        List<Ban> bans() {
            List<Ban> out = new ArrayList<>();
            if (regionIndex("EU") >= 0 && regionIndex("EAEU") >= 0 && spec.years() > 1) {
                YearRange from2 = YearRange.from(first + 1);
                out.add(new Ban(
                        "sanctions-eu",
                        List.of("EU"),
                        List.of("EAEU"),
                        List.of(),
                        List.of(),
                        List.of(),
                        from2,
                        Optional.empty()));
                out.add(new Ban(
                        "sanctions-eaeu",
                        List.of("EAEU"),
                        List.of("EU"),
                        List.of(),
                        List.of(),
                        List.of(),
                        from2,
                        Optional.empty()));
            }
            if (spec.years() > 3 && nR > 1) {
                String into = regionIndex("NA") >= 0 ? "NA" : regions.get(1).code();
                out.add(new Ban(
                        "brand-ban",
                        List.of(regions.get(0).code()),
                        List.of(into),
                        List.of("brand3"),
                        List.of(),
                        List.of(),
                        YearRange.from(first + 3),
                        Optional.empty()));
            }
            return out;
        }

        List<LocalContent> localContent() {
            String bloc = regionIndex("SA") >= 0 ? "SA" : regions.get(nR - 1).code();
            YearRange years = YearRange.from(first + Math.min(2, spec.years() - 1));
            return List.of(new LocalContent("local-" + bloc, List.of(bloc), Figure.of(0.4), years, Optional.empty()));
        }

        /**
         * Jobs kept (80 % of the workforce, more than the idle workforce: the plant runs) and an output
         * kept while running, at about one plant in twenty over the first five years. The output is at
         * most 10 % of capacity and a quarter of the demand for the plant's start platforms in its own
         * region that year (bans counted, competition not), so a plan always exists.
         */
        List<Commitment> commitments() {
            List<Commitment> out = new ArrayList<>();
            int until = first + Math.min(4, spec.years() - 1);
            for (int p = 0; p < spec.plants(); p++) {
                if (mothballed[p] || p == spec.plants() - 1 || rng.nextDouble() >= 0.05) {
                    continue;
                }
                double reach = Double.POSITIVE_INFINITY;
                for (int y = first; y <= until; y++) {
                    reach = Math.min(reach, ownRegionDemand(p, y));
                }
                double minOutput = round(Math.min(0.1 * plantCapacity[p], 0.25 * reach), 100);
                String id = id("p", p, spec.plants());
                out.add(new Commitment(
                        "keep-" + id,
                        id,
                        minOutput > 0 ? Optional.of(Figure.of(minOutput)) : Optional.empty(),
                        Optional.of(Figure.of(round(0.8 * plantWorkforce[p], 10))),
                        new YearRange(first, until),
                        Optional.empty()));
            }
            return out;
        }

        /** Demand in a year for the products of a plant's start platforms in its own region, bans counted. */
        double ownRegionDemand(int p, int year) {
            String region = regions.get(plantRegion[p]).code();
            double sum = 0;
            for (int m = 0; m < spec.markets(); m++) {
                if (countryRegion[marketCountry[m]] != plantRegion[p]) {
                    continue;
                }
                Map<String, Series> cells = demandByMarket.getOrDefault(id("m", m, spec.markets()), Map.of());
                for (int k = 0; k < products.size(); k++) {
                    Series s = cells.get(products.get(k).id());
                    if (s == null || !plantStart.get(p).contains(productPlatform[k])) {
                        continue;
                    }
                    boolean banned = false;
                    for (Ban b : bans) {
                        banned |= b.years().contains(year)
                                && b.coversVehicle(
                                        productBrand[k], products.get(k).id())
                                && b.from().contains(region)
                                && b.to().contains(region);
                    }
                    if (!banned) {
                        sum += s.nominal(year);
                    }
                }
            }
            return sum;
        }

        List<Decision> decisions() {
            List<Decision> out = new ArrayList<>();
            int n = spec.plants();
            if (spec.years() <= 3 || n <= 2) {
                return out;
            }
            out.add(new Decision(
                    "announced-closure",
                    Decision.Rule.FORCE,
                    Decision.Action.CLOSE,
                    id("p", n - 1, n),
                    Optional.empty(),
                    YearRange.from(first + 3),
                    Optional.empty()));
            out.add(new Decision(
                    "no-closure",
                    Decision.Rule.FORBID,
                    Decision.Action.CLOSE,
                    id("p", 0, n),
                    Optional.empty(),
                    YearRange.ALL,
                    Optional.empty()));
            for (int p = 1; p < n - 1; p++) {
                if (!plantOptions.get(p).isEmpty() && !mothballed[p]) {
                    out.add(new Decision(
                            "forced-tooling",
                            Decision.Rule.FORCE,
                            Decision.Action.TOOL,
                            id("p", p, n),
                            Optional.of(id("pf", plantOptions.get(p).get(0), spec.platforms())),
                            YearRange.from(first + 3),
                            Optional.empty()));
                    break;
                }
            }
            return out;
        }

        // ---- draws and helpers

        int regionIndex(String code) {
            for (int r = 0; r < nR; r++) {
                if (regions.get(r).code().equals(code)) {
                    return r;
                }
            }
            return -1;
        }

        int weightedRegion() {
            double total = 0;
            for (Region r : regions) {
                total += r.weight();
            }
            double u = rng.nextDouble() * total;
            for (int r = 0; r < nR; r++) {
                u -= regions.get(r).weight();
                if (u < 0) {
                    return r;
                }
            }
            return nR - 1;
        }

        int neighbour(int r) {
            List<Integer> ns = new ArrayList<>();
            for (int b = 0; b < nR; b++) {
                if (b != r && near[r][b]) {
                    ns.add(b);
                }
            }
            return ns.isEmpty() ? r : ns.get(rng.nextInt(ns.size()));
        }

        /** A country of a region, uniformly. */
        int countryOf(int region) {
            int count = 0;
            for (int r : countryRegion) {
                if (r == region) {
                    count++;
                }
            }
            int pick = rng.nextInt(count);
            for (int c = 0; c < countryRegion.length; c++) {
                if (countryRegion[c] == region && pick-- == 0) {
                    return c;
                }
            }
            throw new IllegalStateException("region without a country");
        }

        GeoPoint near(double lat, double lon, double dLat, double dLon) {
            double la = Math.max(-89, Math.min(89, lat + dLat * (2 * rng.nextDouble() - 1)));
            double lo = lon + dLon * (2 * rng.nextDouble() - 1);
            if (lo > 180) {
                lo -= 360;
            } else if (lo < -180) {
                lo += 360;
            }
            return new GeoPoint(round(la, 0.01), round(lo, 0.01));
        }
    }

    private static Optional<String> currencyOf(Region r) {
        return r.currency().equals("EUR") ? Optional.empty() : Optional.of(r.currency());
    }

    /** A series that starts at a value and changes by a rate a year from the second year (constant at rate 0). */
    private static Series drifting(double value, double rate) {
        if (rate == 0) {
            return Series.constant(value);
        }
        TreeMap<Integer, Figure> anchors = new TreeMap<>();
        anchors.put(FIRST_YEAR, Figure.of(value));
        return new Series.ByYear(
                anchors, Series.Interpolation.STEP, Optional.of(new Series.Growth(Figure.of(rate), FIRST_YEAR + 1)));
    }

    /** An id with a prefix and a zero-padded number: p001 ... p650. */
    private static String id(String prefix, int i, int count) {
        int width = Integer.toString(count).length();
        return prefix + String.format(Locale.ROOT, "%0" + width + "d", i + 1);
    }

    /** Rounded to a multiple of a step that is a power of ten (so the figure reads well). */
    private static double round(double x, double step) {
        if (step >= 1) {
            return Math.round(x / step) * step;
        }
        double inverse = Math.rint(1 / step);
        return Math.round(x * inverse) / inverse;
    }

    /** Rounded to a number of significant digits. */
    private static double sig(double x, int digits) {
        if (x == 0) {
            return 0;
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(x))) + 1 - digits;
        return round(x, Math.pow(10, exponent));
    }

    /** Great-circle distance in km. */
    private static double km(GeoPoint a, GeoPoint b) {
        double p1 = Math.toRadians(a.lat());
        double p2 = Math.toRadians(b.lat());
        double dp = p2 - p1;
        double dl = Math.toRadians(b.lon() - a.lon());
        double h =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
