package footprint.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import footprint.cli.Main;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The HTML report in a real headless Chromium (Debian's chromium and chromium-driver): the page loads
 * without console errors, every chart draws, the map draws its countries and plants without stripes
 * across the 180th meridian, names from the plan cannot run script, and screenshots are kept under
 * footprint-app/target/report-screenshots/.
 *
 * <p>Without chromium this test is skipped, except under CI=true, where it fails: .ci/run installs
 * chromium and chromium-driver.
 */
class HtmlReportIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path OUT = Path.of("target", "report-screenshots");

    static ChromeDriver driver;
    static Path profile;

    @BeforeAll
    static void browser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("CI=true but " + CHROMIUM + " or " + DRIVER + " is missing: .ci/run installs chromium and"
                    + " chromium-driver");
        }
        assumeTrue(
                present,
                "skipped: no " + CHROMIUM + " or " + DRIVER + " (apt-get install chromium chromium-driver; under"
                        + " CI=true this test fails instead)");
        Files.createDirectories(OUT);
        profile = Files.createTempDirectory("footprint-chromium");
        // the driver path is set explicitly, so Selenium Manager never runs (it would download)
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1400,1000",
                "--force-device-scale-factor=1");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void close() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            }
        }
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Opens a page and waits until its script has drawn every chart. */
    static void open(String name, String html) throws IOException {
        Path file = OUT.resolve(name).toAbsolutePath();
        Files.writeString(file, html, StandardCharsets.UTF_8);
        driver.manage().window().setSize(new Dimension(1400, 1000));
        driver.get(file.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d ->
                        Boolean.TRUE.equals(js("return !!(window.footprintReport && window.footprintReport.ready)")));
    }

    static List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::toString)
                .collect(Collectors.toList());
    }

    static void assertEveryChartDrew() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> charts = (List<Map<String, Object>>) js("return Array.from(document.querySelectorAll("
                + "'.chart')).map(function (el) { var svg = el.querySelector('svg'); var box = svg ?"
                + " svg.getBoundingClientRect() : null; return { id: el.id, svg: !!svg, width: box ? box.width : 0,"
                + " height: box ? box.height : 0, shapes: svg ? svg.querySelectorAll('path, rect, text').length : 0"
                + " }; });");
        assertThat(charts).isNotEmpty();
        for (Map<String, Object> c : charts) {
            assertThat(c.get("svg")).as(c.get("id") + " has an svg").isEqualTo(true);
            assertThat(((Number) c.get("width")).doubleValue())
                    .as(c.get("id") + " width")
                    .isGreaterThan(200);
            assertThat(((Number) c.get("height")).doubleValue())
                    .as(c.get("id") + " height")
                    .isGreaterThan(200);
            assertThat(((Number) c.get("shapes")).longValue())
                    .as(c.get("id") + " shapes")
                    .isGreaterThan(10);
        }
        assertThat(js("return window.footprintReport.failed.length")).isEqualTo(0L);
    }

    static List<String> svgTexts(String chartId) {
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) js(
                "return Array.from(document.getElementById(arguments[0]).querySelectorAll('svg text'))"
                        + ".map(function (t) { return t.textContent; });",
                chartId);
        return texts;
    }

    @Test
    void draws_every_chart_the_map_and_no_stripes_across_the_180th_meridian() throws IOException {
        open(
                "pacific.html",
                HtmlReport.render(List.of(PlanFixtures.plan("base", 20e6), PlanFixtures.plan("pause", 15e6))));
        assertThat(consoleErrors()).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".chart"))).hasSize(3 + 2 * 5);
        assertEveryChartDrew();

        // the map: every country, and the plants with their names
        String map = "plan-base-map";
        long countries =
                (Long) js("return document.getElementById(arguments[0]).querySelectorAll('svg path').length", map);
        assertThat(countries).isGreaterThan(170);
        assertThat(svgTexts(map)).contains("Vladivostok", PlanFixtures.EVIL);

        // no stripes: open sea where Russia's and Fiji's rings would cross the map is still blank
        WebElement el = driver.findElement(By.id(map));
        js("arguments[0].scrollIntoView()", el);
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(el.getScreenshotAs(OutputType.BYTES)));
        ImageIO.write(shot, "png", OUT.resolve("pacific-map.png").toFile());
        double[][] sea = {{0, 67}, {5, 70}, {0, 71.2}, {-120, -16.4}, {75, -16.4}, {100, -16.4}};
        for (double[] at : sea) {
            assertThat(isBlank(shot, pixel(map, at)))
                    .as("open sea at lon %s, lat %s", at[0], at[1])
                    .isTrue();
        }
        double[][] land = {{-50, -10}, {100, 62}, {25, 0}};
        for (double[] at : land) {
            assertThat(isBlank(shot, pixel(map, at)))
                    .as("land at lon %s, lat %s", at[0], at[1])
                    .isFalse();
        }
    }

    @Test
    void names_from_the_plan_cannot_run_script() throws IOException {
        open("pacific-xss.html", HtmlReport.render(List.of(PlanFixtures.plan("<img src=x onerror=alert(1)>", 2e6))));
        String map = "plan-img-src-x-onerror-alert-1-map";
        // hover the evil plant, a flow and a bar: tooltips are HTML
        js(
                "var c = window.footprintReport.charts[arguments[0]]; c.dispatchAction({type: 'showTip', seriesIndex: 3,"
                        + " dataIndex: 1});",
                map);
        js(
                "var c = window.footprintReport.charts[arguments[0]]; c.dispatchAction({type: 'showTip', seriesIndex: 0,"
                        + " dataIndex: 0});",
                map);
        js(
                "var c = window.footprintReport.charts[arguments[0]]; c.dispatchAction({type: 'showTip', seriesIndex: 0,"
                        + " dataIndex: 1});",
                "plan-img-src-x-onerror-alert-1-volumes");
        assertThat(js("return document.querySelectorAll('img').length")).isEqualTo(0L);
        assertThat(js("return typeof window.__xss")).isEqualTo("undefined");
        assertThat(driver.getTitle()).contains("<img src=x onerror=alert(1)>");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void the_kaluga_reference_case_renders_and_a_screenshot_is_kept() throws IOException {
        Path dir = Files.createTempDirectory("footprint-report-it");
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (String scenario : List.of("base", "russia-pause")) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.execute(
                    new String[] {
                        "solve",
                        root.resolve("examples/kaluga/" + scenario + ".yaml").toString(),
                        "--json",
                        dir.resolve(scenario + ".json").toString()
                    },
                    new PrintWriter(out, true),
                    new PrintWriter(err, true));
            assertThat(code).as(err.toString()).isZero();
        }
        String html = HtmlReport.render(List.of(
                LabeledPlan.read(dir.resolve("base.json"), "base"),
                LabeledPlan.read(dir.resolve("russia-pause.json"), "russia-pause")));
        open("kaluga.html", html);
        assertThat(consoleErrors()).isEmpty();
        assertEveryChartDrew();
        assertThat(svgTexts("plan-base-map")).contains("PSMA Rus, Kaluga", "Sevel Nord, Hordain");
        // the whole page, then the map after a step of the timeline to 2022
        long height = (Long) js("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(1400, (int) Math.min(height + 40, 16000)));
        js("window.dispatchEvent(new Event('resize'))");
        Files.write(OUT.resolve("kaluga-report.png"), driver.getScreenshotAs(OutputType.BYTES));
        js("window.footprintReport.charts['plan-russia-pause-map'].dispatchAction({type: 'timelineChange',"
                + " currentIndex: 1})");
        WebElement map = driver.findElement(By.id("plan-russia-pause-map"));
        Files.write(OUT.resolve("kaluga-map-2022.png"), map.getScreenshotAs(OutputType.BYTES));
        assertThat(consoleErrors()).isEmpty();
    }

    /** Where a place is in a screenshot of a chart element. */
    static int[] pixel(String chartId, double[] lonLat) {
        @SuppressWarnings("unchecked")
        List<Number> p = (List<Number>) js(
                "return window.footprintReport.charts[arguments[0]].convertToPixel({geoIndex: 0}, [arguments[1],"
                        + " arguments[2]]).map(function (v) { return v * window.devicePixelRatio; });",
                chartId,
                lonLat[0],
                lonLat[1]);
        return new int[] {
            (int) Math.round(p.get(0).doubleValue()), (int) Math.round(p.get(1).doubleValue())
        };
    }

    /** Whether a pixel is the white of the page (no country drawn there). */
    static boolean isBlank(BufferedImage image, int[] at) {
        assertThat(at[0]).isBetween(0, image.getWidth() - 1);
        assertThat(at[1]).isBetween(0, image.getHeight() - 1);
        int rgb = image.getRGB(at[0], at[1]);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r > 245 && g > 245 && b > 245;
    }
}
