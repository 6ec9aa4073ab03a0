package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskCommandTest {
    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * One plant, one market, one year: NPV = 19700·D − 12e6 with D uniform on [600, 1400], so the
     * NPV lies in [−0.18, 15.58] M EUR with mean 7.7 M.
     */
    static final String LINEAR = """
            footprint: 1
            name: linear
            horizon: {from: 2024, to: 2024}
            currency: EUR
            countries:
              FR: {bloc: EU}
            platforms:
              van: {}
            plants:
              north: {country: FR, capacity: 5000, fixed-cost: 12.0e6, variable-cost: 10000, platforms: [van]}
            products:
              expert: {brand: Peugeot, segment: van, platform: van, price: 30000}
            markets:
              FR: {country: FR, demand: {expert: {low: 600, high: 1400}}}
            lanes:
              - {from: north, to: FR, cost: 300}
            """;

    /** Two plants that may idle or close and an uncertain demand, for --stochastic. */
    static final String FLEX = """
            footprint: 1
            name: flexible
            horizon: {from: 2024, to: 2025}
            currency: EUR
            countries:
              FR: {bloc: EU}
              ES: {bloc: EU}
            platforms:
              van: {}
            plants:
              north: {country: FR, capacity: 1300, fixed-cost: 6.0e6, idle-cost: 1.0e6, closure-cost: 4.0e6,
                      variable-cost: 11000, platforms: [van]}
              south: {country: ES, capacity: 1000, fixed-cost: {low: 4.0e6, high: 9.0e6}, idle-cost: 0.5e6,
                      closure-cost: 3.0e6, variable-cost: 12000, platforms: [van]}
            products:
              expert: {brand: Peugeot, segment: van, platform: van, price: {low: 24000, high: 30000}}
            markets:
              FR: {country: FR, demand: {expert: {low: 200, high: 2200}}}
            lanes:
              - {from: north, to: FR, cost: 300}
              - {from: south, to: FR, cost: 700}
            """;

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void prints_the_distribution_and_writes_json_and_html(@TempDir Path dir) throws IOException {
        Path model = write(dir, "linear.yaml", LINEAR);
        Path json = dir.resolve("risk.json");
        Path html = dir.resolve("risk.html");
        Run r = run(
                "risk",
                model.toString(),
                "--samples",
                "400",
                "--seed",
                "3",
                "--threads",
                "2",
                "--json",
                json.toString(),
                "--html",
                html.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "400 samples, seed 3, 1 uncertain inputs",
                        "NPV (M EUR)",
                        "Value at risk (95 %)",
                        "markets[FR].demand.expert");
        assertThat(r.err()).contains("Samples and swings: 403 of 403 (100 %)");
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.path("samples").asInt()).isEqualTo(400);
        assertThat(doc.path("npv").path("mean").asDouble()).isCloseTo(7.7e6, within(0.5e6));
        assertThat(doc.path("npv").path("min").asDouble()).isGreaterThanOrEqualTo(-0.18e6 - 1);
        assertThat(doc.path("npv").path("max").asDouble()).isLessThanOrEqualTo(15.58e6 + 1);
        assertThat(doc.path("samplesNpv")).hasSize(400);
        assertThat(doc.path("drivers").get(0).path("spearman").asDouble()).isCloseTo(1, within(1e-9));
        String page = Files.readString(html);
        assertThat(page).contains("Content-Security-Policy", "id=\"histogram\"", "id=\"tornado\"", "risk-data");
        assertThat(page).doesNotContain("src=\"http", "href=\"http");
    }

    @Test
    void draws_disruptions_and_writes_a_workbook_with_charts(@TempDir Path dir) throws IOException {
        Path model = write(
                dir,
                "fire.yaml",
                LINEAR + "disruptions:\n  - {id: fire, plant: north, probability: 25%, source: \"assumption\"}\n");
        Path xlsx = dir.resolve("risk.xlsx");
        Run r = run("risk", model.toString(), "--samples", "300", "--seed", "5", "--xlsx", xlsx.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        // struck, the plant sells nothing and still pays its fixed cost: NPV -12 M
        assertThat(r.out())
                .contains("Disruptions drawn")
                .containsPattern("fire +plant north +25 % +2\\d(\\.\\d)? % +-12\\.0 ")
                .contains("disruptions[fire]");
        assertThat(r.err()).contains("wrote the workbook to " + xlsx);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(5);
            assertThat(book.getSheetName(0)).isEqualTo("Summary");
            var summary = book.getSheet("Summary");
            assertThat(summary.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(300);
            var histogram = book.getSheet("Histogram");
            double counted = 0;
            for (int i = 1; i <= histogram.getLastRowNum(); i++) {
                counted += histogram.getRow(i).getCell(3).getNumericCellValue();
            }
            assertThat(counted).isEqualTo(300);
            assertThat(histogram.getDrawingPatriarch().getCharts()).hasSize(1);
            var tornado = book.getSheet("Tornado");
            assertThat(tornado.getDrawingPatriarch().getCharts()).hasSize(1);
            // the fire's bar (7.7 to -12 M) is wider than the demand's (-0.18 to 15.58 M)
            assertThat(tornado.getRow(1).getCell(0).getStringCellValue()).isEqualTo("disruptions[fire]");
            assertThat(tornado.getRow(1).getCell(6).getNumericCellValue()).isCloseTo(-12.0, within(1e-6));
            assertThat(tornado.getRow(2).getCell(0).getStringCellValue()).isEqualTo("markets[FR].demand.expert");
            var events = book.getSheet("Disruptions");
            assertThat(events.getRow(1).getCell(0).getStringCellValue()).isEqualTo("fire");
            assertThat(events.getRow(1).getCell(4).getNumericCellValue()).isCloseTo(-12.0, within(1e-6));
            var samples = book.getSheet("Samples");
            assertThat(samples.getLastRowNum()).isEqualTo(300);
            assertThat(samples.getRow(0).getCell(6).getStringCellValue()).isEqualTo("years fire struck");
        }
    }

    @Test
    void values_a_plan_written_by_solve_and_gives_the_same_numbers_as_solving_first(@TempDir Path dir)
            throws IOException {
        Path model = write(dir, "linear.yaml", LINEAR);
        Path plan = dir.resolve("plan.json");
        assertThat(run("solve", model.toString(), "--json", plan.toString()).exitCode())
                .isZero();
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Run fromFile = run(
                "risk",
                model.toString(),
                "--plan",
                plan.toString(),
                "--samples",
                "60",
                "--seed",
                "9",
                "--json",
                a.toString());
        Run solved = run(
                "risk", model.toString(), "--samples", "60", "--seed", "9", "--threads", "1", "--json", b.toString());
        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(solved.exitCode()).as(solved.err()).isZero();
        assertThat(fromFile.out()).contains("from plan.json");
        JsonNode x = new ObjectMapper().readTree(a.toFile());
        JsonNode y = new ObjectMapper().readTree(b.toFile());
        assertThat(x.path("npv").path("mean").asDouble())
                .isCloseTo(y.path("npv").path("mean").asDouble(), within(1e-3));
    }

    /** What solve --json writes when no plan satisfies the model. */
    static final String KPIS_OF_NO_PLAN = "{\"status\": \"infeasible\", \"kpis\": {\"revenue\": 0, \"variableCost\": 0,"
            + " \"freight\": 0, \"duties\": 0, \"componentCost\": 0, \"fixedCost\": 0, \"idleCost\": 0,"
            + " \"investment\": 0, \"closureCost\": 0, \"reopeningCost\": 0, \"lostSalePenalty\": 0, \"npv\": 0}}";

    @Test
    void refuses_wrong_options_and_models_with_errors(@TempDir Path dir) throws IOException {
        Path model = write(dir, "linear.yaml", LINEAR);
        assertThat(run("risk", model.toString(), "--samples", "1").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run("risk", model.toString(), "--level", "1.5").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run("risk", model.toString(), "--correlation", "-0.2").exitCode())
                .isEqualTo(ExitCode.USAGE);
        Path broken = write(dir, "broken.yaml", LINEAR.replace("capacity: 5000", "capacity: lots"));
        assertThat(run("risk", broken.toString()).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        Path notAPlan = write(dir, "plan.json", "{\"status\": \"infeasible\"}");
        Run r = run("risk", model.toString(), "--plan", notAPlan.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("kpis is missing");
        Path noPlan = write(dir, "infeasible.json", KPIS_OF_NO_PLAN);
        Run none = run("risk", model.toString(), "--plan", noPlan.toString());
        assertThat(none.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(none.err()).contains("holds no plan (status infeasible)");
    }

    @Test
    void solve_stochastic_reports_the_stochastic_plan_vss_and_evpi(@TempDir Path dir) throws IOException {
        Path model = write(dir, "flex.yaml", FLEX);
        Path json = dir.resolve("plan.json");
        Run r = run(
                "solve",
                model.toString(),
                "--stochastic",
                "6",
                "--check-samples",
                "8",
                "--seed",
                "4",
                "--json",
                json.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "Stochastic plan: one set of strategic decisions for 6 sampled futures (seed 4)",
                        "value of the stochastic solution (VSS)",
                        "expected value of perfect information (EVPI)",
                        "On 8 fresh futures");
        JsonNode plan = new ObjectMapper().readTree(json.toFile());
        assertThat(plan.path("plants")).isNotEmpty();
        // the stochastic plan names its model like any plan, so trace and risk --plan take it
        assertThat(plan.path("model").path("sha256").asText()).matches("[0-9a-f]{64}");
        Run traced = run("trace", json.toString(), "npv");
        assertThat(traced.exitCode()).as(traced.err()).isZero();
        Run valued = run("risk", model.toString(), "--plan", json.toString(), "--samples", "4", "--no-swings");
        assertThat(valued.exitCode()).as(valued.err()).isZero();
        assertThat(valued.err()).doesNotContain("FP-E023");

        // Benders decomposition solves the same programme: the same expected NPV and report
        Run b = run(
                "solve",
                model.toString(),
                "--stochastic",
                "6",
                "--check-samples",
                "8",
                "--seed",
                "4",
                "--decomposition",
                "benders");
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(b.out()).contains("by Benders decomposition");
        assertThat(expected(b.out())).isCloseTo(expected(r.out()), within(0.05));
        assertThat(run("solve", model.toString(), "--stochastic", "6", "--decomposition", "dual")
                        .exitCode())
                .isEqualTo(ExitCode.USAGE);
    }

    /** The expected NPV (M) a stochastic solve prints. */
    private static double expected(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Expected NPV over those futures: (-?[0-9.]+) M")
                .matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
