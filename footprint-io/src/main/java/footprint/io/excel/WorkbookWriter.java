package footprint.io.excel;

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
import footprint.model.Lane;
import footprint.model.LocalContent;
import footprint.model.Market;
import footprint.model.Network;
import footprint.model.PerKey;
import footprint.model.Plant;
import footprint.model.Platform;
import footprint.model.Product;
import footprint.model.Quantity;
import footprint.model.SegmentDemand;
import footprint.model.Series;
import footprint.model.StatusSpan;
import footprint.model.ToolingOption;
import footprint.model.YearRange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCreationHelper;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a {@link Network} as a workbook a planner can fill: a README sheet, then one sheet per
 * table of {@link Layout}, each with a frozen header whose cells explain their column, a filter,
 * drop-down lists for the columns that take one of a few words, widths that fit, and real number
 * formats (thousands separators, percentages for fractions, plain years). Every figure is written
 * with its own source and unit, so the workbook reads back to an equal network.
 */
final class WorkbookWriter {
    /** A fraction, written as a percentage. */
    private record Fraction(double value) {}

    /** A year, written without a thousands separator. */
    private record Year(int value) {}

    private enum Style {
        HEADER,
        TEXT,
        YEAR,
        WHOLE,
        DECIMAL,
        SMALL,
        PERCENT,
        PERCENT_DECIMAL,
        TITLE,
        HEADING,
        WRAP,
        LINK
    }

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final Map<Style, CellStyle> styles = new EnumMap<>(Style.class);

    private WorkbookWriter() {
        var format = workbook.createDataFormat();
        Font bold = workbook.createFont();
        bold.setBold(true);
        for (Style s : Style.values()) {
            CellStyle c = workbook.createCellStyle();
            c.setVerticalAlignment(VerticalAlignment.TOP);
            switch (s) {
                case HEADER -> {
                    c.setFont(bold);
                    c.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                    c.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    c.setBorderBottom(BorderStyle.THIN);
                }
                case TEXT -> {
                    c.setDataFormat(format.getFormat("@"));
                }
                case YEAR -> {
                    c.setDataFormat(format.getFormat("0"));
                }
                case WHOLE -> {
                    c.setDataFormat(format.getFormat("#,##0"));
                }
                case DECIMAL -> {
                    c.setDataFormat(format.getFormat("#,##0.0#########"));
                }
                case SMALL -> {
                    c.setDataFormat(format.getFormat("General"));
                }
                case PERCENT -> {
                    c.setDataFormat(format.getFormat("0%"));
                }
                case PERCENT_DECIMAL -> {
                    c.setDataFormat(format.getFormat("0.0##%"));
                }
                case TITLE -> {
                    Font big = workbook.createFont();
                    big.setBold(true);
                    big.setFontHeightInPoints((short) 16);
                    c.setFont(big);
                }
                case HEADING -> {
                    c.setFont(bold);
                    c.setWrapText(true);
                }
                case WRAP -> {
                    c.setWrapText(true);
                }
                case LINK -> {
                    Font link = workbook.createFont();
                    link.setUnderline(Font.U_SINGLE);
                    link.setColor(IndexedColors.BLUE.getIndex());
                    c.setFont(link);
                }
            }
            styles.put(s, c);
        }
    }

