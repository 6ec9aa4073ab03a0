package footprint.io;

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
import footprint.model.check.Location;
import footprint.model.check.Problem;
import footprint.model.check.ProblemCode;
import footprint.model.check.Spelling;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a {@link Tree} (from YAML, JSON or a workbook) into a {@link Network}, checking the shape
 * of every field against the {@link FieldCatalogue}: unknown fields, missing ones, wrong types,
 * numbers, ranges, years. It never stops at the first problem: where a field is broken it uses a
 * placeholder, so that every problem of the file is found in one pass, and the caller must not use
 * the network when any problem is an error. It records where every field path sits in the file, so
 * problems found later by the validator can be placed too.
 */
final class NetworkBinder {
    static final Set<String> FIGURE_KEYS = Set.of("value", "low", "high", "mode", "dist", "mean", "sd");
    private static final Set<String> SERIES_KEYS = Set.of("interpolate", "growth");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d[\\d_]*(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Location> places = new HashMap<>();
    private final Map<String, GeoPoint> locations = new LinkedHashMap<>();
    private boolean horizonKnown = true;

    /** The result: a network (only usable when no problem is an error), problems, and field places. */
    record Bound(
            Optional<Network> network, List<Problem> problems, Map<String, Location> places, boolean horizonKnown) {}

    private NetworkBinder(String file) {
        this.file = file;
    }

    static Bound bind(Tree root, String file) {
        var b = new NetworkBinder(file);
        Optional<Network> network = b.network(root);
        return new Bound(network, List.copyOf(b.problems), Map.copyOf(b.places), b.horizonKnown);
    }

    // ---- problems and places ----------------------------------------------------------------------

    private void report(ProblemCode code, Location at, String path, String message) {
        problems.add(Problem.at(code, at, path, message));
    }

    private void duplicateKey(Tree.Scalar key, String path) {
        report(ProblemCode.DUPLICATE_KEY, key.location(), path, "'" + key.text() + "' is given twice here; keep one.");
    }

    private void place(String path, Location at) {
        places.putIfAbsent(path, at);
    }

    // ---- mappings and sections --------------------------------------------------------------------

    /** A mapping checked against a section of the catalogue. */
    private final class Fields {
        final Tree.Mapping map;
        final String path;
        final Optional<Source> source;

        Fields(Tree.Mapping map, String path, Optional<Source> source) {
            this.map = map;
            this.path = path;
            this.source = source;
        }

        Optional<Tree> get(String name) {
            return map.get(name).filter(t -> !(t instanceof Tree.Scalar s && s.isNull()));
        }

        String at(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        Location location() {
            return map.location();
        }
    }

    private Optional<Tree.Mapping> mapping(Tree node, String path, String what) {
        if (node instanceof Tree.Mapping m) {
            return Optional.of(m);
        }
        report(
                ProblemCode.WRONG_TYPE,
                node.location(),
                path,
                "expected " + what + " (a mapping of field: value)," + " found " + node.kind() + ".");
        return Optional.empty();
    }

    /** Checks keys: duplicates, unknown (with a hint), required; records places; reads source. */
    private Optional<Fields> fields(Tree node, String path, String sectionName, Optional<Source> inherited) {
        FieldCatalogue.Section section = FieldCatalogue.section(sectionName);
        Optional<Tree.Mapping> maybe = mapping(node, path, section.title().toLowerCase(Locale.ROOT));
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        Tree.Mapping map = maybe.get();
        Set<String> seen = new HashSet<>();
        for (Tree.Entry e : map.entries()) {
            String key = e.key().text();
            String at = path.isEmpty() ? key : path + "." + key;
            place(at, e.key().location());
            if (!seen.add(key)) {
                report(
                        ProblemCode.DUPLICATE_KEY,
                        e.key().location(),
                        at,
                        "'" + key + "' is given twice here; keep" + " one.");
            } else if (section.field(key).isEmpty()) {
                report(
                        ProblemCode.UNKNOWN_FIELD,
                        e.key().location(),
                        at,
                        "'" + key + "' is not a field of " + withArticle(section.title()) + "."
                                + Spelling.hint(key, section.names()) + " Known fields: "
                                + String.join(", ", section.names()) + ".");
            }
        }
        for (FieldCatalogue.Field f : section.required()) {
            if (map.get(f.name())
                    .filter(t -> !(t instanceof Tree.Scalar s && s.isNull()))
                    .isEmpty()) {
                report(
                        ProblemCode.MISSING_FIELD,
                        map.location(),
                        path.isEmpty() ? f.name() : path + "." + f.name(),
                        withArticle(section.title()) + " needs '" + f.name() + "': " + f.meaning());
            }
        }
        Optional<Source> source = inherited;
        Optional<Tree> own = map.get("source");
        if (own.isPresent()) {
            source = source(own.get(), (path.isEmpty() ? "" : path + ".") + "source");
            if (source.isEmpty()) {
                source = inherited;
            }
        }
        return Optional.of(new Fields(map, path, source));
    }

    /** "an assembly plant", "a market", "the model file", "the trade rules". */
    static String withArticle(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        if (t.startsWith("the ")) {
            return t;
        }
        if (t.endsWith(" rules")) {
            return "the " + t;
        }
        return ("aeiou".indexOf(t.charAt(0)) >= 0 ? "an " : "a ") + t;
    }

    /**
     * Entries of a mapping of id to something, each id checked and placed. An entry that is defined
     * but broken (an unusable id, or not a mapping) is reported once and stands in as {@code
     * placeholder}: references to it then resolve, rather than each reporting it missing.
     */
    private <T> List<T> entities(
            Fields parent, String name, Function<Entity, Optional<T>> read, Function<String, T> placeholder) {
        List<T> out = new ArrayList<>();
        Optional<Tree> node = parent.get(name);
        if (node.isEmpty()) {
            return out;
        }
        Optional<Tree.Mapping> map = mapping(node.get(), parent.at(name), "a mapping of id to " + name);
        if (map.isEmpty()) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (Tree.Entry e : map.get().entries()) {
            String id = e.key().text();
            String path = name + "[" + id + "]";
            place(path, e.key().location());
            if (!seen.add(id)) {
                report(
                        ProblemCode.DUPLICATE_ID,
                        e.key().location(),
                        path,
                        "'" + id + "' is defined twice in " + name + "; give each a different id.");
                continue;
            }
            if (!ID.matcher(id).matches()) {
                report(
                        ProblemCode.WRONG_TYPE,
                        e.key().location(),
                        path,
                        "'" + id + "' is not a usable id: start with a"
                                + " letter or digit, then letters, digits, '-', '_' or '.'.");
                out.add(placeholder.apply(id));
                continue;
            }
            out.add(read.apply(new Entity(id, path, e.value(), parent.source)).orElseGet(() -> placeholder.apply(id)));
        }
        return out;
    }

    /** One entry of a mapping of id to something. */
    private record Entity(String id, String path, Tree node, Optional<Source> source) {}

    /** Items of a list of mappings, each placed as {@code name[i]} (from 1). */
    private <T> List<T> items(Fields parent, String name, String path, IndexedReader<T> read) {
        List<T> out = new ArrayList<>();
        Optional<Tree> node = parent.get(name);
        if (node.isEmpty()) {
            return out;
        }
        if (!(node.get() instanceof Tree.Sequence seq)) {
            report(
                    ProblemCode.WRONG_TYPE,
                    node.get().location(),
                    path,
                    "expected a list (lines starting with '- ')," + " found "
                            + node.get().kind() + ".");
            return out;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            Tree item = seq.items().get(i);
            String at = path + "[" + (i + 1) + "]";
            place(at, item.location());
            read.read(item, at, i + 1, parent.source).ifPresent(out::add);
        }
        return out;
    }

    @FunctionalInterface
    private interface IndexedReader<T> {
        Optional<T> read(Tree node, String path, int index, Optional<Source> inherited);
    }

    // ---- scalars ----------------------------------------------------------------------------------

    private Optional<String> text(Tree node, String path) {
        if (node instanceof Tree.Scalar s && !s.isNull()) {
            return Optional.of(s.text());
        }
        report(ProblemCode.WRONG_TYPE, node.location(), path, "expected text, found " + node.kind() + ".");
        return Optional.empty();
    }

    /** A source's text; a blank one is reported (a source says where figures come from). */
    private Optional<Source> source(Tree node, String path) {
        Optional<String> t = text(node, path);
        if (t.isPresent() && t.get().isBlank()) {
            report(
                    ProblemCode.MISSING_FIELD,
                    node.location(),
                    path,
                    "a source needs some text: \"seed NNN\", a web address, or assumption.");
            return Optional.empty();
        }
        return t.map(Source::new);
    }

    private Optional<String> text(Fields f, String name) {
        return f.get(name).flatMap(t -> text(t, f.at(name)));
    }

    private String textOr(Fields f, String name, String fallback) {
        return text(f, name).orElse(fallback);
    }

    /** A number: 125000, 1.5e6, 125_000, 12% (= 0.12). NaN and infinities are refused. */
    private OptionalDouble number(Tree node, String path) {
        if (!(node instanceof Tree.Scalar s) || s.isNull()) {
            report(ProblemCode.WRONG_TYPE, node.location(), path, "expected a number, found " + node.kind() + ".");
            return OptionalDouble.empty();
        }
        String t = s.text().strip();
        double scale = 1;
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).strip();
            scale = 0.01;
        }
        if (!NUMBER.matcher(t).matches() || t.contains("__")) {
            String lower = t.toLowerCase(Locale.ROOT);
            boolean special = lower.contains("nan") || lower.contains("inf");
            report(
                    ProblemCode.NOT_A_NUMBER,
                    node.location(),
                    path,
                    special
                            ? "'" + s.text() + "' is not a finite number; NaN and infinities cannot be planned with."
                            : "'" + s.text() + "' is not a number; write it as 125000, 1.5e6, 125_000 or 12%.");
            return OptionalDouble.empty();
        }
        double v = Double.parseDouble(t.replace("_", "")) * scale;
        if (!Double.isFinite(v)) {
            report(ProblemCode.NOT_A_NUMBER, node.location(), path, "'" + s.text() + "' is too large to be a number.");
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(v == 0 ? 0 : v); // -0 reads as 0
    }

    private OptionalDouble number(Fields f, String name) {
        Optional<Tree> node = f.get(name);
        return node.isEmpty() ? OptionalDouble.empty() : number(node.get(), f.at(name));
    }

    private Optional<Integer> year(Tree node, String path) {
        if (node instanceof Tree.Scalar s && YEAR.matcher(s.text().strip()).matches()) {
            return Optional.of(Integer.parseInt(s.text().strip()));
        }
        report(
                ProblemCode.BAD_YEARS,
                node.location(),
                path,
                "expected a year of four digits such as 2024, found " + node.kind() + ".");
        return Optional.empty();
    }

    private YearRange years(Fields f, String name) {
        Optional<Tree> node = f.get(name);
        if (node.isEmpty()) {
            return YearRange.ALL;
        }
        return yearRange(node.get(), f.at(name)).orElse(YearRange.ALL);
    }

    private Optional<YearRange> yearRange(Tree node, String path) {
        if (!(node instanceof Tree.Scalar s) || s.isNull()) {
            report(
                    ProblemCode.BAD_YEARS,
                    node.location(),
                    path,
                    "expected years such as 2022, 2021-2025 or 2022-," + " found " + node.kind() + ".");
            return Optional.empty();
        }
        try {
            return Optional.of(YearRange.parse(s.text()));
        } catch (IllegalArgumentException e) {
            report(ProblemCode.BAD_YEARS, node.location(), path, e.getMessage() + ".");
            return Optional.empty();
        }
    }

    private <E extends Enum<E>> Optional<E> choice(Tree node, String path, Class<E> type) {
        List<String> words = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            words.add(e.name().toLowerCase(Locale.ROOT));
        }
        if (node instanceof Tree.Scalar s && !s.isNull()) {
            String w = s.text().strip().toLowerCase(Locale.ROOT);
            for (E e : type.getEnumConstants()) {
                if (e.name().toLowerCase(Locale.ROOT).equals(w)) {
                    return Optional.of(e);
                }
            }
        }
        String found = node instanceof Tree.Scalar s ? s.text() : node.kind();
        report(
                ProblemCode.BAD_CHOICE,
                node.location(),
                path,
                "'" + found + "' is not one of " + String.join(", ", words) + "." + Spelling.hint(found, words));
        return Optional.empty();
    }

