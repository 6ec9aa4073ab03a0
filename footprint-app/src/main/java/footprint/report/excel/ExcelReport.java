package footprint.report.excel;

import footprint.report.html.LabeledPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One workbook of one or more plans: a sheet per table (KPIs, plant-years, flows, lost sales,
 * component flows, investments, decisions), with a Plan column when there are several plans, real
 * number formats, frozen header rows and filters.
 */
public final class ExcelReport {
    private ExcelReport() {}

    /** Writes the workbook to {@code file}, replacing it. */
    public static void write(List<LabeledPlan> plans, Path file) throws IOException {
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one plan");
        }
        throw new UnsupportedOperationException("Excel report: in progress");
    }
}
