package footprint.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import footprint.model.Network;
import footprint.model.check.NetworkValidator;
import footprint.model.check.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing is lossless: read, write YAML (or JSON), read again gives an equal network, for tiny.yaml
 * and for every model in the repository's {@code examples/}.
 */
class RoundTripTest {

    /** Asserts that writing a network out and reading it back gives the same network. */
    static void assertRoundTrips(Network network, String what) {
        String yaml = ModelWriter.toYaml(network);
        ModelRead fromYaml = ModelReader.read(yaml, "written.yaml");
        assertThat(fromYaml.errors())
                .as("%s written as YAML reads back without errors:%n%s", what, yaml)
                .isEmpty();
        assertThat(fromYaml.network()).as("%s through YAML:%n%s", what, yaml).contains(network);
        // writing what was read back gives the same text
        assertThat(ModelWriter.toYaml(fromYaml.network().orElseThrow()))
                .as("%s written twice", what)
                .isEqualTo(yaml);

        String json = ModelWriter.toJson(network);
        ModelRead fromJson = ModelReader.read(json, "written.json");
        assertThat(fromJson.errors())
                .as("%s written as JSON reads back without errors:%n%s", what, json)
                .isEmpty();
        assertThat(fromJson.network()).as("%s through JSON:%n%s", what, json).contains(network);
        assertThat(ModelWriter.toJson(fromJson.network().orElseThrow()))
                .as("%s written twice", what)
                .isEqualTo(json);
    }

    @Test
    void tiny_model_round_trips_through_yaml_and_json() {
        ModelRead read = ModelReader.read(TinyModel.raw(), "tiny.yaml");
        assertThat(read.errors()).isEmpty();
        assertRoundTrips(read.network().orElseThrow(), "tiny.yaml");
    }

    @Test
    void tiny_model_round_trips_through_files_on_disk(@TempDir Path dir) {
        Network tiny = ModelReader.read(TinyModel.raw(), "tiny.yaml").network().orElseThrow();
        Path yaml = dir.resolve("out.yaml");
        Path json = dir.resolve("out.json");
        ModelWriter.write(tiny, yaml);
        ModelWriter.write(tiny, json);
        assertThat(ModelReader.read(yaml).network()).contains(tiny);
        assertThat(ModelReader.read(json).network()).contains(tiny);
        // writing over an existing file replaces it whole, and leaves no temporary file behind
        ModelWriter.write(tiny, yaml);
        assertThat(ModelReader.read(yaml).network()).contains(tiny);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out.yaml", "out.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_warnings_of_a_model_survive_the_round_trip() {
        Network tiny = ModelReader.read(TinyModel.raw(), "tiny.yaml").network().orElseThrow();
        Network back =
                ModelReader.read(ModelWriter.toYaml(tiny), "x.yaml").network().orElseThrow();
        assertThat(NetworkValidator.validate(back).stream().map(Problem::toString))
                .containsExactlyInAnyOrderElementsOf(NetworkValidator.validate(tiny).stream()
                        .map(Problem::toString)
                        .toList());
    }

    /** The repository's examples folder: Maven runs tests in the module's folder. */
    static Path examples() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples")) && Files.exists(p.resolve("pom.xml"))) {
                return p.resolve("examples");
            }
        }
        return here.resolve("../examples").normalize();
    }

    static List<Path> exampleFiles() {
        Path dir = examples();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> every_example_reads_and_round_trips() {
        List<Path> files = exampleFiles();
        if (files.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest(
                    "no examples yet in " + examples(), () -> assumeTrue(false, "no example models in " + examples())));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            tests.add(DynamicTest.dynamicTest(examples().relativize(f).toString(), () -> {
                ModelRead read = ModelReader.read(f);
                assertThat(read.errors()).as("errors in %s", f).isEmpty();
                assertThat(read.network()).as("network of %s", f).isPresent();
                assertRoundTrips(read.network().get(), f.toString());
            }));
        }
        return tests.stream();
    }
}
