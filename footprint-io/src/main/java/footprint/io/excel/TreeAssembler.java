package footprint.io.excel;

import footprint.io.ParsedTree;
import footprint.io.Tree;
import footprint.model.FieldCatalogue;
import footprint.model.GeoPoint;
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
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * Builds the document of a model workbook: the same {@link Tree} a YAML file gives, each node placed
 * at the cell it comes from, so that the binder and the validator report every problem by sheet,
 * row and column. Problems of the workbook's own shape (an unknown sheet or column, a row naming a
 * plant that no row of plants defines, two values where one is expected) are reported here.
 */
final class TreeAssembler {
    private final String file;
    private final Map<String, Grid> grids;
    private final List<Problem> problems = new ArrayList<>();

    private TreeAssembler(String file, Map<String, Grid> grids) {
        this.file = file;
        this.grids = grids;
    }

    /** The tree of a workbook's cells, and the problems of its shape. */
    static ParsedTree assemble(String file, WorkbookReader.Cells cells) {
        var a = new TreeAssembler(file, cells.grids());
        a.checkSheetNames(cells.sheetNames());
        Grid model = cells.grids().get(Layout.MODEL.name());
        if (model == null) {
            return ParsedTree.failed(Problem.at(
                    ProblemCode.REFUSED,
                    new Location(file, 0, 0),
                    "",
                    "the workbook has no sheet named model, so it is not a Footprint model workbook;"
                            + " footprint export-model writes one to start from."));
        }
        List<Problem> missing = new ArrayList<>();
        for (Layout.Sheet sheet : Layout.SHEETS) {
            if (!cells.grids().containsKey(sheet.name())) {
                missing.add(Problem.at(
                        ProblemCode.MISSING_FIELD,
                        new Location(file, 0, 0),
                        "",
                        "the workbook has no sheet " + sheet.name() + "; a model workbook holds every sheet, empty"
                                + " when the model has nothing for it (footprint export-model writes them all):"
                                + " put it back, with its header row."));
            }
        }
        if (!missing.isEmpty()) {
            // what the sheet held is missing from the model: every reference to it would be a problem too
            missing.addAll(a.problems);
            return new ParsedTree(Optional.empty(), missing);
        }
        Tree tree = a.root(model);
        return new ParsedTree(Optional.of(tree), a.problems);
    }

    // ---- building blocks --------------------------------------------------------------------------

    /** A mapping or list being built; values are trees or other nodes. */
    private static final class Node {
        final Location at;
        final boolean list;
        final List<Tree.Scalar> keys = new ArrayList<>();
        final List<Object> values = new ArrayList<>();

        Node(Location at, boolean list) {
            this.at = at;
            this.list = list;
        }

        void put(Tree.Scalar key, Object value) {
            keys.add(key);
            values.add(value);
        }

        void add(Object item) {
            values.add(item);
        }

        boolean isEmpty() {
            return values.isEmpty();
        }

