package footprint.cli;

import static footprint.cli.ValidateCommandTest.resource;
import static footprint.cli.ValidateCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import footprint.io.ModelReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {
    @TempDir
    Path dir;

    @Test
    void yaml_to_json_and_back_gives_the_same_model() {
        Path json = dir.resolve("tiny.json");
        Path yaml = dir.resolve("tiny.yaml");
        assertThat(run("convert", resource("tiny.yaml"), "-o", json.toString()).exitCode())
                .isZero();
        assertThat(run("convert", json.toString(), "-o", yaml.toString()).exitCode())
                .isZero();
        var original = ModelReader.read(Path.of(resource("tiny.yaml"))).network();
        assertThat(ModelReader.read(json).network()).isPresent().isEqualTo(original);
        assertThat(ModelReader.read(yaml).network()).isPresent().isEqualTo(original);
        assertThat(run("validate", json.toString()).exitCode()).isZero();
    }

    @Test
    void refuses_to_overwrite_without_force_and_keeps_the_file() throws Exception {
        Path existing = dir.resolve("keep.yaml");
        Files.writeString(existing, "precious");
        ValidateCommandTest.Run r = run("convert", resource("tiny.yaml"), "-o", existing.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--force");
        assertThat(Files.readString(existing)).isEqualTo("precious");
    }

    @Test
    void a_model_with_errors_is_not_written() {
        Path out = dir.resolve("out.yaml");
        ValidateCommandTest.Run r = run("convert", resource("five-mistakes.yaml"), "-o", out.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(out).doesNotExist();
    }
}
