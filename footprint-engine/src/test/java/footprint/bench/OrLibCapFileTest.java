package footprint.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footprint.model.Network;
import footprint.optimize.OrLibCap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class OrLibCapFileTest {
    static final Path DIR = Path.of("..", "data", "orlib-cap");

    @Test
    void reads_cap41_as_the_optimiser_parses_it() throws IOException {
        Network n = OrLibCapFile.read(DIR.resolve("cap41.txt"), OptionalDouble.empty());
        String text = Files.readString(DIR.resolve("cap41.txt"), StandardCharsets.US_ASCII);

        assertThat(n).isEqualTo(OrLibCap.parse(text, "cap41", OptionalDouble.empty()));
    }

    @Test
    void names_the_line_and_column_of_a_word_that_is_not_a_number() {
        String text = "2 1\n 10 1\n 10 lots\n 5\n 1. 2.\n";
        assertThatThrownBy(() -> OrLibCapFile.parse(text, "bad.txt", "bad", OptionalDouble.empty()))
                .isInstanceOfSatisfying(OrLibCapFile.Malformed.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(5);
                    assertThat(e.located())
                            .isEqualTo("bad.txt:3:5: 'lots' is not a number; expected the fixed cost of warehouse 2");
                });
    }

    @Test
    void says_what_is_missing_in_a_truncated_file() {
        assertThatThrownBy(() ->
                        OrLibCapFile.parse("2 1\n 10 1\n 10 1\n 5\n 1.", "cut.txt", "cut", OptionalDouble.empty()))
                .isInstanceOf(OrLibCapFile.Malformed.class)
                .hasMessage("the file ends before the cost of serving customer 1 from warehouse 2");
    }

    @Test
    void refuses_numbers_after_the_last_customer() {
        assertThatThrownBy(() ->
                        OrLibCapFile.parse("1 1\n 10 1\n 5\n 1.\n 7\n", "long.txt", "long", OptionalDouble.empty()))
                .isInstanceOfSatisfying(
                        OrLibCapFile.Malformed.class, e -> assertThat(e.line()).isEqualTo(5));
    }

    @Test
    void asks_for_a_capacity_where_the_file_says_capacity() {
        String text = "2 1\n capacity 10.\n capacity 20.\n 5\n 1. 2.\n";
        assertThatThrownBy(() -> OrLibCapFile.parse(text, "capx.txt", "capx", OptionalDouble.empty()))
                .isInstanceOfSatisfying(OrLibCapFile.Malformed.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("--capacity");
                });
        Network n = OrLibCapFile.parse(text, "capx.txt", "capx", OptionalDouble.of(8));
        assertThat(n.plants().get(1).capacity().nominal(OrLibCap.YEAR)).isEqualTo(8);
    }

    @Test
    void refuses_a_customer_without_demand() {
        assertThatThrownBy(() -> OrLibCapFile.parse("1 1\n 10 1\n 0\n 1.\n", "z.txt", "z", OptionalDouble.empty()))
                .isInstanceOfSatisfying(OrLibCapFile.Malformed.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).isEqualTo("the demand of customer 1 must be above 0, not 0");
                });
    }
}
