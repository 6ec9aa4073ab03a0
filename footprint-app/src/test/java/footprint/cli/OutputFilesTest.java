package footprint.cli;

import static footprint.cli.SolveCommandTest.MODEL;
import static footprint.cli.SolveCommandTest.run;
import static footprint.cli.SolveCommandTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import footprint.cli.SolveCommandTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that writes refuses an existing file without --force, its own input even with it,
 * two outputs on one path and anything that is not a regular file, before it does any work; and a
 * failed write leaves the old file as it was.
 */
class OutputFilesTest {
    @TempDir
    Path dir;

    private Path model() throws IOException {
        return write(dir, "m.yaml", MODEL);
    }

    private static void refused(Run r, String... words) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains(words);
        assertThat(r.out()).as("refused before any work").doesNotContain("Optimal plan");
    }

    @Test
    void solve_does_not_write_its_plan_over_its_own_model_with_or_without_force() throws IOException {
        Path m = model();
        refused(run("solve", m.toString(), "--json", m.toString()), "is the model", "write to another file");
        refused(run("solve", m.toString(), "--json", m.toString(), "--force"), "is the model", "even with --force");
        refused(run("solve", m.toString(), "--mps", m.toString(), "--force"), "is the model");
        assertThat(Files.readString(m)).isEqualTo(MODEL);
    }

    @Test
    void solve_sees_its_model_through_a_symbolic_link_a_hard_link_and_a_dotted_path() throws IOException {
        Path m = model();
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), m.getFileName());
        Path hard = Files.createLink(dir.resolve("hard.yaml"), m);
        Path dotted = dir.resolve(".").resolve("m.yaml");
        for (Path out : new Path[] {link, hard, dotted}) {
            refused(run("solve", m.toString(), "--json", out.toString(), "--force"), "is the model");
        }
        assertThat(Files.readString(m)).isEqualTo(MODEL);
    }

    @Test
    void solve_does_not_write_over_the_base_file_a_scenario_extends() throws IOException {
        Path base = model();
        Path scenario = write(dir, "what-if.yaml", """
                footprint: 1
                extends: m.yaml
                name: what if
                changes:
                  - set: plants[north].capacity
                    to: 1200
                """);
        refused(run("solve", scenario.toString(), "--json", base.toString(), "--force"), "m.yaml", "what-if.yaml");
        assertThat(Files.readString(base)).isEqualTo(MODEL);
    }

    @Test
    void solve_refuses_an_existing_output_without_force_and_replaces_it_with_force() throws IOException {
        Path m = model();
        Path plan = Files.writeString(dir.resolve("plan.json"), "keep me");
        Path mps = Files.writeString(dir.resolve("m.mps"), "keep me too");
        refused(run("solve", m.toString(), "--json", plan.toString()), "plan.json exists; pass --force to replace it");
        refused(run("solve", m.toString(), "--mps", mps.toString()), "m.mps exists; pass --force");
        assertThat(Files.readString(plan)).isEqualTo("keep me");
        assertThat(Files.readString(mps)).isEqualTo("keep me too");

        Run r = run("solve", m.toString(), "--json", plan.toString(), "--mps", mps.toString(), "--force");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(plan)).startsWith("{");
        assertThat(Files.readString(mps)).contains("ROWS");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void two_outputs_on_one_path_are_refused() throws IOException {
        Path m = model();
        Path o = dir.resolve("o.json");
        refused(
                run("solve", m.toString(), "--json", o.toString(), "--mps", o.toString()),
                "--json and --mps both name");
        refused(
                run(
                        "solve",
                        m.toString(),
                        "--json",
                        o.toString(),
                        "--mps",
                        dir.resolve(".").resolve("o.json").toString()),
                "both name");
        assertThat(o).doesNotExist();
    }

    @Test
    void the_other_writing_commands_refuse_an_existing_file_without_force() throws IOException {
        Path m = model();
        Path taken = Files.writeString(dir.resolve("taken.out"), "keep me");
        Path xlsx = Files.writeString(dir.resolve("taken.xlsx"), "keep me");
        String t = taken.toString();
        refused(run("explain", m.toString(), "--decision", "running(north,2024)", "--json", t), "exists; pass --force");
        refused(run("compare", m.toString(), "--json", t), "exists; pass --force");
        refused(run("compare", m.toString(), "--html", t), "exists; pass --force");
        refused(run("compare", m.toString(), "--xlsx", xlsx.toString()), "exists; pass --force");
        refused(run("risk", m.toString(), "--samples", "10", "--json", t), "exists; pass --force");
        refused(run("risk", m.toString(), "--samples", "10", "--html", t), "exists; pass --force");
        refused(run("risk", m.toString(), "--samples", "10", "--xlsx", xlsx.toString()), "exists; pass --force");
        assertThat(Files.readString(taken)).isEqualTo("keep me");
        assertThat(Files.readString(xlsx)).isEqualTo("keep me");
    }

    @Test
    void report_and_export_model_do_not_write_over_their_input_even_with_force() throws IOException {
        Path m = model();
        Path plan = dir.resolve("p.json");
        assertThat(run("solve", m.toString(), "--json", plan.toString()).exitCode())
                .isZero();
        String planText = Files.readString(plan);
        refused(run("report", plan.toString(), "--html", plan.toString(), "--force"), "is a plan", "even with --force");
        assertThat(Files.readString(plan)).isEqualTo(planText);

        Path xlsx = dir.resolve("m.xlsx");
        assertThat(run("export-model", m.toString(), "-o", xlsx.toString()).exitCode())
                .isZero();
        byte[] workbook = Files.readAllBytes(xlsx);
        refused(run("export-model", xlsx.toString(), "-o", xlsx.toString(), "--force"), "is the model");
        refused(run("import-model", xlsx.toString(), "-o", xlsx.toString(), "--force"), "not a workbook");
        assertThat(Files.readAllBytes(xlsx)).isEqualTo(workbook);
        refused(run("convert", m.toString(), "-o", m.toString(), "--force"), "is the model");
        assertThat(Files.readString(m)).isEqualTo(MODEL);
    }

    @Test
    void a_fifo_a_device_and_a_folder_are_never_replaced_even_with_force() throws Exception {
        Path m = model();
        Path fifo = dir.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is not available");
        refused(run("solve", m.toString(), "--json", fifo.toString(), "--force"), "is a FIFO", "not a regular file");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();

        // /dev/null is refused too: a command writes files, not devices (leave the option out instead)
        refused(run("solve", m.toString(), "--json", "/dev/null", "--force"), "/dev/null", "a character device");
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();

        Path folder = Files.createDirectory(dir.resolve("folder"));
        refused(run("export-model", m.toString(), "-o", folder + "/../folder", "--force"), "must end in .xlsx");
        refused(run("solve", m.toString(), "--json", folder.toString(), "--force"), "is a folder");
        assertThat(Files.isDirectory(folder)).isTrue();
    }

    @Test
    void an_output_in_a_folder_that_does_not_exist_is_refused_before_the_solve() throws IOException {
        Path m = model();
        refused(
                run(
                        "solve",
                        m.toString(),
                        "--json",
                        dir.resolve("no/such/plan.json").toString()),
                "the folder",
                "does not exist");
    }

    @Test
    void a_write_that_fails_leaves_the_old_file_whole_and_no_temporary_file() throws IOException {
        Path old = Files.writeString(dir.resolve("plan.json"), "the old plan");
        Outputs files = Outputs.of(true).output("--json", old);
        files.check();
        assertThatThrownBy(() -> files.write(old, tmp -> {
                    Files.writeString(tmp, "half a pla");
                    throw new IOException("No space left on device");
                }))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("cannot write")
                .hasMessageContaining("No space left on device")
                .hasMessageContaining("left as it was");
        assertThat(Files.readString(old)).isEqualTo("the old plan");
        try (Stream<Path> files2 = Files.list(dir)) {
            assertThat(files2).containsExactly(old);
        }
    }

    @Test
    void writing_through_a_symbolic_link_replaces_its_target_and_keeps_the_link() throws IOException {
        Path target = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), target.getFileName());
        Outputs files = Outputs.of(true).output("--json", link);
        files.check();
        files.write(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test
    void a_replaced_file_keeps_its_permissions() throws IOException {
        Path old = Files.writeString(dir.resolve("shared.json"), "old");
        var perms = java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(old, perms);
        Outputs files = Outputs.of(true).output("--json", old);
        files.check();
        files.write(old, "new");
        assertThat(Files.getPosixFilePermissions(old)).isEqualTo(perms);
    }

    @Test
    void docs_regenerates_its_own_files_without_force_but_not_someone_elses() throws IOException {
        Path out = dir.resolve("docs");
        Run first = run("docs", "--out", out.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        Run again = run("docs", "--out", out.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();

        Files.writeString(out.resolve("errors.md"), "my own notes", StandardCharsets.UTF_8);
        refused(run("docs", "--out", out.toString()), "errors.md exists; pass --force");
        assertThat(Files.readString(out.resolve("errors.md"))).isEqualTo("my own notes");
        assertThat(run("docs", "--out", out.toString(), "--force").exitCode()).isZero();
        assertThat(Files.readString(out.resolve("errors.md"))).startsWith("# Problem codes");
    }

    @Test
    void the_case_study_page_is_regenerated_in_place_but_another_file_is_not_replaced() throws IOException {
        Path scenarios = Files.createDirectory(dir.resolve("scenarios"));
        write(scenarios, "base.yaml", MODEL);
        Path page = Files.writeString(dir.resolve("notes.md"), "my notes");
        refused(
                run("case-study", scenarios.toString(), "--out", page.toString(), "--no-sensitivity"),
                "notes.md exists; pass --force");
        assertThat(Files.readString(page)).isEqualTo("my notes");
        Path fresh = dir.resolve("case.md");
        Run r = run("case-study", scenarios.toString(), "--out", fresh.toString(), "--no-sensitivity");
        assertThat(r.exitCode()).as(r.err()).isZero();
        r = run("case-study", scenarios.toString(), "--out", fresh.toString(), "--no-sensitivity");
        assertThat(r.exitCode()).as(r.err()).isZero();
        refused(
                run(
                        "case-study",
                        scenarios.toString(),
                        "--out",
                        scenarios.resolve("base.yaml").toString(),
                        "--force",
                        "--no-sensitivity"),
                "is a scenario");
    }
}
