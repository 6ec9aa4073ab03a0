package footprint.model.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {
    private static final List<String> PLANT_FIELDS =
            List.of("name", "country", "currency", "ownership", "capacity", "line-capacity", "workforce", "platforms");

    @Test
    void finds_the_field_meant_by_a_misspelling() {
        assertThat(Spelling.closest("capacty", PLANT_FIELDS)).hasValue("capacity");
        assertThat(Spelling.closest("contry", PLANT_FIELDS)).hasValue("country");
        assertThat(Spelling.closest("platfroms", PLANT_FIELDS)).hasValue("platforms");
        assertThat(Spelling.closest("line_capacity", PLANT_FIELDS)).hasValue("line-capacity");
    }

    @Test
    void counts_a_transposition_as_one_edit() {
        assertThat(Spelling.distance("capacity", "capacity")).isZero();
        assertThat(Spelling.distance("capaicty", "capacity")).isEqualTo(1);
        assertThat(Spelling.distance("abcd", "badc")).isEqualTo(2);
        assertThat(Spelling.distance("ab", "ba")).isEqualTo(1);
        assertThat(Spelling.distance("", "abc")).isEqualTo(3);
        assertThat(Spelling.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void ignores_case() {
        assertThat(Spelling.closest("CAPACITY", PLANT_FIELDS)).hasValue("capacity");
        assertThat(Spelling.closest("fr", List.of("FR", "RU"))).hasValue("FR");
    }

    @Test
    void suggests_nothing_when_nothing_is_close() {
        assertThat(Spelling.closest("elephant", PLANT_FIELDS)).isEmpty();
        assertThat(Spelling.closest("capacity", List.of())).isEmpty();
        assertThat(Spelling.hint("elephant", PLANT_FIELDS)).isEmpty();
    }

    @Test
    void hints_in_the_words_of_the_message() {
        assertThat(Spelling.hint("capacty", PLANT_FIELDS)).isEqualTo(" Did you mean 'capacity'?");
    }

    @Test
    void prefers_the_closest_and_then_the_first_listed() {
        assertThat(Spelling.closest("cost", List.of("coast", "cast", "post"))).hasValue("coast");
        assertThat(Spelling.closest("rail", List.of("road", "rail", "sea"))).hasValue("rail");
    }
}
