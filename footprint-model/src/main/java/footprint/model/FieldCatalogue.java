package footprint.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The one list of every field of the model format: its name, type, unit, default and meaning. The
 * readers refuse fields not listed here and demand the required ones; {@code
 * docs/model-format.md} is generated from it (and a test keeps the two equal).
 */
public final class FieldCatalogue {
    private FieldCatalogue() {}

    /**
     * One field of a section.
     *
     * @param limit for a number, the largest magnitude the optimiser can take (see {@link Limit}); its
     *     meaning states it
     */
    public record Field(
            String name,
            String type,
            String unit,
            String defaultValue,
            boolean required,
            String meaning,
            Optional<Limit> limit) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(defaultValue, "defaultValue");
            Objects.requireNonNull(meaning, "meaning");
            Objects.requireNonNull(limit, "limit");
        }

        public Field(String name, String type, String unit, String defaultValue, boolean required, String meaning) {
            this(name, type, unit, defaultValue, required, meaning, Optional.empty());
        }

        /** This field with a limit, stated at the end of its meaning. */
        Field limited(Limit l) {
            return new Field(name, type, unit, defaultValue, required, meaning + " " + l.sentence(), Optional.of(l));
        }
    }

    /**
     * The largest magnitude of a kind of quantity that the optimiser can take. Every coefficient of
     * the MILP is a product of a few figures (a price or cost, an exchange rate, a discount factor
     * and a share at most 1), and every bound is a volume. Measured through OR-Tools 9.15 on a small
     * model: HiGHS refuses a matrix coefficient of 1e15 (a capacity of 1e15 ends as
     * MPSOLVER_MODEL_INVALID) and takes costs and bounds from 1e20 as infinite. These limits keep
     * every coefficient at or below about 1e13 and every cost below 1e15, well inside what HiGHS,
     * SCIP and CBC take. Amounts of money in a
     * plant's or market's currency must also stay within the limit once converted to the base
     * currency. The limits are far above any real network: the whole world builds under 1e8
     * vehicles a year.
     *
     * @param max the largest value allowed
     * @param min the smallest value allowed, where it is not 0 (for a field that must not be negative
     *     the validator says so on its own)
     * @param what the kind of quantity, for messages: "volumes", "amounts per unit"
     */
    public record Limit(double max, Optional<Double> min, String what) {
        public Limit {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(what, "what");
        }

        Limit(double max, String what) {
            this(max, Optional.empty(), what);
        }

        /** The sentence the field's meaning ends with. */
        public String sentence() {
            return min.isEmpty()
                    ? "At most " + show(max) + ", the most the optimiser can take for " + what + "."
                    : "From " + show(min.get()) + " to " + show(max) + ", the range the optimiser can take for " + what
                            + ".";
        }

        /** 1e9, 1.5e12, 10, -1. */
        public static String show(double v) {
            if (v == Math.rint(v) && Math.abs(v) < 1e6) {
                return Long.toString((long) v);
            }
            String e = String.format(java.util.Locale.ROOT, "%.3e", v);
            String mantissa = e.substring(0, e.indexOf('e')).replaceAll("\\.?0+$", "");
            int exponent = Integer.parseInt(e.substring(e.indexOf('e') + 1));
            return mantissa + "e" + exponent;
        }
    }

    /** Vehicles a year (capacity, demand, minimum output). */
    public static final Limit VEHICLES = new Limit(1e9, "volumes");
    /** Component units a year (a component plant's capacity, in kWh for battery energy). */
    public static final Limit COMPONENT_UNITS = new Limit(1e12, "volumes of components");
    /** Component units per vehicle. */
    public static final Limit PER_VEHICLE = new Limit(1e6, "quantities per vehicle");
    /** People. */
    public static final Limit PEOPLE = new Limit(1e8, "workforces");
    /** Money per vehicle or component unit: prices, variable and unit costs, freight, penalties. */
    public static final Limit MONEY_PER_UNIT = new Limit(1e9, "amounts of money per unit");
    /** Money a year or once: fixed and idle costs, closure, reopening and tooling. */
    public static final Limit AMOUNT = new Limit(1e13, "amounts of money");
    /** An exchange rate: base currency per unit of another currency. */
    public static final Limit FX = new Limit(1e6, "exchange rates");
    /** A yearly growth rate: from -100% to 1000% a year. */
    public static final Limit GROWTH = new Limit(10, Optional.of(-1.0), "growth rates");
    /** A duty, as a fraction of value. */
    public static final Limit DUTY = new Limit(10, "duties");
    /** Lead times. */
    public static final Limit YEARS = new Limit(100, "lead times in years");

    /** A kind of mapping in the file (the top level, a plant, a lane, a figure written out...). */
    public record Section(String name, String title, String description, List<Field> fields, String example) {
        public Section {
            fields = List.copyOf(fields);
        }

        public Optional<Field> field(String fieldName) {
            return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
        }

        public List<String> names() {
            return fields.stream().map(Field::name).toList();
        }

        public List<Field> required() {
            return fields.stream().filter(Field::required).toList();
        }

        Section withLimits() {
            List<Field> limited = fields.stream()
                    .map(f -> {
                        Limit l = LIMITS.get(name + "." + f.name());
                        return l == null ? f : f.limited(l);
                    })
                    .toList();
            return new Section(name, title, description, limited, example);
        }
    }

    private static final String FIGURE = "figure";
    private static final String SERIES = "series";
    private static final String MONEY = "currency";
    private static final String SOURCE_MEANING =
            "Where the figures of this entry come from, for every figure that names no source of its own.";

    private static Field req(String name, String type, String unit, String meaning) {
        return new Field(name, type, unit, "", true, meaning);
    }

    private static Field opt(String name, String type, String unit, String defaultValue, String meaning) {
        return new Field(name, type, unit, defaultValue, false, meaning);
    }

    private static Field source() {
        return opt("source", "text", "", "none", SOURCE_MEANING);
    }

    private static final Map<String, Section> SECTIONS = new LinkedHashMap<>();

    private static void add(Section s) {
        SECTIONS.put(s.name(), s.withLimits());
    }

    /** The limit of each numeric field, by section and field name. */
    private static final Map<String, Limit> LIMITS = new java.util.HashMap<>();

    private static void limit(String section, String field, Limit l) {
        LIMITS.put(section + "." + field, l);
    }

    /** The limit of a field ({@code plant}, {@code capacity}), if it is a number with one. */
    public static Optional<Limit> limit(String section, String field) {
        return section(section).field(field).flatMap(Field::limit);
    }

    static {
        limit("model", "fx", FX);
        limit("plant", "capacity", VEHICLES);
        limit("plant", "line-capacity", VEHICLES);
        limit("plant", "workforce", PEOPLE);
        limit("plant", "idle-workforce", PEOPLE);
        limit("plant", "fixed-cost", AMOUNT);
        limit("plant", "idle-cost", AMOUNT);
        limit("plant", "closure-cost", AMOUNT);
        limit("plant", "reopening-cost", AMOUNT);
        limit("plant", "variable-cost", MONEY_PER_UNIT);
        limit("tooling", "investment", AMOUNT);
        limit("tooling", "lead-time", YEARS);
        limit("product", "bom", PER_VEHICLE);
        limit("product", "price", MONEY_PER_UNIT);
        limit("component-plant", "capacity", COMPONENT_UNITS);
        limit("component-plant", "unit-cost", MONEY_PER_UNIT);
        limit("component-plant", "fixed-cost", AMOUNT);
        limit("market", "demand", VEHICLES);
        limit("market", "lost-sale-penalty", MONEY_PER_UNIT);
        limit("segment-demand", "volume", VEHICLES);
        limit("lane", "cost", MONEY_PER_UNIT);
        limit("duty", "rate", DUTY);
        limit("commitment", "min-output", VEHICLES);
        limit("commitment", "min-jobs", PEOPLE);
        limit("growth", "rate", GROWTH);
    }

    static {
        add(new Section(
                "model",
                "The model file",
                "The top level of a model file.",
                List.of(
                        req("footprint", "integer", "", "The format version; always 1."),
                        req("name", "text", "", "The model's name, shown in every report."),
                        opt("description", "text", "", "empty", "A few sentences on what the model is for."),
                        req("horizon", "horizon", "years", "The first and last year planned."),
                        req("currency", "currency code", "", "The base currency: every amount is converted to it."),
                        opt(
                                "discount-rate",
                                FIGURE,
                                "fraction a year",
                                "0",
                                "The yearly rate at which later cash flows count less (8% or 0.08), from 0 to 1: year t of the"
                                        + " horizon counts at 1 / (1 + rate)^(t - first year), so the first year counts in"
                                        + " full."),
                        opt(
                                "objective",
                                "npv | cost",
                                "",
                                "npv",
                                "npv: maximise the group's net present value; cost: minimise the present value of"
                                        + " cost, serving all demand or paying each market's lost-sale penalty. In both,"
                                        + " everything at a plant counts at its ownership share; penalties count in"
                                        + " full."),
                        opt(
                                "fx",
                                "map of currency code to series",
                                "base currency per unit",
                                "none",
                                "Exchange rates: the value of one unit of each other currency in the base currency,"
                                        + " converting each year's amounts at that year's rate. Above 0: a point, a range"
                                        + " or a distribution that cannot go negative (not normal)."),
                        req("countries", "map of country code to country", "", "Every country the model uses."),
                        opt("platforms", "map of id to platform", "", "none", "Vehicle platforms."),
                        opt(
                                "components",
                                "map of id to component",
                                "",
                                "none",
                                "Kinds of component (engines, gearboxes, battery energy)."),
                        req("plants", "map of id to plant", "", "Assembly plants."),
                        req("products", "map of id to product", "", "Vehicles."),
                        opt(
                                "component-plants",
                                "map of id to component plant",
                                "",
                                "none",
                                "Plants making components."),
                        req("markets", "map of id to market", "", "Markets and their demand."),
                        opt("lanes", "list of lane", "", "none", "Freight lanes."),
                        opt("trade", "trade", "", "none", "Duties, bans and local-content minimums."),
                        opt("commitments", "list of commitment", "", "none", "Minimum output and jobs kept at plants."),
                        opt("decisions", "list of decision", "", "none", "Decisions forced or forbidden by policy."),
                        opt(
                                "disruptions",
                                "list of disruption",
                                "",
                                "none",
                                "Events that may put a plant, a lane or a trade relation out for a year (risk"
                                        + " analysis draws them)."),
                        source()),
                "footprint: 1\nname: Kaluga and the European van network\nhorizon: {from: 2021, to: 2030}\n"
                        + "currency: EUR\ndiscount-rate: {value: 8%, source: assumption}\n"));
        add(new Section(
                "horizon",
                "Horizon",
                "The years planned, both included.",
                List.of(req("from", "year", "", "The first year."), req("to", "year", "", "The last year.")),
                "horizon: {from: 2021, to: 2030}\n"));
        add(new Section(
                "country",
                "Country",
                "A country, keyed by its code (ISO 3166 alpha-2 is a good choice).",
                List.of(
                        opt("name", "text", "", "the code", "The country's name."),
                        req("bloc", "text", "", "Its trade bloc (EU, UK, EAEU, CN, ...); trade rules may name it."),
                        opt(
                                "currency",
                                "currency code",
                                "",
                                "the base currency",
                                "The local currency (informative; amounts take the currency of their plant or market)."),
                        opt(
                                "location",
                                "location",
                                "degrees",
                                "none",
                                "Where to draw it (its capital or centre) on the map ({lat: 54.5, lon: 36.3}); reports only.")),
                "countries:\n  RU: {name: Russia, bloc: EAEU, currency: RUB}\n"));
        add(new Section(
                "platform",
                "Platform",
                "A vehicle platform. A plant builds a product only where the product's platform is tooled.",
                List.of(opt("name", "text", "", "the id", "The platform's name.")),
                "platforms:\n  emp2-van: {name: EMP2 compact van}\n"));
        add(new Section(
                "component",
                "Component",
                "A kind of component that vehicles consume, counted in its unit.",
                List.of(
                        opt("name", "text", "", "the id", "The component's name."),
                        req(
                                "unit",
                                "text",
                                "",
                                "What one unit is: engine, gearbox, kWh. Energy units (kWh, MWh,"
                                        + " GWh) convert into each other.")),
                "components:\n  battery: {name: LFP battery energy, unit: kWh}\n"));
        add(new Section(
                "plant",
                "Assembly plant",
                "A plant that assembles vehicles. Amounts of money are in the plant's currency.",
                List.of(
                        opt("name", "text", "", "the id", "The plant's name."),
                        req("country", "country code", "", "Where it is."),
                        opt("currency", "currency code", "", "the base currency", "The currency of its amounts."),
                        opt(
                                "location",
                                "location",
                                "degrees",
                                "none",
                                "Where it is on the map ({lat: 54.5, lon: 36.3}); reports only."),
                        opt(
                                "ownership",
                                FIGURE,
                                "fraction",
                                "1",
                                "The group's share of everything at the plant (revenue, variable cost, freight, duties,"
                                        + " fixed, idle, closure and reopening costs, tooling, components bought), in both"
                                        + " objectives; above 0 and at most 1 (a joint venture below 1)."),
                        req("capacity", SERIES, "vehicles a year", "Vehicles it can build a year while running."),
                        opt(
                                "line-capacity",
                                "map of platform id to series",
                                "vehicles a year",
                                "none",
                                "Vehicles a year per platform, where a line limits it."),
                        opt("workforce", FIGURE, "people", "0", "People employed while it runs."),
                        opt("idle-workforce", FIGURE, "people", "0", "People kept while it is idle."),
                        opt("fixed-cost", SERIES, MONEY + " a year", "0", "Cost a year while running."),
                        opt("idle-cost", SERIES, MONEY + " a year", "0", "Cost a year while idle."),
                        opt(
                                "closure-cost",
                                FIGURE,
                                MONEY,
                                "0",
                                "Paid in each year it becomes closed, from running or idle (before the horizon it"
                                        + " was running, unless the first year's status says otherwise). A closed plant"
                                        + " may run again, at its reopening cost, but not idle."),
                        opt(
                                "reopening-cost",
                                FIGURE,
                                MONEY,
                                "0",
                                "Paid in each year it runs after a year idle or closed."),
                        opt(
                                "variable-cost",
                                "series, or map of product or platform id (and default) to series",
                                MONEY + " per vehicle",
                                "0",
                                "Cost per vehicle built; a product's own entry wins over its platform's, which wins"
                                        + " over default."),
                        opt(
                                "platforms",
                                "list of platform id",
                                "",
                                "none",
                                "Platforms tooled before the horizon (no investment)."),
                        opt(
                                "tooling",
                                "map of platform id to tooling option",
                                "",
                                "none",
                                "Platforms it could take on, at a one-time investment."),
                        opt(
                                "status",
                                "map of years to running | idle | closed",
                                "",
                                "none",
                                "Statuses given by the planner ({2021: running, 2022-: idle}); other years are left"
                                        + " to the optimiser. The first year's status is also the state before the"
                                        + " horizon (running when none is given)."),
                        source()),
                "plants:\n  kaluga:\n    name: PSMA Rus, Kaluga\n    country: RU\n    ownership: {value: 0.7,"
                        + " source: assumption}\n    capacity: {value: 125000, source: seed 000}\n"));
        add(new Section(
                "tooling",
                "Tooling option",
                "A platform a plant could take on.",
                List.of(
                        req(
                                "investment",
                                FIGURE,
                                MONEY,
                                "One-time cost of tooling the platform, paid in the first year it is tooled (the"
                                        + " year of first use, unless earlier is cheaper) at that year's exchange rate"
                                        + " and discount factor, at the plant's ownership share."),
                        opt(
                                "lead-time",
                                FIGURE,
                                "years",
                                "0",
                                "Whole years, counted from the horizon's first year: the platform can be used from"
                                        + " the horizon's first year plus the lead time on."),
                        source()),
                "    tooling:\n      leap-c: {investment: {low: 100e6, high: 250e6}, lead-time: 2, source:"
                        + " assumption}\n"));
        add(new Section(
                "product",
                "Product",
                "A vehicle.",
                List.of(
                        opt("name", "text", "", "the id", "The product's name."),
                        req("brand", "text", "", "Its brand; bans and duties may name it."),
                        req("segment", "text", "", "Its segment (van, minibus, passenger-car, ...)."),
                        req("platform", "platform id", "", "The platform it is built on."),
                        opt(
                                "bom",
                                "map of component id to figure",
                                "component units per vehicle",
                                "none",
                                "Bill of materials: components per vehicle."),
                        opt(
                                "price",
                                "series, or map of market id (and default) to series",
                                "market currency per vehicle",
                                "none",
                                "Price per vehicle in each market; required for every market with demand in npv"
                                        + " mode. In cost mode it still sets the duties (a share of the price)."),
                        source()),
                "products:\n  expert:\n    name: Peugeot Expert\n    brand: Peugeot\n    segment: van\n"
                        + "    platform: emp2-van\n    bom: {diesel-engine: 1}\n    price: {default: 32000, RU:"
                        + " 30000}\n"));
        add(new Section(
                "component-plant",
                "Component plant",
                "A plant making one kind of component; lanes carry it to assembly plants.",
                List.of(
                        opt("name", "text", "", "the id", "The plant's name."),
                        req("country", "country code", "", "Where it is."),
                        opt("currency", "currency code", "", "the base currency", "The currency of its amounts."),
                        opt(
                                "location",
                                "location",
                                "degrees",
                                "none",
                                "Where it is on the map ({lat: 54.5, lon: 36.3}); reports only."),
                        req("component", "component id", "", "What it makes."),
                        opt(
                                "ownership",
                                FIGURE,
                                "fraction",
                                "1",
                                "The group's share of its fixed cost (0.5 for a 50/50 venture), above 0 and at"
                                        + " most 1; the buying plant pays for the components at its own share."),
                        req(
                                "capacity",
                                SERIES,
                                "component units a year",
                                "Units a year; a unit such as GWh/year converts to the component's kWh."),
                        opt(
                                "unit-cost",
                                SERIES,
                                MONEY + " per component unit",
                                "0",
                                "Price per unit paid by the assembly plant that buys it, with the lane's freight,"
                                        + " at the buying plant's ownership share."),
                        opt(
                                "fixed-cost",
                                SERIES,
                                MONEY + " a year",
                                "0",
                                "Cost every year of the horizon, whether it ships or not, at its ownership"
                                        + " share."),
                        source()),
                "component-plants:\n  catl-zaragoza:\n    country: ES\n    component: battery\n    ownership: 50%\n"
                        + "    capacity: {value: 50, unit: GWh/year, source: seed 003}\n"));
        add(new Section(
                "market",
                "Market",
                "Where vehicles are sold, with the group's demand per product or per segment. Amounts of money are"
                        + " in the market's currency.",
                List.of(
                        opt("name", "text", "", "the id", "The market's name."),
                        req("country", "country code", "", "Its country: trade rules match on it and its bloc."),
                        opt(
                                "currency",
                                "currency code",
                                "",
                                "the base currency",
                                "The currency of its prices and penalty."),
                        opt(
                                "location",
                                "location",
                                "degrees",
                                "none",
                                "Where to draw it on the map; else its country's location."),
                        opt(
                                "demand",
                                "map of product id to series",
                                "vehicles a year",
                                "none",
                                "Vehicles a year the group could sell, per product."),
                        opt(
                                "segments",
                                "map of segment to segment demand",
                                "",
                                "none",
                                "Demand given for a whole segment and split between products."),
                        opt(
                                "lost-sale-penalty",
                                FIGURE,
                                "market currency per vehicle",
                                "none",
                                "In cost mode, the cost of each vehicle of demand not served, counted in full (no"
                                        + " ownership share); without it every vehicle of demand must be served."),
                        source()),
                "markets:\n  FR:\n    country: FR\n    demand: {expert: {2021: 40000, 2030: 30000, interpolate:"
                        + " linear, source: assumption}}\n"));
        add(new Section(
                "segment-demand",
                "Segment demand",
                "Demand for product k in year t is volume(t) x group-share x shares[k].",
                List.of(
                        req("volume", SERIES, "vehicles a year", "The whole segment's (or market's) sales."),
                        opt("group-share", FIGURE, "fraction", "1", "The group's share of the segment, from 0 to 1."),
                        req(
                                "shares",
                                "map of product id to figure",
                                "fraction",
                                "How the group's sales split between its products: each from 0 to 1, at most 1 in all."),
                        source()),
                "    segments:\n      all-cars:\n        volume: {2024: 1.3e6, source: seed 001}\n"
                        + "        group-share: {low: 0.5%, high: 2%, source: assumption}\n"
                        + "        shares: {partner: 0.5, berlingo: 0.5}\n"));
        add(new Section(
                "lane",
                "Lane",
                "A freight lane, from an assembly plant to a market or from a component plant to an assembly"
                        + " plant. Cost is in the base currency.",
                List.of(
                        req("from", "plant or component plant id", "", "Where goods leave."),
                        req("to", "market or plant id", "", "Where they arrive."),
                        opt("mode", "road | rail | sea | air", "", "road", "How they travel."),
                        opt("cost", SERIES, "base currency per unit", "0", "Freight per vehicle or component unit."),
                        opt("lead-time", FIGURE, "days", "none", "Days in transit (informative)."),
                        opt("years", "years", "", "all", "The years it is open: 2021-2025, 2022-, ..."),
                        source()),
                "lanes:\n  - {from: kaluga, to: FR, mode: rail, cost: {low: 800, high: 1500, source: assumption}}\n"));
        add(new Section(
                "trade",
                "Trade rules",
                "Rules on goods crossing borders. Origins and destinations are country codes or trade blocs.",
                List.of(
                        opt("duties", "list of duty", "", "none", "Import duties."),
                        opt("bans", "list of ban", "", "none", "Bans and sanctions."),
                        opt("local-content", "list of local-content rule", "", "none", "Local-content minimums.")),
                "trade:\n  bans:\n    - {from: RU, to: [EU, UK], brands: [Peugeot, Fiat], years: 2022-, source: seed"
                        + " 000}\n"));
        add(new Section(
                "duty",
                "Duty",
                "A duty on vehicles built in an origin and sold in a destination, as a fraction of their price in"
                        + " the market, at the plant's ownership share. Duties that cover one flow add up.",
                List.of(
                        opt("id", "text", "", "duty-N (its place in the list)", "The rule's name in reports."),
                        req("from", "place or list of places", "", "Origins: country codes or blocs."),
                        req("to", "place or list of places", "", "Destinations: country codes or blocs."),
                        req("rate", SERIES, "fraction of value", "The duty: 10% or 0.10."),
                        opt(
                                "brands",
                                "list of brand",
                                "",
                                "all",
                                "Only vehicles of these brands (each the brand of some product); with products"
                                        + " also given, a vehicle matching either."),
                        opt(
                                "products",
                                "list of product id",
                                "",
                                "all",
                                "Only these products; with brands also given, a vehicle matching either."),
                        opt("years", "years", "", "all", "When it applies."),
                        source()),
                "  duties:\n    - {from: CN, to: EU, rate: {value: 10%, source: assumption}}\n"));
        add(new Section(
                "ban",
                "Ban",
                "A ban on goods from an origin to a destination. It covers a vehicle whose brand or whose product"
                        + " is listed (either matches), and the listed components; with none listed, everything.",
                List.of(
                        opt("id", "text", "", "ban-N (its place in the list)", "The rule's name in reports."),
                        req("from", "place or list of places", "", "Origins: country codes or blocs."),
                        req("to", "place or list of places", "", "Destinations: country codes or blocs."),
                        opt(
                                "brands",
                                "list of brand",
                                "",
                                "none",
                                "Vehicles of these brands (each the brand of some product)."),
                        opt("products", "list of product id", "", "none", "These products."),
                        opt("components", "list of component id", "", "none", "These components."),
                        opt("years", "years", "", "all", "When it applies."),
                        source()),
                "  bans:\n    - {from: RU, to: [EU, UK], brands: [Peugeot], years: 2022-, source: seed 000}\n"));
        add(new Section(
                "local-content",
                "Local-content rule",
                "Of the value of vehicles sold in the destinations, at least min-share must come from the"
                        + " destination's bloc: assembly in the bloc and components made in it count.",
                List.of(
                        opt("id", "text", "", "local-content-N", "The rule's name in reports."),
                        req("to", "place or list of places", "", "Destinations: country codes or blocs."),
                        req("min-share", FIGURE, "fraction", "The minimum local share of value, from 0 to 1."),
                        opt("years", "years", "", "all", "When it applies."),
                        source()),
                "  local-content:\n    - {to: EAEU, min-share: {value: 40%, source: assumption}, years: 2024-}\n"));
        add(new Section(
                "commitment",
                "Commitment",
                "A promise kept at a plant: minimum output while it runs, minimum jobs kept.",
                List.of(
                        opt("id", "text", "", "commitment-N", "The rule's name in reports."),
                        req("plant", "plant id", "", "The plant."),
                        opt("min-output", FIGURE, "vehicles a year", "none", "Minimum vehicles a year while running."),
                        opt(
                                "min-jobs",
                                FIGURE,
                                "people",
                                "none",
                                "Minimum jobs kept: its workforce while running, its idle workforce while idle."),
                        opt("years", "years", "", "all", "When it applies."),
                        source()),
                "commitments:\n  - {plant: kaluga, min-jobs: 1800, years: 2022-2023, source: seed 000}\n"));
        add(new Section(
                "decision",
                "Decision",
                "A decision forced or forbidden by policy. Give exactly one of force and forbid.",
                List.of(
                        opt("id", "text", "", "decision-N", "The rule's name in reports."),
                        opt(
                                "force",
                                "run | idle | close | tool",
                                "",
                                "",
                                "The action that must be taken, in each of the years and no other; after a forced"
                                        + " close the plant stays closed or runs again at its reopening cost, never"
                                        + " idle."),
                        opt("forbid", "run | idle | close | tool", "", "", "The action that must not be taken."),
                        req("plant", "plant id", "", "The plant."),
                        opt("platform", "platform id", "", "", "The platform, for tool."),
                        opt("years", "years", "", "all", "When it applies."),
                        source()),
                "decisions:\n  - {force: idle, plant: kaluga, years: 2022-, source: seed 001}\n"
                        + "  - {force: tool, plant: zaragoza, platform: leap-c, years: 2026-, source: seed 003}\n"));
        add(new Section(
                "disruption",
                "Disruption",
                "An event that may put one thing out of use for a whole year: a plant (assembly or component), a"
                        + " lane, or trade from some places to others. Give exactly one of plant, lane and from/to."
                        + " Each year it may strike in, independently, it strikes with the given probability. The"
                        + " optimiser plans as if none strikes; footprint risk draws the strikes for every sample"
                        + " and shows what they cost. A plant struck makes and takes in nothing that year (its costs"
                        + " are still paid); a lane struck is closed (another mode may carry the goods); a trade"
                        + " relation struck stops every vehicle and component from the origins to the destinations."
                        + " A commitment's minimum output is waived in a year at a plant an event touches (struck,"
                        + " or shipping or supplied across the struck border or lane): force majeure.",
                List.of(
                        req("id", "text", "", "The event's name in reports."),
                        opt("plant", "plant or component plant id", "", "", "The plant put out of use."),
                        opt("lane", "lane id (from->to:mode)", "", "", "The lane closed, as kaluga->FR:rail."),
                        opt("from", "place or list of places", "", "", "Origins of the trade stopped."),
                        opt("to", "place or list of places", "", "", "Destinations of the trade stopped."),
                        req(
                                "probability",
                                FIGURE,
                                "fraction a year",
                                "The chance that it strikes in any one year; a range is drawn once per sampled future."),
                        opt("years", "years", "", "all", "The years it may strike in."),
                        source()),
                "disruptions:\n  - {id: border-closure, from: RU, to: [EU, UK], probability: 10%, years: 2026-,"
                        + " source: assumption}\n  - {id: zaragoza-fire, plant: zaragoza, probability: 1%, source:"
                        + " assumption}\n"));
        add(new Section(
                "figure",
                "Figure",
                "A number. Write a plain number (125000, 1.5e6, 12%), or a mapping with one of: value (a point);"
                        + " low and high, optionally mode (a range); dist with its parameters (a distribution)."
                        + " The optimiser uses the mode if one is given, else the midpoint of low and high, else the"
                        + " mean. Unsampled ranges are sampled uniformly, or triangularly when they have a mode.",
                List.of(
                        opt("value", "number", "", "", "A point value."),
                        opt(
                                "low",
                                "number",
                                "",
                                "",
                                "Lowest value of a range or of a triangular or uniform" + " distribution."),
                        opt("high", "number", "", "", "Highest value."),
                        opt("mode", "number", "", "", "Most likely value."),
                        opt(
                                "dist",
                                "triangular | uniform | normal | lognormal",
                                "",
                                "",
                                "A distribution: triangular (low, mode, high), uniform (low, high), normal (mean,"
                                        + " sd), lognormal (mean, sd of the value itself)."),
                        opt("mean", "number", "", "", "Mean of a normal or lognormal distribution."),
                        opt("sd", "number", "", "", "Standard deviation of a normal or lognormal distribution."),
                        opt("source", "text", "", "inherited", "seed 000, a web address, assumption, or any citation."),
                        opt(
                                "unit",
                                "text",
                                "",
                                "the field's unit",
                                "The unit written (informative, except for" + " energy units, which convert).")),
                "capacity: 125000\nfixed-cost: {low: 40e6, high: 70e6, source: assumption}\n"
                        + "price: {dist: triangular, low: 28000, mode: 30000, high: 34000}\n"));
        add(new Section(
                "series",
                "Series",
                "A number that may change over the years: a figure (the same every year), or a mapping of"
                        + " years to figures. Between years given the value holds (step) or is interpolated"
                        + " (linear); before the first year given it is the first; after the last it holds, or grows"
                        + " by growth.rate a year from growth.from on.",
                List.of(
                        opt("<year>", FIGURE, "", "", "The value in that year (2024: 1.3e6)."),
                        opt("interpolate", "step | linear", "", "step", "How years between those given are filled."),
                        opt("growth", "growth", "", "none", "Growth by a rate each year from a year on."),
                        opt("source", "text", "", "inherited", "Source of every figure that names none."),
                        opt("unit", "text", "", "the field's unit", "Unit of every figure that names none.")),
                "demand: {2024: 1.3e6, 2026: 1.65e6, interpolate: linear, growth: {rate: 1%, from: 2027},"
                        + " source: seed 001}\n"));
        add(new Section(
                "location",
                "Location",
                "A place on the map, in degrees. Reports draw plants, component plants and markets there; a"
                        + " market or plant without one is drawn at its country's location.",
                List.of(
                        req("lat", "number", "degrees", "Latitude, -90 (south) to 90 (north)."),
                        req("lon", "number", "degrees", "Longitude, -180 (west) to 180 (east).")),
                "    location: {lat: 54.51, lon: 36.26}\n"));
        add(new Section(
                "growth",
                "Growth",
                "From year `from` on, the value grows by `rate` a year: value(t) = value(from - 1) x (1 + rate)^(t -"
                        + " from + 1). No year given in the series may be at or after `from`.",
                List.of(
                        req("rate", FIGURE, "fraction a year", "The yearly growth (1% or 0.01)."),
                        req("from", "year", "", "The first year that grows.")),
                "growth: {rate: 1%, from: 2027}\n"));
    }

    static {
        add(new Section(
                "scenario",
                "Scenario",
                "A scenario file extends a model (or another scenario) and lists changes, applied in order. It is"
                        + " read wherever a model is: footprint validate SCENARIO, footprint solve SCENARIO. Values it"
                        + " sets keep the scenario's own lines, so problems in them point at the scenario.",
                List.of(
                        req("footprint", "integer", "", "The format version; always 1."),
                        req("extends", "file path", "", "The model or scenario it changes, relative to this file."),
                        opt("name", "text", "", "the base model's name", "The scenario's name, shown in reports."),
                        opt("description", "text", "", "the base model's description", "What the scenario asks."),
                        opt("source", "text", "", "none", "Where the changes come from (an article, assumption)."),
                        opt("changes", "list of change", "", "none", "The changes, applied in order.")),
                "footprint: 1\nextends: base.yaml\nname: Russia pause\nsource: seed 000\nchanges:\n"
                        + "  - add: trade.bans\n    value: {id: russia-pause, from: RU, to: [EU, UK], brands: [Peugeot,"
                        + " Citroen, Opel, Fiat], years: 2022-}\n"
                        + "  - set: plants[kaluga].capacity\n    to: {value: 125000, source: seed 000}\n"
                        + "  - remove: lanes[kaluga->FR:rail]\n"
                        + "  - {force: idle, plant: kaluga, years: 2022-, source: seed 001}\n"));
        add(new Section(
                "change",
                "Change",
                "One change of a scenario: exactly one of set, add, remove, force and forbid. Paths are written as"
                        + " in problem messages: plants[kaluga].capacity, markets[RU].segments.all-cars.volume.2026,"
                        + " trade.bans[russia-pause] (a rule by its id), lanes[kaluga->FR:rail] (a lane by from, to and"
                        + " mode), lanes[3] (an item by its place, from 1).",
                List.of(
                        opt("set", "path", "", "", "Replace the value at the path (or add the field), with to."),
                        opt("to", "any value of the model format", "", "", "The new value, for set."),
                        opt(
                                "add",
                                "path",
                                "",
                                "",
                                "Add value to the list at the path, or, with id, an entry to the"
                                        + " mapping at the path (add: plants, id: trnava, value: {...})."),
                        opt("id", "text", "", "", "The id of the entry added to a mapping."),
                        opt("value", "any value of the model format", "", "", "What add adds."),
                        opt("remove", "path", "", "", "Remove the plant, product, lane, rule or field at the path."),
                        opt("force", "run | idle | close | tool", "", "", "Add a forced decision, as in decisions."),
                        opt("forbid", "run | idle | close | tool", "", "", "Add a forbidden decision."),
                        opt("plant", "plant id", "", "", "The plant of force or forbid."),
                        opt("platform", "platform id", "", "", "The platform of force tool or forbid tool."),
                        opt("years", "years", "", "all", "The years of force or forbid."),
                        opt("source", "text", "", "the scenario's source", "Where the change comes from.")),
                "  - set: markets[RU].segments.all-cars.group-share\n    to: {low: 0.2%, high: 0.6%, source: assumption}\n"
                        + "  - add: plants\n    id: trnava\n    value: {country: SK, capacity: 350000, platforms: [k9-van]}\n"
                        + "  - {forbid: close, plant: kaluga, source: seed 001}\n"));
    }

    /** Every section, in the order the documentation lists them. */
    public static List<Section> sections() {
        return List.copyOf(SECTIONS.values());
    }

    /** A section by name. */
    public static Section section(String name) {
        Section s = SECTIONS.get(name);
        if (s == null) {
            throw new NoSuchElementException("no section " + name + " in the field catalogue");
        }
        return s;
    }
}
