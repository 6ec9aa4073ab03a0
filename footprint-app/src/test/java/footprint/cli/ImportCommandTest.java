package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.model.Network;
import footprint.optimize.Optimizer;
import footprint.optimize.Plan;
import footprint.optimize.SolveListener;
import footprint.optimize.SolveOptions;
import footprint.optimize.SolveStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    static final Path CAP41 = Path.of("..", "data", "orlib-cap", "cap41.txt");

    @Test
    void cap41_written_as_a_model_solves_to_the_published_optimum(@TempDir Path dir) {
        Path model = dir.resolve("cap41.yaml");
        SolveCommandTest.Run r = SolveCommandTest.run("import", "orlib-cap", CAP41.toString(), "-o", model.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + model).contains("16 warehouses, 50 customers");
        ModelRead read = ModelReader.read(model);
        assertThat(read.errors()).isEmpty();
        Network n = read.network().orElseThrow();
        Plan plan = Optimizer.solve(n, SolveOptions.plain().withGap(1e-9), SolveListener.NONE);
        assertThat(plan.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(plan.objective()).isCloseTo(1040444.375, within(1e-6 * 1040444.375));
    }

    @Test
    void refuses_to_overwrite_without_force(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("cap41.yaml");
        Files.writeString(model, "keep me");

        SolveCommandTest.Run r = SolveCommandTest.run("import", "orlib-cap", CAP41.toString(), "-o", model.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("exists; pass --force");
        assertThat(Files.readString(model)).isEqualTo("keep me");

        r = SolveCommandTest.run("import", "orlib-cap", CAP41.toString(), "-o", model.toString(), "--force");
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(model)).startsWith("footprint: 1");
    }

    @Test
    void names_the_line_of_a_malformed_file(@TempDir Path dir) throws IOException {
        Path bad = SolveCommandTest.write(dir, "bad.txt", "2 1\n 10 1\n 10 1\n 5\n 1. two\n");

        SolveCommandTest.Run r = SolveCommandTest.run(
                "import",
                "orlib-cap",
                bad.toString(),
                "-o",
                dir.resolve("m.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err())
                .contains(
                        bad + ":5:5: 'two' is not a number; expected the cost of serving customer 1 from warehouse 2");
        assertThat(dir.resolve("m.yaml")).doesNotExist();
    }

    @Test
    void takes_the_capacity_that_capa_b_c_leave_open(@TempDir Path dir) throws IOException {
        Path file = SolveCommandTest.write(dir, "capx.txt", "2 1\n capacity 10.\n capacity 20.\n 5\n 1. 2.\n");
        Path model = dir.resolve("capx.yaml");

        SolveCommandTest.Run r = SolveCommandTest.run("import", "orlib-cap", file.toString(), "-o", model.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains(file + ":2:2:").contains("--capacity C");

        r = SolveCommandTest.run("import", "orlib-cap", file.toString(), "--capacity", "8", "-o", model.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Network n = ModelReader.read(model).network().orElseThrow();
        // serve the 5 units from w1: fixed cost 10 plus 1 for all of it
        assertThat(Optimizer.solve(n).objective()).isCloseTo(11, within(1e-9));
    }
}
