package footprint.io;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.model.check.Location;
import footprint.model.check.Problem;
import footprint.model.check.ProblemCode;
import footprint.model.check.Severity;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per problem code: tiny.yaml with exactly that mistake, and the problem's code, line,
 * column, field path and the key part of its message. The last test fails for any code that no
 * test of this module covers.
 */
class ProblemCodesTest {

    /** The one problem with this code; fails if there is none or more than one. */
    private static Problem only(ModelRead read, ProblemCode code) {
        List<Problem> found =
                read.problems().stream().filter(p -> p.code() == code).toList();
        assertThat(found)
                .as("problems with code %s among %s", code.id(), read.problems())
                .hasSize(1);
        Problem p = found.get(0);
        assertThat(p.severity()).isEqualTo(code.severity());
        assertThat(p.location()).as("location of %s", p).isPresent();
        assertThat(p.location().get().file()).isEqualTo("tiny.yaml");
        if (code.severity() == Severity.ERROR) {
            assertThat(read.ok()).as("a read with an error gives no network").isFalse();
            assertThat(read.network()).isEmpty();
        } else {
            assertThat(read.ok())
                    .as("warnings alone still give the network: %s", read.problems())
                    .isTrue();
        }
        return p;
    }

    private static void assertPlace(Problem p, int line, int column) {
        Location l = p.location().orElseThrow();
        assertThat(l.line()).as("line of %s", p).isEqualTo(line);
        assertThat(l.column()).as("column of %s", p).isEqualTo(column);
    }

    /** Every problem of the read has this code (the one mistake causes nothing else). */
    private static void assertNothingElse(ModelRead read, ProblemCode... codes) {
        assertThat(read.problems().stream().map(Problem::code).collect(Collectors.toSet()))
                .as("codes of %s", read.problems())
                .containsExactlyInAnyOrder(codes);
    }

    @Test
    void tiny_model_reads_without_any_problem() {
        ModelRead read = TinyModel.clean().read();
        assertThat(read.problems()).isEmpty();
        assertThat(read.ok()).isTrue();
    }

    // ---- errors -------------------------------------------------------------------------------------