    /** One text or a list of texts. */
    private List<String> textList(Fields f, String name) {
        Optional<Tree> node = f.get(name);
        if (node.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (node.get() instanceof Tree.Sequence seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                text(seq.items().get(i), f.at(name)).ifPresent(out::add);
            }
        } else {
            text(node.get(), f.at(name)).ifPresent(out::add);
        }
        return out;
    }

    // ---- figures and series -----------------------------------------------------------------------

    private Optional<Figure> figure(Tree node, String path, Optional<Source> source, Optional<String> unit) {
        if (node instanceof Tree.Scalar) {
            OptionalDouble v = number(node, path);
            return v.isPresent()
                    ? Optional.of(new Figure(Quantity.point(v.getAsDouble()), source, unit))
                    : Optional.empty();
        }
        Optional<Fields> maybe = fields(node, path, "figure", source);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        Fields f = maybe.get();
        Optional<String> ownUnit = text(f, "unit").or(() -> unit);
        Set<String> given = new HashSet<>();
        for (String k : List.of("value", "low", "high", "mode", "mean", "sd")) {
            if (f.get(k).isPresent()) {
                given.add(k);
            }
        }
        Map<String, Double> v = new HashMap<>();
        boolean numbersOk = true;
        for (String k : given) {
            OptionalDouble d = number(f, k);
            if (d.isPresent()) {
                v.put(k, d.getAsDouble());
            } else {
                numbersOk = false;
            }
        }
        Optional<String> dist = text(f, "dist").map(d -> d.strip().toLowerCase(Locale.ROOT));
        Set<String> expected;
        String form;
        if (dist.isPresent()) {
            form = dist.get();
            switch (form) {
                case "triangular":
                    expected = Set.of("low", "mode", "high");
                    break;
                case "uniform":
                    expected = Set.of("low", "high");
                    break;
                case "normal":
                case "lognormal":
                    expected = Set.of("mean", "sd");
                    break;
                default:
                    report(
                            ProblemCode.BAD_CHOICE,
                            f.get("dist").orElseThrow().location(),
                            f.at("dist"),
                            "'" + form
                                    + "' is not a distribution Footprint knows: triangular, uniform, normal or lognormal."
                                    + Spelling.hint(form, List.of("triangular", "uniform", "normal", "lognormal")));
                    return Optional.empty();
            }
        } else if (given.contains("value")) {
            form = "point";
            expected = Set.of("value");
        } else if (given.contains("low") || given.contains("high")) {
            form = "range";
            expected = given.contains("mode") ? Set.of("low", "high", "mode") : Set.of("low", "high");
        } else if (given.contains("mean") || given.contains("sd")) {
            report(
                    ProblemCode.BAD_UNCERTAINTY,
                    f.location(),
                    path,
                    "mean and sd describe a distribution: add dist:" + " normal or dist: lognormal.");
            return Optional.empty();
        } else {
            report(
                    ProblemCode.MISSING_FIELD,
                    f.location(),
                    path,
                    "a figure needs value, or low and high (a range)," + " or dist with its parameters.");
            return Optional.empty();
        }
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(given);
        Set<String> extra = new HashSet<>(given);
        extra.removeAll(expected);
        String needs = describe(form);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            report(
                    ProblemCode.BAD_UNCERTAINTY,
                    f.location(),
                    path,
                    "a " + form + " " + needs
                            + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", sorted(missing)))
                            + (extra.isEmpty() ? "" : "; not expected: " + String.join(", ", sorted(extra))) + ".");
            return Optional.empty();
        }
        if (!numbersOk) {
            return Optional.empty();
        }
        try {
            Quantity q;
            switch (form) {
                case "point":
                    q = Quantity.point(v.get("value"));
                    break;
                case "range":
                    q = new Quantity.Range(
                            v.get("low"),
                            v.get("high"),
                            v.containsKey("mode") ? OptionalDouble.of(v.get("mode")) : OptionalDouble.empty());
                    break;
                case "triangular":
                    q = new Quantity.Triangular(v.get("low"), v.get("mode"), v.get("high"));
                    break;
                case "uniform":
                    q = new Quantity.Uniform(v.get("low"), v.get("high"));
                    break;
                case "normal":
                    q = new Quantity.Normal(v.get("mean"), v.get("sd"));
                    break;
                default:
                    q = new Quantity.LogNormal(v.get("mean"), v.get("sd"));
                    break;
            }
            return Optional.of(new Figure(q, f.source, ownUnit));
        } catch (IllegalArgumentException e) {
            report(ProblemCode.BAD_UNCERTAINTY, f.location(), path, e.getMessage() + ".");
            return Optional.empty();
        }
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static String describe(String form) {
        switch (form) {
            case "point":
                return "takes value alone";
            case "range":
                return "takes low and high, and optionally mode";
            case "triangular":
                return "distribution takes low, mode and high";
            case "uniform":
                return "distribution takes low and high";
            default:
                return "distribution takes mean and sd";
        }
    }

