package footprint.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a model was read from, and the hash that names the model by them. */
class SourceFileTest {

    @Test
    void a_scenario_is_read_from_itself_then_its_base_each_hashed_by_its_bytes(@TempDir Path dir) throws Exception {
        Path base = write(dir.resolve("base.yaml"), TinyModel.clean().text());
        Path scenario =
                write(dir.resolve("pause.yaml"), "footprint: 1\nextends: base.yaml\nname: pause\nchanges: []\n");

        ModelRead read = ModelReader.read(scenario);

        assertThat(read.ok()).as("%s", read.problems()).isTrue();
        assertThat(read.sources())
                .extracting(f -> f.file().getFileName().toString())
                .containsExactly("pause.yaml", "base.yaml");
        assertThat(read.sources().get(0).sha256()).isEqualTo(sha256(scenario));
        assertThat(read.sources().get(1).sha256()).isEqualTo(sha256(base));
        assertThat(read.sha256()).contains(SourceFile.combined(read.sources()));
    }

    @Test
    void the_model_hash_changes_when_the_base_file_changes_and_not_when_it_is_read_again(@TempDir Path dir)
            throws Exception {
        Path base = write(dir.resolve("base.yaml"), TinyModel.clean().text());
        Path scenario = write(dir.resolve("pause.yaml"), "footprint: 1\nextends: base.yaml\nchanges: []\n");
        String before = ModelReader.read(scenario).sha256().orElseThrow();

        assertThat(ModelReader.read(scenario).sha256()).contains(before);
        write(base, TinyModel.clean().text() + "# edited\n");
        assertThat(ModelReader.read(scenario).sha256().orElseThrow()).isNotEqualTo(before);
    }

    @Test
    void a_model_read_from_text_or_with_errors_names_no_files(@TempDir Path dir) throws Exception {
        assertThat(ModelReader.read(TinyModel.clean().text(), "tiny.yaml").sources())
                .isEmpty();
        Path broken = write(dir.resolve("broken.yaml"), "footprint: 1\nname: [\n");
        assertThat(ModelReader.read(broken).sources()).isEmpty();
        assertThat(ModelReader.read(broken).sha256()).isEmpty();
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
