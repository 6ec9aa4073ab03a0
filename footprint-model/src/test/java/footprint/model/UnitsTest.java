package footprint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {
    @Test
    void gwh_to_kwh_is_a_million() {
        assertThat(Units.factor("GWh", "kWh")).hasValue(1e6);
    }

    @ParameterizedTest(name = "{0} -> {1} = {2}")
    @CsvSource({
        "kWh, GWh, 1e-6",
        "kWh, kWh, 1",
        "Wh, kWh, 1e-3",
        "MWh, kWh, 1e3",
        "TWh, GWh, 1e3",
        "GWh/year, kWh, 1e6",
        "GWh a year, MWh, 1e3",
        "gwh per year, kwh, 1e6",
        "' GWh/yr ', kWh/a, 1e6",
    })
    void converts_between_energy_units_with_any_year_suffix(String from, String to, double factor) {
        assertThat(Units.factor(from, to).getAsDouble()).isCloseTo(factor, within(factor * 1e-12));
    }

    @Test
    void energy_and_a_count_do_not_convert() {
        assertThat(Units.factor("kWh", "engines")).isEmpty();
        assertThat(Units.factor("engines", "kWh")).isEmpty();
        assertThat(Units.factor("GWh/year", "gearboxes")).isEmpty();
    }

    @Test
    void other_units_are_informative_and_convert_with_factor_one() {
        assertThat(Units.factor("engines", "engines")).hasValue(1.0);
        assertThat(Units.factor("engines", "vehicles")).hasValue(1.0);
    }

    @Test
    void knows_which_units_are_energy() {
        assertThat(Units.isEnergy("GWh")).isTrue();
        assertThat(Units.isEnergy("kwh/year")).isTrue();
        assertThat(Units.isEnergy("engines")).isFalse();
        assertThat(Units.isEnergy("kW")).isFalse();
    }
}
