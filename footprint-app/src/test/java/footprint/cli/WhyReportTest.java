package footprint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.cli.SolveCommandTest.Run;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan's why in the summary and in the JSON (the figures are worked out in the engine's WhyTest). */
class WhyReportTest {
    /*
     * SolveCommandTest's two plants without the ban: east->FR (margin 23,100) is unused, and would
     * need 23,100 - 18,800 (east's capacity) - 10,700 (FR's demand) = -6,400 more margin a van.
     */
    static final String MODEL =
            SolveCommandTest.MODEL.replace("  bans:\n    - {from: RU, to: EU, brands: [Peugeot]}\n", "");

    @Test
    void the_summary_and_the_json_say_why(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("plan.json");
        Run r = SolveCommandTest.run(
                "solve", SolveCommandTest.write(dir, "two.yaml", MODEL).toString(), "--json", json.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .contains("Why (the LP with the plant states and tooling fixed")
                .contains("One more vehicle of demand would add (NPV, present value, EUR)")
                .containsPattern("FR expert 2024\\s+10,700")
                .containsPattern("east->FR:road 2024 \\(expert\\)\\s+6,400");
        JsonNode why = new ObjectMapper().readTree(json.toFile()).get("why");
        assertThat(why.get("demandValue").asText()).startsWith("the NPV one more vehicle");
        assertThat(why.at("/lanes/0/lane").asText()).isEqualTo("east->FR:road");
        assertThat(why.at("/lanes/0/perUnit").asDouble()).isCloseTo(6400, within(1e-6));
        assertThat(why.get("options").isArray()).isTrue();
    }
}
