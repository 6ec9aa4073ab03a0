package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bench command's tables (a smoke test on one small instance: the bench itself is not a test). */
class BenchCommandTest {
    @Test
    void prints_a_table_with_the_published_optimum() {
        SolveCommandTest.Run r = SolveCommandTest.run(
                "bench", "--orlib", "../data/orlib-cap", "--only", "cap41", "--backends", "scip", "--time-limit", "60");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("machine: ")
                .contains("solvers: OR-Tools")
                .containsPattern(
                        "cap41 +scip\\+auto +880 +48 +899 +3312 .* optimal +1040444.375 +1040444.375 .* 1040444.375"
                                + " +\\+0.0e\\+00 +auto: none \\(facility-location shape")
                .contains("OR-Library summary");
        assertThat(r.err()).contains("[cap41] scip+auto: OPTIMAL");
    }

    @Test
    void prints_markdown() {
        SolveCommandTest.Run r = SolveCommandTest.run(
                "bench",
                "--orlib",
                "../data/orlib-cap",
                "--only",
                "cap41",
                "--backends",
                "cbc",
                "--techniques",
                "none",
                "--markdown");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("| instance | solver | vars |").contains("| cap41 | cbc | 880 | 48 |");
    }

    @Test
    void references_solve_the_weak_formulation_to_the_same_optimum() {
        SolveCommandTest.Run r = SolveCommandTest.run(
                "bench",
                "--orlib",
                "../data/orlib-cap",
                "--only",
                "cap41",
                "--backends",
                "none",
                "--reference",
                "--reference-forms",
                "strong,weak",
                "--time-limit",
                "60");

        assertThat(r.exitCode()).as(r.err()).isZero();
        // the weak form leaves out the rows for strength only: most of the 899 rows, over half the nonzeros
        assertThat(r.out())
                .containsPattern("cap41 +highs-mps +880 +48 +899 +3312 .* optimal +1040444.375 .* \\+0.0e\\+00")
                .containsPattern(
                        "cap41 +highs-mps \\(weak\\) +880 +48 +130 +1760 .* optimal +1040444.375 .* \\+0.0e\\+00");
        assertThat(r.err()).contains("exported the weak MPS");
        assertThat(SolveCommandTest.run("bench", "--size", "S", "--reference-forms", "feeble")
                        .exitCode())
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void needs_something_to_run() {
        assertThat(SolveCommandTest.run("bench").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(SolveCommandTest.run("bench", "--size", "XXL").exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
