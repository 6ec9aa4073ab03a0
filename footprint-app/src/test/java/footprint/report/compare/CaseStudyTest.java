package footprint.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.optimize.SolveOptions;
import footprint.optimize.SolveStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every scenario of the reference case solves to optimality, and docs/case-study.md says what the
 * generator says today: everything before the sensitivity (the scenarios, the table of plans, what
 * each scenario says) is regenerated and compared. When this fails, run the command the page names.
 */
class CaseStudyTest {
    static final Path KALUGA = Path.of("..", "examples", "kaluga");
    static final Path DOC = Path.of("..", "docs", "case-study.md");

    @Test
    void every_scenario_solves_and_the_case_study_matches_what_the_command_prints() throws IOException {
        List<Path> files = CaseStudy.files(KALUGA);
        assertThat(files.stream().map(f -> f.getFileName().toString()))
                .startsWith(
                        "base.yaml",
                        "russia-pause.yaml",
                        "relocate-vans.yaml",
                        "kaluga-restart.yaml",
                        "russia-forecast-low.yaml",
                        "russia-forecast-high.yaml",
                        "china-zaragoza.yaml");
        SolveOptions options =
                new SolveOptions(footprint.optimize.Backend.DEFAULT, 0, SolveOptions.DEFAULT_GAP, 1, 0, true);
        List<ScenarioPlan> runs = ScenarioSolver.solveAll(files, options, line -> {});
        for (ScenarioPlan r : runs) {
            assertThat(r.read().problems()).as(r.label()).isEmpty();
            assertThat(r.solved().status()).as(r.label()).isEqualTo(SolveStatus.OPTIMAL);
        }

        String now = CaseStudy.markdown(runs, List.of(), DOC, Optional.of(DOC.resolveSibling("case-study.html")));
        String committed = Files.readString(DOC, StandardCharsets.UTF_8);
        assertThat(committed).contains(CaseStudy.COMMAND).contains(CaseStudy.SENSITIVITY_HEADING);
        assertThat(CaseStudy.beforeSensitivity(committed))
                .as("docs/case-study.md is stale: run " + CaseStudy.COMMAND)
                .isEqualTo(CaseStudy.beforeSensitivity(now));

        // the key findings of the case, as the page states them
        assertThat(now)
                .contains("Kaluga idle 2022-2030 instead of running")
                .contains("move from Kaluga to Hordain")
                .contains("Kaluga closed 2022-2030 instead of idle")
                .contains("Kaluga running 2026-2030 instead of idle")
                .contains("Zaragoza is tooled for leap-c from 2026");
    }
}
