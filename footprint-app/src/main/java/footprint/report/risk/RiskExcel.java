package footprint.report.risk;

import footprint.model.Network;
import footprint.report.excel.ExcelReport;
import footprint.risk.Distribution;
import footprint.risk.Driver;
import footprint.risk.RiskReport;
import footprint.risk.SampleResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A risk run as a workbook: the summary, the NPV histogram and the tornado each with a native
 * Excel chart drawn from the sheet's own cells (so a planner can restyle or extend them), the
 * disruptions, and every sample. Money is in millions of the base currency, as in the text and
 * HTML reports.
 */
public final class RiskExcel {
    /** The names of the sheets, in order. */
    public static final List<String> SHEETS = List.of("Summary", "Histogram", "Tornado", "Disruptions", "Samples");

    /** Bars in the tornado chart (every driver is in the sheet). */
    static final int TORNADO_BARS = 15;

    private static final String MILLIONS = "#,##0.0;[Red]-#,##0.0";

    private RiskExcel() {}

    /** Writes the workbook to {@code file}, replacing it through a temporary file beside it. */
    public static void write(Network network, RiskReport r, String planFrom, Path file) throws IOException {
        ExcelReport.save(() -> workbook(network, r, planFrom), file);
    }

    /** The workbook in memory. */
    static XSSFWorkbook workbook(Network network, RiskReport r, String planFrom) {
        XSSFWorkbook book = new XSSFWorkbook();
        Styles st = new Styles(book);
        String cur = network.currency();
        summary(book.createSheet(SHEETS.get(0)), st, network, r, planFrom);
        histogram(book.createSheet(SHEETS.get(1)), st, r, cur);
        tornado(book.createSheet(SHEETS.get(2)), st, r, cur);
        disruptions(book.createSheet(SHEETS.get(3)), st, network, r, cur);
        samples(book.createSheet(SHEETS.get(4)), st, network, r, cur);
        return book;
    }

    private static void summary(XSSFSheet sh, Styles st, Network network, RiskReport r, String planFrom) {
        String cur = network.currency();
        int at = 0;
        at = pair(sh, st, at, "Model", network.name());
        at = pair(sh, st, at, "Plan", "strategic decisions " + planFrom + ", flows re-solved per sample");
        at = pair(sh, st, at, "Samples", r.samples());
        at = pair(sh, st, at, "Seed", r.seed());
        at = pair(sh, st, at, "Uncertain inputs", r.inputs());
        at = pair(sh, st, at, "Disruptions", network.disruptions().size());
        at++;
        header(sh, st, at++, "", "mean", "P5", "P50", "P95", "sd");
        at = stats(sh, st, at, "NPV (M " + cur + ")", r.npv(), 1e-6, st.millions);
        at = stats(sh, st, at, "Lost sales (vehicles)", r.lostSales(), 1, st.count);
        at = stats(sh, st, at, "Lost share of demand", r.lostShare(), 1, st.percent);
        at = stats(sh, st, at, "Utilisation of running plants", r.utilisation(), 1, st.percent);
        at++;
        at = number(
                sh,
                st,
                at,
                "NPV on the nominal values (M " + cur + ")",
                r.nominal().npv() / 1e6,
                st.millions);
        at = number(
                sh,
                st,
                at,
                String.format(Locale.ROOT, "Value at risk, %s (M %s below the mean)", RiskText.pct(r.level()), cur),
                r.valueAtRisk() / 1e6,
                st.millions);
        at = number(
                sh, st, at, "Conditional value at risk (M " + cur + ")", r.conditionalValueAtRisk() / 1e6, st.millions);
        at = number(sh, st, at, "Probability of a loss", r.probabilityOfLoss(), st.percent);
        number(sh, st, at, "Samples left out (infeasible)", r.infeasible(), st.count);
        sh.setColumnWidth(0, 46 * 256);
        for (int c = 1; c <= 5; c++) {
            sh.setColumnWidth(c, 14 * 256);
        }
    }

