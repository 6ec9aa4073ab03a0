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

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void a_word_of_five_megabytes_gets_no_hint_and_costs_nothing() {
        // the full table of distances between a 5 MB word and a field name took 1.1 GB and 22 s
        String huge = "c".repeat(5 << 20);
        assertThat(Spelling.closest(huge, PLANT_FIELDS)).isEmpty();
        assertThat(Spelling.closest("capacity" + "y".repeat(Spelling.LONGEST_WORD), PLANT_FIELDS))
                .isEmpty();
    }

    @Test
    void the_bounded_distance_agrees_with_the_full_one_within_its_bound() {
        List<String> words = List.of("", "a", "ab", "ba", "abc", "capacity", "capaicty", "kitten", "sitting", "xyz");
        for (String a : words) {
            for (String b : words) {
                int full = Spelling.distance(a, b);
                for (int limit = 0; limit <= 9; limit++) {
                    int bounded = Spelling.boundedDistance(a, b, limit);
                    if (full <= limit) {
                        assertThat(bounded).as("%s %s %d", a, b, limit).isEqualTo(full);
                    } else {
                        assertThat(bounded).as("%s %s %d", a, b, limit).isGreaterThan(limit);
                    }
                }
            }
        }
    }
}
