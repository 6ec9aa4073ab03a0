package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.model.FieldCatalogue;
import footprint.model.check.ProblemCode;
import footprint.report.FormatDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/model-format.md and docs/errors.md are generated; they must match the code. */
class DocsAreCurrentTest {
    private static final Path DOCS = Path.of("..", "docs");

    private static String read(String name) throws IOException {
        return Files.readString(DOCS.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void model_format_doc_matches_the_field_catalogue() throws IOException {
        assertThat(read("model-format.md"))
                .as("docs/model-format.md is stale: run ./footprint docs --out docs")
                .isEqualTo(FormatDocs.modelFormat());
    }

    @Test
    void errors_doc_matches_the_problem_codes() throws IOException {
        assertThat(read("errors.md"))
                .as("docs/errors.md is stale: run ./footprint docs --out docs")
                .isEqualTo(FormatDocs.errors());
    }

    @Test
    void every_field_and_every_code_is_documented() {
        String format = FormatDocs.modelFormat();
        for (FieldCatalogue.Section s : FieldCatalogue.sections()) {
            assertThat(format).contains("## " + s.title());
            for (FieldCatalogue.Field f : s.fields()) {
                assertThat(format).as(s.name() + "." + f.name()).contains("| `" + f.name() + "` |");
            }
        }
        String errors = FormatDocs.errors();
        for (ProblemCode c : ProblemCode.values()) {
            assertThat(errors).contains("| " + c.id() + " |");
        }
    }
}
