package footprint.io;

import static org.assertj.core.api.Assertions.assertThat;

import footprint.model.FieldCatalogue;
import footprint.model.check.Problem;
import footprint.model.check.ProblemCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Numbers that read as numbers but that the optimiser cannot take (HiGHS refused a capacity of
 * 1e15 as MPSOLVER_MODEL_INVALID, a demand of 1e308 ended as "infeasible, no rule to blame") are
 * refused when the model is read, each with the field and the limit the catalogue states.
 */
class MagnitudeTest {

    /** The one error of a read: out of range, at this field, naming the value and the limit. */
    private static Problem onlyError(TinyModel m, String field) {
        List<Problem> errors = m.read().errors();
        assertThat(errors).as("errors").hasSize(1);
        Problem p = errors.get(0);
        assertThat(p.code()).isEqualTo(ProblemCode.OUT_OF_RANGE);
        assertThat(p.field()).isEqualTo(field);
        assertThat(p.location()).isPresent();
        return p;
    }

    @Test
    void a_capacity_of_1e15_is_refused_naming_the_limit_of_volumes() {
        Problem p = onlyError(
                TinyModel.clean().replace("capacity: {value: 1000,", "capacity: {value: 1e15,"),
                "plants[north].capacity");
        assertThat(p.message()).isEqualTo("is 1e15, above 1e9, the most the optimiser can take for volumes.");
    }

    @Test
    void a_price_near_1e300_is_refused() {
        Problem p = onlyError(
                TinyModel.clean().replace("price: {default: {low: 25000, high: 30000}", "price: {default: 1e300"),
                "products[expert].price");
        assertThat(p.message()).contains("1e300").contains("above 1e9").contains("amounts of money per unit");
    }

    @Test
    void a_fixed_cost_near_1e300_is_refused() {
        Problem p = onlyError(
                TinyModel.clean().replace("fixed-cost: {low: 1e6, high: 2e6", "fixed-cost: {low: 1e6, high: 3e300"),
                "plants[north].fixed-cost");
        assertThat(p.message())
                .isEqualTo("can be 3e300, above 1e13, the most the optimiser can take for amounts of money.");
    }

    @Test
    void a_growth_rate_of_1e9_is_refused() {
        Problem p = onlyError(
                TinyModel.clean().replace("growth: {rate: 2%, from: 2025}", "growth: {rate: 1e9, from: 2025}"),
                "markets[FR].demand.expert.growth.rate");
        assertThat(p.message()).isEqualTo("is 1e9, above 10, the most the optimiser can take for growth rates.");
    }

    @Test
    void a_demand_of_1e308_is_refused() {
        Problem p = onlyError(
                TinyModel.clean().replace("expert: {2024: 900, growth", "expert: {2024: 1e308, growth"),
                "markets[FR].demand.expert.2024");
        assertThat(p.message()).isEqualTo("is 1e308, above 1e9, the most the optimiser can take for volumes.");
    }

    @Test
    void a_modest_rate_that_compounds_beyond_the_limit_over_the_horizon_is_refused() {
        Problem p = onlyError(
                TinyModel.clean()
                        .replace("horizon: {from: 2024, to: 2026}", "horizon: {from: 2024, to: 2100}")
                        .replace("growth: {rate: 2%, from: 2025}", "growth: {rate: 50%, from: 2025}"),
                "markets[FR].demand.expert.growth.rate");
        assertThat(p.message())
                .startsWith("grows to ")
                .contains(", above 1e9, ")
                .endsWith("give a smaller rate.");
    }

    @Test
    void money_in_another_currency_is_held_to_the_limit_once_converted() {
        // 1e8 roubles a vehicle is within the limit as written, but at 1e3 EUR a rouble it is 1e11 EUR
        Problem p = onlyError(
                TinyModel.clean()
                        .replace(
                                "RUB: {2024: {low: 0.009, high: 0.012}, 2026: {low: 0.008, high: 0.012}",
                                "RUB: {2024: {low: 900, high: 1000}, 2026: {low: 800, high: 1000}")
                        .replace(
                                "    currency: RUB\n    capacity",
                                "    currency: RUB\n    variable-cost: {value: 1e8, source: \"seed 000\"}\n    capacity"),
                "plants[east].variable-cost");
        assertThat(p.message())
                .isEqualTo("is 1e11 EUR at the highest exchange rate of RUB, above 1e9 EUR, the most the optimiser"
                        + " can take for amounts of money per unit.");
    }

    @Test
    void the_catalogue_states_each_limit_in_the_meaning_of_its_field() {
        assertThat(FieldCatalogue.limit("plant", "capacity")).contains(FieldCatalogue.VEHICLES);
        assertThat(FieldCatalogue.section("plant")
                        .field("capacity")
                        .orElseThrow()
                        .meaning())
                .endsWith("At most 1e9, the most the optimiser can take for volumes.");
        assertThat(FieldCatalogue.section("growth").field("rate").orElseThrow().meaning())
                .endsWith("From -1 to 10, the range the optimiser can take for growth rates.");
    }

    @Test
    void the_kaluga_examples_still_validate() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../examples/kaluga"))) {
            List<Path> yaml =
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(yaml).isNotEmpty();
            for (Path f : yaml) {
                assertThat(ModelReader.read(f).errors()).as("%s", f).isEmpty();
            }
        }
    }
}
