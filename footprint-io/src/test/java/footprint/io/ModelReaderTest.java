package footprint.io;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.model.Network;
import footprint.model.check.Location;
import footprint.model.check.Problem;
import footprint.model.check.ProblemCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading as a whole: many mistakes at once, JSON places, files on disk, problem order. */
class ModelReaderTest {

    @Test
    void five_different_mistakes_give_at_least_five_problems_each_with_its_line() {
        TinyModel m = TinyModel.clean()
                .replace("capacity: {value: 1000", "capacty: {value: 1000") // unknown field
                .replace("{low: 1e6, high: 2e6", "{low: lots, high: 2e6") // not a number
                .replace("    platforms: [van]\n  east:", "    platforms: [vann]\n  east:") // unknown platform
                .replace("to: RU, mode: rail", "to: RU, mode: rial") // not a lane mode
                .replace("years: 2025-,", "years: soon,"); // not years
        ModelRead read = m.read();

        assertThat(read.ok()).isFalse();
        assertThat(read.errors()).hasSizeGreaterThanOrEqualTo(5);
        for (Problem p : read.problems()) {
            assertThat(p.location()).as("%s", p).isPresent();
            assertThat(p.location().get().line()).as("line of %s", p).isPositive();
            assertThat(p.location().get().file()).isEqualTo("tiny.yaml");
        }
        Map<ProblemCode, Integer> lineOf = read.problems().stream()
                .collect(Collectors.toMap(
                        Problem::code, p -> p.location().orElseThrow().line(), (a, b) -> a));
        assertThat(lineOf)
                .containsEntry(ProblemCode.UNKNOWN_FIELD, m.lineOf("capacty"))
                .containsEntry(ProblemCode.NOT_A_NUMBER, m.lineOf("low: lots"))
                .containsEntry(ProblemCode.UNKNOWN_REFERENCE, m.lineOf("[vann]"))
                .containsEntry(ProblemCode.BAD_CHOICE, m.lineOf("mode: rial"))
                .containsEntry(ProblemCode.BAD_YEARS, m.lineOf("years: soon"));
    }

    @Test
    void problems_come_sorted_by_line_then_column() {
        TinyModel m = TinyModel.clean()
                .replace("years: 2025-,", "years: soon,")
                .replace("footprint: 1\n", "footprint: 2\n")
                .replace("to: RU, mode: rail", "to: RU, mode: rial");
        List<Problem> problems = m.read().problems();
        assertThat(problems).hasSize(3);
        assertThat(problems).isSortedAccordingTo(Problem.ORDER);
        assertThat(problems.stream().map(p -> p.code().id())).containsExactly("FP-E015", "FP-E016", "FP-E009");
    }

    @Test
    void every_problem_of_a_file_is_reported_not_just_the_first_of_a_field() {
        // two unknown platforms in one list: both are named
        TinyModel m =
                TinyModel.clean().replace("    platforms: [van]\n  east:", "    platforms: [vann, carr]\n  east:");
        List<Problem> refs = m.read().problems().stream()
                .filter(p -> p.code() == ProblemCode.UNKNOWN_REFERENCE)
                .toList();
        assertThat(refs).as("%s", refs).hasSize(2);
        assertThat(refs).extracting(Problem::message).anyMatch(s -> s.contains("'vann'"));
        assertThat(refs).extracting(Problem::message).anyMatch(s -> s.contains("'carr'"));
    }

    @Test
    void a_missing_price_is_reported_for_every_market_that_lacks_one() {
        // expert sells in FR and RU, and has no price at all
        TinyModel m =
                TinyModel.clean().replace("    price: {default: {low: 25000, high: 30000}, source: assumption}\n", "");
        List<Problem> missing = m.read().problems().stream()
                .filter(p -> p.code() == ProblemCode.MISSING_PRICE)
                .toList();
        assertThat(missing).extracting(Problem::message).anyMatch(s -> s.contains("market 'FR'"));
        assertThat(missing).extracting(Problem::message).anyMatch(s -> s.contains("market 'RU'"));
    }

