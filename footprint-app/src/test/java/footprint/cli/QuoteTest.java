package footprint.cli;

import static footprint.cli.SolveCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import footprint.cli.SolveCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's own messages show a user's string as text: nothing in it acts on the terminal. */
class QuoteTest {
    @Test
    void a_plain_file_name_is_shown_as_it_is() {
        assertThat(Quote.of("examples/kaluga/base.yaml")).isEqualTo("examples/kaluga/base.yaml");
        assertThat(Quote.of(Path.of("plan.json"))).isEqualTo("plan.json");
    }

    @Test
    void escape_sequences_line_breaks_and_bidi_overrides_are_shown_escaped_and_quoted() {
        assertThat(Quote.of("a\u001b[31mred")).isEqualTo("'a\\e[31mred'");
        assertThat(Quote.of("one\ntwo\r")).isEqualTo("'one\\ntwo\\r'");
        assertThat(Quote.of("evil\u202Egnp.json")).isEqualTo("'evil\\u202Egnp.json'");
        assertThat(Quote.of("x\u2066y\u2069\u200Fz\u0000\u007f\u0085"))
                .isEqualTo("'x\\u2066y\\u2069\\u200Fz\\x00\\x7f\\x85'");
        assertThat(Quote.of("my plan.json")).isEqualTo("'my plan.json'");
        assertThat(Quote.of("")).isEqualTo("''");
        assertThat(Quote.of("Zürich 東京")).isEqualTo("'Zürich 東京'");
    }

    @Test
    void a_long_value_is_cut_with_an_ellipsis_and_its_length() {
        String s = Quote.of("x".repeat(5000));
        assertThat(s).startsWith("'" + "x".repeat(120) + "… (5,000 characters)").hasSizeLessThan(160);
        assertThat(Quote.of("y".repeat(200))).isEqualTo("y".repeat(200));
    }

    @Test
    void a_whole_message_keeps_its_text_and_loses_its_control_characters() {
        assertThat(Quote.text("no solver 'x\u001b]0;pwned\u0007'; choose highs"))
                .isEqualTo("no solver 'x\\e]0;pwned\\x07'; choose highs");
    }

    @Test
    void an_escape_sequence_in_a_file_name_does_not_reach_the_terminal(@TempDir Path dir) throws Exception {
        String name = "a\u001b[31mred\u202E.json";
        Path m = SolveCommandTest.write(dir, "m.yaml", SolveCommandTest.MODEL);
        Files.writeString(dir.resolve(name), "taken");
        Run r = run("solve", m.toString(), "--json", dir.resolve(name).toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .contains("a\\e[31mred\\u202E.json' exists")
                .doesNotContain("\u001b")
                .doesNotContain("\u202E");

        Run missing = run("solve", "no\u001b[2Jsuch.yaml", "--solver", "bad\u001b[31m");
        assertThat(missing.err()).doesNotContain("\u001b");
        Run option = run("solve", m.toString(), "--no-such-\u001b[31m");
        assertThat(option.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(option.err()).contains("\\e[31m").doesNotContain("\u001b");
    }
}
