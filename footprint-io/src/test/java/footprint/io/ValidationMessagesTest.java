package footprint.io;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.model.check.Problem;
import footprint.model.check.ProblemCode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Messages read as sentences, and one mistake gives one error. A corpus of tiny.yaml with one
 * mistake each reaches every message the binder and the validator build (singular and plural
 * where they differ); every message is held to simple rules of grammar, and the ones once found
 * wrong to their exact words.
 */
class ValidationMessagesTest {

    /** tiny.yaml with one mistake each, named. */
    static Map<String, TinyModel> corpus() {
        Map<String, TinyModel> c = new LinkedHashMap<>();
        TinyModel t = TinyModel.clean();
        c.put("unknown top-level field", t.replace("currency: EUR\n", "currency: EUR\ncurency: EUR\n"));
        c.put("unknown field in the trade rules", t.replace("trade:\n  bans:", "trade:\n  bands: []\n  bans:"));
        c.put("unknown plant field", t.replace("capacity: {value: 1000", "capacty: {value: 1000"));
        c.put("missing field", t.replace("    brand: Peugeot\n", ""));
        c.put("negative point", t.replace("{low: 200, high: 400, source: assumption}", "-1000"));
        c.put("negative range", t.replace("{low: 200, high: 400, source: assumption}", "{low: -1000, high: 400}"));
        c.put(
                "ownership of 0",
                t.replace("    country: FR\n    capacity", "    country: FR\n    ownership: 0\n    capacity"));
        c.put(
                "ownership range above 1",
                t.replace(
                        "    country: FR\n    capacity",
                        "    country: FR\n    ownership: {low: 0.5, high: 1.5}\n    capacity"));
        c.put("share above 1", t.replace("shares: {expert: {value: 1,", "shares: {expert: {value: 1.5,"));
        c.put("shares below 1", t.replace("shares: {expert: {value: 1,", "shares: {expert: {value: 0.5,"));
        c.put("lane in one year before the horizon", t.replace("years: -2024}", "years: 1990}"));
        c.put("lane in years before the horizon", t.replace("years: -2024}", "years: 1990-1995}"));
        c.put("lane in years up to a year before the horizon", t.replace("years: -2024}", "years: -1995}"));
        c.put("lane from a year after the horizon", t.replace("years: -2024}", "years: 2040-}"));
        c.put(
                "fx range low above high",
                t.replace("RUB: {2024: {low: 0.009, high: 0.012}", "RUB: {2024: {low: 0.019, high: 0.012}"));
        c.put(
                "fx year 1850 alone",
                t.replace(
                        "RUB: {2024: {low: 0.009, high: 0.012}, 2026: {low: 0.008, high: 0.012}, interpolate: linear,",
                        "RUB: {1850: 0.01,"));
        c.put(
                "fx year far outside",
                t.replace("RUB: {2024: {low: 0.009, high: 0.012}", "RUB: {1850: 0.5, 2024: {low: 0.009, high: 0.012}"));
        c.put("unknown platform", t.replace("    platforms: [van]\n  east:", "    platforms: [vann]\n  east:"));
        c.put("unknown country of a market", t.replace("  FR:\n    country: FR\n", "  FR:\n    country: FRR\n"));
        c.put(
                "unusable plant id",
                t.replace("  north:\n", "  \"no rth\":\n")
                        .replace("{from: north, to: FR", "{from: \"no rth\", to: FR"));
        c.put(
                "plant that is not a mapping",
                t.replace(
                        "  north:\n    country: FR\n    capacity: {value: 1000, source: \"seed 000\"}\n"
                                + "    fixed-cost: {low: 1e6, high: 2e6, source: assumption}\n"
                                + "    variable-cost: {default: {low: 9000, high: 11000}, van: {low: 8000, high: 9000}, source: assumption}\n"
                                + "    platforms: [van]\n",
                        "  north: 5\n"));
        c.put("not a number", t.replace("{low: 1e6, high: 2e6", "{low: lots, high: 2e6"));
        c.put("not a choice", t.replace("to: RU, mode: rail", "to: RU, mode: rial"));
        c.put("bad years", t.replace("years: 2025-,", "years: soon,"));
        c.put(
                "duplicate ban id",
                t.replace(
                        "    - {from: RU, to: EU, brands: [Peugeot], years: 2025-, source: \"seed 000\"}",
                        "    - {id: russia, from: RU, to: EU, brands: [Peugeot], years: 2025-, source: \"seed 000\"}\n"
                                + "    - {id: russia, from: RU, to: EU, years: 2026-, source: \"seed 000\"}"));
        c.put(
                "energy unit on an assembly plant",
                t.replace(
                        "capacity: {value: 1000, source: \"seed 000\"}",
                        "capacity: {value: 1, unit: GWh, source: \"seed 000\"}"));
        c.put("capacity too large", t.replace("capacity: {value: 1000,", "capacity: {value: 1e15,"));
        c.put("growth too fast", t.replace("growth: {rate: 2%, from: 2025}", "growth: {rate: 1e9, from: 2025}"));
        c.put("no exchange rate", t.replace("    currency: RUB\n    capacity", "    currency: RUR\n    capacity"));
        c.put("horizon reversed", t.replace("horizon: {from: 2024, to: 2026}", "horizon: {from: 2026, to: 2024}"));
        c.put("range and distribution", t.replace("{low: 1e6, high: 2e6,", "{low: 1e6, high: 2e6, mean: 3,"));
        c.put("a duplicate key", t.replace("currency: EUR\n", "currency: EUR\ncurrency: EUR\n"));
        c.put("lane to a plant", t.replace("{from: north, to: FR,", "{from: north, to: east,"));
        c.put(
                "demand above capacity",
                t.replace("capacity: {value: 1000,", "capacity: {value: 10,")
                        .replace(
                                "{2024: 800, 2026: 1200, interpolate: linear, source: \"seed 000\"}",
                                "{value: 10, source: \"seed 000\"}"));
        c.put(
                "a plant with no lane",
                t.replace("  - {from: north, to: FR, cost: {low: 200, high: 400, source: assumption}}\n", ""));
        c.put("no source", t.replace("capacity: {value: 1000, source: \"seed 000\"}", "capacity: 1000"));
        c.put(
                "point assumption",
                TinyModel.clean()
                        .replace(
                                "capacity: {value: 1000, source: \"seed 000\"}",
                                "capacity: {value: 1000, source: assumption}"));
        return c;
    }

