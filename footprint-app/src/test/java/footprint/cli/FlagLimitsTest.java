package footprint.cli;

import static footprint.cli.SolveCommandTest.MODEL;
import static footprint.cli.SolveCommandTest.run;
import static footprint.cli.SolveCommandTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import footprint.cli.SolveCommandTest.Run;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counts and numbers on the command line that cannot be meant, or cannot be done, are refused with exit 2. */
class FlagLimitsTest {
    @TempDir
    Path dir;

    private String model() throws IOException {
        return write(dir, "m.yaml", MODEL).toString();
    }

    private static void refused(Run r, String... words) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains(words).doesNotContain("internal error").doesNotContain("Exception");
    }

    @Test
    void risk_refuses_more_samples_than_the_heap_holds_saying_the_limit() throws IOException {
        long max = RiskCommand.maxSamples(0, 0, false, Runtime.getRuntime().maxMemory()); // MODEL: no range
        Run r = run("risk", model(), "--samples", "2147483647");
        refused(r, "--samples 2,147,483,647 is more than this Java heap", String.format("at most %,d samples", max));
    }

    @Test
    void the_sample_limit_follows_the_measured_cost_of_a_sample() {
        long gib = 1L << 30;
        // 210 bytes plus 17 per input: half of 1 GiB holds 2,556,564 samples of a model with no input
        assertThat(RiskCommand.maxSamples(0, 0, false, gib)).isEqualTo(gib / 2 / 210);
        assertThat(RiskCommand.maxSamples(100, 0, false, gib)).isEqualTo(gib / 2 / (210 + 1700));
        assertThat(RiskCommand.maxSamples(0, 0, true, gib)).isEqualTo(gib / 2 / (210 + 6 * 900));
    }

    @Test
    void risk_with_a_workbook_refuses_more_samples_than_a_sheet_has_rows() throws IOException {
        refused(
                run(
                        "risk",
                        model(),
                        "--samples",
                        "1048576",
                        "--xlsx",
                        dir.resolve("r.xlsx").toString()),
                "at most 1,048,575");
    }

    @Test
    void thread_counts_are_capped_at_four_per_processor_in_every_command() throws IOException {
        String m = model();
        int cpus = Runtime.getRuntime().availableProcessors();
        String over = Integer.toString(4 * cpus + 1);
        String limit = "up to " + 4 * cpus + ": 4 times the " + cpus + " processors";
        refused(run("solve", m, "--threads", "100000"), limit);
        refused(run("solve", m, "--threads", over), limit);
        refused(run("explain", m, "--decision", "running(north,2024)", "--threads", over), limit);
        refused(run("risk", m, "--threads", over), limit);
        refused(run("bench", "--size", "S", "--threads", over), limit);
        refused(run("solve", m, "--threads", "-1"), "--threads takes 0");
    }

    @Test
    void a_negative_solver_seed_is_a_command_line_error_not_an_internal_one() throws IOException {
        String m = model();
        refused(run("solve", m, "--seed", "-1"), "--seed takes 0 to 2147483647");
        refused(run("explain", m, "--decision", "running(north,2024)", "--seed", "-1"), "--seed takes 0");
        Run ok = run("solve", m, "--seed", "2147483647");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
    }

    @Test
    void a_gap_is_a_fraction_below_one_wherever_it_is_taken() throws IOException {
        String m = model();
        String says = "takes a fraction from 0 up to (not including) 1";
        for (String g : new String[] {"2", "1", "-0.1", "NaN", "Infinity"}) {
            refused(run("solve", m, "--gap", g), says);
            refused(run("compare", m, "--gap", g), says);
            refused(run("explain", m, "--decision", "running(north,2024)", "--gap", g), says);
            refused(run("bench", "--size", "S", "--gap", g), says);
        }
        Run ok = run("solve", m, "--gap", "0.5");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).doesNotContain("gap 200");
    }

    @Test
    void time_limits_must_be_finite_and_not_negative() throws IOException {
        String m = model();
        for (String t : new String[] {"-1", "NaN", "Infinity"}) {
            refused(run("solve", m, "--time-limit", t), "--time-limit takes seconds");
            refused(run("compare", m, "--time-limit", t), "--time-limit takes seconds");
            refused(run("bench", "--size", "S", "--time-limit", t), "--time-limit takes seconds");
            refused(
                    run(
                            "case-study",
                            dir.toString(),
                            "--out",
                            dir.resolve("c.md").toString(),
                            "--time-limit",
                            t),
                    "--time-limit takes seconds");
        }
    }

    @Test
    void an_explicit_count_of_zero_futures_is_an_error_not_ignored() throws IOException {
        String m = model();
        refused(run("solve", m, "--stochastic", "0"), "--stochastic takes 1 to 1,000");
        refused(run("solve", m, "--stochastic", "-3"), "--stochastic takes 1 to 1,000");
        refused(run("solve", m, "--stochastic", "1001"), "--stochastic takes 1 to 1,000");
        refused(run("solve", m, "--stochastic", "5", "--check-samples", "1"), "--check-samples takes 2 to 100,000");
        refused(run("solve", m, "--stochastic", "5", "--check-samples", "100001"), "--check-samples takes 2");
        refused(run("solve", m, "--check-samples", "10"), "--check-samples goes with --stochastic");
    }

    @Test
    void risk_refuses_a_level_or_correlation_out_of_range_naming_the_option() throws IOException {
        String m = model();
        refused(run("risk", m, "--level", "1"), "--level takes a number between 0 and 1");
        refused(run("risk", m, "--level", "NaN"), "--level");
        refused(run("risk", m, "--correlation", "-0.5"), "--correlation takes");
        refused(run("risk", m, "--correlation", "1.5"), "--correlation takes");
        refused(run("risk", m, "--samples", "1"), "--samples takes 2 or more");
    }
}