        /** The mapping under {@code key}, made (at {@code keyAt}) if there is none yet. */
        Node child(String key, Location keyAt) {
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).text().equals(key) && values.get(i) instanceof Node n && !n.list) {
                    return n;
                }
            }
            Node n = new Node(keyAt, false);
            put(new Tree.Scalar(keyAt, key, true), n);
            return n;
        }

        Tree build() {
            List<Tree> built = new ArrayList<>();
            for (Object v : values) {
                built.add(v instanceof Node n ? n.build() : (Tree) v);
            }
            if (list) {
                return new Tree.Sequence(at, built);
            }
            List<Tree.Entry> entries = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                entries.add(new Tree.Entry(keys.get(i), built.get(i)));
            }
            return new Tree.Mapping(at, entries);
        }
    }

    /** One row of a sheet: its cells by normalised header. */
    private record Row(int number, Map<String, Grid.Cell> cells) {
        Optional<Grid.Cell> cell(String header) {
            return Optional.ofNullable(cells.get(header));
        }

        /** The text of a cell, as typed. */
        Optional<String> text(String header) {
            return cell(header).map(Grid.Cell::text);
        }
    }

    /** A sheet read against its layout: the column of each known header, and its rows. */
    private final class Table {
        final Grid grid;
        final Layout.Sheet sheet;
        final Map<String, Integer> columns = new LinkedHashMap<>();
        final List<Row> rows = new ArrayList<>();

        Table(Grid grid, Layout.Sheet sheet) {
            this.grid = grid;
            this.sheet = sheet;
            NavigableMap<Integer, NavigableMap<Integer, Grid.Cell>> all = grid.rows();
            if (all.isEmpty()) {
                return;
            }
            int headerRow = all.firstKey();
            Set<Integer> ignored = new HashSet<>();
            for (Grid.Cell h : all.get(headerRow).values()) {
                String header = Layout.normalise(h.text());
                if (header.isEmpty() || header.startsWith("#")) {
                    ignored.add(h.column());
                } else if (columns.containsKey(header)) {
                    ignored.add(h.column());
                    problems.add(Problem.at(
                            ProblemCode.DUPLICATE_KEY,
                            at(h),
                            "",
                            "the column " + header + " is already column "
                                    + Location.columnLetters(columns.get(header)) + " of the " + sheet.name()
                                    + " sheet; keep one."));
                } else if (!known(header)) {
                    ignored.add(h.column());
                    problems.add(Problem.at(ProblemCode.UNKNOWN_FIELD, at(h), "", unknownColumn(header)));
                } else {
                    columns.put(header, h.column());
                }
            }
            Map<Integer, String> headerOf = new HashMap<>();
            columns.forEach((header, column) -> headerOf.put(column, header));
            Set<Integer> reported = new HashSet<>();
            for (var r : all.tailMap(headerRow, false).entrySet()) {
                Map<String, Grid.Cell> cells = new LinkedHashMap<>();
                for (Grid.Cell c : r.getValue().values()) {
                    String header = headerOf.get(c.column());
                    if (header != null) {
                        cells.put(header, c);
                    } else if (!ignored.contains(c.column()) && reported.add(c.column())) {
                        problems.add(Problem.at(
                                ProblemCode.UNKNOWN_FIELD,
                                at(c),
                                "",
                                "this column has no name in the first row, so Footprint does not know what it"
                                        + " holds; name it (or start its name with # for notes)."));
                    }
                }
                if (!cells.isEmpty()) {
                    rows.add(new Row(r.getKey(), cells));
                }
            }
        }

        private boolean known(String header) {
            if (sheet.headers().contains(header)) {
                return true;
            }
            if (sheet.section().isEmpty()) {
                return false;
            }
            FieldCatalogue.Section section =
                    FieldCatalogue.section(sheet.section().get());
            int dot = header.indexOf('.');
            String field = dot < 0 ? header : header.substring(0, dot);
            String part = dot < 0 ? "" : header.substring(dot + 1);
            Optional<FieldCatalogue.Section> parts =
                    Layout.mappingOf(sheet.section().get(), field);
            if (parts.isPresent()) {
                return part.isEmpty() || parts.get().field(part).isPresent();
            }
            return section.field(field).isPresent()
                    && (part.isEmpty()
                            || part.equals("value")
                            || Layout.FIGURE_PARTS.contains(part)
                            || Layout.SERIES_PARTS.contains(part));
        }

        private String unknownColumn(String header) {
            List<String> names = new ArrayList<>(sheet.headers());
            String message = "'" + header + "' is not a column of the " + sheet.name() + " sheet."
                    + Spelling.hint(header, names) + " Its columns: " + String.join(", ", sheet.headers());
            if (sheet.section().isPresent()) {
                message += ", or any field of "
                        + FieldCatalogue.section(sheet.section().get()).title().toLowerCase(Locale.ROOT)
                        + " (docs/model-format.md)";
            }
            return message + ". Columns whose name starts with # are notes.";
        }

        /** The place of a row's cell in a column, whether or not the cell holds anything. */
        Location at(Row r, String header) {
            Integer column = columns.get(header);
            return Location.cell(file, grid.name(), r.number(), column == null ? 0 : column);
        }

        Location at(Grid.Cell c) {
            return Location.cell(file, grid.name(), c.row(), c.column());
        }

        /** The place of a row: its first cell. */
        Location at(Row r) {
            return at(r.cells().values().iterator().next());
        }

        Tree.Scalar scalar(Grid.Cell c) {
            return new Tree.Scalar(at(c), c.text(), c.number());
        }

        /** A key named {@code name}, placed at a cell. */
        Tree.Scalar key(String name, Grid.Cell c) {
            return new Tree.Scalar(at(c), name, true);
        }

        /** The nothing of a cell left empty where a value is needed. */
        Tree.Scalar nothing(Location where) {
            return new Tree.Scalar(where, "", true);
        }
    }

    private Optional<Table> table(Layout.Sheet sheet) {
        Grid g = grids.get(sheet.name());
        return g == null ? Optional.empty() : Optional.of(new Table(g, sheet));
    }

    private void report(ProblemCode code, Location at, String message) {
        problems.add(Problem.at(code, at, "", message));
    }

    private void checkSheetNames(List<String> names) {
        List<String> known = new ArrayList<>();
        Layout.SHEETS.forEach(s -> known.add(s.name()));
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            String n = Layout.normalise(name);
            if (n.equals(Layout.README.toLowerCase(Locale.ROOT)) || n.startsWith("#")) {
                continue;
            }
            if (!known.contains(n)) {
                report(
                        ProblemCode.UNKNOWN_FIELD,
                        Location.cell(file, name, 0, 0),
                        "'" + name + "' is not a sheet of a model workbook." + Spelling.hint(n, known)
                                + " Sheets whose name starts with # are notes; README lists the others.");
            } else if (!seen.add(n)) {
                report(
                        ProblemCode.DUPLICATE_KEY,
                        Location.cell(file, name, 0, 0),
                        "a second sheet named " + n + "; only the first is read. Merge them.");
            }
        }
    }

    // ---- figures and series -----------------------------------------------------------------------

    /** The figure a row gives in the columns {@code prefix}, {@code prefix.low}, ... (value, low, ... on a figure sheet). */
    private Optional<Tree> figure(Table t, Row r, String prefix) {
        Optional<Grid.Cell> value = r.cell(Layout.part(prefix, "value"));
        if (value.isEmpty() && !prefix.isEmpty()) {
            value = r.cell(prefix + ".value");
        }
        List<String> parts = new ArrayList<>();
        for (String p : Layout.FIGURE_PARTS) {
            if (r.cell(Layout.part(prefix, p)).isPresent()) {
                parts.add(p);
            }
        }
        if (parts.isEmpty()) {
            return value.map(t::scalar);
        }
        Location where = t.columns.containsKey(Layout.part(prefix, "value"))
                ? t.at(r, Layout.part(prefix, "value"))
                : t.at(r.cell(Layout.part(prefix, parts.get(0))).orElseThrow());
        Node m = new Node(where, false);
        value.ifPresent(v -> m.put(t.key("value", v), t.scalar(v)));
        for (String p : parts) {
            Grid.Cell c = r.cell(Layout.part(prefix, p)).orElseThrow();
            m.put(t.key(p, c), t.scalar(c));
        }
        return Optional.of(m.build());
    }

    private Location valueAt(Table t, Row r, String prefix) {
        String header = Layout.part(prefix, "value");
        return t.columns.containsKey(header) ? t.at(r, header) : t.at(r);
    }

    private boolean hasSeriesParts(Row r, String prefix) {
        return Layout.SERIES_PARTS.stream()
                .anyMatch(p -> r.cell(Layout.part(prefix, p)).isPresent());
    }

    /**
     * The series given by rows (of one thing's one field): one figure, or figures by year with
     * interpolate and growth. {@code what} names it in messages; {@code byYear} is false for a field
     * that is one figure for every year.
     */
    private Tree series(Table t, List<Row> rows, String prefix, String what, boolean byYear) {
        Row first = rows.get(0);
        boolean years = rows.size() > 1 || rows.stream().anyMatch(r -> hasSeriesParts(r, prefix));
        if (years && !byYear) {
            for (Row r : rows) {
                for (String p : Layout.SERIES_PARTS) {
                    r.cell(Layout.part(prefix, p))
                            .ifPresent(c -> report(
                                    ProblemCode.WRONG_TYPE,
                                    t.at(c),
                                    what + " is one figure for every year: leave " + Layout.part(prefix, p)
                                            + " empty."));
                }
            }
            if (rows.size() > 1) {
                report(
                        ProblemCode.DUPLICATE_KEY,
                        t.at(rows.get(1)),
                        what + " is already given on row " + first.number() + "; give it once.");
            }
            return figure(t, first, prefix).orElse(t.nothing(valueAt(t, first, prefix)));
        }
        if (!years) {
            return figure(t, first, prefix).orElse(t.nothing(valueAt(t, first, prefix)));
        }
        String yearHeader = Layout.part(prefix, "year");
        Location where = t.columns.containsKey(yearHeader) ? t.at(first, yearHeader) : t.at(first);
        Node m = new Node(where, false);
        Set<String> interpolations = new HashSet<>();
        for (Row r : rows) {
            Optional<Grid.Cell> year = r.cell(yearHeader);
            Optional<Grid.Cell> from = r.cell(Layout.part(prefix, "growth-from"));
            r.cell(Layout.part(prefix, "interpolate")).ifPresent(c -> {
                if (interpolations.add(c.text().strip().toLowerCase(Locale.ROOT))) {
                    m.put(t.key("interpolate", c), t.scalar(c));
                }
            });
            Optional<Tree> figure = figure(t, r, prefix);
            if (year.isEmpty()) {
                if (figure.isPresent()) {
                    report(
                            ProblemCode.BAD_YEARS,
                            t.at(r, yearHeader),
                            "this row of " + what + " gives no year, but " + what + " is given by year (on several"
                                    + " rows, or with interpolate or growth); give the year of each row.");
                }
                from.ifPresent(c -> report(
                        ProblemCode.BAD_YEARS,
                        t.at(c),
                        Layout.part(prefix, "growth-from") + " goes on the row whose " + yearHeader + " is growth."));
                continue;
            }
            Tree value = figure.orElse(t.nothing(valueAt(t, r, prefix)));
            String y = year.get().text().strip();
            if (y.equalsIgnoreCase(Layout.GROWTH)) {
                Node g = new Node(t.at(year.get()), false);
                g.put(new Tree.Scalar(valueAt(t, r, prefix), "rate", true), value);
                from.ifPresent(c -> g.put(t.key("from", c), t.scalar(c)));
                m.put(t.key(Layout.GROWTH, year.get()), g);
            } else {
                m.put(new Tree.Scalar(t.at(year.get()), y, true), value);
                from.ifPresent(c -> report(
                        ProblemCode.BAD_YEARS,
                        t.at(c),
                        Layout.part(prefix, "growth-from") + " goes on the row whose " + yearHeader
                                + " is growth, not on the row of " + y + "."));
            }
        }
        return m.build();
    }

    // ---- item sheets ------------------------------------------------------------------------------

    private static boolean isList(String section, String field) {
        return FieldCatalogue.section(section)
                .field(field)
                .map(f -> f.type().startsWith("list of") || f.type().endsWith("list of places"))
                .orElse(false);
    }

    private static boolean isSeries(String section, String field) {
        return FieldCatalogue.section(section)
                .field(field)
                .map(f -> !f.type().equals("figure"))
                .orElse(true);
    }

    /** A cell as a list: the comma-separated items, each placed at the cell. */
    private static Tree list(Table t, Grid.Cell c) {
        List<Tree> items = new ArrayList<>();
        for (String item : c.text().split(",", -1)) {
            if (!item.isBlank()) {
                items.add(new Tree.Scalar(t.at(c), item.strip(), false));
            }
        }
        return new Tree.Sequence(t.at(c), items);
    }

    /**
     * The fields of an item given by one row (or several rows of one item, which differ only in the
     * year of a series): every column but the keys, a figure spread over {@code F}, {@code F.low}, ...
     */
    private void fields(Table t, List<Row> rows, Node into, Set<String> keys, String section) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (String header : t.columns.keySet()) {
            if (keys.contains(header)) {
                continue;
            }
            int dot = header.indexOf('.');
            byField.computeIfAbsent(dot < 0 ? header : header.substring(0, dot), f -> new ArrayList<>())
                    .add(header);
        }
        String what = describe(t, rows.get(0));
        for (var e : byField.entrySet()) {
            String field = e.getKey();
            List<String> headers = e.getValue();
            List<Row> given = rows.stream()
                    .filter(r -> headers.stream().anyMatch(h -> r.cell(h).isPresent()))
                    .toList();
            if (given.isEmpty()) {
                continue;
            }
            Row first = given.get(0);
            Grid.Cell keyCell = headers.stream()
                    .map(first::cell)
                    .flatMap(Optional::stream)
                    .findFirst()
                    .orElseThrow();
            Tree value;
            Optional<FieldCatalogue.Section> parts = Layout.mappingOf(section, field);
            if (parts.isPresent()) {
                if (given.size() > 1) {
                    conflicts(t, given, headers, what);
                }
                value = location(t, first, field, parts.get());
            } else if (given.stream().anyMatch(r -> hasSeriesParts(r, field))) {
                value = series(t, given, field, field + " of " + what, isSeries(section, field));
            } else {
                if (given.size() > 1) {
                    conflicts(t, given, headers, what);
                }
                boolean bare = headers.stream()
                        .allMatch(h -> h.equals(field) || first.cell(h).isEmpty());
                if (bare && isList(section, field)) {
                    value = list(t, first.cell(field).orElseThrow());
                } else if (bare) {
                    value = t.scalar(first.cell(field).orElseThrow());
                } else {
                    value = figure(t, first, field).orElse(t.nothing(t.at(keyCell)));
                }
            }
            into.put(t.key(field, keyCell), value);
        }
    }

    /**
     * A location spread over the columns {@code location.lat} and {@code location.lon}, as the
     * mapping {@code {lat, lon}}. The binder reports a location off the globe, or missing a part,
     * at the mapping's place: that is the cell out of range, else the empty cell of the part
     * missing, else the latitude's cell.
     */
    private static Tree location(Table t, Row r, String field, FieldCatalogue.Section parts) {
        Optional<Grid.Cell> whole = r.cell(field);
        if (whole.isPresent()) {
            return t.scalar(whole.get()); // the binder says what a location is
        }
        String latHeader = field + ".lat";
        String lonHeader = field + ".lon";
        Optional<Grid.Cell> lat = r.cell(latHeader);
        Optional<Grid.Cell> lon = r.cell(lonHeader);
        Location where;
        if (lat.isPresent() && offTheGlobe(lat.get(), v -> new GeoPoint(v, 0))) {
            where = t.at(lat.get());
        } else if (lon.isPresent() && offTheGlobe(lon.get(), v -> new GeoPoint(0, v))) {
            where = t.at(lon.get());
        } else if (lat.isEmpty()) {
            where = t.at(r, latHeader);
        } else if (lon.isEmpty()) {
            where = t.at(r, lonHeader);
        } else {
            where = t.at(lat.get());
        }
        Node m = new Node(where, false);
        for (FieldCatalogue.Field part : parts.fields()) {
            r.cell(field + "." + part.name()).ifPresent(c -> m.put(t.key(part.name(), c), t.scalar(c)));
        }
        return m.build();
    }

    /** Whether a cell holds a number that {@code point} refuses as off the globe. */
    private static boolean offTheGlobe(Grid.Cell c, DoubleFunction<GeoPoint> point) {
        try {
            var unused = point.apply(Double.parseDouble(c.text().strip()));
            return false;
        } catch (NumberFormatException e) {
            return false; // the binder reports it as not a number, at its cell
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** Rows of one item giving a field that is not by year: reported unless they say the same. */
    private void conflicts(Table t, List<Row> rows, List<String> headers, String what) {
        Row first = rows.get(0);
        for (Row r : rows.subList(1, rows.size())) {
            for (String h : headers) {
                Optional<Grid.Cell> c = r.cell(h);
                if (c.isPresent() && !c.get().text().equals(first.text(h).orElse(null))) {
                    report(
                            ProblemCode.DUPLICATE_KEY,
                            t.at(c.get()),
                            what + " is on row " + first.number() + " too, with another " + h
                                    + "; the rows of one item may differ only in a series' year and figures.");
                }
            }
        }
    }

    /** How a message names a row's item: its key columns' values. */
    private static String describe(Table t, Row r) {
        List<String> parts = new ArrayList<>();
        List<String> headers = t.sheet.headers();
        for (int i = 0; i < t.sheet.keys() && i < headers.size(); i++) {
            r.text(headers.get(i)).ifPresent(parts::add);
        }
        String name = t.sheet.name();
        String singular = name.endsWith("ies")
                ? name.substring(0, name.length() - 3) + "y"
                : name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
        return "the " + singular + (parts.isEmpty() ? " on row " + r.number() : " " + String.join(" ", parts));
    }

    /**
     * Things with ids, one per row: each row becomes an entry of {@code collection} under its id.
     * Returns the first row of each id, by id.
     */
    private Map<String, Node> entities(Table t, Node collection, String idHeader, String section) {
        Map<String, Node> byId = new LinkedHashMap<>();
        for (Row r : t.rows) {
            Optional<Grid.Cell> id = r.cell(idHeader);
            if (id.isEmpty()) {
                report(
                        ProblemCode.MISSING_FIELD,
                        t.at(r, idHeader),
                        "this row of " + t.sheet.name() + " has no " + idHeader + "; give every row one.");
                continue;
            }
            Node entity = new Node(t.at(id.get()), false);
            collection.put(t.scalar(id.get()), entity);
            byId.putIfAbsent(id.get().text(), entity);
            fields(t, List.of(r), entity, Set.of(idHeader), section);
        }
        return byId;
    }

    /** A list of items, one per row, or per group of rows with the same {@code merge} columns. */
    private void items(Table t, Node list, List<String> merge, String section) {
        Map<List<String>, List<Row>> groups = new LinkedHashMap<>();
        int single = 0;
        for (Row r : t.rows) {
            List<String> key = new ArrayList<>();
            for (String h : merge) {
                key.add(r.text(h).map(String::strip).orElse(""));
            }
            if (merge.isEmpty() || key.stream().allMatch(String::isEmpty)) {
                key = List.of("\u0000row", Integer.toString(single++));
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        for (List<Row> rows : groups.values()) {
            Node item = new Node(t.at(rows.get(0)), false);
            list.add(item);
            fields(t, rows, item, Set.of(), section);
        }
    }

    /** The thing a row of a child sheet belongs to, or a problem at its cell. */
    private Optional<Node> owner(Table t, Row r, String header, Map<String, Node> byId, String sheetOfIds) {
        Optional<Grid.Cell> c = r.cell(header);
        if (c.isEmpty()) {
            report(
                    ProblemCode.MISSING_FIELD,
                    t.at(r, header),
                    "this row of " + t.sheet.name() + " names no " + header + "; say which one it belongs to.");
            return Optional.empty();
        }
        Node n = byId.get(c.get().text());
        if (n == null) {
            report(
                    ProblemCode.UNKNOWN_REFERENCE,
                    t.at(c.get()),
                    "'" + c.get().text() + "' is not on the " + sheetOfIds + " sheet."
                            + Spelling.hint(c.get().text(), byId.keySet())
                            + (byId.isEmpty() ? "" : " Known: " + String.join(", ", byId.keySet()) + "."));
            return Optional.empty();
        }
        return Optional.of(n);
    }

    /** Rows grouped by the texts of some columns, in order of first appearance. */
    private static Map<List<String>, List<Row>> group(Table t, Function<Row, List<String>> key) {
        Map<List<String>, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : t.rows) {
            groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    private static String text(Row r, String header) {
        return r.text(header).orElse("");
    }

    private static String word(Row r, String header) {
        return r.text(header).map(s -> s.strip().toLowerCase(Locale.ROOT)).orElse("");
    }

    // ---- the model --------------------------------------------------------------------------------

    private Tree root(Grid modelGrid) {
        Node root = new Node(Location.cell(file, modelGrid.name(), 1, 1), false);
        model(new Table(modelGrid, Layout.MODEL), root);
        table(Layout.FX).ifPresent(t -> fx(t, root));
        Map<String, Node> none = Map.of();
        table(Layout.COUNTRIES).ifPresent(t -> entities(t, collection(root, t, "countries"), "code", "country"));
        table(Layout.PLATFORMS).ifPresent(t -> entities(t, collection(root, t, "platforms"), "id", "platform"));
        table(Layout.COMPONENTS).ifPresent(t -> entities(t, collection(root, t, "components"), "id", "component"));
        Map<String, Node> plants = table(Layout.PLANTS)
                .map(t -> entities(t, collection(root, t, "plants"), "id", "plant"))
                .orElse(none);
        table(Layout.PLANT_FIGURES).ifPresent(t -> plantFigures(t, plants));
        table(Layout.TOOLING).ifPresent(t -> tooling(t, plants));
        table(Layout.PLANT_STATUS).ifPresent(t -> status(t, plants));
        Map<String, Node> products = table(Layout.PRODUCTS)
                .map(t -> entities(t, collection(root, t, "products"), "id", "product"))
                .orElse(none);
        table(Layout.BOM).ifPresent(t -> bom(t, products));
        table(Layout.PRICES).ifPresent(t -> prices(t, products));
        Map<String, Node> componentPlants = table(Layout.COMPONENT_PLANTS)
                .map(t -> entities(t, collection(root, t, "component-plants"), "id", "component-plant"))
                .orElse(none);
        table(Layout.COMPONENT_PLANT_FIGURES).ifPresent(t -> componentPlantFigures(t, componentPlants));
        Map<String, Node> markets = table(Layout.MARKETS)
                .map(t -> entities(t, collection(root, t, "markets"), "id", "market"))
                .orElse(none);
        table(Layout.SEGMENTS).ifPresent(t -> segments(t, markets));
        table(Layout.DEMAND).ifPresent(t -> demand(t, markets));
        table(Layout.SHARES).ifPresent(t -> shares(t, markets));
        table(Layout.LANES).ifPresent(t -> items(t, list(t, root, "lanes"), List.of("from", "to", "mode"), "lane"));
        Node trade = new Node(Location.cell(file, modelGrid.name(), 1, 1), false);
        table(Layout.DUTIES).ifPresent(t -> items(t, list(t, trade, "duties"), List.of("id"), "duty"));
        table(Layout.BANS).ifPresent(t -> items(t, list(t, trade, "bans"), List.of(), "ban"));
        table(Layout.LOCAL_CONTENT)
                .ifPresent(t -> items(t, list(t, trade, "local-content"), List.of(), "local-content"));
        if (!trade.isEmpty()) {
            root.put(new Tree.Scalar(trade.at, "trade", true), trade);
        }
        table(Layout.COMMITMENTS).ifPresent(t -> items(t, list(t, root, "commitments"), List.of(), "commitment"));
        table(Layout.DECISIONS).ifPresent(t -> items(t, list(t, root, "decisions"), List.of(), "decision"));
        table(Layout.DISRUPTIONS).ifPresent(t -> items(t, list(t, root, "disruptions"), List.of(), "disruption"));
        return root.build();
    }

    /** The mapping of a sheet of things with ids, under {@code field} of the top level. */
    private Node collection(Node root, Table t, String field) {
        Location where = Location.cell(file, t.grid.name(), 1, 1);
        Node n = new Node(where, false);
        root.put(new Tree.Scalar(where, field, true), n);
        return n;
    }

    /** The list of a sheet of items under {@code field} of {@code parent}, if the sheet has rows. */
    private Node list(Table t, Node parent, String field) {
        Location where = Location.cell(file, t.grid.name(), 1, 1);
        Node n = new Node(where, true);
        if (!t.rows.isEmpty()) {
            parent.put(new Tree.Scalar(where, field, true), n);
        }
        return n;
    }

    private void model(Table t, Node root) {
        for (Row r : t.rows) {
            Optional<Grid.Cell> field = r.cell("field");
            if (field.isEmpty()) {
                report(
                        ProblemCode.MISSING_FIELD,
                        t.at(r, "field"),
                        "this row of the model sheet gives no field; write the setting's name in column A.");
                continue;
            }
            String[] path = field.get().text().strip().toLowerCase(Locale.ROOT).split("\\.", -1);
            Node into = root;
            for (int i = 0; i < path.length - 1; i++) {
                into = into.child(path[i], t.at(field.get()));
            }
            Tree value = figure(t, r, "").orElse(t.nothing(t.at(r, "value")));
            into.put(t.key(path[path.length - 1], field.get()), value);
        }
    }

    private void fx(Table t, Node root) {
        Map<List<String>, List<Row>> groups = group(t, r -> List.of(text(r, "currency")));
        if (groups.isEmpty()) {
            return;
        }
        Node fx = root.child("fx", Location.cell(file, t.grid.name(), 1, 1));
        for (List<Row> rows : groups.values()) {
            Row first = rows.get(0);
            Optional<Grid.Cell> currency = first.cell("currency");
            if (currency.isEmpty()) {
                report(ProblemCode.MISSING_FIELD, t.at(first, "currency"), "this exchange rate names no currency.");
                continue;
            }
            fx.put(
                    t.scalar(currency.get()),
                    series(t, rows, "", "the exchange rate of " + currency.get().text(), true));
        }
    }

    private void plantFigures(Table t, Map<String, Node> plants) {
        figuresByField(t, "plant", plants, "plants", "plant", Set.of("line-capacity", "variable-cost"));
    }

    private void componentPlantFigures(Table t, Map<String, Node> componentPlants) {
        figuresByField(t, "component-plant", componentPlants, "component-plants", "component-plant", Set.of());
    }

    /**
     * Rows of {@code owner | field | [key] | year | figure...}: each (owner, field) a series, or for
     * the fields in {@code keyed} a mapping of key to series.
     */
    private void figuresByField(
            Table t,
            String ownerHeader,
            Map<String, Node> owners,
            String ownerSheet,
            String section,
            Set<String> keyed) {
        Map<List<String>, List<Row>> groups =
                group(t, r -> List.of(text(r, ownerHeader), word(r, "field"), text(r, "key")));
        Map<List<String>, Map<String, List<Row>>> byField = new LinkedHashMap<>();
        for (var g : groups.entrySet()) {
            byField.computeIfAbsent(g.getKey().subList(0, 2), k -> new LinkedHashMap<>())
                    .put(g.getKey().get(2), g.getValue());
        }
        for (var f : byField.entrySet()) {
            Map<String, List<Row>> byKey = f.getValue();
            Row first = byKey.values().iterator().next().get(0);
            Optional<Node> owner = owner(t, first, ownerHeader, owners, ownerSheet);
            if (owner.isEmpty()) {
                continue;
            }
            Optional<Grid.Cell> fieldCell = first.cell("field");
            if (fieldCell.isEmpty()) {
                report(
                        ProblemCode.MISSING_FIELD,
                        t.at(first, "field"),
                        "this row names no field: say which figure it gives (capacity, fixed-cost, ...).");
                continue;
            }
            String field = f.getKey().get(1);
            String what = field + " of " + f.getKey().get(0);
            Tree.Scalar fieldKey = t.key(field, fieldCell.get());
            boolean byYear = isSeries(section, field);
            if (!keyed.contains(field)) {
                for (var k : byKey.entrySet()) {
                    if (!k.getKey().isEmpty()) {
                        Row r = k.getValue().get(0);
                        report(
                                ProblemCode.WRONG_TYPE,
                                t.at(r.cell("key").orElseThrow()),
                                field + " takes no key (only line-capacity and variable-cost are given per"
                                        + " platform or product); leave key empty.");
                    }
                }
                List<Row> rows = byKey.get("");
                if (rows != null) {
                    owner.get().put(fieldKey, series(t, rows, "", what, byYear));
                }
                continue;
            }
            boolean always = byKey.size() == 1 && byKey.containsKey("");
            if (always && !field.equals("line-capacity")) {
                owner.get().put(fieldKey, series(t, byKey.get(""), "", what, byYear));
                continue;
            }
            Node perKey = new Node(t.at(fieldCell.get()), false);
            for (var k : byKey.entrySet()) {
                Row r = k.getValue().get(0);
                Optional<Grid.Cell> keyCell = r.cell("key");
                if (keyCell.isEmpty() && field.equals("line-capacity")) {
                    report(
                            ProblemCode.MISSING_FIELD,
                            t.at(r, "key"),
                            "line-capacity is given per platform: name the platform in key.");
                    continue;
                }
                Tree.Scalar key =
                        keyCell.map(c -> t.key(c.text(), c)).orElse(new Tree.Scalar(t.at(r, "key"), "default", true));
                perKey.put(key, series(t, k.getValue(), "", what + " for " + key.text(), byYear));
            }
            owner.get().put(fieldKey, perKey);
        }
    }

    private void tooling(Table t, Map<String, Node> plants) {
        for (Row r : t.rows) {
            Optional<Node> plant = owner(t, r, "plant", plants, "plants");
            if (plant.isEmpty()) {
                continue;
            }
            Optional<Grid.Cell> platform = r.cell("platform");
            if (platform.isEmpty()) {
                report(ProblemCode.MISSING_FIELD, t.at(r, "platform"), "this tooling option names no platform.");
                continue;
            }
            Node option = new Node(t.at(platform.get()), false);
            plant.get().child("tooling", t.at(r)).put(t.scalar(platform.get()), option);
            fields(t, List.of(r), option, Set.of("plant", "platform"), "tooling");
        }
    }

    private void status(Table t, Map<String, Node> plants) {
        for (Row r : t.rows) {
            Optional<Node> plant = owner(t, r, "plant", plants, "plants");
            if (plant.isEmpty()) {
                continue;
            }
            Optional<Grid.Cell> years = r.cell("years");
            if (years.isEmpty()) {
                report(
                        ProblemCode.BAD_YEARS,
                        t.at(r, "years"),
                        "this status gives no years: write 2022, 2021-2025, 2022- or -2025.");
                continue;
            }
            Tree value = r.cell("status").<Tree>map(t::scalar).orElse(t.nothing(t.at(r, "status")));
            plant.get()
                    .child("status", t.at(r))
                    .put(new Tree.Scalar(t.at(years.get()), years.get().text().strip(), true), value);
        }
    }

    private void bom(Table t, Map<String, Node> products) {
        for (Row r : t.rows) {
            Optional<Node> product = owner(t, r, "product", products, "products");
            if (product.isEmpty()) {
                continue;
            }
            Optional<Grid.Cell> component = r.cell("component");
            if (component.isEmpty()) {
                report(ProblemCode.MISSING_FIELD, t.at(r, "component"), "this row of the bom names no component.");
                continue;
            }
            product.get()
                    .child("bom", t.at(r))
                    .put(t.scalar(component.get()), figure(t, r, "").orElse(t.nothing(t.at(r, "value"))));
        }
    }

    private void prices(Table t, Map<String, Node> products) {
        Map<List<String>, List<Row>> groups = group(t, r -> List.of(text(r, "product"), text(r, "market")));
        Map<String, Map<String, List<Row>>> byProduct = new LinkedHashMap<>();
        groups.forEach((k, rows) ->
                byProduct.computeIfAbsent(k.get(0), p -> new LinkedHashMap<>()).put(k.get(1), rows));
        for (Map<String, List<Row>> byMarket : byProduct.values()) {
            Row first = byMarket.values().iterator().next().get(0);
            Optional<Node> product = owner(t, first, "product", products, "products");
            if (product.isEmpty()) {
                continue;
            }
            String what = "the price of " + text(first, "product");
            Tree.Scalar priceKey = new Tree.Scalar(t.at(first, "market"), "price", true);
            if (byMarket.size() == 1 && byMarket.containsKey("")) {
                product.get().put(priceKey, series(t, byMarket.get(""), "", what, true));
                continue;
            }
            Node perMarket = new Node(t.at(first), false);
            for (List<Row> rows : byMarket.values()) {
                Row r = rows.get(0);
                Tree.Scalar key = r.cell("market")
                        .map(c -> t.key(c.text(), c))
                        .orElse(new Tree.Scalar(t.at(r, "market"), "default", true));
                perMarket.put(key, series(t, rows, "", what + " in " + key.text(), true));
            }
            product.get().put(priceKey, perMarket);
        }
    }

    private void segments(Table t, Map<String, Node> markets) {
        for (Row r : t.rows) {
            Optional<Node> market = owner(t, r, "market", markets, "markets");
            if (market.isEmpty()) {
                continue;
            }
            Optional<Grid.Cell> segment = r.cell("segment");
            if (segment.isEmpty()) {
                report(ProblemCode.MISSING_FIELD, t.at(r, "segment"), "this row of segments names no segment.");
                continue;
            }
            Node s = market.get().child("segments", t.at(r)).child(segment.get().text(), t.at(segment.get()));
            fields(t, List.of(r), s, Set.of("market", "segment"), "segment-demand");
        }
    }

    private void demand(Table t, Map<String, Node> markets) {
        Map<List<String>, List<Row>> groups =
                group(t, r -> List.of(text(r, "market"), text(r, "product"), text(r, "segment")));
        for (List<Row> rows : groups.values()) {
            Row first = rows.get(0);
            Optional<Node> market = owner(t, first, "market", markets, "markets");
            if (market.isEmpty()) {
                continue;
            }
            Optional<Grid.Cell> product = first.cell("product");
            Optional<Grid.Cell> segment = first.cell("segment");
            if (product.isPresent() == segment.isPresent()) {
                report(
                        product.isPresent() ? ProblemCode.CONTRADICTION : ProblemCode.MISSING_FIELD,
                        t.at(first, "segment"),
                        "a row of demand gives either a product (demand for it) or a segment (the segment's whole"
                                + " volume), " + (product.isPresent() ? "not both." : "and this one gives neither."));
                continue;
            }
            if (product.isPresent()) {
                String what = "the demand for " + product.get().text() + " in " + text(first, "market");
                market.get().child("demand", t.at(first)).put(t.scalar(product.get()), series(t, rows, "", what, true));
            } else {
                String what = "the volume of " + segment.get().text() + " in " + text(first, "market");
                market.get()
                        .child("segments", t.at(first))
                        .child(segment.get().text(), t.at(segment.get()))
                        .put(t.key("volume", segment.get()), series(t, rows, "", what, true));
            }
        }
    }

    private void shares(Table t, Map<String, Node> markets) {
        for (Row r : t.rows) {
            Optional<Node> market = owner(t, r, "market", markets, "markets");
            if (market.isEmpty()) {
                continue;
            }
            Optional<Grid.Cell> segment = r.cell("segment");
            Optional<Grid.Cell> product = r.cell("product");
            if (segment.isEmpty() || product.isEmpty()) {
                report(
                        ProblemCode.MISSING_FIELD,
                        t.at(r, segment.isEmpty() ? "segment" : "product"),
                        "a share names its market, segment and product.");
                continue;
            }
            market.get()
                    .child("segments", t.at(r))
                    .child(segment.get().text(), t.at(segment.get()))
                    .child("shares", t.at(r))
                    .put(t.scalar(product.get()), figure(t, r, "").orElse(t.nothing(t.at(r, "value"))));
        }
    }
}