    private static final Pattern RANGE = Pattern.compile("\\((-?\\d+) to (-?\\d+)\\)");

    /** What every message must be: a sentence (or sentences) without the slips once found. */
    static List<String> slips(String message) {
        List<String> slips = new ArrayList<>();
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        Matcher doubled = Pattern.compile("\\b(a|an|the) (a|an|the)\\b").matcher(lower);
        if (doubled.find()) {
            slips.add("doubled article '" + doubled.group() + "'");
        }
        if (Pattern.compile("(^|\\D)1 (errors|warnings|years|problems)\\b")
                .matcher(message)
                .find()) {
            slips.add("a plural after 1");
        }
        if (Pattern.compile("\\bthe years \\d{4} fall").matcher(message).find()) {
            slips.add("one year read as plural");
        }
        Matcher m = RANGE.matcher(message);
        while (m.find()) {
            if (Long.parseLong(m.group(1)) > Long.parseLong(m.group(2))) {
                slips.add("a reversed range " + m.group());
            }
        }
        if (message.contains("''") || message.contains("\"\"")) {
            slips.add("empty quotes");
        }
        if (Pattern.compile("but can be -?\\d[^ ]*\\.$").matcher(message).find() || message.contains("but can be 0")) {
            slips.add("'can be' of a single number");
        }
        if (lower.contains("holds missing")) {
            slips.add("'missing' used as a noun");
        }
        if (message.isBlank() || !(message.endsWith(".") || message.endsWith("?") || message.endsWith(")"))) {
            slips.add("no end of sentence");
        }
        if (message.contains("  ")) {
            slips.add("two spaces");
        }
        if (!message.isEmpty() && Character.isWhitespace(message.charAt(0))) {
            slips.add("leading space");
        }
        return slips;
    }