    private static void histogram(XSSFSheet sh, Styles st, RiskReport r, String cur) {
        double[] npv = r.results().stream()
                .filter(SampleResult::solved)
                .mapToDouble(s -> s.npv() / 1e6)
                .toArray();
        List<double[]> bins = RiskHtml.bins(npv);
        header(sh, st, 0, "NPV bin (M " + cur + ")", "from", "to", "samples");
        int at = 1;
        for (double[] b : bins) {
            Row row = sh.createRow(at++);
            row.createCell(0).setCellValue(String.format(Locale.ROOT, "%,.0f to %,.0f", b[0], b[1]));
            cell(row, 1, b[0], st.millions);
            cell(row, 2, b[1], st.millions);
            cell(row, 3, b[2], st.count);
        }
        sh.setColumnWidth(0, 24 * 256);
        if (bins.isEmpty()) {
            return;
        }
        XDDFDataSource<String> labels =
                XDDFDataSourcesFactory.fromStringCellRange(sh, new CellRangeAddress(1, bins.size(), 0, 0));
        XDDFNumericalDataSource<Double> counts =
                XDDFDataSourcesFactory.fromNumericCellRange(sh, new CellRangeAddress(1, bins.size(), 3, 3));
        XSSFChart chart = chart(sh, 5, 1, 17, 24, "NPV over the samples (M " + cur + ")");
        XDDFBarChartData data = bars(chart, BarDirection.COL, "NPV (M " + cur + ")", "samples");
        data.addSeries(labels, counts).setTitle("samples", null);
        data.setGapWidth(10);
        chart.plot(data);
    }

    private static void tornado(XSSFSheet sh, Styles st, RiskReport r, String cur) {
        header(
                sh,
                st,
                0,
                "input",
                "form",
                "nominal",
                "low",
                "high",
                "NPV at low (M " + cur + ")",
                "NPV at high (M " + cur + ")",
                "swing (M " + cur + ")",
                "Spearman",
                "at low − nominal NPV",
                "at high − nominal NPV");
        double nominal = r.nominal().npv() / 1e6;
        int at = 1;
        for (Driver d : r.drivers()) {
            Row row = sh.createRow(at++);
            row.createCell(0).setCellValue(d.path());
            row.createCell(1).setCellValue(d.form());
            cell(row, 2, d.nominal(), st.plain);
            cell(row, 3, d.low(), st.plain);
            cell(row, 4, d.high(), st.plain);
            cell(row, 5, d.npvAtLow() / 1e6, st.millions);
            cell(row, 6, d.npvAtHigh() / 1e6, st.millions);
            cell(row, 7, d.swing() / 1e6, st.millions);
            cell(row, 8, d.spearman(), st.plain);
            cell(row, 9, d.npvAtLow() / 1e6 - nominal, st.millions);
            cell(row, 10, d.npvAtHigh() / 1e6 - nominal, st.millions);
        }
        sh.setColumnWidth(0, 44 * 256);
        sh.setColumnWidth(1, 20 * 256);
        for (int c = 2; c <= 10; c++) {
            sh.setColumnWidth(c, 14 * 256);
        }
        sh.createFreezePane(1, 1);
        int bars = Math.min(TORNADO_BARS, r.drivers().size());
        if (bars == 0 || Double.isNaN(nominal)) {
            return;
        }
        // the widest bar on top: a bar chart lists its first category at the bottom, so reverse
        XDDFDataSource<String> labels =
                XDDFDataSourcesFactory.fromStringCellRange(sh, new CellRangeAddress(1, bars, 0, 0));
        XSSFChart chart = chart(sh, 0, at + 2, 11, at + 2 + Math.max(16, 2 * bars), "What drives the NPV");
        XDDFBarChartData data = bars(chart, BarDirection.BAR, "", "NPV against the nominal (M " + cur + ")");
        data.getCategoryAxis().setOrientation(AxisOrientation.MAX_MIN);
        // side by side: an overlap would need a part of the OOXML schema that poi-ooxml-lite leaves out
        data.setBarGrouping(BarGrouping.CLUSTERED);
        data.addSeries(labels, XDDFDataSourcesFactory.fromNumericCellRange(sh, new CellRangeAddress(1, bars, 9, 9)))
                .setTitle("input at its low end", null);
        data.addSeries(labels, XDDFDataSourcesFactory.fromNumericCellRange(sh, new CellRangeAddress(1, bars, 10, 10)))
                .setTitle("input at its high end", null);
        chart.plot(data);
    }

    private static void disruptions(XSSFSheet sh, Styles st, Network network, RiskReport r, String cur) {
        header(
                sh,
                st,
                0,
                "disruption",
                "what",
                "probability a year",
                "samples hit",
                "mean NPV if hit (M " + cur + ")",
                "mean NPV if spared (M " + cur + ")");
        int at = 1;
        for (RiskText.DisruptionRow d : RiskText.disruptionRows(network, r)) {
            Row row = sh.createRow(at++);
            row.createCell(0).setCellValue(d.id());
            row.createCell(1).setCellValue(d.target());
            cell(row, 2, d.probability(), st.percent);
            cell(row, 3, d.hitShare(), st.percent);
            cell(row, 4, d.npvIfHit() / 1e6, st.millions);
            cell(row, 5, d.npvIfSpared() / 1e6, st.millions);
        }
        if (at == 1) {
            sh.createRow(1).createCell(0).setCellValue("The model states no disruption.");
        }
        sh.setColumnWidth(0, 26 * 256);
        sh.setColumnWidth(1, 36 * 256);
        for (int c = 2; c <= 5; c++) {
            sh.setColumnWidth(c, 18 * 256);
        }
    }