    @Test
    void a_broken_number_gives_no_warning_about_the_placeholder_that_stands_in_for_it() {
        // capacity has a source; only its value is broken
        TinyModel m = TinyModel.clean().replace("{value: 1000, source", "{value: lots, source");
        List<Problem> about = m.read().problems().stream()
                .filter(p -> p.field().startsWith("plants[north].capacity"))
                .toList();
        assertThat(about).as("%s", about).extracting(Problem::code).containsExactly(ProblemCode.NOT_A_NUMBER);
    }

    @Test
    void problems_in_json_are_placed_by_line_and_column_too() {
        Network tiny = TinyModel.clean().read().network().orElseThrow();
        String json = ModelWriter.toJson(tiny);
        assertThat(ModelReader.read(json, "tiny.json").problems()).isEmpty();

        String broken = json.replaceFirst("\"mode\" : \"rail\"", "\"mode\" : \"rial\"");
        assertThat(broken).isNotEqualTo(json);
        ModelRead read = ModelReader.read(broken, "tiny.json");
        assertThat(read.problems()).hasSize(1);
        Problem p = read.problems().get(0);
        assertThat(p.code()).isEqualTo(ProblemCode.BAD_CHOICE);
        assertThat(p.field()).isEqualTo("lanes[2].mode");
        int at = broken.indexOf("\"rial\"");
        int line = (int) broken.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        int column = at - broken.lastIndexOf('\n', at - 1);
        assertThat(p.location()).contains(new Location("tiny.json", line, column));
    }

    @Test
    void a_json_syntax_error_is_placed() {
        ModelRead read =
                ModelReader.read("{\n  \"footprint\": 1,\n  \"name\": \"x\"\n  \"horizon\": {}\n}\n", "bad.json");
        assertThat(read.problems()).hasSize(1);
        Problem p = read.problems().get(0);
        assertThat(p.code()).isEqualTo(ProblemCode.SYNTAX);
        assertThat(p.location().orElseThrow().line()).isEqualTo(4);
    }

    @Test
    void reads_a_file_from_disk_by_its_extension(@TempDir Path dir) throws IOException {
        Network tiny = TinyModel.clean().read().network().orElseThrow();
        Path yaml = dir.resolve("tiny.yaml");
        Files.writeString(yaml, TinyModel.clean().text(), StandardCharsets.UTF_8);
        Path json = dir.resolve("tiny.JSON");
        Files.writeString(json, ModelWriter.toJson(tiny), StandardCharsets.UTF_8);

        assertThat(ModelReader.read(yaml).network()).contains(tiny);
        assertThat(ModelReader.read(json).network()).contains(tiny);
        // problems name the file as given
        ModelRead bad = ModelReader.read(dir.resolve("tiny.yaml").toString().isEmpty() ? yaml : writeBroken(dir));
        assertThat(bad.problems()).isNotEmpty();
        assertThat(bad.problems().get(0).location().orElseThrow().file())
                .isEqualTo(dir.resolve("broken.yaml").toString());
    }

    private static Path writeBroken(Path dir) throws IOException {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(
                broken,
                TinyModel.clean().replace("footprint: 1\n", "footprint: 2\n").text(),
                StandardCharsets.UTF_8);
        return broken;
    }

    @Test
    void a_byte_order_mark_is_allowed() {
        byte[] text = TinyModel.clean().text().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        ModelRead read = ModelReader.read(withBom, "tiny.yaml");
        assertThat(read.problems()).isEmpty();
        assertThat(read.network()).isEqualTo(TinyModel.clean().read().network());
    }

    @Test
    void strict_turns_warnings_into_errors_and_drops_the_network() {
        ModelRead read = ModelReader.read(TinyModel.raw(), "tiny.yaml");
        assertThat(read.ok()).isTrue();
        assertThat(read.warnings()).extracting(Problem::code).containsExactly(ProblemCode.POINT_ASSUMPTION);
        ModelRead strict = read.strict();
        assertThat(strict.ok()).isFalse();
        assertThat(strict.errors()).hasSize(1);
        assertThat(TinyModel.clean().read().strict().ok()).isTrue();
    }

