package footprint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PerKeyTest {
    private final PerKey<Integer> cost = new PerKey<>(Optional.of(9000), Map.of("expert", 9500, "van", 8000));

    @Test
    void the_first_key_listed_that_has_a_value_wins() {
        // product before platform: the product's own value wins
        assertThat(cost.lookup("expert", "van")).hasValue(9500);
        assertThat(cost.lookup("van", "expert")).hasValue(8000);
    }

    @Test
    void a_later_key_is_used_when_earlier_ones_have_no_value() {
        assertThat(cost.lookup("boxer", "van")).hasValue(8000);
    }

    @Test
    void the_default_is_used_when_no_key_has_a_value() {
        assertThat(cost.lookup("boxer", "car")).hasValue(9000);
        assertThat(cost.lookup()).hasValue(9000);
    }

    @Test
    void without_a_default_a_missing_key_gives_nothing() {
        var noDefault = new PerKey<>(Optional.empty(), Map.of("expert", 1));
        assertThat(noDefault.lookup("boxer")).isEmpty();
        assertThat(PerKey.<Integer>empty().lookup("x")).isEmpty();
        assertThat(PerKey.always(5).lookup("anything")).hasValue(5);
    }

    @Test
    void is_empty_only_with_neither_default_nor_keys() {
        assertThat(PerKey.empty().isEmpty()).isTrue();
        assertThat(PerKey.always(1).isEmpty()).isFalse();
        assertThat(new PerKey<>(Optional.empty(), Map.of("a", 1)).isEmpty()).isFalse();
    }

    @Test
    void keeps_the_written_order_and_cannot_be_changed() {
        var written = new LinkedHashMap<String, Integer>();
        written.put("zeta", 1);
        written.put("alpha", 2);
        written.put("mid", 3);
        var p = new PerKey<>(Optional.empty(), written);
        written.put("late", 4);
        assertThat(p.byKey().keySet()).containsExactly("zeta", "alpha", "mid");
        assertThatThrownBy(() -> p.byKey().put("x", 5)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refuses_null_keys_and_values() {
        var withNull = new HashMap<String, Integer>();
        withNull.put("a", null);
        assertThatThrownBy(() -> new PerKey<>(Optional.empty(), withNull)).isInstanceOf(NullPointerException.class);
    }
}