    /** Writes the network to {@code path}, through a temporary file, so that no half-written file is left. */
    static void write(Network network, Path path) throws IOException {
        var w = new WorkbookWriter();
        try (XSSFWorkbook wb = w.workbook) {
            w.readme(network);
            for (Layout.Sheet sheet : Layout.SHEETS) {
                w.sheet(sheet, rows(sheet, network));
            }
            Path dir = path.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".footprint-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    wb.write(out);
                }
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    // ---- sheets -----------------------------------------------------------------------------------

    private void sheet(Layout.Sheet spec, List<Map<String, Object>> rows) {
        XSSFSheet sheet = workbook.createSheet(spec.name());
        List<Layout.Column> columns = spec.columns();
        int[] widths = new int[columns.size()];
        XSSFRow header = sheet.createRow(0);
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFCreationHelper helper = workbook.getCreationHelper();
        for (int c = 0; c < columns.size(); c++) {
            Layout.Column column = columns.get(c);
            XSSFCell cell = header.createCell(c);
            cell.setCellValue(column.header());
            cell.setCellStyle(styles.get(Style.HEADER));
            ClientAnchor anchor = helper.createClientAnchor();
            anchor.setCol1(c);
            anchor.setCol2(c + 4);
            anchor.setRow1(0);
            anchor.setRow2(5);
            Comment note = drawing.createCellComment(anchor);
            note.setString(helper.createRichTextString(note(spec, column)));
            note.setAuthor("Footprint");
            cell.setCellComment(note);
            widths[c] = Math.max(column.kind().width, column.header().length() + 3);
        }
        for (int r = 0; r < rows.size(); r++) {
            XSSFRow row = sheet.createRow(r + 1);
            Map<String, Object> values = rows.get(r);
            for (int c = 0; c < columns.size(); c++) {
                Object v = values.get(columns.get(c).header());
                if (v != null) {
                    widths[c] = Math.max(widths[c], Math.min(60, put(row.createCell(c), v) + 2));
                }
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
            Layout.Kind kind = columns.get(c).kind();
            if (kind == Layout.Kind.YEAR) {
                sheet.setDefaultColumnStyle(c, styles.get(Style.YEAR));
            } else if (kind != Layout.Kind.NUMBER) {
                sheet.setDefaultColumnStyle(c, styles.get(Style.TEXT));
            }
        }
        sheet.createFreezePane(spec.keys(), 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows.size(), 1), 0, columns.size() - 1));
        dropDowns(sheet, columns, rows.size());
    }

    /** A header's note: the field's meaning from the catalogue, then what the column holds. */
    private static String note(Layout.Sheet spec, Layout.Column column) {
        if (spec.section().isPresent() && !column.header().contains(".")) {
            Optional<FieldCatalogue.Field> field =
                    FieldCatalogue.section(spec.section().get()).field(column.header());
            if (field.isPresent() && !column.note().startsWith(field.get().meaning())) {
                String unit =
                        field.get().unit().isEmpty() ? "" : " (" + field.get().unit() + ")";
                return field.get().meaning() + unit + " " + column.note();
            }
        }
        return column.note();
    }

