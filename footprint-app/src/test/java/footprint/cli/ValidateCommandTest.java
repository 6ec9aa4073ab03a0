package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidateCommandTest {
    /** What a command printed and returned. */
    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static String resource(String name) {
        try {
            return Path.of(ValidateCommandTest.class.getResource("/" + name).toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void valid_model_prints_summary_and_exits_0() {
        Run r = run("validate", resource("tiny.yaml"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("Two plants, two markets")
                .contains("horizon 2024-2026 (3 years)")
                .contains("2 plants, 1 product, 2 markets")
                .contains("2024")
                .contains("cite an article")
                .contains("valid, with 1 warning");
    }

    @Test
    void five_mistakes_give_five_problems_with_lines_exit_3_and_no_stack_trace() {
        Run r = run("validate", resource("five-mistakes.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        List<String> errors = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (line.contains(": error FP-E")) {
                errors.add(line);
            }
        }
        assertThat(errors).hasSizeGreaterThanOrEqualTo(5);
        assertThat(r.out())
                .contains("five-mistakes.yaml:11:5: error FP-E010 plants[north].country")
                .contains("five-mistakes.yaml:12:5: error FP-E003 plants[north].capacty")
                .contains("Did you mean 'capacity'?")
                .contains("five-mistakes.yaml:19:22: error FP-E008 products[expert].price.default")
                .contains("five-mistakes.yaml:23:22: error FP-E006 markets[FR].demand.expert")
                .contains("five-mistakes.yaml:25:19: error FP-E010 lanes[1].to");
        assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void strict_turns_warnings_into_errors() {
        Run r = run("validate", "--strict", resource("tiny.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.out()).contains("error FP-W109");
    }

    @Test
    void json_format_lists_problems_with_places() throws Exception {
        Run r = run("validate", "--format", "json", resource("five-mistakes.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("valid").asBoolean()).isFalse();
        assertThat(doc.get("problems").size()).isGreaterThanOrEqualTo(5);
        JsonNode first = doc.get("problems").get(0);
        assertThat(first.get("code").asText()).startsWith("FP-");
        assertThat(first.get("line").asInt()).isPositive();
        assertThat(first.has("field")).isTrue();
    }

    @Test
    void json_summary_of_a_valid_model() throws Exception {
        Run r = run("validate", "--format", "json", resource("tiny.yaml"));
        assertThat(r.exitCode()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("valid").asBoolean()).isTrue();
        assertThat(doc.at("/summary/counts/plants").asInt()).isEqualTo(2);
        assertThat(doc.at("/summary/years").size()).isEqualTo(3);
    }

    @Test
    void missing_file_is_bad_input_not_a_crash() {
        Run r = run("validate", "no/such/model.yaml");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.out()).contains("does not exist");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void unknown_option_is_a_usage_error() {
        Run r = run("validate", "--frobnicate", resource("tiny.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("Unknown option");
    }

    @Test
    void help_has_examples_and_version_prints() {
        Run help = run("validate", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Examples:").contains("footprint validate examples/kaluga/base.yaml");
        Run version = run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).contains("footprint");
    }
}
