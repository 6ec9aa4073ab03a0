package footprint.io.excel;

import footprint.model.FieldCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sheets of a model workbook and their columns: what the writer writes and the reader expects.
 *
 * <p>Two kinds of sheet. <b>Item sheets</b> hold one thing per row (a plant, a lane, a ban); their
 * columns are the thing's fields as named in the model format, a figure spread over the columns
 * {@code F}, {@code F.low}, {@code F.high}, ... {@code F.unit}. <b>Figure sheets</b> hold one figure
 * per row (a plant's capacity, a demand, a price), placed by their first columns, with the columns
 * {@code year | value | low | high | mode | dist | mean | sd | source | unit | interpolate |
 * growth-from}: a series by year takes one row per year.
 */
final class Layout {
    private Layout() {}

    /** What a column holds, which sets its number format, width and drop-down list. */
    enum Kind {
        /** An id naming the row's thing or what it belongs to. */
        KEY(14),
        /** Free text. */
        TEXT(24),
        /** A list of ids or names, comma-separated. */
        LIST(24),
        /** A year (or the word growth in a series' year column). */
        YEAR(8),
        /** A span of years: 2022, 2021-2025, 2022-, -2025. */
        YEARS(10),
        /** A number. */
        NUMBER(12),
        /** One of a few words. */
        CHOICE(11),
        /** Where a figure comes from. */
        SOURCE(40),
        /** A unit. */
        UNIT(10);

        final int width;

        Kind(int width) {
            this.width = width;
        }
    }

    /** A column: its header, what it holds, the words it takes (for a drop-down) and a note. */
    record Column(String header, Kind kind, List<String> choices, String note) {
        Column {
            choices = List.copyOf(choices);
        }
    }

    /**
     * A sheet. {@code section} is the field catalogue's section of the things of an item sheet (its
     * columns may be any of that section's fields), empty for a figure sheet. {@code keys} is the
     * number of first columns that place a row (frozen on screen).
     */
    record Sheet(String name, String about, Optional<String> section, int keys, List<Column> columns) {
        Sheet {
            columns = List.copyOf(columns);
        }

        boolean isFigureSheet() {
            return section.isEmpty();
        }

        List<String> headers() {
            return columns.stream().map(Column::header).toList();
        }
    }

    /** The parts of a figure after its value, in column order. */
    static final List<String> FIGURE_PARTS = List.of("low", "high", "mode", "dist", "mean", "sd", "source", "unit");

    /** The parts of a series besides its figures. */
    static final List<String> SERIES_PARTS = List.of("year", "interpolate", "growth-from");

    static final List<String> DISTRIBUTIONS = List.of("triangular", "uniform", "normal", "lognormal");
    static final List<String> INTERPOLATIONS = List.of("step", "linear");
    static final List<String> ACTIONS = List.of("run", "idle", "close", "tool");

    /** The word in a series' year column that marks the row of its growth rate. */
    static final String GROWTH = "growth";

    static final String README = "README";

    // ---- the sheets -------------------------------------------------------------------------------

    static final Sheet MODEL = new Sheet(
            "model",
            "The model's settings, one per row: footprint (the format version, 1), name, description,"
                    + " horizon.from and horizon.to (the first and last year planned), currency (the base"
                    + " currency), discount-rate (a figure) and objective (npv or cost).",
            Optional.empty(),
            1,
            concat(List.of(key("field", "A setting of the model (see this sheet's rows).")), figureColumns("")));

    static final Sheet FX = new Sheet(
            "fx",
            "Exchange rates: the value of one unit of each other currency in the base currency, by year.",
            Optional.empty(),
            1,
            concat(
                    List.of(key("currency", "The currency code, as RUB.")),
                    seriesColumns("", "base currency per unit")));

    static final Sheet COUNTRIES = item(
            "countries",
            "Every country the model uses, with its trade bloc and where the report's map draws it.",
            "country",
            1,
            concat(
                    List.of(
                            key("code", "The country's code (ISO 3166 alpha-2 is a good choice)."),
                            text("name", "country"),
                            text("bloc", "country"),
                            text("currency", "country")),
                    location("country")));

    static final Sheet PLATFORMS = item(
            "platforms",
            "Vehicle platforms. A plant builds a product only where the product's platform is tooled.",
            "platform",
            key("id", "The platform's id."),
            text("name", "platform"));

    static final Sheet COMPONENTS = item(
            "components",
            "Kinds of component vehicles consume, each counted in its unit.",
            "component",
            key("id", "The component's id."),
            text("name", "component"),
            text("unit", "component"));

    static final Sheet PLANTS = item(
            "plants",
            "Assembly plants. Their figures are on plant-figures, the platforms they could take on on"
                    + " tooling, the statuses a planner fixes on plant-status. Amounts of money are in the"
                    + " plant's currency.",
            "plant",
            1,
            concat(
                    List.of(
                            key("id", "The plant's id."),
                            text("name", "plant"),
                            text("country", "plant"),
                            text("currency", "plant")),
                    location("plant"),
                    List.of(list("platforms", "plant"))));

    static final Sheet PLANT_FIGURES = new Sheet(
            "plant-figures",
            "The figures of each assembly plant, one per row (one per year for a series by year): ownership,"
                    + " capacity, line-capacity (key: the platform), workforce, idle-workforce, fixed-cost,"
                    + " idle-cost, closure-cost, reopening-cost and variable-cost (key: a product, a platform,"
                    + " default, or empty for every vehicle).",
            Optional.empty(),
            3,
            concat(
                    List.of(
                            key("plant", "The plant's id, from the plants sheet."),
                            choice(
                                    "field",
                                    Kind.KEY,
                                    List.of(
                                            "ownership",
                                            "capacity",
                                            "line-capacity",
                                            "workforce",
                                            "idle-workforce",
                                            "fixed-cost",
                                            "idle-cost",
                                            "closure-cost",
                                            "reopening-cost",
                                            "variable-cost"),
                                    "Which figure of the plant this row gives."),
                            key(
                                    "key",
                                    "For line-capacity, the platform; for variable-cost, the product or platform it"
                                            + " applies to, or default; else empty.")),
                    seriesColumns("", "")));

    static final Sheet TOOLING = item(
            "tooling",
            "Platforms a plant could take on, at a one-time investment, after a lead time in whole years.",
            "tooling",
            2,
            concat(
                    List.of(
                            key("plant", "The plant's id, from the plants sheet."),
                            key("platform", "The platform it could take on.")),
                    figureColumns("investment"),
                    figureColumns("lead-time")));

    static final Sheet PLANT_STATUS = new Sheet(
            "plant-status",
            "Statuses a planner fixes (running, idle or closed) for spans of years; other years are left to the"
                    + " optimiser.",
            Optional.empty(),
            1,
            List.of(
                    key("plant", "The plant's id, from the plants sheet."),
                    new Column("years", Kind.YEARS, List.of(), "The years: 2021, 2021-2025, 2022- or -2025."),
                    choice("status", Kind.CHOICE, List.of("running", "idle", "closed"), "The plant's status.")));

    static final Sheet PRODUCTS = item(
            "products",
            "Vehicles. Their bills of materials are on bom, their prices on prices.",
            "product",
            key("id", "The product's id."),
            text("name", "product"),
            text("brand", "product"),
            text("segment", "product"),
            text("platform", "product"));

    static final Sheet BOM = new Sheet(
            "bom",
            "Bills of materials: components per vehicle.",
            Optional.empty(),
            2,
            concat(
                    List.of(
                            key("product", "The product's id, from the products sheet."),
                            key("component", "The component's id, from the components sheet.")),
                    figureColumns("")));

    static final Sheet PRICES = new Sheet(
            "prices",
            "Prices per vehicle, in the market's currency: for one market, for default (every market not"
                    + " listed), or with the market empty for every market.",
            Optional.empty(),
            2,
            concat(
                    List.of(
                            key("product", "The product's id, from the products sheet."),
                            key("market", "The market's id, default, or empty for every market.")),
                    seriesColumns("", "")));

    static final Sheet COMPONENT_PLANTS = item(
            "component-plants",
            "Plants making one kind of component; their figures are on component-plant-figures.",
            "component-plant",
            1,
            concat(
                    List.of(
                            key("id", "The component plant's id."),
                            text("name", "component-plant"),
                            text("country", "component-plant"),
                            text("currency", "component-plant")),
                    location("component-plant"),
                    List.of(text("component", "component-plant"))));

    static final Sheet COMPONENT_PLANT_FIGURES = new Sheet(
            "component-plant-figures",
            "The figures of each component plant, one per row (one per year for a series by year): ownership,"
                    + " capacity, unit-cost and fixed-cost.",
            Optional.empty(),
            2,
            concat(
                    List.of(
                            key("component-plant", "The component plant's id, from the component-plants sheet."),
                            choice(
                                    "field",
                                    Kind.KEY,
                                    List.of("ownership", "capacity", "unit-cost", "fixed-cost"),
                                    "Which figure of the component plant this row gives.")),
                    seriesColumns("", "")));

    static final Sheet MARKETS = item(
            "markets",
            "Markets. Their demand is on demand (per product, or per segment with segments and shares)."
                    + " Amounts of money are in the market's currency.",
            "market",
            1,
            concat(
                    List.of(
                            key("id", "The market's id."),
                            text("name", "market"),
                            text("country", "market"),
                            text("currency", "market")),
                    location("market"),
                    figureColumns("lost-sale-penalty")));

    static final Sheet SEGMENTS = item(
            "segments",
            "Demand given for a whole segment: its volume is on demand (in the segment column), its split"
                    + " between products on shares. Demand for a product is volume x group-share x share.",
            "segment-demand",
            2,
            concat(
                    List.of(
                            key("market", "The market's id, from the markets sheet."),
                            key("segment", "The segment's name.")),
                    figureColumns("group-share")));

    static final Sheet DEMAND = new Sheet(
            "demand",
            "Vehicles a year the group could sell: per product, or the whole volume of a segment (give one of"
                    + " product and segment).",
            Optional.empty(),
            3,
            concat(
                    List.of(
                            key("market", "The market's id, from the markets sheet."),
                            key("product", "The product's id, for demand per product."),
                            key("segment", "The segment's name, for a segment's volume (see segments).")),
                    seriesColumns("", "vehicles a year")));

    static final Sheet SHARES = new Sheet(
            "shares",
            "How the group's sales in a segment split between its products; at most 1 in all.",
            Optional.empty(),
            3,
            concat(
                    List.of(
                            key("market", "The market's id, from the markets sheet."),
                            key("segment", "The segment's name, from the segments sheet."),
                            key("product", "The product's id.")),
                    figureColumns("")));

    static final Sheet LANES = item(
            "lanes",
            "Freight lanes, from an assembly plant to a market or from a component plant to an assembly plant;"
                    + " cost in the base currency per vehicle or component unit. For a cost by year, give the lane"
                    + " one row per year (cost.year).",
            "lane",
            3,
            concat(
                    List.of(
                            key("from", "lane"),
                            key("to", "lane"),
                            choice("mode", Kind.CHOICE, List.of("road", "rail", "sea", "air"), "How goods travel."),
                            new Column("years", Kind.YEARS, List.of(), "The years it is open: 2022-, 2021-2025.")),
                    seriesColumns("cost", ""),
                    figureColumns("lead-time")));

    static final Sheet DUTIES = item(
            "duties",
            "Import duties, as a fraction of the vehicle's price. Origins and destinations are country codes or"
                    + " trade blocs. For a rate by year, give the duty one row per year (rate.year).",
            "duty",
            1,
            concat(
                    List.of(
                            key("id", "duty"),
                            list("from", "duty"),
                            list("to", "duty"),
                            list("brands", "duty"),
                            list("products", "duty"),
                            new Column("years", Kind.YEARS, List.of(), "When it applies."),
                            new Column("source", Kind.SOURCE, List.of(), "Where the rule comes from.")),
                    seriesColumns("rate", "")));

    static final Sheet BANS = item(
            "bans",
            "Bans and sanctions on goods from an origin to a destination: the brands, products and components"
                    + " listed, or everything when none is.",
            "ban",
            1,
            List.of(
                    key("id", "ban"),
                    list("from", "ban"),
                    list("to", "ban"),
                    list("brands", "ban"),
                    list("products", "ban"),
                    list("components", "ban"),
                    new Column("years", Kind.YEARS, List.of(), "When it applies."),
                    new Column("source", Kind.SOURCE, List.of(), "Where the rule comes from.")));

    static final Sheet LOCAL_CONTENT = item(
            "local-content",
            "Local-content minimums: of the value of vehicles sold in the destinations, at least min-share must"
                    + " come from the destination's bloc.",
            "local-content",
            1,
            concat(
                    List.of(key("id", "local-content"), list("to", "local-content")),
                    figureColumns("min-share"),
                    List.of(
                            new Column("years", Kind.YEARS, List.of(), "When it applies."),
                            new Column("source", Kind.SOURCE, List.of(), "Where the rule comes from."))));

    static final Sheet COMMITMENTS = item(
            "commitments",
            "Promises kept at a plant: minimum output while it runs, minimum jobs kept.",
            "commitment",
            1,
            concat(
                    List.of(key("id", "commitment"), key("plant", "commitment")),
                    figureColumns("min-output"),
                    figureColumns("min-jobs"),
                    List.of(
                            new Column("years", Kind.YEARS, List.of(), "When it applies."),
                            new Column("source", Kind.SOURCE, List.of(), "Where the rule comes from."))));

    static final Sheet DECISIONS = item(
            "decisions",
            "Decisions forced or forbidden by policy: give one of force and forbid (run, idle, close or tool).",
            "decision",
            1,
            List.of(
                    key("id", "decision"),
                    choice("force", Kind.CHOICE, ACTIONS, "The action that must be taken."),
                    choice("forbid", Kind.CHOICE, ACTIONS, "The action that must not be taken."),
                    key("plant", "decision"),
                    key("platform", "decision"),
                    new Column("years", Kind.YEARS, List.of(), "When it applies."),
                    new Column("source", Kind.SOURCE, List.of(), "Where the rule comes from.")));

    static final Sheet DISRUPTIONS = item(
            "disruptions",
            "Events that may put one thing out of use for a whole year: give one of plant (an assembly or"
                    + " component plant), lane (from->to:mode) or from and to (trade between places). Each year it"
                    + " may strike in, it strikes with the probability given; footprint risk draws the strikes.",
            "disruption",
            1,
            concat(
                    List.of(
                            key("id", "disruption"),
                            key("plant", "disruption"),
                            key("lane", "disruption"),
                            list("from", "disruption"),
                            list("to", "disruption")),
                    figureColumns("probability"),
                    List.of(
                            new Column("years", Kind.YEARS, List.of(), "The years it may strike in."),
                            new Column("source", Kind.SOURCE, List.of(), "Where the figure comes from."))));

    /** Every sheet after the README, in workbook order. */
    static final List<Sheet> SHEETS = List.of(
            MODEL,
            FX,
            COUNTRIES,
            PLATFORMS,
            COMPONENTS,
            PLANTS,
            PLANT_FIGURES,
            TOOLING,
            PLANT_STATUS,
            PRODUCTS,
            BOM,
            PRICES,
            COMPONENT_PLANTS,
            COMPONENT_PLANT_FIGURES,
            MARKETS,
            SEGMENTS,
            DEMAND,
            SHARES,
            LANES,
            DUTIES,
            BANS,
            LOCAL_CONTENT,
            COMMITMENTS,
            DECISIONS,
            DISRUPTIONS);

    static Optional<Sheet> sheet(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return SHEETS.stream().filter(s -> s.name().equals(n)).findFirst();
    }

    // ---- columns ----------------------------------------------------------------------------------

    /** A header as the reader compares it: trimmed, lower case, inner spaces as hyphens. */
    static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    /** The header of a part of a figure: {@code low} on a figure sheet, {@code cost.low} on an item sheet. */
    static String part(String prefix, String part) {
        if (part.equals("value")) {
            return prefix.isEmpty() ? "value" : prefix;
        }
        return prefix.isEmpty() ? part : prefix + "." + part;
    }

    static List<Column> figureColumns(String prefix) {
        String what = prefix.isEmpty() ? "the figure" : prefix;
        List<Column> out = new ArrayList<>();
        out.add(new Column(
                part(prefix, "value"),
                Kind.NUMBER,
                List.of(),
                "The value of " + what + ", when it is known exactly. Otherwise give low and high (a range)."));
        out.add(new Column(part(prefix, "low"), Kind.NUMBER, List.of(), "The lowest value of a range."));
        out.add(new Column(part(prefix, "high"), Kind.NUMBER, List.of(), "The highest value of a range."));
        out.add(new Column(part(prefix, "mode"), Kind.NUMBER, List.of(), "The most likely value (optional)."));
        out.add(new Column(
                part(prefix, "dist"),
                Kind.CHOICE,
                DISTRIBUTIONS,
                "A distribution: triangular (low, mode, high), uniform (low, high), normal or lognormal (mean, sd)."));
        out.add(new Column(part(prefix, "mean"), Kind.NUMBER, List.of(), "The mean of a normal or lognormal."));
        out.add(new Column(part(prefix, "sd"), Kind.NUMBER, List.of(), "The standard deviation."));
        out.add(new Column(
                part(prefix, "source"),
                Kind.SOURCE,
                List.of(),
                "Where the figure comes from: seed 000, a web address, or assumption: why."));
        out.add(new Column(
                part(prefix, "unit"),
                Kind.UNIT,
                List.of(),
                "The unit written (informative, except energy units, which convert: kWh, MWh, GWh)."));
        return out;
    }

    static List<Column> seriesColumns(String prefix, String unit) {
        List<Column> out = new ArrayList<>();
        out.add(new Column(
                part(prefix, "year"),
                Kind.YEAR,
                List.of(),
                "The year of this value for a series by year (one row per year); empty for the same value every"
                        + " year; growth for the growth rate a year."));
        List<Column> figure = figureColumns(prefix);
        if (!unit.isEmpty()) {
            Column v = figure.get(0);
            figure.set(0, new Column(v.header(), v.kind(), v.choices(), v.note() + " In " + unit + "."));
        }
        out.addAll(figure);
        out.add(new Column(
                part(prefix, "interpolate"),
                Kind.CHOICE,
                INTERPOLATIONS,
                "How years between those given are filled: step (the default) or linear."));
        out.add(new Column(
                part(prefix, "growth-from"),
                Kind.YEAR,
                List.of(),
                "On the growth row: the first year that grows by the rate."));
        return out;
    }

    /** The type of a field given as a small mapping of numbers, one column each: a location. */
    static final String LOCATION = "location";

    /**
     * The catalogue section of the parts of a field that is a small mapping spread over the columns
     * {@code F.part} ({@code location.lat}, {@code location.lon}), if the field is one.
     */
    static Optional<FieldCatalogue.Section> mappingOf(String section, String field) {
        return FieldCatalogue.section(section)
                .field(field)
                .filter(f -> f.type().equals(LOCATION))
                .map(f -> FieldCatalogue.section(f.type()));
    }

    /**
     * The columns {@code location.lat} and {@code location.lon} of a thing the report's map draws,
     * each noted with the catalogue's meaning of the thing's location and of the part.
     */
    static List<Column> location(String section) {
        String meaning = meaning(section, LOCATION);
        List<Column> out = new ArrayList<>();
        for (FieldCatalogue.Field part : FieldCatalogue.section(LOCATION).fields()) {
            out.add(new Column(
                    LOCATION + "." + part.name(),
                    Kind.NUMBER,
                    List.of(),
                    meaning + " " + part.meaning() + " In " + part.unit() + " (54.51, -0.42). Give both"
                            + " location columns, or leave both empty."));
        }
        return out;
    }

    private static Column key(String header, String noteOrSection) {
        return new Column(header, Kind.KEY, List.of(), meaning(noteOrSection, header));
    }

    private static Column text(String header, String section) {
        return new Column(header, Kind.TEXT, List.of(), meaning(section, header));
    }

    private static Column list(String header, String section) {
        return new Column(header, Kind.LIST, List.of(), meaning(section, header) + " Separate several with commas.");
    }

    private static Column choice(String header, Kind kind, List<String> choices, String note) {
        return new Column(header, kind, choices, note);
    }

    /** The catalogue's meaning of a field when {@code noteOrSection} names a section, else the note. */
    private static String meaning(String noteOrSection, String field) {
        if (noteOrSection.contains(" ")) {
            return noteOrSection;
        }
        return FieldCatalogue.section(noteOrSection)
                .field(field)
                .map(FieldCatalogue.Field::meaning)
                .orElse(noteOrSection);
    }

    private static Sheet item(String name, String about, String section, Column... columns) {
        return new Sheet(name, about, Optional.of(section), 1, List.of(columns));
    }

    private static Sheet item(String name, String about, String section, int keys, List<Column> columns) {
        return new Sheet(name, about, Optional.of(section), keys, columns);
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        List<T> out = new ArrayList<>();
        for (List<T> l : lists) {
            out.addAll(l);
        }
        return out;
    }
}