    private void dropDowns(XSSFSheet sheet, List<Layout.Column> columns, int rows) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        int last = Math.min(SpreadsheetVersion.EXCEL2007.getLastRowIndex(), Math.max(1000, rows + 500));
        for (int c = 0; c < columns.size(); c++) {
            List<String> choices = columns.get(c).choices();
            if (choices.isEmpty()) {
                continue;
            }
            DataValidation v = helper.createValidation(
                    helper.createExplicitListConstraint(choices.toArray(new String[0])),
                    new CellRangeAddressList(1, last, c, c));
            v.setErrorStyle(DataValidation.ErrorStyle.WARNING);
            v.setShowErrorBox(true);
            v.createErrorBox("Footprint", "Expected one of: " + String.join(", ", choices) + ".");
            v.setSuppressDropDownArrow(true); // in XSSF, true shows the arrow
            sheet.addValidationData(v);
        }
    }

    /** Writes a value into a cell with its format; returns the width it needs, in characters. */
    private int put(XSSFCell cell, Object v) {
        if (v instanceof String s) {
            if (s.length() > SpreadsheetVersion.EXCEL2007.getMaxTextLength()) {
                throw new IllegalArgumentException("a text of " + s.length() + " characters is longer than the "
                        + SpreadsheetVersion.EXCEL2007.getMaxTextLength() + " an Excel cell holds: "
                        + s.substring(0, 40) + "...");
            }
            cell.setCellValue(s);
            cell.setCellStyle(styles.get(Style.TEXT));
            return s.lines().mapToInt(String::length).max().orElse(0);
        }
        if (v instanceof Year y) {
            cell.setCellValue(y.value());
            cell.setCellStyle(styles.get(Style.YEAR));
            return 6;
        }
        if (v instanceof Fraction f) {
            cell.setCellValue(f.value());
            double percent = f.value() * 100;
            boolean whole = Math.abs(percent - Math.rint(percent)) < 1e-9;
            cell.setCellStyle(styles.get(whole ? Style.PERCENT : Style.PERCENT_DECIMAL));
            return 8;
        }
        double d = (Double) v;
        cell.setCellValue(d);
        Style style;
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            style = Style.WHOLE;
        } else if (Math.abs(d) >= 1 && Math.abs(d) < 1e15) {
            style = Style.DECIMAL;
        } else {
            style = Style.SMALL;
        }
        cell.setCellStyle(styles.get(style));
        return Math.min(
                18, String.format(Locale.ROOT, "%,.4f", d).replaceAll("0+$", "").length() + 1);
    }

    // ---- README -----------------------------------------------------------------------------------

    private void readme(Network network) {
        XSSFSheet sheet = workbook.createSheet(Layout.README);
        sheet.setColumnWidth(0, 26 * 256);
        sheet.setColumnWidth(1, 110 * 256);
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"Footprint model workbook"});
        lines.add(new String[] {"", network.name()});
        lines.add(new String[] {});
        lines.add(new String[] {
            "How to use it",
            "Change or fill the sheets, then make a model file of the workbook:\n"
                    + "    footprint import-model model.xlsx --yaml model.yaml\n"
                    + "Every problem is reported by sheet and cell (model.xlsx, sheet plants, cell C4), with what would"
                    + " be valid, and nothing is written while an error remains. footprint export-model writes a"
                    + " model as such a workbook."
        });
        lines.add(new String[] {
            "Columns",
            "The first row of each sheet names its columns: keep the names, they are how Footprint reads the"
                    + " sheet. Point at a name to see what the column holds. Add, remove and sort rows freely."
                    + " Columns and sheets whose name starts with # are notes, which Footprint does not read."
        });
        lines.add(new String[] {
            "Figures",
            "Every number is a figure, written over the columns value | low | high | mode | dist | mean | sd |"
                    + " source | unit (on sheets with several figures to a row, with the field's name: cost,"
                    + " cost.low, cost.high, ...). Give one of:\n"
                    + "  value alone: a number known exactly (125000);\n"
                    + "  low and high, and optionally mode: a range. The plan uses the mode, else the midpoint; risk"
                    + " analysis draws from the range;\n"
                    + "  dist with its parameters: triangular (low, mode, high), uniform (low, high), normal or"
                    + " lognormal (mean, sd)."
        });
        lines.add(new String[] {
            "Numbers",
            "Type plain numbers (125000, 1.5E6). Fractions may be typed as percentages: 8% is 0.08. Shares,"
                    + " rates, ownership and duties are fractions."
        });
        lines.add(new String[] {
            "Sources",
            "source says where a figure comes from: seed 000 (an article of the case), a web address, or"
                    + " assumption: followed by why. Give every figure a source, and every assumption as a range,"
                    + " so that risk analysis shows how much the plan depends on it."
        });
        lines.add(new String[] {
            "Units",
            "Money is in the currency of its plant (costs) or market (prices and penalties); lane costs are in"
                    + " the base currency (" + network.currency() + "). unit is informative, except energy units"
                    + " (kWh, MWh, GWh, also per year), which are converted into the component's unit."
        });
        lines.add(new String[] {
            "Years",
            "A figure that changes over the years takes one row per year given, with the year in year. Between"
                    + " years given the value holds (step) or runs straight (interpolate: linear, on any of the"
                    + " rows); before the first it is the first, after the last it holds. A row whose year is"
                    + " growth gives a yearly growth rate, from the year in growth-from on. Leave year empty for"
                    + " one figure for every year. Spans of years (years columns): 2022, 2021-2025, 2022- (from"
                    + " 2022 on), -2025 (up to 2025)."
        });
        lines.add(new String[] {
            "Keys and lists",
            "variable-cost (plant-figures) and prices may be given per product or platform (key) or per market:"
                    + " a row for default applies to all not listed; leave the key empty for one figure for all."
                    + " Lists (a plant's platforms, a duty's origins, brands, products) are comma-separated: EU,"
                    + " UK."
        });
        lines.add(new String[] {
            "More",
            "docs/model-format.md describes every field (the same names as the columns); docs/errors.md every"
                    + " problem code."
        });
        lines.add(new String[] {});
        lines.add(new String[] {"Sheet", "What it holds"});
        int first = lines.size();
        for (Layout.Sheet s : Layout.SHEETS) {
            lines.add(new String[] {s.name(), s.about() + "\nColumns: " + String.join(", ", s.headers()) + "."});
        }
        XSSFCreationHelper helper = workbook.getCreationHelper();
        for (int r = 0; r < lines.size(); r++) {
            String[] line = lines.get(r);
            XSSFRow row = sheet.createRow(r);
            int height = 1;
            for (int c = 0; c < line.length; c++) {
                XSSFCell cell = row.createCell(c);
                cell.setCellValue(line[c]);
                Style style = c == 0 ? Style.HEADING : Style.WRAP;
                if (r == 0) {
                    style = Style.TITLE;
                } else if (r == first - 1) {
                    style = Style.HEADER;
                } else if (r >= first && c == 0) {
                    style = Style.LINK;
                    XSSFHyperlink link = helper.createHyperlink(HyperlinkType.DOCUMENT);
                    link.setAddress("'" + line[0] + "'!A1");
                    cell.setHyperlink(link);
                }
                cell.setCellStyle(styles.get(style));
                int lineCount = 0;
                for (String l : line[c].split("\n", -1)) {
                    lineCount += 1 + l.length() / 105;
                }
                height = Math.max(height, lineCount);
            }
            if (r > 0) {
                row.setHeightInPoints(height * 15f);
            }
        }
        sheet.createFreezePane(0, 1);
    }

    // ---- rows of each sheet -----------------------------------------------------------------------

    private static List<Map<String, Object>> rows(Layout.Sheet sheet, Network n) {
        List<Map<String, Object>> out = new ArrayList<>();
        switch (sheet.name()) {
            case "model" -> {
                out.add(row("field", "footprint", "value", 1.0));
                out.add(row("field", "name", "value", n.name()));
                out.add(
                        n.description().isEmpty()
                                ? row("field", "description")
                                : row("field", "description", "value", n.description()));
                out.add(row(
                        "field", "horizon.from", "value", new Year(n.horizon().firstYear())));
                out.add(row("field", "horizon.to", "value", new Year(n.horizon().lastYear())));
                out.add(row("field", "currency", "value", n.currency()));
                out.add(figure(row("field", "discount-rate"), "", n.discountRate(), true));
                out.add(row("field", "objective", "value", n.objective().name().toLowerCase(Locale.ROOT)));
            }
            case "fx" -> {
                n.fx().forEach((c, s) -> out.addAll(series(row("currency", c), "", s, false, List.of("currency"))));
            }
            case "countries" -> {
                for (Country c : n.countries()) {
                    var r = optional(
                            row("code", c.code(), "name", c.name(), "bloc", c.bloc()), "currency", c.currency());
                    out.add(located(r, n, "countries", c.code()));
                }
            }
            case "platforms" -> {
                for (Platform p : n.platforms()) {
                    out.add(row("id", p.id(), "name", p.name()));
                }
            }
            case "components" -> {
                for (Component c : n.components()) {
                    out.add(row("id", c.id(), "name", c.name(), "unit", c.unit()));
                }
            }
            case "plants" -> {
                for (Plant p : n.plants()) {
                    var r = optional(
                            row("id", p.id(), "name", p.name(), "country", p.country()), "currency", p.currency());
                    located(r, n, "plants", p.id());
                    if (!p.platforms().isEmpty()) {
                        r.put("platforms", String.join(", ", p.platforms()));
                    }
                    out.add(r);
                }
            }
            case "plant-figures" -> {
                n.plants().forEach(p -> plantFigures(p, out));
            }
            case "tooling" -> {
                for (Plant p : n.plants()) {
                    for (ToolingOption t : p.tooling()) {
                        var r = row("plant", p.id(), "platform", t.platform());
                        figure(r, "investment", t.investment(), false);
                        figure(r, "lead-time", t.leadTimeYears(), false);
                        out.add(r);
                    }
                }
            }
            case "plant-status" -> {
                for (Plant p : n.plants()) {
                    for (StatusSpan s : p.status()) {
                        out.add(row(
                                "plant",
                                p.id(),
                                "years",
                                years(s.years()),
                                "status",
                                s.status().name().toLowerCase(Locale.ROOT)));
                    }
                }
            }
            case "products" -> {
                for (Product p : n.products()) {
                    out.add(row(
                            "id",
                            p.id(),
                            "name",
                            p.name(),
                            "brand",
                            p.brand(),
                            "segment",
                            p.segment(),
                            "platform",
                            p.platform()));
                }
            }
            case "bom" -> {
                for (Product p : n.products()) {
                    p.bom().forEach((c, f) -> out.add(figure(row("product", p.id(), "component", c), "", f, false)));
                }
            }
            case "prices" -> {
                for (Product p : n.products()) {
                    perKey(row("product", p.id()), "market", p.price(), false, out);
                }
            }
            case "component-plants" -> {
                for (ComponentPlant c : n.componentPlants()) {
                    var r = optional(
                            row("id", c.id(), "name", c.name(), "country", c.country()), "currency", c.currency());
                    located(r, n, "component-plants", c.id());
                    r.put("component", c.component());
                    out.add(r);
                }
            }
            case "component-plant-figures" -> {
                n.componentPlants().forEach(c -> componentPlantFigures(c, out));
            }
            case "markets" -> {
                for (Market m : n.markets()) {
                    var r = optional(
                            row("id", m.id(), "name", m.name(), "country", m.country()), "currency", m.currency());
                    located(r, n, "markets", m.id());
                    m.lostSalePenalty().ifPresent(f -> figure(r, "lost-sale-penalty", f, false));
                    out.add(r);
                }
            }
            case "segments" -> {
                for (Market m : n.markets()) {
                    for (SegmentDemand s : m.segments()) {
                        var r = row("market", m.id(), "segment", s.segment());
                        s.groupShare().ifPresent(f -> figure(r, "group-share", f, true));
                        out.add(r);
                    }
                }
            }
            case "demand" -> {
                for (Market m : n.markets()) {
                    m.demand()
                            .forEach((p, s) -> out.addAll(series(
                                    row("market", m.id(), "product", p), "", s, false, List.of("market", "product"))));
                    for (SegmentDemand s : m.segments()) {
                        out.addAll(series(
                                row("market", m.id(), "segment", s.segment()),
                                "",
                                s.volume(),
                                false,
                                List.of("market", "segment")));
                    }
                }
            }
            case "shares" -> {
                for (Market m : n.markets()) {
                    for (SegmentDemand s : m.segments()) {
                        s.shares()
                                .forEach((p, f) -> out.add(figure(
                                        row("market", m.id(), "segment", s.segment(), "product", p), "", f, true)));
                    }
                }
            }
            case "lanes" -> {
                n.lanes().forEach(l -> lane(l, out));
            }
            case "duties" -> {
                n.duties().forEach(d -> duty(d, out));
            }
            case "bans" -> {
                for (Ban b : n.bans()) {
                    var r = row("id", b.id(), "from", places(b.from()), "to", places(b.to()));
                    list(r, "brands", b.brands());
                    list(r, "products", b.products());
                    list(r, "components", b.components());
                    rule(r, b.years(), b.source().map(Object::toString));
                    out.add(r);
                }
            }
            case "local-content" -> {
                for (LocalContent l : n.localContent()) {
                    var r = row("id", l.id(), "to", places(l.to()));
                    figure(r, "min-share", l.minShare(), true);
                    rule(r, l.years(), l.source().map(Object::toString));
                    out.add(r);
                }
            }
            case "commitments" -> {
                for (Commitment c : n.commitments()) {
                    var r = row("id", c.id(), "plant", c.plant());
                    c.minOutput().ifPresent(f -> figure(r, "min-output", f, false));
                    c.minJobs().ifPresent(f -> figure(r, "min-jobs", f, false));
                    rule(r, c.years(), c.source().map(Object::toString));
                    out.add(r);
                }
            }
            case "disruptions" -> {
                for (Disruption d : n.disruptions()) {
                    var r = row("id", d.id());
                    d.plant().ifPresent(p -> r.put("plant", p));
                    d.lane().ifPresent(l -> r.put("lane", l));
                    list(r, "from", d.from());
                    list(r, "to", d.to());
                    figure(r, "probability", d.probability(), true);
                    rule(r, d.years(), d.source().map(Object::toString));
                    out.add(r);
                }
            }
            case "decisions" -> {
                for (Decision d : n.decisions()) {
                    var r = row("id", d.id(), d.rule().word(), d.action().word(), "plant", d.plant());
                    d.platform().ifPresent(p -> r.put("platform", p));
                    rule(r, d.years(), d.source().map(Object::toString));
                    out.add(r);
                }
            }
            default -> {
                throw new IllegalStateException("no rows for sheet " + sheet.name());
            }
        }
        return out;
    }

    private static Map<String, Object> row(Object... keyValues) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        if (keyValues.length % 2 == 1) {
            m.put((String) keyValues[keyValues.length - 1], null);
        }
        return m;
    }

    private static Map<String, Object> optional(Map<String, Object> row, String key, Optional<String> value) {
        value.ifPresent(v -> row.put(key, v));
        return row;
    }

    /**
     * Puts the thing's own location (not its country's) into the columns location.lat and
     * location.lon; {@code kind} is its collection in the model (plants), as in the network's keys.
     */
    private static Map<String, Object> located(Map<String, Object> row, Network n, String kind, String id) {
        GeoPoint p = n.locations().get(kind + "[" + id + "]");
        if (p != null) {
            row.put(Layout.LOCATION + ".lat", p.lat());
            row.put(Layout.LOCATION + ".lon", p.lon());
        }
        return row;
    }

    private static void list(Map<String, Object> row, String key, List<String> values) {
        if (!values.isEmpty()) {
            row.put(key, String.join(", ", values));
        }
    }

    private static String places(List<String> places) {
        return String.join(", ", places);
    }

    private static Object years(YearRange y) {
        return y.first() == y.last() ? (Object) new Year(y.first()) : y.toString();
    }

    private static void rule(Map<String, Object> row, YearRange years, Optional<String> source) {
        if (!years.equals(YearRange.ALL)) {
            row.put("years", years(years));
        }
        source.ifPresent(s -> row.put("source", s));
    }

    private static Object number(double v, boolean fraction) {
        return fraction ? new Fraction(v) : (Object) v;
    }

    /** Puts a figure's cells into a row, under the columns of {@code prefix}. */
    private static Map<String, Object> figure(Map<String, Object> row, String prefix, Figure f, boolean fraction) {
        Quantity q = f.quantity();
        if (q instanceof Quantity.Point p) {
            row.put(Layout.part(prefix, "value"), number(p.value(), fraction));
        } else if (q instanceof Quantity.Range r) {
            row.put(Layout.part(prefix, "low"), number(r.low(), fraction));
            row.put(Layout.part(prefix, "high"), number(r.high(), fraction));
            if (r.mode().isPresent()) {
                row.put(Layout.part(prefix, "mode"), number(r.mode().getAsDouble(), fraction));
            }
        } else if (q instanceof Quantity.Triangular t) {
            row.put(Layout.part(prefix, "dist"), "triangular");
            row.put(Layout.part(prefix, "low"), number(t.low(), fraction));
            row.put(Layout.part(prefix, "mode"), number(t.mode(), fraction));
            row.put(Layout.part(prefix, "high"), number(t.high(), fraction));
        } else if (q instanceof Quantity.Uniform u) {
            row.put(Layout.part(prefix, "dist"), "uniform");
            row.put(Layout.part(prefix, "low"), number(u.low(), fraction));
            row.put(Layout.part(prefix, "high"), number(u.high(), fraction));
        } else if (q instanceof Quantity.Normal nd) {
            row.put(Layout.part(prefix, "dist"), "normal");
            row.put(Layout.part(prefix, "mean"), number(nd.mean(), fraction));
            row.put(Layout.part(prefix, "sd"), number(nd.sd(), fraction));
        } else if (q instanceof Quantity.LogNormal ln) {
            row.put(Layout.part(prefix, "dist"), "lognormal");
            row.put(Layout.part(prefix, "mean"), number(ln.mean(), fraction));
            row.put(Layout.part(prefix, "sd"), number(ln.sd(), fraction));
        }
        f.source().ifPresent(s -> row.put(Layout.part(prefix, "source"), s.text()));
        f.unit().ifPresent(u -> row.put(Layout.part(prefix, "unit"), u));
        return row;
    }

    /**
     * The rows of a series: one row for one figure, else one per year and one for growth. Each row
     * starts from {@code base}; rows after the first keep only the {@code keys} columns of it.
     */
    private static List<Map<String, Object>> series(
            Map<String, Object> base, String prefix, Series s, boolean fraction, List<String> keys) {
        if (s instanceof Series.Constant c) {
            return List.of(figure(new LinkedHashMap<>(base), prefix, c.figure(), fraction));
        }
        Series.ByYear by = (Series.ByYear) s;
        List<Map<String, Object>> out = new ArrayList<>();
        for (var anchor : by.anchors().entrySet()) {
            Map<String, Object> r = out.isEmpty() ? new LinkedHashMap<>(base) : keysOf(base, keys);
            r.put(Layout.part(prefix, "year"), new Year(anchor.getKey()));
            figure(r, prefix, anchor.getValue(), fraction);
            if (out.isEmpty() && by.interpolation() == Series.Interpolation.LINEAR) {
                r.put(Layout.part(prefix, "interpolate"), "linear");
            }
            out.add(r);
        }
        by.growth().ifPresent(g -> {
            Map<String, Object> r = keysOf(base, keys);
            r.put(Layout.part(prefix, "year"), Layout.GROWTH);
            figure(r, prefix, g.rate(), true);
            r.put(Layout.part(prefix, "growth-from"), new Year(g.fromYear()));
            out.add(r);
        });
        return out;
    }

    private static Map<String, Object> keysOf(Map<String, Object> base, List<String> keys) {
        var m = new LinkedHashMap<String, Object>();
        for (String k : keys) {
            if (base.get(k) != null) {
                m.put(k, base.get(k));
            }
        }
        return m;
    }

    private static void perKey(
            Map<String, Object> base,
            String keyColumn,
            PerKey<Series> p,
            boolean fraction,
            List<Map<String, Object>> out) {
        List<String> keys = new ArrayList<>(base.keySet());
        keys.add(keyColumn);
        if (p.byKey().isEmpty()) {
            p.fallback().ifPresent(s -> out.addAll(series(base, "", s, fraction, keys)));
            return;
        }
        p.fallback().ifPresent(s -> {
            var r = new LinkedHashMap<>(base);
            r.put(keyColumn, "default");
            out.addAll(series(r, "", s, fraction, keys));
        });
        p.byKey().forEach((k, s) -> {
            var r = new LinkedHashMap<>(base);
            r.put(keyColumn, k);
            out.addAll(series(r, "", s, fraction, keys));
        });
    }

    private static boolean isFraction(String section, String field) {
        return FieldCatalogue.section(section)
                .field(field)
                .map(f -> f.unit().startsWith("fraction"))
                .orElse(false);
    }

    private static void plantFigures(Plant p, List<Map<String, Object>> out) {
        List<String> keys = List.of("plant", "field", "key");
        p.ownership().ifPresent(f -> out.add(figure(row("plant", p.id(), "field", "ownership"), "", f, true)));
        out.addAll(series(row("plant", p.id(), "field", "capacity"), "", p.capacity(), false, keys));
        p.lineCapacity()
                .forEach((k, s) -> out.addAll(
                        series(row("plant", p.id(), "field", "line-capacity", "key", k), "", s, false, keys)));
        Map<String, Optional<?>> rest = new LinkedHashMap<>();
        rest.put("workforce", p.workforce());
        rest.put("idle-workforce", p.idleWorkforce());
        rest.put("fixed-cost", p.fixedCost());
        rest.put("idle-cost", p.idleCost());
        rest.put("closure-cost", p.closureCost());
        rest.put("reopening-cost", p.reopeningCost());
        rest.forEach((field, value) -> value.ifPresent(v -> {
            var base = row("plant", p.id(), "field", field);
            boolean fraction = isFraction("plant", field);
            if (v instanceof Figure f) {
                out.add(figure(base, "", f, fraction));
            } else {
                out.addAll(series(base, "", (Series) v, fraction, keys));
            }
        }));
        if (!p.variableCost().isEmpty()) {
            perKey(row("plant", p.id(), "field", "variable-cost"), "key", p.variableCost(), false, out);
        }
    }

    private static void componentPlantFigures(ComponentPlant c, List<Map<String, Object>> out) {
        List<String> keys = List.of("component-plant", "field");
        c.ownership()
                .ifPresent(f -> out.add(figure(row("component-plant", c.id(), "field", "ownership"), "", f, true)));
        out.addAll(series(row("component-plant", c.id(), "field", "capacity"), "", c.capacity(), false, keys));
        c.unitCost()
                .ifPresent(s ->
                        out.addAll(series(row("component-plant", c.id(), "field", "unit-cost"), "", s, false, keys)));
        c.fixedCost()
                .ifPresent(s ->
                        out.addAll(series(row("component-plant", c.id(), "field", "fixed-cost"), "", s, false, keys)));
    }

    private static void lane(Lane l, List<Map<String, Object>> out) {
        var base = row("from", l.from(), "to", l.to(), "mode", l.mode().name().toLowerCase(Locale.ROOT));
        if (!l.years().equals(YearRange.ALL)) {
            base.put("years", years(l.years()));
        }
        l.leadTimeDays().ifPresent(f -> figure(base, "lead-time", f, false));
        List<String> keys = List.of("from", "to", "mode");
        if (l.costPerUnit().isPresent()) {
            out.addAll(series(base, "cost", l.costPerUnit().get(), false, keys));
        } else {
            out.add(base);
        }
    }

    private static void duty(Duty d, List<Map<String, Object>> out) {
        var base = row("id", d.id(), "from", places(d.from()), "to", places(d.to()));
        list(base, "brands", d.brands());
        list(base, "products", d.products());
        rule(base, d.years(), d.source().map(Object::toString));
        out.addAll(series(base, "rate", d.rate(), true, List.of("id")));
    }
}