    @Test
    @Covers(ProblemCode.SYNTAX)
    void an_unclosed_brace_is_a_syntax_error_placed_where_the_parser_stopped() {
        TinyModel m = TinyModel.clean()
                .replace(
                        "capacity: {value: 1000, source: \"seed 000\"}",
                        "capacity: {value: 1000, source: \"seed 000\"");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.SYNTAX);
        // the brace is still open when the next line's key starts
        assertPlace(p, m.lineOf("fixed-cost: {low: 1e6"), 5);
        assertThat(p.field()).isEmpty();
        assertThat(p.message()).contains("flow mapping").contains("expected ',' or '}'");
        assertThat(read.problems()).hasSize(1);
    }

    @Test
    @Covers(ProblemCode.REFUSED)
    void an_alias_is_refused_where_it_is_used() {
        TinyModel m = TinyModel.clean()
                .replace("capacity: {value: 1000", "capacity: &cap {value: 1000")
                .insertAfterLineWith("2026: 1200, interpolate: linear", "    fixed-cost: *cap");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.REFUSED);
        assertPlace(p, m.lineOf("*cap"), m.columnOf("*cap"));
        assertThat(p.message()).contains("YAML aliases (*name) are not accepted");
        assertThat(read.problems()).hasSize(1);
    }

    @Test
    @Covers(ProblemCode.UNKNOWN_FIELD)
    void a_misspelt_field_is_unknown_and_the_message_suggests_the_right_one() {
        TinyModel m = TinyModel.clean().replace("capacity: {value: 1000", "capacty: {value: 1000");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.UNKNOWN_FIELD);
        assertPlace(p, m.lineOf("capacty"), 5);
        assertThat(p.field()).isEqualTo("plants[north].capacty");
        assertThat(p.message()).contains("'capacty' is not a field").contains("Did you mean 'capacity'?");
        // and, since capacity is then missing, that is said too, at the plant
        Problem missing = only(read, ProblemCode.MISSING_FIELD);
        assertThat(missing.field()).isEqualTo("plants[north].capacity");
        assertThat(missing.location().orElseThrow().line()).isEqualTo(m.lineOf("north:") + 1);
        assertThat(read.errors())
                .extracting(Problem::code)
                .containsOnly(ProblemCode.UNKNOWN_FIELD, ProblemCode.MISSING_FIELD);
    }

    @Test
    @Covers(ProblemCode.MISSING_FIELD)
    void a_missing_required_field_is_named_at_its_mapping() {
        TinyModel m = TinyModel.clean().replace("    segment: van\n", "");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.MISSING_FIELD);
        // a block mapping starts at its first key
        assertPlace(p, m.lineOf("brand: Peugeot"), 5);
        assertThat(p.field()).isEqualTo("products[expert].segment");
        assertThat(p.message()).contains("needs 'segment'");
        assertNothingElse(read, ProblemCode.MISSING_FIELD);
    }

    @Test
    @Covers(ProblemCode.WRONG_TYPE)
    void a_mapping_where_a_list_of_texts_belongs_is_the_wrong_type() {
        TinyModel m = TinyModel.clean().replace("    platforms: [van]\n  east:", "    platforms: {van: yes}\n  east:");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.WRONG_TYPE);
        assertPlace(p, m.lineOf("{van: yes}"), m.columnOf("{van: yes}"));
        assertThat(p.field()).isEqualTo("plants[north].platforms");
        assertThat(p.message()).contains("expected text, found a mapping");
        assertNothingElse(read, ProblemCode.WRONG_TYPE);
    }

    @Test
    @Covers(ProblemCode.WRONG_TYPE)
    void a_list_where_a_mapping_belongs_is_the_wrong_type() {
        TinyModel m = TinyModel.clean().replace("    segments:\n      all:", "    segments:\n      - all:");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.WRONG_TYPE);
        assertPlace(p, m.lineOf("- all:"), 7);
        assertThat(p.field()).isEqualTo("markets[RU].segments");
        assertThat(p.message()).contains("found a list");
    }

    @Test
    @Covers(ProblemCode.NOT_A_NUMBER)
    void text_where_a_number_belongs_is_not_a_number() {
        TinyModel m = TinyModel.clean().replace("{value: 1000, source", "{value: lots, source");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.NOT_A_NUMBER);
        assertPlace(p, m.lineOf("value: lots"), m.columnOf("lots"));
        assertThat(p.field()).isEqualTo("plants[north].capacity.value");
        assertThat(p.message()).contains("'lots' is not a number").contains("125000, 1.5e6");
        assertThat(read.errors()).containsExactly(p);
    }

    @Test
    @Covers(ProblemCode.NOT_A_NUMBER)
    void nan_and_infinity_are_not_finite_numbers() {
        for (String word : List.of(".nan", ".inf", "-.Inf", "NaN", "1e999")) {
            TinyModel m = TinyModel.clean().replace("{value: 1000, source", "{value: " + word + ", source");
            Problem p = only(m.read(), ProblemCode.NOT_A_NUMBER);
            assertThat(p.field()).as(word).isEqualTo("plants[north].capacity.value");
            assertPlace(p, m.lineOf("value: " + word), m.columnOf(word + ","));
            assertThat(p.message()).as(word).containsAnyOf("not a finite number", "too large");
        }
    }

    @Test
    @Covers(ProblemCode.OUT_OF_RANGE)
    void a_negative_capacity_is_out_of_range() {
        TinyModel m = TinyModel.clean().replace("{value: 1000, source", "{value: -1000, source");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.OUT_OF_RANGE);
        assertPlace(p, m.lineOf("capacity: {value: -1000"), 5);
        assertThat(p.field()).isEqualTo("plants[north].capacity");
        assertThat(p.message()).contains("must not be negative").contains("-1000");
        assertThat(read.errors()).containsExactly(p);
    }

    @Test
    @Covers(ProblemCode.BAD_UNCERTAINTY)
    void a_range_with_low_above_high_is_refused() {
        TinyModel m = TinyModel.clean().replace("{low: 1e6, high: 2e6", "{low: 2e6, high: 1e6");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.BAD_UNCERTAINTY);
        assertPlace(p, m.lineOf("fixed-cost:"), m.columnOf("{low: 2e6"));
        assertThat(p.field()).isEqualTo("plants[north].fixed-cost");
        assertThat(p.message()).containsPattern("low 2(000000|\\.0E6|e6).* is above high");
        assertNothingElse(read, ProblemCode.BAD_UNCERTAINTY);
    }

    @Test
    @Covers(ProblemCode.BAD_UNCERTAINTY)
    void a_distribution_missing_a_parameter_says_what_it_takes() {
        TinyModel m = TinyModel.clean()
                .replace("{low: 1e6, high: 2e6, source", "{dist: triangular, low: 1e6, high: 2e6, source");
        Problem p = only(m.read(), ProblemCode.BAD_UNCERTAINTY);
        assertThat(p.field()).isEqualTo("plants[north].fixed-cost");
        assertThat(p.message()).contains("takes low, mode and high").contains("missing: mode");
    }

    @Test
    @Covers(ProblemCode.BAD_YEARS)
    void a_span_of_years_that_is_not_one_says_what_would_be_valid() {
        TinyModel m = TinyModel.clean().replace("years: 2025-,", "years: soon,");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.BAD_YEARS);
        assertPlace(p, m.lineOf("years: soon"), m.columnOf("soon"));
        assertThat(p.field()).isEqualTo("trade.bans[1].years");
        assertThat(p.message()).contains("'soon' is not a year range").contains("2021-2025");
        assertNothingElse(read, ProblemCode.BAD_YEARS);
    }

    @Test
    @Covers(ProblemCode.UNKNOWN_REFERENCE)
    void an_unknown_platform_is_named_with_the_closest_known_one() {
        TinyModel m = TinyModel.clean().replace("    platforms: [van]\n  east:", "    platforms: [vann]\n  east:");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.UNKNOWN_REFERENCE);
        assertPlace(p, m.lineOf("[vann]"), 5);
        assertThat(p.field()).isEqualTo("plants[north].platforms");
        assertThat(p.message()).contains("'vann' is not a platform").contains("Did you mean 'van'?");
        assertNothingElse(read, ProblemCode.UNKNOWN_REFERENCE);
    }

    @Test
    @Covers(ProblemCode.DUPLICATE_ID)
    void an_id_given_twice_is_placed_at_the_second() {
        TinyModel m = TinyModel.clean().insertAfterLineWith("van: {name: Compact van}", "  van: {name: Other van}");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.DUPLICATE_ID);
        assertPlace(p, m.lineOf("Other van"), 3);
        assertThat(p.field()).isEqualTo("platforms[van]");
        assertThat(p.message()).contains("'van' is defined twice in platforms");
        assertNothingElse(read, ProblemCode.DUPLICATE_ID);
    }

    @Test
    @Covers(ProblemCode.YEAR_OUTSIDE_HORIZON)
    void a_ban_entirely_after_the_horizon_is_outside_it() {
        TinyModel m = TinyModel.clean().replace("years: 2025-,", "years: 2030-,");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.YEAR_OUTSIDE_HORIZON);
        assertPlace(p, m.lineOf("years: 2030-"), m.columnOf("years: 2030-"));
        assertThat(p.field()).isEqualTo("trade.bans[1].years");
        assertThat(p.message()).contains("from 2030 on").contains("outside the horizon 2024-2026");
        assertNothingElse(read, ProblemCode.YEAR_OUTSIDE_HORIZON);
    }

    @Test
    @Covers(ProblemCode.LANE_TO_NOWHERE)
    void a_lane_from_a_plant_to_a_plant_goes_nowhere() {
        TinyModel m = TinyModel.clean().replace("to: FR, mode: rail", "to: north, mode: rail");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.LANE_TO_NOWHERE);
        assertPlace(p, m.lineOf("to: north"), m.columnOf("to: north"));
        assertThat(p.field()).isEqualTo("lanes[3].to");
        assertThat(p.message()).contains("'north' is not a market");
        assertNothingElse(read, ProblemCode.LANE_TO_NOWHERE);
    }

    @Test
    @Covers(ProblemCode.MISSING_PRICE)
    void a_product_with_demand_but_no_price_in_a_market_is_refused_in_npv_mode() {
        TinyModel m = TinyModel.clean().replace("price: {default:", "price: {RU:");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.MISSING_PRICE);
        assertPlace(p, m.lineOf("price: {RU:"), 5);
        assertThat(p.field()).isEqualTo("products[expert].price");
        assertThat(p.message()).contains("no price for market 'FR'").contains("add price: {FR: ...} or a default");
        assertNothingElse(read, ProblemCode.MISSING_PRICE);
        // in cost mode no price is needed
        assertThat(ModelReader.read(m.text() + "objective: cost\n", "tiny.yaml").problems())
                .isEmpty();
    }

    @Test
    @Covers(ProblemCode.FORMAT_VERSION)
    void only_format_version_1_is_read() {
        TinyModel m = TinyModel.clean().replace("footprint: 1\n", "footprint: 2\n");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.FORMAT_VERSION);
        assertPlace(p, 1, 12);
        assertThat(p.field()).isEqualTo("footprint");
        assertThat(p.message()).contains("not '2'").contains("write footprint: 1");
        assertNothingElse(read, ProblemCode.FORMAT_VERSION);
    }

    @Test
    @Covers(ProblemCode.BAD_CHOICE)
    void a_misspelt_lane_mode_is_not_one_of_the_words() {
        TinyModel m = TinyModel.clean().replace("to: RU, mode: rail", "to: RU, mode: rial");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.BAD_CHOICE);
        assertPlace(p, m.lineOf("mode: rial"), m.columnOf("rial"));
        assertThat(p.field()).isEqualTo("lanes[2].mode");
        assertThat(p.message())
                .contains("'rial' is not one of road, rail, sea, air")
                .contains("Did you mean 'rail'?");
        assertNothingElse(read, ProblemCode.BAD_CHOICE);
    }

    @Test
    @Covers(ProblemCode.SHARES_ABOVE_ONE)
    void product_shares_of_a_segment_above_one_are_refused() {
        TinyModel m = TinyModel.clean()
                .replace(
                        "shares: {expert: {value: 1, source: \"seed 001\"}}",
                        "shares: {expert: {value: 0.75, source: \"seed 001\"}, boxer: {value: 0.5, source: \"seed"
                                + " 001\"}}")
                .insertAfterLineWith(
                        "products:",
                        "  boxer: {brand: Peugeot, segment: van, platform: van, price: {value: 30000, source: \"seed"
                                + " 000\"}}");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.SHARES_ABOVE_ONE);
        assertPlace(p, m.lineOf("shares: {expert"), m.columnOf("shares: {expert"));
        assertThat(p.field()).isEqualTo("markets[RU].segments.all.shares");
        assertThat(p.message()).contains("the shares add up to 1.25").contains("must add up to 1 at most");
        assertNothingElse(read, ProblemCode.SHARES_ABOVE_ONE);
    }

    @Test
    @Covers(ProblemCode.UNIT_MISMATCH)
    void a_battery_capacity_in_gwh_for_a_component_counted_in_engines_is_refused() {
        TinyModel m = TinyModel.clean()
                .insertAfterLineWith(
                        "van: {name: Compact van}",
                        "components:\n  engine: {unit: engines}\ncomponent-plants:\n"
                                + "  motors: {country: FR, component: engine, capacity: {value: 2, unit: GWh, source:"
                                + " \"seed 000\"}}")
                .insertAfterLineWith("lanes:", "  - {from: motors, to: north}");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.UNIT_MISMATCH);
        assertPlace(p, m.lineOf("motors: {"), m.columnOf("capacity: {value: 2,"));
        assertThat(p.field()).isEqualTo("component-plants[motors].capacity");
        assertThat(p.message()).contains("'GWh' does not convert to 'engines'");
        assertNothingElse(read, ProblemCode.UNIT_MISMATCH);
    }

    @Test
    @Covers(ProblemCode.DUPLICATE_KEY)
    void a_key_given_twice_in_one_mapping_is_refused() {
        TinyModel m = TinyModel.clean().insertAfterLineWith("capacity: {value: 1000", "    capacity: 2000");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.DUPLICATE_KEY);
        assertPlace(p, m.lineOf("capacity: 2000"), 5);
        assertThat(p.field()).isEqualTo("plants[north].capacity");
        assertThat(p.message()).contains("'capacity' is given twice");
        assertNothingElse(read, ProblemCode.DUPLICATE_KEY);
    }

    @Test
    @Covers(ProblemCode.CONTRADICTION)
    void growth_starting_in_a_year_also_given_is_a_contradiction() {
        TinyModel m =
                TinyModel.clean().replace("from: 2025}, source: \"seed 001\"", "from: 2024}, source: \"seed 001\"");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.CONTRADICTION);
        assertPlace(p, m.lineOf("growth: {rate"), m.columnOf("growth: {rate"));
        assertThat(p.field()).isEqualTo("markets[FR].demand.expert.growth");
        assertThat(p.message()).contains("growth starts in 2024 but the year 2024 is also given");
        assertNothingElse(read, ProblemCode.CONTRADICTION);
    }

    @Test
    @Covers(ProblemCode.CONTRADICTION)
    void forcing_a_plant_to_run_in_a_year_it_is_given_as_idle_is_a_contradiction() {
        TinyModel m = TinyModel.clean()
                .insertAfterLineWith(
                        "years: -2024}",
                        "decisions:\n  - {force: run, plant: east, years: 2025, source: \"seed 000\"}");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.CONTRADICTION);
        assertPlace(p, m.lineOf("status: {2024: running"), 5);
        assertThat(p.field()).isEqualTo("plants[east].status");
        assertThat(p.message()).contains("in 2025").contains("idle").contains("force run");
    }

    // ---- scenarios -----------------------------------------------------------------------------------

    /** A scenario file beside a copy of tiny.yaml (base.yaml), read from disk. */
    private static ModelRead scenario(Path dir, String text) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), TinyModel.clean().text(), StandardCharsets.UTF_8);
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return ModelReader.read(file);
    }

    @Test
    @Covers(ProblemCode.BAD_CHANGE)
    void a_scenario_change_naming_nothing_in_the_model_cannot_be_applied(@TempDir Path dir) throws IOException {
        ModelRead read = scenario(
                dir, "footprint: 1\nextends: base.yaml\nchanges:\n  - set: plants[nowhere].capacity\n    to: 5\n");
        assertThat(read.ok()).isFalse();
        assertThat(read.problems()).hasSize(1);
        Problem p = read.problems().get(0);
        assertThat(p.code()).isEqualTo(ProblemCode.BAD_CHANGE);
        assertThat(p.location())
                .contains(new Location(dir.resolve("scenario.yaml").toString(), 4, 5));
        assertThat(p.field()).isEqualTo("changes");
        assertThat(p.message())
                .contains("plants[nowhere].capacity")
                .contains("has no 'nowhere'")
                .contains("north");
    }

    @Test
    @Covers(ProblemCode.BAD_BASE)
    void a_scenario_extending_a_missing_file_or_itself_has_no_base(@TempDir Path dir) throws IOException {
        ModelRead missing = scenario(dir, "footprint: 1\nextends: missing.yaml\n");
        Problem p = missing.problems().stream()
                .filter(x -> x.code() == ProblemCode.BAD_BASE)
                .findFirst()
                .orElseThrow(() -> new AssertionError(missing.problems().toString()));
        assertThat(p.location())
                .contains(new Location(dir.resolve("scenario.yaml").toString(), 2, 10));
        assertThat(p.field()).isEqualTo("extends");
        assertThat(p.message()).contains("missing.yaml").contains("cannot be read");
        assertThat(missing.ok()).isFalse();

        ModelRead cycle = scenario(dir, "footprint: 1\nextends: scenario.yaml\n");
        assertThat(cycle.problems()).hasSize(1);
        assertThat(cycle.problems().get(0).code()).isEqualTo(ProblemCode.BAD_BASE);
        assertThat(cycle.problems().get(0).message()).contains("cycle");
    }

    // ---- warnings -----------------------------------------------------------------------------------

    @Test
    @Covers(ProblemCode.UNBUILDABLE_PRODUCT)
    void a_product_whose_platform_no_plant_has_can_never_be_built() {
        TinyModel m = TinyModel.clean()
                .insertAfterLineWith("van: {name: Compact van}", "  car: {name: Car}")
                .insertAfterLineWith(
                        "products:",
                        "  c3: {brand: Citroen, segment: car, platform: car, price: {value: 15000, source: \"seed"
                                + " 000\"}}")
                .replace("demand: {expert:", "demand: {c3: {value: 10, source: \"seed 001\"}, expert:");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.UNBUILDABLE_PRODUCT);
        assertPlace(p, m.lineOf("c3: {brand"), 3);
        assertThat(p.field()).isEqualTo("products[c3]");
        assertThat(p.message()).contains("no plant has platform 'car'").contains("'c3' can never be built");
        assertNothingElse(read, ProblemCode.UNBUILDABLE_PRODUCT);
    }

    @Test
    @Covers(ProblemCode.UNREACHED_MARKET)
    void a_market_with_demand_and_no_lane_is_unreached() {
        TinyModel m = TinyModel.clean()
                .replace("  - {from: east, to: RU, mode: rail, cost: {low: 100, high: 300, source: assumption}}\n", "");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.UNREACHED_MARKET);
        assertPlace(p, m.lineOf("  RU:\n"), 3);
        assertThat(p.field()).isEqualTo("markets[RU]");
        assertThat(p.message()).contains("no lane reaches market 'RU'");
        assertNothingElse(read, ProblemCode.UNREACHED_MARKET);
    }

    @Test
    @Covers(ProblemCode.DEMAND_ABOVE_CAPACITY)
    void demand_above_the_capacity_of_all_plants_is_warned_with_its_year() {
        TinyModel m = TinyModel.clean().replace("{2024: 900, growth", "{2024: 90000, growth");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.DEMAND_ABOVE_CAPACITY);
        assertPlace(p, m.lineOf("markets:"), 1);
        assertThat(p.field()).isEqualTo("markets");
        // 2024: 90000 in FR + 10000 x 3% in RU = 90300; capacity 1000 + 800 = 1800
        assertThat(p.message()).contains("in 2024 demand (90300 vehicles)").contains("(1800)");
        assertNothingElse(read, ProblemCode.DEMAND_ABOVE_CAPACITY);
    }

    @Test
    @Covers(ProblemCode.NO_SOURCE)
    void a_figure_without_a_source_is_warned() {
        TinyModel m = TinyModel.clean().replace("capacity: {value: 1000, source: \"seed 000\"}", "capacity: 1000");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.NO_SOURCE);
        assertPlace(p, m.lineOf("capacity: 1000"), 5);
        assertThat(p.field()).isEqualTo("plants[north].capacity");
        assertThat(p.message()).contains("no source").contains("assumption");
        assertNothingElse(read, ProblemCode.NO_SOURCE);
    }

    @Test
    @Covers(ProblemCode.SHARES_BELOW_ONE)
    void shares_below_one_leave_part_of_a_segment_to_no_product() {
        TinyModel m = TinyModel.clean()
                .replace("{expert: {value: 1, source: \"seed 001\"}}", "{expert: {value: 0.5, source: \"seed 001\"}}");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.SHARES_BELOW_ONE);
        assertPlace(p, m.lineOf("shares: {expert"), m.columnOf("shares: {expert"));
        assertThat(p.field()).isEqualTo("markets[RU].segments.all.shares");
        assertThat(p.message()).contains("add up to 0.5").contains("50% of the segment goes to no product");
        assertNothingElse(read, ProblemCode.SHARES_BELOW_ONE);
    }

    @Test
    @Covers(ProblemCode.NO_DEMAND)
    void a_product_no_market_buys_is_warned() {
        TinyModel m = TinyModel.clean()
                .insertAfterLineWith(
                        "products:",
                        "  boxer: {brand: Peugeot, segment: van, platform: van, price: {value: 30000, source: \"seed"
                                + " 000\"}}");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.NO_DEMAND);
        assertPlace(p, m.lineOf("boxer: {"), 3);
        assertThat(p.field()).isEqualTo("products[boxer]");
        assertThat(p.message()).contains("no market has demand for 'boxer'");
        assertNothingElse(read, ProblemCode.NO_DEMAND);
    }

    @Test
    @Covers(ProblemCode.IDLE_LINKS)
    void a_plant_with_no_lane_can_never_deliver() {
        TinyModel m = TinyModel.clean()
                .replace("  - {from: north, to: FR, cost: {low: 200, high: 400, source: assumption}}\n", "");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.IDLE_LINKS);
        assertPlace(p, m.lineOf("north:"), 3);
        assertThat(p.field()).isEqualTo("plants[north]");
        assertThat(p.message()).contains("no lane leaves plant 'north'");
        assertNothingElse(read, ProblemCode.IDLE_LINKS);
    }

    @Test
    @Covers(ProblemCode.UNSUPPLIED_COMPONENT)
    void a_component_no_plant_makes_is_warned_at_the_bill_of_materials() {
        TinyModel m = TinyModel.clean()
                .insertAfterLineWith("van: {name: Compact van}", "components:\n  engine: {unit: engines}")
                .insertAfterLineWith("    platform: van", "    bom: {engine: {value: 1, source: \"seed 000\"}}");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.UNSUPPLIED_COMPONENT);
        assertPlace(p, m.lineOf("bom: {engine"), m.columnOf("engine: {value"));
        assertThat(p.field()).isEqualTo("products[expert].bom.engine");
        assertThat(p.message()).contains("no component plant makes 'engine'");
        assertNothingElse(read, ProblemCode.UNSUPPLIED_COMPONENT);
    }

    @Test
    @Covers(ProblemCode.POINT_ASSUMPTION)
    void an_assumption_given_as_a_single_number_is_warned() {
        TinyModel m = TinyModel.clean()
                .replace(
                        "capacity: {value: 1000, source: \"seed 000\"}", "capacity: {value: 1000, source: assumption}");
        ModelRead read = m.read();
        Problem p = only(read, ProblemCode.POINT_ASSUMPTION);
        assertPlace(p, m.lineOf("capacity: {value: 1000"), 5);
        assertThat(p.field()).isEqualTo("plants[north].capacity");
        assertThat(p.message()).contains("single number 1000").contains("give a range");
        assertNothingElse(read, ProblemCode.POINT_ASSUMPTION);
    }

    // ---- the guard ----------------------------------------------------------------------------------

    @Test
    void every_problem_code_has_a_test() throws IOException, URISyntaxException {
        Set<ProblemCode> covered = EnumSet.noneOf(ProblemCode.class);
        for (Class<?> c : testClasses()) {
            for (Method m : c.getDeclaredMethods()) {
                Covers covers = m.getAnnotation(Covers.class);
                if (covers != null) {
                    covered.add(covers.value());
                }
            }
        }
        Set<ProblemCode> missing = EnumSet.allOf(ProblemCode.class);
        missing.removeAll(covered);
        // reported by footprint-app's plan reader, not by a model reader: tested there
        // (footprint.cli.PlanFileCommandsTest, footprint.report.PlanSchemaTest)
        missing.remove(ProblemCode.PLAN_OF_ANOTHER_MODEL);
        assertThat(missing)
                .as("problem codes with no test: add a test of footprint-io marked @Covers(ProblemCode.X) for each")
                .isEmpty();
    }

    /** Every class compiled from this module's tests. */
    private static List<Class<?>> testClasses() throws IOException, URISyntaxException {
        Path root = Path.of(ProblemCodesTest.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name =
                        root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                try {
                    out.add(Class.forName(name, false, ProblemCodesTest.class.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    // not a loadable test class
                }
            }
        }
        return out;
    }

    @Test
    void disruptions_read_and_their_mistakes_are_placed_at_their_lines() {
        String events = "disruptions:\n"
                + "  - {id: fire, plant: east, probability: 2%, years: 2025-, source: \"seed 000\"}\n"
                + "  - {id: flood, lane: east->RU:rail, probability: {low: 1%, high: 3%}, source: assumption}\n"
                + "  - {id: embargo, from: RU, to: EU, probability: 10%, source: \"seed 000\"}\n";
        TinyModel good = TinyModel.clean().insertAfterLineWith("years: 2025-, source: \"seed 000\"}", events);
        ModelRead ok = good.read();
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.network().orElseThrow().disruptions())
                .extracting(d -> d.target())
                .containsExactly("plant east", "lane east->RU:rail", "trade RU -> EU");

        TinyModel bad = TinyModel.clean()
                .insertAfterLineWith(
                        "years: 2025-, source: \"seed 000\"}",
                        "disruptions:\n"
                                + "  - {id: fire, plant: eats, probability: 2%, source: \"seed 000\"}\n"
                                + "  - {id: flood, lane: east->RU:road, probability: 3%, source: \"seed 000\"}\n"
                                + "  - {id: both, plant: east, from: RU, to: EU, probability: 1%, source: \"seed 000\"}\n"
                                + "  - {id: sure, plant: east, probability: 150%, source: \"seed 000\"}\n");
        ModelRead read = bad.read();
        assertThat(read.problems())
                .extracting(pr -> pr.code().id() + " " + pr.field() + " line "
                        + pr.location().orElseThrow().line())
                .containsExactlyInAnyOrder(
                        "FP-E010 disruptions[1].plant line " + bad.lineOf("plant: eats"),
                        "FP-E010 disruptions[2].lane line " + bad.lineOf("east->RU:road"),
                        "FP-E020 disruptions[3] line " + bad.lineOf("id: both"),
                        "FP-E007 disruptions[4].probability line " + bad.lineOf("150%"));
        assertThat(read.problems().get(0).message()).contains("Did you mean 'east'?");
    }
}