    @Test
    void a_blank_source_is_a_problem_not_an_exception() {
        for (String blank : List.of("''", "\"  \"")) {
            TinyModel m = TinyModel.clean()
                    .replace(
                            "capacity: {value: 1000, source: \"seed 000\"}",
                            "capacity: {value: 1000, source: " + blank + "}")
                    .replace(
                            "cost: {low: 200, high: 400, source: assumption}",
                            "cost: {low: 200, high: 400, source: " + blank + "}")
                    .replace(
                            "van: {low: 8000, high: 9000}, source: assumption}",
                            "van: {low: 8000, high: 9000}, source: " + blank + "}")
                    .replace(
                            "interpolate: linear, source: \"seed 000\"}",
                            "interpolate: linear, source: " + blank + "}");
            ModelRead read = m.read();
            assertThat(read.errors())
                    .as("%s", read.problems())
                    .extracting(Problem::field)
                    .containsExactlyInAnyOrder(
                            "plants[north].capacity.source",
                            "plants[north].variable-cost.source",
                            "plants[east].capacity.source",
                            "lanes[1].cost.source");
            assertThat(read.errors()).allSatisfy(p -> assertThat(p.message()).contains("a source needs some text"));
        }
    }

    @Test
    void a_segment_given_twice_is_a_duplicate_key_not_twice_the_demand() {
        String segment = "      all: {volume: {value: 10000, source: \"seed 001\"}";
        TinyModel m = TinyModel.clean();
        String line = m.text().lines().toList().get(m.lineOf(segment) - 1);
        m = m.insertAfterLineWith(segment, line.replace("10000", "20000"));
        ModelRead read = m.read();
        assertThat(read.errors()).as("%s", read.problems()).hasSize(1);
        Problem p = read.errors().get(0);
        assertThat(p.code()).isEqualTo(ProblemCode.DUPLICATE_KEY);
        assertThat(p.field()).isEqualTo("markets[RU].segments.all");
        assertThat(p.location().orElseThrow().line()).isEqualTo(m.lineOf("value: 20000"));
    }

    @Test
    void a_status_year_given_twice_is_a_duplicate_key() {
        TinyModel m = TinyModel.clean()
                .replace("status: {2024: running, 2025-: idle}", "status: {2024: running, 2025-: idle, 2024: idle}");
        ModelRead read = m.read();
        assertThat(read.errors()).as("%s", read.problems()).hasSize(1);
        Problem p = read.errors().get(0);
        assertThat(p.code()).isEqualTo(ProblemCode.DUPLICATE_KEY);
        assertThat(p.field()).isEqualTo("plants[east].status.2024");
        assertThat(p.location().orElseThrow().column()).isEqualTo(m.columnOf("2024: idle"));
    }

    @Test
    void minus_zero_reads_as_zero_so_that_writing_it_back_is_lossless() {
        TinyModel m = TinyModel.clean().replace("{low: 200, high: 400", "{low: -0, high: 400");
        Network n = m.read().network().orElseThrow();
        RoundTripTest.assertRoundTrips(n, "-0");
        assertThat(n)
                .isEqualTo(TinyModel.clean()
                        .replace("{low: 200, high: 400", "{low: 0, high: 400")
                        .read()
                        .network()
                        .orElseThrow());
    }

    @Test
    void texts_yaml_reads_as_nothing_are_written_quoted() {
        for (String word : List.of("~", "null", "Null", "NULL", "")) {
            Network tiny = TinyModel.clean().read().network().orElseThrow();
            Network named = new Network(
                    word,
                    word,
                    tiny.horizon(),
                    tiny.currency(),
                    tiny.discountRate(),
                    tiny.objective(),
                    tiny.fx(),
                    tiny.countries(),
                    tiny.platforms(),
                    tiny.components(),
                    tiny.plants(),
                    tiny.products(),
                    tiny.componentPlants(),
                    tiny.markets(),
                    tiny.lanes(),
                    tiny.duties(),
                    tiny.bans(),
                    tiny.localContent(),
                    tiny.commitments(),
                    tiny.decisions());
            RoundTripTest.assertRoundTrips(named, "a model named '" + word + "'");
        }
    }
}