    private Optional<Figure> figure(Fields f, String name) {
        return f.get(name).flatMap(t -> figure(t, f.at(name), f.source, Optional.empty()));
    }

    private static boolean isSeriesMapping(Tree.Mapping m) {
        return m.entries().stream()
                .map(e -> e.key().text())
                .anyMatch(k -> YEAR.matcher(k).matches() || SERIES_KEYS.contains(k));
    }

    private static boolean isFigureMapping(Tree.Mapping m) {
        return m.entries().stream().map(e -> e.key().text()).anyMatch(FIGURE_KEYS::contains);
    }

    private Optional<Series> series(Tree node, String path, Optional<Source> source) {
        if (!(node instanceof Tree.Mapping m) || (isFigureMapping(m) && !isSeriesMapping(m))) {
            return figure(node, path, source, Optional.empty()).map(Series::constant);
        }
        if (isFigureMapping(m)) {
            report(
                    ProblemCode.WRONG_TYPE,
                    m.location(),
                    path,
                    "give either one figure (value, low and high, or dist)" + " or figures by year, not both.");
            return Optional.empty();
        }
        Optional<Source> seriesSource = source;
        Optional<String> unit = Optional.empty();
        var anchors = new TreeMap<Integer, Figure>();
        Series.Interpolation interpolation = Series.Interpolation.STEP;
        Optional<Series.Growth> growth = Optional.empty();
        Location growthAt = m.location();
        boolean ok = true;
        Set<String> seen = new HashSet<>();
        List<String> known = new ArrayList<>(List.of("interpolate", "growth", "source", "unit"));
        for (Tree.Entry e : m.entries()) {
            String k = e.key().text();
            place(path + "." + k, e.key().location());
            if (!seen.add(k)) {
                report(
                        ProblemCode.DUPLICATE_KEY,
                        e.key().location(),
                        path + "." + k,
                        "'" + k + "' is given twice" + " here; keep one.");
                ok = false;
            }
            if (k.equals("source")) {
                seriesSource = source(e.value(), path + ".source").or(() -> source);
            } else if (k.equals("unit")) {
                unit = text(e.value(), path + ".unit");
            }
        }
        for (Tree.Entry e : m.entries()) {
            String k = e.key().text();
            String at = path + "." + k;
            if (YEAR.matcher(k).matches()) {
                Optional<Figure> fig = figure(e.value(), at, seriesSource, unit);
                if (fig.isPresent()) {
                    anchors.put(Integer.parseInt(k), fig.get());
                } else {
                    ok = false;
                }
            } else if (k.equals("interpolate")) {
                Optional<Series.Interpolation> i = choice(e.value(), at, Series.Interpolation.class);
                interpolation = i.orElse(interpolation);
                ok &= i.isPresent();
            } else if (k.equals("growth")) {
                growthAt = e.key().location();
                Optional<Fields> g = fields(e.value(), at, "growth", seriesSource);
                if (g.isPresent()) {
                    Optional<Figure> rate = figure(g.get(), "rate");
                    Optional<Integer> from = g.get().get("from").flatMap(t -> year(t, at + ".from"));
                    if (rate.isPresent() && from.isPresent()) {
                        growth = Optional.of(new Series.Growth(rate.get(), from.get()));
                    } else {
                        ok = false;
                    }
                } else {
                    ok = false;
                }
            } else if (!k.equals("source") && !k.equals("unit")) {
                report(
                        ProblemCode.UNKNOWN_FIELD,
                        e.key().location(),
                        at,
                        "'" + k + "' is neither a year nor a field of"
                                + " a series." + Spelling.hint(k, known)
                                + " A series maps years (2024: ...) to figures, with"
                                + " optional interpolate, growth, source and unit.");
                ok = false;
            }
        }
        if (anchors.isEmpty()) {
            if (ok) {
                report(
                        ProblemCode.MISSING_FIELD,
                        m.location(),
                        path,
                        "a series by year needs at least one year, as" + " in {2024: 1.3e6}.");
            }
            return Optional.empty();
        }
        if (!ok) {
            return Optional.empty();
        }
        if (growth.isPresent() && anchors.lastKey() >= growth.get().fromYear()) {
            report(
                    ProblemCode.CONTRADICTION,
                    growthAt,
                    path + ".growth",
                    "growth starts in " + growth.get().fromYear()
                            + " but the year " + anchors.lastKey()
                            + " is also given; growth must start after the last year"
                            + " given.");
            return Optional.empty();
        }
        return Optional.of(new Series.ByYear(anchors, interpolation, growth));
    }