    @Test
    void every_message_of_the_corpus_reads_as_a_sentence_and_the_corpus_reaches_many_codes() {
        Set<ProblemCode> seen = EnumSet.noneOf(ProblemCode.class);
        List<String> bad = new ArrayList<>();
        corpus().forEach((name, model) -> {
            ModelRead read = model.read();
            assertThat(read.problems()).as("the mistake '%s' is reported", name).isNotEmpty();
            for (Problem p : read.problems()) {
                seen.add(p.code());
                List<String> slips = slips(p.message());
                if (!slips.isEmpty()) {
                    bad.add(name + ": " + p + " " + slips);
                }
            }
        });
        assertThat(bad).isEmpty();
        assertThat(seen).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void every_problem_code_is_explained_in_sentences() {
        for (ProblemCode code : ProblemCode.values()) {
            assertThat(slips(code.explanation()))
                    .as("%s: %s", code.id(), code.explanation())
                    .isEmpty();
            assertThat(slips(code.title() + "."))
                    .as("%s: %s", code.id(), code.title())
                    .isEmpty();
        }
    }

    @Test
    void the_rules_catch_the_slips_once_found() {
        assertThat(slips("'x' is not a field of a the model file.")).isNotEmpty();
        assertThat(slips("must not be negative, but can be -1000.")).isNotEmpty();
        assertThat(slips("must be a share above 0 to 1 (or 0% to 100%), but can be 0."))
                .isNotEmpty();
        assertThat(slips("the years 1990 fall outside the horizon 2024-2026, so this has no effect."))
                .isNotEmpty();
        assertThat(slips("m.yaml: 1 errors; nothing written.")).isNotEmpty();
        assertThat(slips("its place in the list (1 to 0).")).isNotEmpty();
        assertThat(slips("the file holds missing, not a JSON object.")).isNotEmpty();
        assertThat(slips("'' is not a plant.")).isNotEmpty();
        assertThat(slips("'x' is not a plant of this model (known: a, b).")).isEmpty();
    }

    private static Problem only(TinyModel m, ProblemCode code) {
        List<Problem> found =
                m.read().problems().stream().filter(p -> p.code() == code).toList();
        assertThat(found).as("problems with code %s", code.id()).hasSize(1);
        return found.get(0);
    }

    private static String message(String corpusName, ProblemCode code) {
        return only(corpus().get(corpusName), code).message();
    }

    @Test
    void the_messages_once_found_wrong_now_read_as_sentences() {
        assertThat(message("unknown top-level field", ProblemCode.UNKNOWN_FIELD))
                .startsWith("'curency' is not a field of the model file. Did you mean 'currency'?");
        assertThat(message("unknown field in the trade rules", ProblemCode.UNKNOWN_FIELD))
                .startsWith("'bands' is not a field of the trade rules. Did you mean 'bans'?");
        assertThat(message("negative point", ProblemCode.OUT_OF_RANGE))
                .isEqualTo("must not be negative, but is -1000.");
        assertThat(message("negative range", ProblemCode.OUT_OF_RANGE))
                .isEqualTo("must not be negative, but can be as low as -1000.");
        assertThat(message("ownership of 0", ProblemCode.OUT_OF_RANGE))
                .isEqualTo("must be a share above 0, at most 1 (100%), but is 0.");
        assertThat(message("ownership range above 1", ProblemCode.OUT_OF_RANGE))
                .isEqualTo("must be a share above 0, at most 1 (100%), but can be as high as 1.5.");
        assertThat(message("lane in one year before the horizon", ProblemCode.YEAR_OUTSIDE_HORIZON))
                .isEqualTo("the year 1990 falls outside the horizon 2024-2026, so this has no effect.");
        assertThat(message("lane in years before the horizon", ProblemCode.YEAR_OUTSIDE_HORIZON))
                .isEqualTo("the years 1990-1995 fall outside the horizon 2024-2026, so this has no effect.");
        assertThat(message("lane in years up to a year before the horizon", ProblemCode.YEAR_OUTSIDE_HORIZON))
                .isEqualTo("the years up to 1995 fall outside the horizon 2024-2026, so this has no effect.");
        assertThat(message("lane from a year after the horizon", ProblemCode.YEAR_OUTSIDE_HORIZON))
                .isEqualTo("the years from 2040 on fall outside the horizon 2024-2026, so this has no effect.");
    }

    @Test
    void a_range_with_low_above_high_in_fx_gives_one_error_not_one_per_plant_and_market() {
        ModelRead read = corpus().get("fx range low above high").read();
        assertThat(read.errors()).extracting(Problem::code).containsExactly(ProblemCode.BAD_UNCERTAINTY);
        assertThat(read.errors().get(0).field()).isEqualTo("fx.RUB.2024");
    }

    @Test
    void a_year_1850_in_an_fx_series_is_reported_even_when_it_is_the_only_year() {
        Problem alone = only(corpus().get("fx year 1850 alone"), ProblemCode.YEAR_OUTSIDE_HORIZON);
        assertThat(alone.field()).isEqualTo("fx.RUB.1850");
        assertThat(alone.message())
                .isEqualTo("1850 is outside the horizon 2024-2026, and so is every year of this series; give at"
                        + " least one year inside the horizon.");
        Problem beside = only(corpus().get("fx year far outside"), ProblemCode.YEAR_OUTSIDE_HORIZON);
        assertThat(beside.field()).isEqualTo("fx.RUB.1850");
    }

    @Test
    void an_unusable_plant_id_is_one_error_not_also_an_unknown_plant() {
        ModelRead read = corpus().get("unusable plant id").read();
        assertThat(read.errors()).extracting(Problem::code).containsExactly(ProblemCode.WRONG_TYPE);
        assertThat(read.errors().get(0).field()).isEqualTo("plants[no rth]");
    }

    @Test
    void a_plant_that_is_not_a_mapping_is_one_error_not_also_an_unknown_plant_at_its_lanes() {
        ModelRead read = corpus().get("plant that is not a mapping").read();
        assertThat(read.errors()).extracting(Problem::code).containsExactly(ProblemCode.WRONG_TYPE);
    }

    @Test
    void an_unknown_plant_is_named_with_the_known_ones() {
        TinyModel m = TinyModel.clean()
                .replace("trade:\n  bans:\n", "commitments:\n  - {plant: south, min-jobs: 1}\n" + "trade:\n  bans:\n");
        assertThat(only(m, ProblemCode.UNKNOWN_REFERENCE).message())
                .startsWith("'south' is not a plant of this model (known: east, north).");
    }

    @Test
    void a_duplicate_ban_id_is_placed_at_the_second_ban() {
        TinyModel m = corpus().get("duplicate ban id");
        Problem p = only(m, ProblemCode.DUPLICATE_ID);
        assertThat(p.field()).isEqualTo("trade.bans[2].id");
        assertThat(p.location().orElseThrow().line()).isEqualTo(m.lineOf("{id: russia, from: RU, to: EU, years"));
        assertThat(p.message()).contains("already used by trade.bans[1]");
    }

    @Test
    void a_capacity_in_gwh_on_an_assembly_plant_is_refused() {
        Problem p = only(corpus().get("energy unit on an assembly plant"), ProblemCode.UNIT_MISMATCH);
        assertThat(p.field()).isEqualTo("plants[north].capacity");
        assertThat(p.message()).contains("GWh").contains("vehicles");
    }
}