    private static void samples(XSSFSheet sh, Styles st, Network network, RiskReport r, String cur) {
        List<String> head = new ArrayList<>(
                List.of("sample", "status", "NPV (M " + cur + ")", "lost sales", "lost share", "utilisation"));
        network.disruptions().forEach(d -> head.add("years " + d.id() + " struck"));
        header(sh, st, 0, head.toArray(String[]::new));
        int at = 1;
        for (SampleResult s : r.results()) {
            Row row = sh.createRow(at++);
            cell(row, 0, s.index() + 1, st.count);
            row.createCell(1).setCellValue(s.status().name().toLowerCase(Locale.ROOT));
            cell(row, 2, s.npv() / 1e6, st.millions);
            cell(row, 3, s.lostSales(), st.count);
            cell(row, 4, s.lostShare(), st.percent);
            cell(row, 5, s.utilisation(), st.percent);
            for (int j = 0; j < network.disruptions().size(); j++) {
                int column = r.inputs() + j;
                cell(row, 6 + j, s.inputs().length > column ? s.inputs()[column] : Double.NaN, st.count);
            }
        }
        for (int c = 0; c < head.size(); c++) {
            sh.setColumnWidth(c, 15 * 256);
        }
        sh.createFreezePane(0, 1);
        sh.setAutoFilter(new CellRangeAddress(0, Math.max(1, at - 1), 0, head.size() - 1));
    }

    // ---- cells and charts ------------------------------------------------------------------------

    private static XSSFChart chart(XSSFSheet sh, int col1, int row1, int col2, int row2, String title) {
        XSSFDrawing drawing = sh.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, col1, row1, col2, row2));
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        return chart;
    }

    private static XDDFBarChartData bars(XSSFChart chart, BarDirection direction, String across, String along) {
        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
        if (!across.isEmpty()) {
            categories.setTitle(across);
        }
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setTitle(along);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        data.setBarDirection(direction);
        data.setVaryColors(false);
        return data;
    }

    private static int pair(XSSFSheet sh, Styles st, int at, String label, Object value) {
        Row row = sh.createRow(at);
        row.createCell(0).setCellValue(label);
        row.getCell(0).setCellStyle(st.bold);
        if (value instanceof Number n) {
            cell(row, 1, n.doubleValue(), st.count);
        } else {
            row.createCell(1).setCellValue(String.valueOf(value));
        }
        return at + 1;
    }

    private static int number(XSSFSheet sh, Styles st, int at, String label, double value, CellStyle style) {
        Row row = sh.createRow(at);
        row.createCell(0).setCellValue(label);
        cell(row, 1, value, style);
        return at + 1;
    }

    private static int stats(XSSFSheet sh, Styles st, int at, String label, Distribution d, double scale, CellStyle s) {
        Row row = sh.createRow(at);
        row.createCell(0).setCellValue(label);
        double[] v = {d.mean(), d.p5(), d.p50(), d.p95(), d.sd()};
        for (int i = 0; i < v.length; i++) {
            cell(row, 1 + i, v[i] * scale, s);
        }
        return at + 1;
    }

    private static void header(XSSFSheet sh, Styles st, int at, String... names) {
        Row row = sh.createRow(at);
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
            row.getCell(i).setCellStyle(st.header);
        }
    }

    /** A number, or an empty cell where it is undefined (NaN). */
    private static void cell(Row row, int column, double value, CellStyle style) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            row.createCell(column);
            return;
        }
        row.createCell(column).setCellValue(value);
        row.getCell(column).setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle bold;
        final CellStyle millions;
        final CellStyle count;
        final CellStyle percent;
        final CellStyle plain;

        Styles(XSSFWorkbook book) {
            Font font = book.createFont();
            font.setBold(true);
            bold = book.createCellStyle();
            bold.setFont(font);
            header = book.createCellStyle();
            header.setFont(font);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);
            millions = format(book, MILLIONS);
            count = format(book, "#,##0");
            percent = format(book, "0.0%");
            plain = format(book, "General");
        }

        private static CellStyle format(XSSFWorkbook book, String f) {
            CellStyle s = book.createCellStyle();
            s.setDataFormat(book.createDataFormat().getFormat(f));
            return s;
        }
    }
}
