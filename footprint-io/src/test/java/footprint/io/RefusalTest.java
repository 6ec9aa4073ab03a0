package footprint.io;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.model.check.Problem;
import footprint.model.check.ProblemCode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files refused before or while parsing: each gives exactly one problem with a clear message, and
 * never an exception or a StackOverflowError.
 */
class RefusalTest {

    /** Reads, failing the test (rather than erroring) on any throwable; returns the one problem. */
    private static Problem theOneProblem(Supplier<ModelRead> read, ProblemCode code) {
        ModelRead result;
        try {
            result = read.get();
        } catch (Throwable t) { // a StackOverflowError must fail the test too, with its name
            throw new AssertionError("reading threw " + t, t);
        }
        assertThat(result.ok()).isFalse();
        assertThat(result.network()).isEmpty();
        assertThat(result.problems()).as("%s", result.problems()).hasSize(1);
        Problem p = result.problems().get(0);
        assertThat(p.code()).as("%s", p).isEqualTo(code);
        assertThat(p.isError()).isTrue();
        assertThat(p.location()).isPresent();
        assertThat(p.message()).isNotBlank();
        return p;
    }

    @Test
    void a_file_over_the_size_limit_is_refused_before_it_is_read() {
        byte[] spaces = new byte[(int) ReadLimits.MAX_BYTES + 1];
        Arrays.fill(spaces, (byte) ' ');
        Problem p = theOneProblem(() -> ModelReader.read(spaces, "huge.yaml"), ProblemCode.REFUSED);
        assertThat(p.message()).contains("larger than 32 MiB");
        assertThat(p.location().orElseThrow().file()).isEqualTo("huge.yaml");
    }