    private Optional<Series> series(Fields f, String name) {
        return f.get(name).flatMap(t -> series(t, f.at(name), f.source));
    }

    private Series requiredSeries(Fields f, String name) {
        return series(f, name).orElse(Series.constant(0));
    }

    /** A series for every key, or a mapping of keys (and default) to series. */
    private PerKey<Series> perKey(Fields f, String name) {
        Optional<Tree> node = f.get(name);
        if (node.isEmpty()) {
            return PerKey.empty();
        }
        String path = f.at(name);
        if (!(node.get() instanceof Tree.Mapping m) || isSeriesMapping(m) || isFigureMapping(m)) {
            return series(node.get(), path, f.source).map(PerKey::always).orElse(PerKey.empty());
        }
        Optional<Source> source = f.source;
        Optional<Tree> own = m.get("source");
        if (own.isPresent()) {
            source = source(own.get(), path + ".source").or(() -> f.source);
        }
        Optional<Series> fallback = Optional.empty();
        Map<String, Series> byKey = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Tree.Entry e : m.entries()) {
            String k = e.key().text();
            String at = path + "." + k;
            place(at, e.key().location());
            if (!seen.add(k)) {
                report(ProblemCode.DUPLICATE_KEY, e.key().location(), at, "'" + k + "' is given twice here; keep one.");
                continue;
            }
            if (k.equals("source")) {
                continue;
            }
            Optional<Series> s = series(e.value(), at, source);
            if (k.equals("default")) {
                fallback = s;
            } else {
                s.ifPresent(v -> byKey.put(k, v));
            }
        }
        return new PerKey<>(fallback, byKey);
    }

    /**
     * A mapping of ids to series (demand per product, line capacity per platform, fx per currency).
     * An entry whose series is broken (and reported) stands in as {@code placeholder}, so that the
     * validator does not report it once more as missing wherever it is used.
     */
    private Map<String, Series> seriesMap(Fields f, String name, Series placeholder) {
        Map<String, Series> out = new LinkedHashMap<>();
        Optional<Tree> node = f.get(name);
        if (node.isEmpty()) {
            return out;
        }
        String path = f.at(name);
        Optional<Tree.Mapping> m = mapping(node.get(), path, "a mapping of id to series");
        if (m.isEmpty()) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (Tree.Entry e : m.get().entries()) {
            String k = e.key().text();
            String at = path + "." + k;
            place(at, e.key().location());
            if (!seen.add(k)) {
                report(ProblemCode.DUPLICATE_KEY, e.key().location(), at, "'" + k + "' is given twice here; keep one.");
                continue;
            }
            out.put(k, series(e.value(), at, f.source).orElse(placeholder));
        }
        return out;
    }

    /** A mapping of ids to figures (bill of materials, shares). */
    private Map<String, Figure> figureMap(Fields f, String name) {
        Map<String, Figure> out = new LinkedHashMap<>();
        Optional<Tree> node = f.get(name);
        if (node.isEmpty()) {
            return out;
        }
        String path = f.at(name);
        Optional<Tree.Mapping> m = mapping(node.get(), path, "a mapping of id to number");
        if (m.isEmpty()) {
            return out;
        }
        Set<String> seen = new HashSet<>();
        Optional<Source> source = f.source;
        Optional<Tree> own = m.get().get("source");
        if (own.isPresent()) {
            source = source(own.get(), path + ".source").or(() -> f.source);
        }
        for (Tree.Entry e : m.get().entries()) {
            String k = e.key().text();
            String at = path + "." + k;
            place(at, e.key().location());
            if (k.equals("source")) {
                continue;
            }
            if (!seen.add(k)) {
                report(ProblemCode.DUPLICATE_KEY, e.key().location(), at, "'" + k + "' is given twice here; keep one.");
                continue;
            }
            figure(e.value(), at, source, Optional.empty()).ifPresent(v -> out.put(k, v));
        }
        return out;
    }

    // ---- the model --------------------------------------------------------------------------------

    private Optional<Network> network(Tree root) {
        Optional<Fields> maybe = fields(root, "", "model", Optional.empty());
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        Fields top = maybe.get();
        top.get("footprint").ifPresent(v -> {
            if (!(v instanceof Tree.Scalar s && s.text().strip().equals("1"))) {
                report(
                        ProblemCode.FORMAT_VERSION,
                        v.location(),
                        "footprint",
                        "this reader knows format version 1," + " not " + v.kind() + "; write footprint: 1.");
            }
        });
        String name = textOr(top, "name", "");
        String description = textOr(top, "description", "");
        Horizon horizon = horizon(top);
        String currency = textOr(top, "currency", "EUR");
        Figure discount = figure(top, "discount-rate").orElse(Figure.of(0));
        Objective objective = top.get("objective")
                .flatMap(t -> choice(t, "objective", Objective.class))
                .orElse(Objective.NPV);
        Map<String, Series> fx = seriesMap(top, "fx", Series.constant(1));
        List<Country> countries =
                entities(top, "countries", this::country, id -> new Country(id, id, id, Optional.empty()));
        List<Platform> platforms = entities(
                top,
                "platforms",
                e -> fields(e.node(), e.path(), "platform", e.source())
                        .map(f -> new Platform(e.id(), textOr(f, "name", e.id()))),
                id -> new Platform(id, id));
        List<Component> components = entities(
                top,
                "components",
                e -> fields(e.node(), e.path(), "component", e.source())
                        .map(f -> new Component(e.id(), textOr(f, "name", e.id()), textOr(f, "unit", "unit"))),
                id -> new Component(id, id, "unit"));
        List<Plant> plants = entities(top, "plants", this::plant, NetworkBinder::placeholderPlant);
        List<Product> products = entities(
                top, "products", this::product, id -> new Product(id, id, "", "", "", Map.of(), PerKey.empty()));
        List<ComponentPlant> componentPlants = entities(
                top,
                "component-plants",
                this::componentPlant,
                id -> new ComponentPlant(
                        id,
                        id,
                        "",
                        Optional.empty(),
                        "",
                        Optional.empty(),
                        Series.constant(0),
                        Optional.empty(),
                        Optional.empty()));
        List<Market> markets = entities(
                top,
                "markets",
                this::market,
                id -> new Market(id, id, "", Optional.empty(), Map.of(), List.of(), Optional.empty()));
        List<Lane> lanes = items(top, "lanes", "lanes", this::lane);
        List<Duty> duties = new ArrayList<>();
        List<Ban> bans = new ArrayList<>();
        List<LocalContent> localContent = new ArrayList<>();
        top.get("trade").flatMap(t -> fields(t, "trade", "trade", top.source)).ifPresent(trade -> {
            duties.addAll(items(trade, "duties", "trade.duties", this::duty));
            bans.addAll(items(trade, "bans", "trade.bans", this::ban));
            localContent.addAll(items(trade, "local-content", "trade.local-content", this::localContent));
        });
        List<Commitment> commitments = items(top, "commitments", "commitments", this::commitment);
        List<Decision> decisions = items(top, "decisions", "decisions", this::decision);
        List<Disruption> disruptions = items(top, "disruptions", "disruptions", this::disruption);
        return Optional.of(new Network(
                name,
                description,
                horizon,
                currency,
                discount,
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
                locations));
    }

    /** A plant that stands in for one that is defined but broken: nothing but its id. */
    private static Plant placeholderPlant(String id) {
        return new Plant(
                id,
                id,
                "",
                Optional.empty(),
                Optional.empty(),
                Series.constant(0),
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                PerKey.empty(),
                List.of(),
                List.of(),
                List.of());
    }

    /** Reads an entry's optional {@code location: {lat, lon}} into the network's map of locations. */
    private void location(Fields f, String key) {
        f.get("location")
                .flatMap(t -> fields(t, f.at("location"), "location", f.source))
                .ifPresent(l -> {
                    OptionalDouble lat = number(l, "lat");
                    OptionalDouble lon = number(l, "lon");
                    if (lat.isEmpty() || lon.isEmpty()) {
                        return;
                    }
                    try {
                        locations.put(key, new GeoPoint(lat.getAsDouble(), lon.getAsDouble()));
                    } catch (IllegalArgumentException e) {
                        report(ProblemCode.OUT_OF_RANGE, l.location(), f.at("location"), e.getMessage() + ".");
                    }
                });
    }

    private Horizon horizon(Fields top) {
        Optional<Fields> h = top.get("horizon").flatMap(t -> fields(t, "horizon", "horizon", top.source));
        if (h.isEmpty()) {
            horizonKnown = false;
            return new Horizon(2000, 2000);
        }
        Optional<Integer> from = h.get().get("from").flatMap(t -> year(t, "horizon.from"));
        Optional<Integer> to = h.get().get("to").flatMap(t -> year(t, "horizon.to"));
        if (from.isEmpty() || to.isEmpty()) {
            horizonKnown = false;
            return new Horizon(2000, 2000);
        }
        if (from.get() > to.get()) {
            report(
                    ProblemCode.BAD_YEARS,
                    h.get().location(),
                    "horizon",
                    "the horizon starts in " + from.get() + " after it ends in " + to.get() + ".");
            horizonKnown = false;
            return new Horizon(to.get(), from.get());
        }
        if (to.get() - from.get() > 100) {
            report(
                    ProblemCode.BAD_YEARS,
                    h.get().location(),
                    "horizon",
                    "a horizon of " + (to.get() - from.get() + 1)
                            + " years is beyond strategic planning; at most 101 years.");
            horizonKnown = false;
            return new Horizon(from.get(), from.get());
        }
        return new Horizon(from.get(), to.get());
    }

    private Optional<Country> country(Entity e) {
        return fields(e.node(), e.path(), "country", e.source()).map(f -> {
            location(f, e.path());
            return new Country(e.id(), textOr(f, "name", e.id()), textOr(f, "bloc", e.id()), text(f, "currency"));
        });
    }

    private Optional<Plant> plant(Entity e) {
        Optional<Fields> maybe = fields(e.node(), e.path(), "plant", e.source());
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        Fields f = maybe.get();
        location(f, e.path());
        List<ToolingOption> tooling = new ArrayList<>();
        f.get("tooling")
                .flatMap(t -> mapping(t, f.at("tooling"), "a mapping of platform id to tooling option"))
                .ifPresent(m -> {
                    for (Tree.Entry te : m.entries()) {
                        String platform = te.key().text();
                        String at = f.at("tooling") + "." + platform;
                        place(at, te.key().location());
                        fields(te.value(), at, "tooling", f.source)
                                .ifPresent(tf -> tooling.add(new ToolingOption(
                                        platform,
                                        figure(tf, "investment").orElse(Figure.of(0)),
                                        figure(tf, "lead-time").orElse(Figure.of(0)))));
                    }
                });
        List<StatusSpan> status = new ArrayList<>();
        f.get("status")
                .flatMap(t -> mapping(t, f.at("status"), "a mapping of years to status"))
                .ifPresent(m -> {
                    Set<String> seen = new HashSet<>();
                    for (Tree.Entry se : m.entries()) {
                        String at = f.at("status") + "." + se.key().text();
                        place(at, se.key().location());
                        if (!seen.add(se.key().text())) {
                            duplicateKey(se.key(), at);
                            continue;
                        }
                        Optional<YearRange> years = yearRange(se.key(), at);
                        Optional<PlantStatus> s = choice(se.value(), at, PlantStatus.class);
                        if (years.isPresent() && s.isPresent()) {
                            status.add(new StatusSpan(years.get(), s.get()));
                        }
                    }
                });
        return Optional.of(new Plant(
                e.id(),
                textOr(f, "name", e.id()),
                textOr(f, "country", ""),
                text(f, "currency"),
                figure(f, "ownership"),
                requiredSeries(f, "capacity"),
                seriesMap(f, "line-capacity", Series.constant(0)),
                figure(f, "workforce"),
                figure(f, "idle-workforce"),
                series(f, "fixed-cost"),
                series(f, "idle-cost"),
                figure(f, "closure-cost"),
                figure(f, "reopening-cost"),
                perKey(f, "variable-cost"),
                textList(f, "platforms"),
                tooling,
                status));
    }

    private Optional<Product> product(Entity e) {
        return fields(e.node(), e.path(), "product", e.source())
                .map(f -> new Product(
                        e.id(),
                        textOr(f, "name", e.id()),
                        textOr(f, "brand", ""),
                        textOr(f, "segment", ""),
                        textOr(f, "platform", ""),
                        figureMap(f, "bom"),
                        perKey(f, "price")));
    }

    private Optional<ComponentPlant> componentPlant(Entity e) {
        return fields(e.node(), e.path(), "component-plant", e.source())
                .map(f -> {
                    location(f, e.path());
                    return f;
                })
                .map(f -> new ComponentPlant(
                        e.id(),
                        textOr(f, "name", e.id()),
                        textOr(f, "country", ""),
                        text(f, "currency"),
                        textOr(f, "component", ""),
                        figure(f, "ownership"),
                        requiredSeries(f, "capacity"),
                        series(f, "unit-cost"),
                        series(f, "fixed-cost")));
    }

    private Optional<Market> market(Entity e) {
        Optional<Fields> maybe = fields(e.node(), e.path(), "market", e.source());
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        Fields f = maybe.get();
        location(f, e.path());
        List<SegmentDemand> segments = new ArrayList<>();
        f.get("segments")
                .flatMap(t -> mapping(t, f.at("segments"), "a mapping of segment to segment demand"))
                .ifPresent(m -> {
                    Set<String> seen = new HashSet<>();
                    for (Tree.Entry se : m.entries()) {
                        String at = f.at("segments") + "." + se.key().text();
                        place(at, se.key().location());
                        if (!seen.add(se.key().text())) {
                            duplicateKey(se.key(), at);
                            continue;
                        }
                        fields(se.value(), at, "segment-demand", f.source)
                                .ifPresent(sf -> segments.add(new SegmentDemand(
                                        se.key().text(),
                                        requiredSeries(sf, "volume"),
                                        figure(sf, "group-share"),
                                        figureMap(sf, "shares"))));
                    }
                });
        return Optional.of(new Market(
                e.id(),
                textOr(f, "name", e.id()),
                textOr(f, "country", ""),
                text(f, "currency"),
                seriesMap(f, "demand", Series.constant(0)),
                segments,
                figure(f, "lost-sale-penalty")));
    }

    private Optional<Lane> lane(Tree node, String path, int index, Optional<Source> inherited) {
        return fields(node, path, "lane", inherited)
                .map(f -> new Lane(
                        textOr(f, "from", ""),
                        textOr(f, "to", ""),
                        f.get("mode")
                                .flatMap(t -> choice(t, f.at("mode"), LaneMode.class))
                                .orElse(LaneMode.ROAD),
                        series(f, "cost"),
                        figure(f, "lead-time"),
                        years(f, "years")));
    }

    private Optional<Duty> duty(Tree node, String path, int index, Optional<Source> inherited) {
        return fields(node, path, "duty", inherited)
                .map(f -> new Duty(
                        textOr(f, "id", "duty-" + index),
                        textList(f, "from"),
                        textList(f, "to"),
                        requiredSeries(f, "rate"),
                        textList(f, "brands"),
                        textList(f, "products"),
                        years(f, "years"),
                        f.source));
    }

    private Optional<Ban> ban(Tree node, String path, int index, Optional<Source> inherited) {
        return fields(node, path, "ban", inherited)
                .map(f -> new Ban(
                        textOr(f, "id", "ban-" + index),
                        textList(f, "from"),
                        textList(f, "to"),
                        textList(f, "brands"),
                        textList(f, "products"),
                        textList(f, "components"),
                        years(f, "years"),
                        f.source));
    }

    private Optional<LocalContent> localContent(Tree node, String path, int index, Optional<Source> inherited) {
        return fields(node, path, "local-content", inherited)
                .map(f -> new LocalContent(
                        textOr(f, "id", "local-content-" + index),
                        textList(f, "to"),
                        figure(f, "min-share").orElse(Figure.of(0)),
                        years(f, "years"),
                        f.source));
    }

    private Optional<Commitment> commitment(Tree node, String path, int index, Optional<Source> inherited) {
        return fields(node, path, "commitment", inherited)
                .map(f -> new Commitment(
                        textOr(f, "id", "commitment-" + index),
                        textOr(f, "plant", ""),
                        figure(f, "min-output"),
                        figure(f, "min-jobs"),
                        years(f, "years"),
                        f.source));
    }

    private Optional<Disruption> disruption(Tree node, String path, int index, Optional<Source> inherited) {
        return fields(node, path, "disruption", inherited)
                .map(f -> new Disruption(
                        textOr(f, "id", "disruption-" + index),
                        text(f, "plant"),
                        text(f, "lane"),
                        textList(f, "from"),
                        textList(f, "to"),
                        figure(f, "probability").orElse(Figure.of(0)),
                        years(f, "years"),
                        f.source));
    }

    private Optional<Decision> decision(Tree node, String path, int index, Optional<Source> inherited) {
        Optional<Fields> maybe = fields(node, path, "decision", inherited);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        Fields f = maybe.get();
        Optional<Tree> force = f.get("force");
        Optional<Tree> forbid = f.get("forbid");
        if (force.isPresent() == forbid.isPresent()) {
            report(
                    ProblemCode.MISSING_FIELD,
                    f.location(),
                    path,
                    "a decision gives exactly one of force and forbid,"
                            + " as in {force: idle, plant: kaluga, years: 2022-}.");
            return Optional.empty();
        }
        Decision.Rule rule = force.isPresent() ? Decision.Rule.FORCE : Decision.Rule.FORBID;
        String word = rule.word();
        Optional<Decision.Action> action =
                choice(force.or(() -> forbid).orElseThrow(), f.at(word), Decision.Action.class);
        return action.map(a -> new Decision(
                textOr(f, "id", "decision-" + index),
                rule,
                a,
                textOr(f, "plant", ""),
                text(f, "platform"),
                years(f, "years"),
                f.source));
    }
}
