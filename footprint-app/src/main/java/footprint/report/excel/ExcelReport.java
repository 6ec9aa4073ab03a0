package footprint.report.excel;

import com.fasterxml.jackson.databind.JsonNode;
import footprint.report.html.LabeledPlan;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One workbook of one or more plans: a sheet per table (KPIs, plant-years, flows, lost sales,
 * component flows, investments, decisions), with a Plan column first when there are several plans,
 * real number formats (money, percentages, counts), a frozen header row and a filter on every
 * sheet. Money is in the plan's base currency, not rounded: the formats round it on screen.
 */
public final class ExcelReport {
    /** The number format of a column. */
    enum Kind {
        TEXT(null),
        /** Present values and amounts: whole units of the currency, negatives in red. */
        MONEY("#,##0;[Red]-#,##0"),
        /** Vehicles, component units, jobs. */
        COUNT("#,##0"),
        PERCENT("0.0%"),
        YEAR("0"),
        /** Shadow prices: money per vehicle. */
        RATE("#,##0.00;[Red]-#,##0.00"),
        BOOLEAN(null);

        final String format;

        Kind(String format) {
            this.format = format;
        }
    }

    record Column(String header, Kind kind, int width) {}

    /** The names of the sheets, in order. */
    public static final List<String> SHEETS =
            List.of("KPIs", "Plant-years", "Flows", "Lost sales", "Component flows", "Investments", "Decisions");

    private ExcelReport() {}