    @Test
    void a_file_on_disk_over_the_size_limit_is_refused_by_its_size(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(ReadLimits.MAX_BYTES + 1); // sparse: no 32 MiB written
        }
        Problem p = theOneProblem(() -> ModelReader.read(huge), ProblemCode.REFUSED);
        assertThat(p.message()).contains("32 MiB");
    }

    @Test
    void a_billion_laughs_alias_bomb_is_refused() {
        StringBuilder bomb =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            bomb.append("]\n");
        }
        Problem p = theOneProblem(() -> ModelReader.read(bomb.toString(), "lol.yaml"), ProblemCode.REFUSED);
        assertThat(p.message()).contains("aliases");
        assertThat(p.location().orElseThrow().line()).isEqualTo(2);
    }

    @Test
    void a_yaml_document_nested_a_thousand_levels_deep_is_refused() {
        String flow = "[".repeat(1000) + "]".repeat(1000);
        Problem p = theOneProblem(() -> ModelReader.read(flow, "deep.yaml"), ProblemCode.REFUSED);
        assertThat(p.message()).contains("nested more than " + ReadLimits.MAX_DEPTH + " levels");

        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            block.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        Problem q = theOneProblem(() -> ModelReader.read(block.toString(), "deep.yaml"), ProblemCode.REFUSED);
        assertThat(q.message()).contains("nested more than");

        String mappings = "{a: ".repeat(1000) + "1" + "}".repeat(1000);
        theOneProblem(() -> ModelReader.read(mappings, "deep.yaml"), ProblemCode.REFUSED);
    }

    @Test
    void a_yaml_document_nested_far_deeper_is_refused_without_overflowing_the_stack() {
        String flow = "[".repeat(200_000) + "]".repeat(200_000);
        theOneProblem(() -> ModelReader.read(flow, "deep.yaml"), ProblemCode.REFUSED);
    }

    @Test
    void a_json_document_nested_a_thousand_levels_deep_is_refused() {
        String objects = "{\"a\":".repeat(1000) + "1" + "}".repeat(1000);
        Problem p = theOneProblem(() -> ModelReader.read(objects, "deep.json"), ProblemCode.REFUSED);
        assertThat(p.message()).contains("nested more than 40 levels deep");
        String arrays = "[".repeat(1000) + "]".repeat(1000);
        theOneProblem(() -> ModelReader.read(arrays, "deep.json"), ProblemCode.REFUSED);
        String far = "[".repeat(200_000) + "]".repeat(200_000);
        theOneProblem(() -> ModelReader.read(far, "deep.json"), ProblemCode.REFUSED);
    }

    @Test
    void a_binary_file_is_refused() {
        byte[] bytes = "footprint: 1\nname: x\0y\n".getBytes(StandardCharsets.UTF_8);
        Problem p = theOneProblem(() -> ModelReader.read(bytes, "model.yaml"), ProblemCode.REFUSED);
        assertThat(p.message()).contains("not a text file").contains("NUL");
        // an Excel workbook given as a model (a zip: PK\3\4 ... with NULs)
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        theOneProblem(() -> ModelReader.read(zip, "model.yaml"), ProblemCode.REFUSED);
    }

    @Test
    void invalid_utf8_is_refused() {
        byte[] bytes = {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
        Problem p = theOneProblem(() -> ModelReader.read(bytes, "model.yaml"), ProblemCode.REFUSED);
        assertThat(p.message()).contains("not UTF-8");
        byte[] latin1 = "name: Citro\u00ebn\n".getBytes(StandardCharsets.ISO_8859_1);
        theOneProblem(() -> ModelReader.read(latin1, "model.json"), ProblemCode.REFUSED);
    }

    @Test
    void an_empty_file_is_a_syntax_error_at_its_start() {
        for (String text : new String[] {"", " ", "\n\n\t\n"}) {
            Problem p = theOneProblem(() -> ModelReader.read(text, "empty.yaml"), ProblemCode.SYNTAX);
            assertThat(p.message()).contains("empty");
            assertThat(p.location().orElseThrow().line()).isEqualTo(1);
        }
        theOneProblem(() -> ModelReader.read(new byte[0], "empty.yaml"), ProblemCode.SYNTAX);
        theOneProblem(() -> ModelReader.read("", "empty.json"), ProblemCode.SYNTAX);
        theOneProblem(
                () -> ModelReader.read(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "bom.yaml"),
                ProblemCode.SYNTAX);
    }

    @Test
    void a_file_of_only_comments_is_as_empty_as_an_empty_file() {
        theOneProblem(() -> ModelReader.read("# a model, one day\n", "comments.yaml"), ProblemCode.SYNTAX);
        theOneProblem(
                () -> ModelReader.read("# a model, one day\n# with a second line\n\n", "c.json"), ProblemCode.SYNTAX);
        // an explicit empty document is a document of nothing
        theOneProblem(() -> ModelReader.read("---\n...\n", "markers.yaml"), ProblemCode.WRONG_TYPE);
    }

    @Test
    void a_directory_is_refused(@TempDir Path dir) {
        Problem p = theOneProblem(() -> ModelReader.read(dir), ProblemCode.REFUSED);
        assertThat(p.message()).contains("is a directory");
        assertThat(p.location().orElseThrow().file()).isEqualTo(dir.toString());
    }

    @Test
    void a_missing_file_is_refused(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere/model.yaml");
        Problem p = theOneProblem(() -> ModelReader.read(missing), ProblemCode.REFUSED);
        assertThat(p.message()).contains("does not exist");
        assertThat(p.location().orElseThrow().file()).isEqualTo(missing.toString());
    }

    @Test
    void an_unreadable_file_is_refused(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.yaml"), TinyModel.raw());
        assumeWritable(secret);
        theOneProblem(() -> ModelReader.read(secret), ProblemCode.REFUSED);
    }

    /** Takes away read permission; skips the test where that is not possible (root, Windows). */
    private static void assumeWritable(Path file) {
        boolean changed = file.toFile().setReadable(false, false);
        org.junit.jupiter.api.Assumptions.assumeTrue(
                changed && !Files.isReadable(file), "cannot take away read permission here");
    }

    @Test
    void two_yaml_documents_in_one_file_are_refused_at_the_second() {
        String two = TinyModel.clean().text() + "---\n" + TinyModel.clean().text();
        Problem p = theOneProblem(() -> ModelReader.read(two, "two.yaml"), ProblemCode.REFUSED);
        assertThat(p.message()).contains("one document");
        assertThat(p.location().orElseThrow().line())
                .isEqualTo(TinyModel.clean().text().split("\n", -1).length);
    }

    @Test
    void content_after_a_json_document_is_a_syntax_error() {
        Problem p = theOneProblem(() -> ModelReader.read("{} {}", "two.json"), ProblemCode.SYNTAX);
        assertThat(p.message()).contains("after the end of the document");
    }

    @Test
    void a_document_that_is_not_a_mapping_is_the_wrong_type() {
        assertThat(theOneProblem(() -> ModelReader.read("hello", "s.yaml"), ProblemCode.WRONG_TYPE)
                        .message())
                .contains("is not a Footprint model: it holds only the text 'hello'");
        assertThat(theOneProblem(() -> ModelReader.read("- a\n- b\n", "s.yaml"), ProblemCode.WRONG_TYPE)
                        .message())
                .contains("it holds a list");
        assertThat(theOneProblem(() -> ModelReader.read("[1, 2]", "s.json"), ProblemCode.WRONG_TYPE)
                        .message())
                .contains("it holds a list");
        theOneProblem(() -> ModelReader.read("null", "s.yaml"), ProblemCode.WRONG_TYPE);
    }
}
