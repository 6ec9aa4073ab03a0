package footprint.report.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import footprint.report.html.LabeledPlan;
import footprint.report.html.PlanFixtures;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExcelReportTest {
    @TempDir
    Path dir;

    XSSFWorkbook writeAndRead(List<LabeledPlan> plans) throws Exception {
        Path file = dir.resolve("report.xlsx");
        ExcelReport.write(plans, file);
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    static List<String> header(Sheet sheet) {
        List<String> names = new ArrayList<>();
        sheet.getRow(0).forEach(c -> names.add(c.getStringCellValue()));
        return names;
    }

    static Cell cell(Sheet sheet, int row, String column) {
        return sheet.getRow(row).getCell(header(sheet).indexOf(column));
    }

    @Test
    void one_sheet_per_table_with_frozen_headers_and_filters() throws Exception {
        try (XSSFWorkbook book = writeAndRead(List.of(PlanFixtures.plan("base", 20e6)))) {
            List<String> sheets = new ArrayList<>();
            book.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactlyElementsOf(ExcelReport.SHEETS);
            for (Sheet s : book) {
                XSSFSheet sheet = (XSSFSheet) s;
                assertThat(sheet.getPaneInformation().isFreezePane())
                        .as(s.getSheetName())
                        .isTrue();
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition())
                        .isEqualTo((short) 1);
                assertThat(sheet.getCTWorksheet().isSetAutoFilter())
                        .as(s.getSheetName())
                        .isTrue();
                assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold())
                        .isTrue();
                // one plan: no Plan column
                assertThat(header(sheet)).doesNotContain("Plan");
            }
            assertThat(book.getSheet("Plant-years").getLastRowNum()).isEqualTo(4);
            assertThat(book.getSheet("Flows").getLastRowNum()).isEqualTo(6);
            assertThat(book.getSheet("Lost sales").getLastRowNum()).isEqualTo(1);
            assertThat(book.getSheet("Investments").getLastRowNum()).isEqualTo(1);
            assertThat(book.getSheet("Decisions").getLastRowNum()).isEqualTo(2);
            assertThat(book.getSheet("Component flows").getLastRowNum()).isZero();
        }
    }

    @Test
    void numbers_are_numbers_with_money_percent_and_count_formats() throws Exception {
        try (XSSFWorkbook book = writeAndRead(List.of(PlanFixtures.plan("base", 20e6)))) {
            Sheet kpis = book.getSheet("KPIs");
            Cell npv = cell(kpis, 1, "NPV");
            assertThat(npv.getNumericCellValue()).isEqualTo(20e6);
            assertThat(npv.getCellStyle().getDataFormatString()).isEqualTo("#,##0;[Red]-#,##0");
            assertThat(cell(kpis, 1, "Revenue").getNumericCellValue()).isEqualTo(100e6);
            assertThat(cell(kpis, 1, "Gap").getCellStyle().getDataFormatString())
                    .isEqualTo("0.0%");
            assertThat(cell(kpis, 1, "Vehicles sold").getNumericCellValue()).isEqualTo(2200);
            assertThat(cell(kpis, 1, "Currency").getStringCellValue()).isEqualTo("EUR");

            Sheet plants = book.getSheet("Plant-years");
            assertThat(cell(plants, 1, "Plant").getStringCellValue()).isEqualTo("vlad");
            assertThat(cell(plants, 1, "Year").getNumericCellValue()).isEqualTo(2030);
            assertThat(cell(plants, 1, "Year").getCellStyle().getDataFormatString())
                    .isEqualTo("0");
            assertThat(cell(plants, 1, "Utilisation").getNumericCellValue()).isCloseTo(0.8, within(1e-12));
            assertThat(cell(plants, 1, "Utilisation").getCellStyle().getDataFormatString())
                    .isEqualTo("0.0%");
            assertThat(cell(plants, 1, "Output").getCellStyle().getDataFormatString())
                    .isEqualTo("#,##0");
            assertThat(cell(plants, 3, "Plant name").getStringCellValue()).isEqualTo(PlanFixtures.EVIL);

            Sheet decisions = book.getSheet("Decisions");
            assertThat(cell(decisions, 2, "Given by the model").getBooleanCellValue())
                    .isTrue();
            assertThat(cell(decisions, 1, "Decision").getStringCellValue()).startsWith("evil idles from 2031");
        }
    }

    @Test
    void several_plans_get_a_plan_column() throws Exception {
        try (XSSFWorkbook book =
                writeAndRead(List.of(PlanFixtures.plan("base", 20e6), PlanFixtures.plan("pause", 15e6)))) {
            for (Sheet s : book) {
                assertThat(header(s).get(0)).as(s.getSheetName()).isEqualTo("Plan");
            }
            Sheet kpis = book.getSheet("KPIs");
            assertThat(kpis.getLastRowNum()).isEqualTo(2);
            assertThat(cell(kpis, 2, "Plan").getStringCellValue()).isEqualTo("pause");
            assertThat(cell(kpis, 2, "NPV").getNumericCellValue()).isEqualTo(15e6);
            Sheet flows = book.getSheet("Flows");
            assertThat(flows.getLastRowNum()).isEqualTo(12);
            Row last = flows.getRow(12);
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("pause");
            assertThat(book.getSheet("Flows").getCTWorksheet().getAutoFilter().getRef())
                    .isEqualTo("A1:F13");
        }
    }
}