    /** Writes the workbook to {@code file}, replacing it (through a temporary file beside it). */
    public static void write(List<LabeledPlan> plans, Path file) throws IOException {
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one plan");
        }
        save(() -> workbook(plans), file);
    }

    /**
     * Writes the workbook {@code make} builds to {@code file}, replacing it: through a temporary
     * file beside it, made with the usual permissions (createTempFile's are owner-only), so a failed
     * write never leaves a half-written workbook under the real name.
     */
    public static void save(Supplier<XSSFWorkbook> make, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve(
                "." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try (XSSFWorkbook book = make.get();
                OutputStream out = Files.newOutputStream(tmp)) {
            book.write(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The workbook in memory. */
    static XSSFWorkbook workbook(List<LabeledPlan> plans) {
        XSSFWorkbook book = new XSSFWorkbook();
        Styles styles = new Styles(book);
        boolean several = plans.size() > 1;

        List<Column> kpiColumns = new ArrayList<>(List.of(
                new Column("Status", Kind.TEXT, 12),
                new Column("Objective", Kind.TEXT, 11),
                new Column("Currency", Kind.TEXT, 10),
                new Column("Gap", Kind.PERCENT, 9)));
        Map<String, String> kpis = LabeledPlan.KPI_NAMES;
        kpis.values().forEach(name -> kpiColumns.add(new Column(name, Kind.MONEY, 16)));
        kpiColumns.add(new Column("Vehicles sold", Kind.COUNT, 15));
        kpiColumns.add(new Column("Lost sales", Kind.COUNT, 13));
        List<List<Object>> kpiRows = new ArrayList<>();
        for (LabeledPlan p : plans) {
            JsonNode plan = p.plan();
            List<Object> row = new ArrayList<>();
            row.add(plan.path("status").asText());
            row.add(plan.path("mode").asText("npv"));
            row.add(p.currency());
            row.add(plan.path("gap").isNumber() ? plan.path("gap").asDouble() : null);
            kpis.keySet().forEach(k -> row.add(plan.path("kpis").path(k).asDouble()));
            row.add(sum(p.table("flows"), "volume"));
            row.add(sum(p.table("lostSales"), "volume"));
            kpiRows.add(row);
        }
        fill(
                book,
                styles,
                "KPIs",
                several ? plans.stream().map(LabeledPlan::label).toList() : null,
                kpiColumns,
                kpiRows);

        sheet(
                book,
                styles,
                "Plant-years",
                plans,
                several,
                List.of(
                        new Column("Plant", Kind.TEXT, 14),
                        new Column("Plant name", Kind.TEXT, 30),
                        new Column("Year", Kind.YEAR, 8),
                        new Column("Status", Kind.TEXT, 10),
                        new Column("Output", Kind.COUNT, 12),
                        new Column("Capacity", Kind.COUNT, 12),
                        new Column("Utilisation", Kind.PERCENT, 12),
                        new Column("Jobs", Kind.COUNT, 10),
                        new Column("Capacity shadow price", Kind.RATE, 22)),
                (p, r) -> List.of(
                        r.path("plant").asText(),
                        p.nameOf("plants", r.path("plant").asText()),
                        r.path("year").asInt(),
                        r.path("status").asText(),
                        r.path("output").asDouble(),
                        r.path("capacity").asDouble(),
                        r.path("utilisation").asDouble(),
                        r.path("jobs").asDouble(),
                        r.path("capacityShadowPrice").asDouble()),
                "plants");
        sheet(
                book,
                styles,
                "Flows",
                plans,
                several,
                List.of(
                        new Column("Plant", Kind.TEXT, 14),
                        new Column("Product", Kind.TEXT, 18),
                        new Column("Market", Kind.TEXT, 12),
                        new Column("Year", Kind.YEAR, 8),
                        new Column("Volume", Kind.COUNT, 12)),
                (p, r) -> List.of(
                        r.path("plant").asText(),
                        r.path("product").asText(),
                        r.path("market").asText(),
                        r.path("year").asInt(),
                        r.path("volume").asDouble()),
                "flows");
        sheet(
                book,
                styles,
                "Lost sales",
                plans,
                several,
                List.of(
                        new Column("Market", Kind.TEXT, 12),
                        new Column("Product", Kind.TEXT, 18),
                        new Column("Year", Kind.YEAR, 8),
                        new Column("Volume", Kind.COUNT, 12)),
                (p, r) -> List.of(
                        r.path("market").asText(),
                        r.path("product").asText(),
                        r.path("year").asInt(),
                        r.path("volume").asDouble()),
                "lostSales");
        sheet(
                book,
                styles,
                "Component flows",
                plans,
                several,
                List.of(
                        new Column("Component plant", Kind.TEXT, 20),
                        new Column("Plant", Kind.TEXT, 14),
                        new Column("Component", Kind.TEXT, 18),
                        new Column("Year", Kind.YEAR, 8),
                        new Column("Volume", Kind.COUNT, 12)),
                (p, r) -> List.of(
                        r.path("componentPlant").asText(),
                        r.path("plant").asText(),
                        r.path("component").asText(),
                        r.path("year").asInt(),
                        r.path("volume").asDouble()),
                "componentFlows");
        sheet(
                book,
                styles,
                "Investments",
                plans,
                several,
                List.of(
                        new Column("Plant", Kind.TEXT, 14),
                        new Column("Platform", Kind.TEXT, 14),
                        new Column("Year", Kind.YEAR, 8),
                        new Column("Amount", Kind.MONEY, 16),
                        new Column("Currency", Kind.TEXT, 10)),
                (p, r) -> List.of(
                        r.path("plant").asText(),
                        r.path("platform").asText(),
                        r.path("year").asInt(),
                        r.path("amount").asDouble(),
                        p.currency()),
                "investments");
        sheet(
                book,
                styles,
                "Decisions",
                plans,
                several,
                List.of(
                        new Column("Year", Kind.YEAR, 8),
                        new Column("Plant", Kind.TEXT, 14),
                        new Column("Action", Kind.TEXT, 10),
                        new Column("Platform", Kind.TEXT, 12),
                        new Column("Given by the model", Kind.BOOLEAN, 12),
                        new Column("Decision", Kind.TEXT, 60)),
                (p, r) -> List.of(
                        r.path("year").asInt(),
                        r.path("plant").asText(),
                        r.path("action").asText(),
                        r.path("platform").asText(""),
                        r.path("given").asBoolean(false),
                        r.path("text").asText()),
                "decisions");
        return book;
    }

    interface RowOf {
        List<Object> of(LabeledPlan plan, JsonNode row);
    }

    private static void sheet(
            XSSFWorkbook book,
            Styles styles,
            String name,
            List<LabeledPlan> plans,
            boolean several,
            List<Column> columns,
            RowOf rowOf,
            String table) {
        List<List<Object>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (LabeledPlan p : plans) {
            for (JsonNode r : p.table(table)) {
                rows.add(rowOf.of(p, r));
                labels.add(p.label());
            }
        }
        fill(book, styles, name, several ? labels : null, columns, rows);
    }

    /** A sheet: the header row (frozen, filtered) and one row per item, a Plan column first if labels. */
    private static void fill(
            XSSFWorkbook book,
            Styles styles,
            String name,
            List<String> labels,
            List<Column> columns,
            List<List<Object>> rows) {
        Sheet sheet = book.createSheet(name);
        List<Column> all = new ArrayList<>();
        if (labels != null) {
            all.add(new Column("Plan", Kind.TEXT, 18));
        }
        all.addAll(columns);
        Row header = sheet.createRow(0);
        for (int c = 0; c < all.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(all.get(c).header());
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(
                    c, Math.max(all.get(c).width(), all.get(c).header().length() + 4) * 256);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Object> values = new ArrayList<>();
            if (labels != null) {
                values.add(labels.get(r));
            }
            values.addAll(rows.get(r));
            for (int c = 0; c < all.size(); c++) {
                Object v = values.get(c);
                Cell cell = row.createCell(c);
                if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v instanceof Boolean b) {
                    cell.setCellValue(b);
                } else if (v != null) {
                    cell.setCellValue(v.toString());
                } else {
                    cell.setBlank();
                }
                CellStyle style = styles.body.get(all.get(c).kind());
                if (style != null) {
                    cell.setCellStyle(style);
                }
            }
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, rows.size()), 0, all.size() - 1));
    }

    private static final class Styles {
        final CellStyle header;
        final Map<Kind, CellStyle> body = new EnumMap<>(Kind.class);

        Styles(XSSFWorkbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            header = book.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            for (Kind k : Kind.values()) {
                if (k.format != null) {
                    CellStyle s = book.createCellStyle();
                    s.setDataFormat(book.createDataFormat().getFormat(k.format));
                    body.put(k, s);
                }
            }
        }
    }

    private static double sum(JsonNode rows, String field) {
        double total = 0;
        for (JsonNode r : rows) {
            total += r.path(field).asDouble();
        }
        return total;
    }
}
