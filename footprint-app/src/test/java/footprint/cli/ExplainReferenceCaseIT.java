package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.cli.SolveCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** explain and the conflict report on the reference case (examples/kaluga): several solves, so an IT. */
class ExplainReferenceCaseIT {
    static final Path KALUGA =
            Path.of("..", "examples", "kaluga").toAbsolutePath().normalize();

    @BeforeAll
    static void theReferenceCaseIsThere() {
        assertThat(KALUGA.resolve("base.yaml")).exists();
    }

    @Test
    void explains_keeping_kaluga_from_running_in_2027(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("why.json");
        Run r = SolveCommandTest.run(
                "explain",
                KALUGA.resolve("base.yaml").toString(),
                "--decision",
                "running(kaluga,2027)",
                "--json",
                json.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        // whichever way the plan decides kaluga in 2027, the other way is no better (within the gap)
        assertThat(r.out())
                .contains("Explain running(kaluga,2027)")
                .containsPattern("In the plan, kaluga (runs|is idle|is closed) in 2027\\.")
                .containsPattern("Forcing it would (lower|raise|not change) the NPV");
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("worseBy").asDouble())
                .isGreaterThan(-1e-4 * Math.abs(doc.get("planObjective").asDouble()));
    }

    @Test
    void explains_a_sourcing_lane_and_an_export_lane() {
        Run sourcing = SolveCommandTest.run(
                "explain",
                KALUGA.resolve("base.yaml").toString(),
                "--decision",
                "sourcing(kaluga-engines->hordain:rail,2024)");
        assertThat(sourcing.exitCode()).as(sourcing.err()).isEqualTo(ExitCode.OK);
        assertThat(sourcing.out()).contains("kaluga-engines->hordain:rail").contains("Forcing it would");

        Run lane = SolveCommandTest.run(
                "explain", KALUGA.resolve("base.yaml").toString(), "--decision", "lane(kaluga->FR:rail,2023)");
        assertThat(lane.exitCode()).as(lane.err()).isEqualTo(ExitCode.OK);
        assertThat(lane.out()).contains("kaluga->FR:rail").contains("Forcing it would");
    }

    @Test
    void names_the_conflict_of_the_russia_pause_with_the_jobs_kept(@TempDir Path dir) throws IOException {
        // seed 000: Kaluga's 1,800 jobs were kept in 2022-2023; the Russia pause idles it from 2022.
        Path jobs = dir.resolve("jobs-kept.yaml");
        Files.writeString(jobs, """
                footprint: 1
                extends: %s
                name: Russia pause, jobs kept
                changes:
                  - add: commitments
                    value: {plant: kaluga, min-jobs: 1800, years: 2022-2023, source: "seed 000"}
                """.formatted(KALUGA.resolve("russia-pause.yaml")));
        Run r = SolveCommandTest.run("solve", jobs.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.INFEASIBLE);
        Path pause = KALUGA.resolve("russia-pause.yaml");
        int idleLine = ExplainCommandTest.lineOf(Files.readString(pause), "{force: idle, plant: kaluga");
        assertThat(r.out())
                .contains("These rules cannot all hold")
                .containsPattern("commitments\\[\\d+\\] \\(" + Pattern.quote(jobs + ":6")
                        + "\\): keep 1,800 jobs at kaluga 2022-2023")
                .containsPattern("decisions\\[\\d+\\] \\(" + Pattern.quote(pause + ":" + idleLine)
                        + "\\): kaluga idle from 2022");
    }
}
