package footprint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.cli.Main;
import footprint.report.html.PlanFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code footprint report}, run through the command line as a user would. */
class ReportCommandTest {
    record Run(int exitCode, String out, String err) {}

    @TempDir
    Path dir;

    Path base;
    Path pause;

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void plans() throws Exception {
        ObjectMapper json = new ObjectMapper();
        base = dir.resolve("base.plan.json");
        pause = dir.resolve("pause.json");
        Files.writeString(base, json.writeValueAsString(PlanFixtures.tree(20e6)));
        Files.writeString(pause, json.writeValueAsString(PlanFixtures.tree(15e6)));
    }

    @Test
    void writes_the_html_and_excel_reports_labelled_by_file_name() throws Exception {
        Path html = dir.resolve("r.html");
        Path xlsx = dir.resolve("r.xlsx");
        Run r = run("report", base.toString(), pause.toString(), "--html", html.toString(), "--xlsx", xlsx.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("wrote the HTML report to").contains("wrote the Excel report to");
        String page = Files.readString(html);
        assertThat(page).contains("<a href=\"#plan-base\">base</a>").contains("<a href=\"#plan-pause\">pause</a>");
        assertThat(Files.size(xlsx)).isPositive();
    }

    @Test
    void labels_from_the_command_line() throws Exception {
        Path html = dir.resolve("r.html");
        Run r = run(
                "report",
                base.toString(),
                pause.toString(),
                "--label",
                "2021",
                "--label",
                "Russia paused",
                "--html",
                html.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(html)).contains(">Russia paused</a>");
        Run wrong = run(
                "report",
                base.toString(),
                pause.toString(),
                "--label",
                "one",
                "--html",
                dir.resolve("x.html").toString());
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("--label is given 1 times for 2 plans");
    }

    @Test
    void needs_an_output() {
        Run r = run("report", base.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--html FILE, --xlsx FILE or both");
    }

    @Test
    void refuses_to_overwrite_without_force() throws Exception {
        Path html = dir.resolve("r.html");
        Files.writeString(html, "keep me");
        Run r = run("report", base.toString(), "--html", html.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("r.html exists; pass --force to replace it");
        assertThat(Files.readString(html)).isEqualTo("keep me");
        Run forced = run("report", base.toString(), "--html", html.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readString(html)).startsWith("<!doctype html>");
    }

    @Test
    void a_file_that_is_not_json_is_bad_input() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"status\": \"optimal\",\n  \"kpis\": {");
        Run r = run("report", bad.toString(), "--html", dir.resolve("r.html").toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("bad.json:2:").contains("not JSON");
        assertThat(Files.exists(dir.resolve("r.html"))).isFalse();
    }

    @Test
    void json_that_is_not_a_plan_is_bad_input_with_every_field_named() throws Exception {
        Path model = dir.resolve("model.json");
        Files.writeString(model, "{\"footprint\": 1, \"plants\": {\"kaluga\": {}}}");
        Run r = run("report", model.toString(), "--xlsx", dir.resolve("r.xlsx").toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err())
                .contains("model.json: error")
                .contains("status is missing")
                .contains("kpis is missing")
                .contains("plants is an object, not a list");
        Path list = dir.resolve("list.json");
        Files.writeString(list, "[1, 2]");
        Run l = run("report", list.toString(), "--xlsx", dir.resolve("r.xlsx").toString());
        assertThat(l.exitCode()).isEqualTo(3);
        assertThat(l.err()).contains("holds a list, not a JSON object");
    }

    @Test
    void a_missing_file_is_bad_input() {
        Run r = run(
                "report",
                dir.resolve("nope.json").toString(),
                "--html",
                dir.resolve("r.html").toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("nope.json: error FP-E002: the plan file does not exist");
    }
}
