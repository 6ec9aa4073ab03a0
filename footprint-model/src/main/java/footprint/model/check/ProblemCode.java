package footprint.model.check;

/**
 * Every problem Footprint reports in a model, with a stable code. {@code docs/errors.md} is
 * generated from this list (and a test keeps it so): never renumber, only add.
 */
public enum ProblemCode {
    SYNTAX(
            "FP-E001",
            Severity.ERROR,
            "The file is not valid YAML or JSON",
            "The parser could not read the file at the place given. Check indentation, quotes and brackets."),
    REFUSED(
            "FP-E002",
            Severity.ERROR,
            "The file is refused before reading",
            "The file is too large, too deeply nested, uses too many aliases, is not text, is not a regular file"
                    + " (a named pipe, socket or device is refused before it is opened), or cannot be read."
                    + " Limits protect against malformed and malicious input; split a huge model or remove aliases."),
    UNKNOWN_FIELD(
            "FP-E003",
            Severity.ERROR,
            "Unknown field",
            "The field is not part of the model format. The message suggests the closest known field;"
                    + " docs/model-format.md lists them all."),
    MISSING_FIELD(
            "FP-E004", Severity.ERROR, "A required field is missing", "Add the field; the message says what it holds."),
    WRONG_TYPE(
            "FP-E005",
            Severity.ERROR,
            "Wrong kind of value",
            "A mapping, list, number or text was expected and something else was found."),
    NOT_A_NUMBER(
            "FP-E006",
            Severity.ERROR,
            "Not a finite number",
            "A number was expected; text, NaN and infinities are refused. Write plain numbers such as 125000,"
                    + " 1.5e6 or 12%."),
    OUT_OF_RANGE(
            "FP-E007",
            Severity.ERROR,
            "Value out of its allowed range",
            "A negative amount, a share above 1, a lead time that is not a whole number of years, and the like."),
    BAD_UNCERTAINTY(
            "FP-E008",
            Severity.ERROR,
            "Invalid range or distribution",
            "A range whose low is above its high, a mode outside the range, a negative standard deviation,"
                    + " or a distribution with missing parameters."),
    BAD_YEARS(
            "FP-E009",
            Severity.ERROR,
            "Invalid year or span of years",
            "Years are four digits; spans are written 2022, 2021-2025, 2022- or -2025."),
    UNKNOWN_REFERENCE(
            "FP-E010",
            Severity.ERROR,
            "Reference to something not in the model",
            "An id names a plant, product, market, platform, component, country, bloc or currency that the model"
                    + " does not define. The message suggests the closest id."),
    DUPLICATE_ID(
            "FP-E011",
            Severity.ERROR,
            "The same id twice",
            "Ids must be unique within their kind (and lanes unique by origin, destination and mode)."),
    YEAR_OUTSIDE_HORIZON(
            "FP-E012",
            Severity.ERROR,
            "Year outside the horizon",
            "A year given for a figure, status or rule falls outside horizon.from..horizon.to."),
    LANE_TO_NOWHERE(
            "FP-E013",
            Severity.ERROR,
            "Lane between the wrong kinds of places",
            "A lane runs from an assembly plant to a market, or from a component plant to an assembly plant."),
    MISSING_PRICE(
            "FP-E014",
            Severity.ERROR,
            "Price missing in NPV mode",
            "To maximise net present value every product sold in a market needs a price there (or a default price)."),
    FORMAT_VERSION(
            "FP-E015",
            Severity.ERROR,
            "Unsupported format version",
            "The file must start with footprint: 1 (the only version so far)."),
    BAD_CHOICE(
            "FP-E016",
            Severity.ERROR,
            "Not one of the allowed words",
            "Fields such as mode, status and objective take one of a fixed set of words, listed in the message."),
    SHARES_ABOVE_ONE(
            "FP-E017",
            Severity.ERROR,
            "Shares add up to more than 1",
            "The product shares of a segment's demand add up to more than the whole segment."),
    UNIT_MISMATCH(
            "FP-E018",
            Severity.ERROR,
            "Unit does not match",
            "A figure's unit cannot be converted to the unit its field expects (e.g. GWh for a component counted in"
                    + " engines)."),
    DUPLICATE_KEY(
            "FP-E019",
            Severity.ERROR,
            "The same key twice in one mapping",
            "YAML would silently keep the last one; Footprint refuses the file instead."),
    CONTRADICTION(
            "FP-E020",
            Severity.ERROR,
            "Contradicting statements",
            "Two statements about the same thing cannot both hold (a plant both forced to run and given as idle in"
                    + " one year, a growth rate starting before the last year given)."),
    BAD_CHANGE(
            "FP-E021",
            Severity.ERROR,
            "A scenario change cannot be applied",
            "The path of a set, add or remove names nothing in the model it extends (or adds an id that is already"
                    + " there). Paths are written as in problem messages: plants[kaluga].capacity, trade.bans[russia],"
                    + " lanes[kaluga->FR:rail], markets[RU].segments.all-cars.volume.2026."),
    BAD_BASE(
            "FP-E022",
            Severity.ERROR,
            "A scenario's base model cannot be used",
            "The file named by extends is missing, has errors of its own, or extends the scenario back (a cycle)."),
    PLAN_OF_ANOTHER_MODEL(
            "FP-E023",
            Severity.ERROR,
            "A plan that does not belong to the model",
            "A plan file names the model it was solved from by the SHA-256 of the model file and of every file its"
                    + " scenario chain extends. The model given now hashes differently (it, or a file it extends, has"
                    + " changed, or it is another model), or the plan's plants, products, markets, years or volumes do"
                    + " not fit it. Solve the model again (footprint solve MODEL --json PLAN.json), or give the model"
                    + " the plan was solved from. A plan written before plans named their model is read with this"
                    + " code as a warning: its contents are still checked against the model."),
    UNBUILDABLE_PRODUCT(
            "FP-W101",
            Severity.WARNING,
            "No plant can ever build a product",
            "No plant has the product's platform or could take it on, so its demand can only be lost."),
    UNREACHED_MARKET(
            "FP-W102",
            Severity.WARNING,
            "No lane reaches a market",
            "A market has demand but no lane from any plant, so all its demand is lost."),
    DEMAND_ABOVE_CAPACITY(
            "FP-W103",
            Severity.WARNING,
            "Demand above all capacity",
            "In some year the total demand exceeds the capacity of every plant together."),
    NO_SOURCE(
            "FP-W104",
            Severity.WARNING,
            "Figure without a source",
            "Every figure should say where it comes from (an article, a web address, or assumption)."),
    SHARES_BELOW_ONE(
            "FP-W105",
            Severity.WARNING,
            "Shares add up to less than 1",
            "Part of a segment's demand goes to no product."),
    NO_DEMAND("FP-W106", Severity.WARNING, "A product no market buys", "The product has no demand in any market."),
    IDLE_LINKS(
            "FP-W107",
            Severity.WARNING,
            "A plant with no lane",
            "An assembly plant with no lane to a market, or a component plant with no lane to an assembly plant,"
                    + " can never deliver."),
    UNSUPPLIED_COMPONENT(
            "FP-W108",
            Severity.WARNING,
            "A component no plant supplies",
            "A product's bill of materials names a component that no component plant makes, so the component is"
                    + " not limited."),
    POINT_ASSUMPTION(
            "FP-W109",
            Severity.WARNING,
            "An assumption given as a single number",
            "An assumed figure is better given as a range, so that risk analysis shows how much the answer depends"
                    + " on it.");

    private final String id;
    private final Severity severity;
    private final String title;
    private final String explanation;

    ProblemCode(String id, Severity severity, String title, String explanation) {
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.explanation = explanation;
    }

    /** The stable code, as {@code FP-E010}. */
    public String id() {
        return id;
    }

    /** The default severity. */
    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }
}
