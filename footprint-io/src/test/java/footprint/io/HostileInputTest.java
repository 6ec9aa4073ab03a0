package footprint.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import footprint.model.check.Problem;
import footprint.model.check.ProblemCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile and broken files: each gives clear problems with file, line and column, never an exception or a hang. */
class HostileInputTest {
    @TempDir
    Path dir;

    private final List<Path> pipes = new ArrayList<>();

    @BeforeEach
    void copyBase() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/models/tiny.yaml")) {
            Files.write(dir.resolve("base.yaml"), in.readAllBytes());
        }
    }

    /** A reader stuck opening a pipe (before the fix) is let go by a writer, so the test run can end. */
    @AfterEach
    void releasePipes() {
        for (Path pipe : pipes) {
            Thread t = new Thread(() -> {
                try (OutputStream out = Files.newOutputStream(pipe, StandardOpenOption.WRITE)) {
                    out.flush();
                } catch (IOException | RuntimeException ignored) {
                    // nobody was reading it
                }
            });
            t.setDaemon(true);
            t.start();
        }
    }

    private Path fifo(String name) throws Exception {
        Path p = dir.resolve(name);
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", p.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available");
            throw e;
        }
        assumeTrue(mk.waitFor(20, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
        pipes.add(p);
        return p;
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Problem only(ModelRead read) {
        assertThat(read.ok()).isFalse();
        assertThat(read.problems()).as("%s", read.problems()).hasSize(1);
        return read.problems().get(0);
    }

    // ---- hangs ------------------------------------------------------------------------------------

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_named_pipe_given_as_a_model_or_a_workbook_is_refused_without_waiting_for_it() throws Exception {
        for (String name : List.of("pipe.yaml", "pipe.json", "pipe.xlsx")) {
            Path pipe = fifo(name);
            Problem p = only(ModelReader.read(pipe));
            assertThat(p.code()).isEqualTo(ProblemCode.REFUSED);
            assertThat(p.toString()).startsWith(pipe + ": error FP-E002").contains("not a regular file");
        }
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_scenario_extending_a_named_pipe_is_refused_without_waiting_for_it() throws Exception {
        fifo("pipe.yaml");
        Path s = write("s.yaml", "footprint: 1\nextends: pipe.yaml\n");
        ModelRead read = ModelReader.read(s);
        assertThat(read.ok()).isFalse();
        assertThat(read.problems())
                .anySatisfy(p -> assertThat(p.toString())
                        .contains("pipe.yaml: error FP-E002")
                        .contains("not a regular file"));
    }

    // ---- internal errors from input ---------------------------------------------------------------

    @Test
    void a_scenario_whose_base_is_a_single_value_or_a_list_is_a_problem_at_its_extends() throws Exception {
        for (String base : List.of("just some text\n", "- 1\n- 2\n", "42\n")) {
            write("odd.yaml", base);
            Path s = write("s.yaml", "footprint: 1\nextends: odd.yaml\nname: x\n");
            Problem p = only(ModelReader.read(s));
            assertThat(p.code()).isEqualTo(ProblemCode.BAD_BASE);
            assertThat(p.toString())
                    .startsWith(s + ":2:10: error FP-E022 extends: the base ")
                    .contains("is not a model");
        }
    }

    @Test
    void a_place_in_a_list_beyond_any_number_is_a_problem_of_the_change() throws Exception {
        Path s = write(
                "s.yaml", "footprint: 1\nextends: base.yaml\nchanges:\n  - remove: lanes[99999999999999999999]\n");
        Problem p = ModelReader.read(s).errors().get(0);
        assertThat(p.code()).isEqualTo(ProblemCode.BAD_CHANGE);
        assertThat(p.toString()).startsWith(s + ":4:5: error FP-E021").contains("has no item '99999999999999999999'");
    }

    @Test
    void a_nul_in_an_extends_path_is_a_problem_at_the_extends() throws Exception {
        Path s = write("s.yaml", "footprint: 1\nextends: \"base\\0.yaml\"\n");
        Problem p = only(ModelReader.read(s));
        assertThat(p.code()).isEqualTo(ProblemCode.BAD_BASE);
        assertThat(p.toString())
                .startsWith(s + ":2:10: error FP-E022 extends: extends names 'base\\u0000.yaml'")
                .contains("NUL");
    }

    @Test
    void a_scenario_read_from_text_under_an_impossible_file_name_is_a_problem() {
        ModelRead read = ModelReader.read("footprint: 1\nextends: base.yaml\n", "s\0.yaml");
        assertThat(read.ok()).isFalse();
        assertThat(read.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo(ProblemCode.BAD_BASE));
    }

    // ---- library words ----------------------------------------------------------------------------

    @Test
    void a_json_nan_is_explained_without_the_parsers_option_names_at_its_line_and_column() throws Exception {
        Path json = write("m.json", "{\n  \"footprint\": 1,\n  \"discount-rate\": NaN\n}\n");
        Problem p = only(ModelReader.read(json));
        assertThat(p.toString())
                .startsWith(json + ":3:20: error FP-E001")
                .contains("NaN is not a number JSON allows")
                .doesNotContain("`")
                .doesNotContain("JsonReadFeature");
    }

    @Test
    void json_syntax_mistakes_read_in_a_planners_words() throws Exception {
        for (String text : List.of(
                "{\"a\": 1,}", "{'a': 1}", "{\"a\": [1, 2}", "{\"a\": tru}", "{\"a\": 1 // note\n}", "{\"a\": 1")) {
            Path json = write("m.json", text);
            Problem p = only(ModelReader.read(json));
            assertThat(p.location().orElseThrow().line()).as(text).isEqualTo(1);
            assertThat(p.message())
                    .as(text)
                    .doesNotContain("`")
                    .doesNotContain("code ")
                    .doesNotContain("JSON String, Number")
                    .doesNotContain("Feature");
        }
    }

    @Test
    void a_control_character_in_yaml_is_placed_at_its_line_and_column() throws Exception {
        Path y = write("m.yaml", "footprint: 1\nname: a\u0007b\n");
        Problem p = only(ModelReader.read(y));
        assertThat(p.toString()).startsWith(y + ":2:8: error FP-E001").contains("U+0007");
    }

    @Test
    void a_file_not_in_utf8_is_placed_at_its_first_bad_byte() throws Exception {
        Path y = dir.resolve("m.yaml");
        byte[] text = "footprint: 1\nname: Caf\u00e9 ".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(y, text);
        Problem p = only(ModelReader.read(y));
        assertThat(p.toString())
                .startsWith(y + ":2:10: error FP-E002")
                .contains("not UTF-8")
                .contains("0xE9");
    }

    @Test
    void a_nul_byte_is_placed_at_its_line_and_column() throws Exception {
        Path y = dir.resolve("m.yaml");
        Files.write(y, "footprint: 1\nna\0me: x\n".getBytes(StandardCharsets.UTF_8));
        Problem p = only(ModelReader.read(y));
        assertThat(p.toString()).startsWith(y + ":2:3: error FP-E002").contains("NUL");
    }

    @Test
    void a_key_over_1024_characters_is_named_as_too_long() throws Exception {
        Path y = write("m.yaml", "footprint: 1\nplants:\n  " + "k".repeat(1500) + ": {country: FR}\n");
        Problem p = only(ModelReader.read(y));
        assertThat(p.toString())
                .startsWith(y + ":3:3: error FP-E001")
                .contains("this key is 1,500 characters long")
                .doesNotContain("mapping values are not allowed");
    }

    // ---- places and cascades ----------------------------------------------------------------------

    @Test
    void a_value_a_scenario_sets_or_removes_is_blamed_on_the_scenarios_line() throws Exception {
        Path s = write(
                "s.yaml",
                "footprint: 1\nextends: base.yaml\nchanges:\n  - set: horizon.to\n    to: 2020\n"
                        + "  - remove: plants[north].capacity\n");
        ModelRead read = ModelReader.read(s);
        assertThat(read.errors())
                .anySatisfy(p -> assertThat(p.toString())
                        .startsWith(s + ":4:5: error FP-E009 horizon:")
                        .contains("set horizon.to"))
                .anySatisfy(p -> assertThat(p.toString())
                        .startsWith(s + ":6:5: error FP-E004 plants[north].capacity:")
                        .contains("remove plants[north].capacity"))
                .allSatisfy(p -> assertThat(p.toString()).doesNotContain("base.yaml"));
    }

    @Test
    void a_chain_of_scenarios_too_deep_gives_that_one_problem_at_the_scenario_given() throws Exception {
        int n = 30;
        for (int i = 0; i < n; i++) {
            write(
                    "s" + i + ".yaml",
                    "footprint: 1\nextends: " + (i + 1 == n ? "base.yaml" : "s" + (i + 1) + ".yaml") + "\n");
        }
        Problem p = only(ModelReader.read(dir.resolve("s0.yaml")));
        assertThat(p.code()).isEqualTo(ProblemCode.BAD_BASE);
        assertThat(p.toString())
                .startsWith(dir.resolve("s0.yaml") + ":2:10: error FP-E022")
                .contains("more than 20 deep");
    }

    @Test
    void a_text_file_that_is_not_a_model_gives_one_short_problem() throws Exception {
        // the start of OR-Library's cap41.txt: 16 plants, 50 customers
        StringBuilder cap = new StringBuilder("16 50\n");
        for (int i = 0; i < 16; i++) {
            cap.append(" 7000 7500.0\n");
        }
        for (int i = 0; i < 50; i++) {
            cap.append(" 146\n  ").append("7650.2 ".repeat(16)).append('\n');
        }
        Path txt = write("cap41.txt", cap.toString());
        Problem p = only(ModelReader.read(txt));
        assertThat(p.toString())
                .startsWith(txt + ":1:1: error")
                .contains("is not a Footprint model")
                .contains("'16 50 7000 7500.0")
                .contains("characters)");
        assertThat(p.toString().length()).isLessThan(400);
    }

    // ---- a sweep of hostile scenarios -------------------------------------------------------------

    static List<String> hostileScenarios() {
        return List.of(
                "extends: [base.yaml]\n",
                "extends: ''\n",
                "extends: .\n",
                "extends: /\n",
                "extends: /dev/zero\n",
                "extends: /dev/null\n",
                "extends: \"\\e[31mred\\u202e.yaml\"\n",
                "extends: base.yaml\nchanges: 5\n",
                "extends: base.yaml\nchanges: [1, [2], {}, {set: 3}, {remove: {a: 1}}]\n",
                "extends: base.yaml\nchanges:\n  - remove: lanes[-1]\n",
                "extends: base.yaml\nchanges:\n  - remove: lanes[0]\n",
                "extends: base.yaml\nchanges:\n  - remove: '[]'\n",
                "extends: base.yaml\nchanges:\n  - remove: 'a..b]['\n",
                "extends: base.yaml\nchanges:\n  - remove: name\n  - remove: footprint\n",
                "extends: base.yaml\nchanges:\n  - set: plants[north].capacity.2024.x\n    to: 1\n",
                "extends: base.yaml\nchanges:\n  - set: plants\n    to: [1, 2]\n",
                "extends: base.yaml\nchanges:\n  - set: horizon\n    to: 7\n",
                "extends: base.yaml\nchanges:\n  - add: plants\n    id: [x]\n    value: 1\n",
                "extends: base.yaml\nchanges:\n  - add: lanes\n    id: x\n    value: 1\n",
                "extends: base.yaml\nchanges:\n  - add: horizon.from\n    value: 1\n",
                "extends: base.yaml\nchanges:\n  - {force: run, plant: [a, b], years: {x: 1}}\n",
                "extends: base.yaml\nname: [x]\ndescription: {a: b}\nsource: 1\n");
    }

    @ParameterizedTest
    @MethodSource("hostileScenarios")
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_hostile_scenario_gives_placed_problems_and_never_an_exception(String body) throws Exception {
        Path s = write("s.yaml", "footprint: 1\n" + body);
        ModelRead read = ModelReader.read(s);
        assertThat(read.errors()).as(body).isNotEmpty();
        assertThat(read.problems()).allSatisfy(p -> {
            assertThat(p.location()).isPresent();
            assertThat(p.toString())
                    .doesNotContain("\u001b")
                    .doesNotContain("\u202e")
                    .doesNotContain("\n");
        });
    }
}
