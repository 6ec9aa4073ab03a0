package footprint.model.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemRenderingTest {
    private static final String ESC = "\u001b";
    private static final String RLO = "\u202e";

    private static boolean printable(String s) {
        return s.codePoints().noneMatch(SafeText::unsafe);
    }

    @Test
    void a_message_carrying_escapes_overrides_newlines_and_a_megabyte_renders_safe_and_short() {
        String huge = "x".repeat(1 << 20);
        String id = "a" + ESC + "[31mred" + RLO + "gpj.exe\nnext line";
        Problem p = Problem.at(
                ProblemCode.UNKNOWN_REFERENCE,
                new Location("m.yaml", 3, 7),
                "plants[" + id + "].capacity",
                "'" + id + "' is not a plant; the value '" + huge + "' is too long; also " + huge + ".");

        String line = p.toString();
        assertThat(printable(line)).as(line).isTrue();
        assertThat(line).doesNotContain("\n").doesNotContain(ESC).doesNotContain(RLO);
        assertThat(line).contains("a\\u001b[31mred\\u202egpj.exe\\nnext line");
        assertThat(line).contains("(1,048,576 characters)");
        assertThat(line.length()).isLessThan(SafeText.MAX_MESSAGE + 400);
        assertThat(p.message()).isEqualTo(SafeText.message(p.message()));
        assertThat(p.field()).isEqualTo("plants[a\\u001b[31mred\\u202egpj.exe\\nnext line].capacity");
    }

    @Test
    void a_message_that_is_one_megabyte_of_unbroken_text_is_cut_with_its_length() {
        String huge = "\u0007".repeat(1 << 20);
        Problem p = Problem.of(ProblemCode.SYNTAX, huge, huge);
        assertThat(p.message().length()).isLessThanOrEqualTo(SafeText.MAX_MESSAGE);
        assertThat(p.field().length()).isLessThanOrEqualTo(SafeText.MAX_MESSAGE);
        assertThat(printable(p.toString())).isTrue();
        assertThat(p.message()).startsWith("\\u0007\\u0007").contains("\u2026");
    }

    @Test
    void a_long_quoted_value_is_cut_to_its_start_with_an_ellipsis_and_its_length() {
        String file = "16 50\n 7000 7500.0\n" + "  123.4 5678.9\n".repeat(2_000);
        Problem p = Problem.of(ProblemCode.WRONG_TYPE, "", "a model is a mapping, found '" + file + "'.");
        assertThat(p.message())
                .startsWith("a model is a mapping, found '16 50\\n 7000 7500.0\\n")
                .endsWith("\u2026' (" + String.format("%,d", file.length()) + " characters).");
        assertThat(p.message().length()).isLessThan(120);
    }

    @Test
    void ordinary_messages_and_apostrophes_pass_unchanged() {
        String m = "'kaluga' is not a plant; did you mean 'kaluga-2'? The plant's capacity \"10 000\" isn't a number.";
        assertThat(Problem.of(ProblemCode.UNKNOWN_REFERENCE, "plants[kaluga]", m)
                        .message())
                .isEqualTo(m);
        assertThat(SafeText.quote("kaluga")).isEqualTo("'kaluga'");
        assertThat(SafeText.quote("a\u2066b")).isEqualTo("'a\\u2066b'");
    }

    @Test
    void placing_a_problem_again_does_not_cut_it_again() {
        Problem p = Problem.of(
                ProblemCode.UNKNOWN_REFERENCE, "", "found '" + "y".repeat(5_000) + "' and " + "z".repeat(500));
        Problem again = p.locatedAt(new Location("f.yaml", 1, 1)).withSeverity(Severity.WARNING);
        assertThat(again.message()).isEqualTo(p.message());
    }

    @Test
    void a_long_file_path_is_printed_whole() {
        String path = "/data/" + "deep/".repeat(60) + "model.yaml";
        Problem p = Problem.at(ProblemCode.SYNTAX, new Location(path, 2, 3), "", "bad");
        assertThat(p.toString()).startsWith(path + ":2:3: error FP-E001");
    }

    @Test
    void a_file_name_with_control_characters_is_printed_escaped() {
        Problem p = Problem.at(ProblemCode.SYNTAX, new Location("a" + ESC + "[2J.yaml", 1, 1), "", "bad");
        assertThat(p.toString()).startsWith("a\\u001b[2J.yaml:1:1: error");
    }
}
