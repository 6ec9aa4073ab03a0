package footprint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YearRangeTest {
    private static final int MIN = Integer.MIN_VALUE;
    private static final int MAX = Integer.MAX_VALUE;

    @ParameterizedTest(name = "''{0}'' is {1}..{2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2022        | 2022 | 2022",
                "2021-2025   | 2021 | 2025",
                "' 2021 - 2025 ' | 2021 | 2025",
                "2022-       | 2022 | " + MAX,
                "-2025       | " + MIN + " | 2025",
                "all         | " + MIN + " | " + MAX,
                "ALL         | " + MIN + " | " + MAX,
                "2024-2024   | 2024 | 2024",
            })
    void parses_every_written_form(String text, int first, int last) {
        assertThat(YearRange.parse(text)).isEqualTo(new YearRange(first, last));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"2022", "2021-2025", "2022-", "-2025", "all"})
    void writes_back_what_it_reads(String text) {
        assertThat(YearRange.parse(text).toString()).isEqualTo(text);
        assertThat(YearRange.parse(YearRange.parse(text).toString())).isEqualTo(YearRange.parse(text));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", " ", "22", "20221", "abc", "-", "2021-2025-2030", "2021..2025", "2021/2025", "twenty"})
    void refuses_what_is_not_a_year_range_saying_what_would_be_valid(String text) {
        assertThatThrownBy(() -> YearRange.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "' is not a year range")
                .hasMessageContaining("2022, 2021-2025, 2022- (from 2022 on), -2025 or all");
    }

    @Test
    void refuses_two_years_without_a_dash() {
        assertThatThrownBy(() -> YearRange.parse("2021 2025"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'2021 2025' is not a year range: put a dash between the years, as in 2021-2025");
    }

    @Test
    void refuses_a_range_that_ends_before_it_starts() {
        assertThatThrownBy(() -> YearRange.parse("2025-2021"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("year range '2025-2021' starts after it ends");
        assertThatThrownBy(() -> new YearRange(2025, 2021))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts at 2025 after it ends at 2021");
    }

    @Test
    void contains_its_ends_and_open_ends_reach_forever() {
        YearRange r = YearRange.parse("2021-2025");
        assertThat(r.contains(2020)).isFalse();
        assertThat(r.contains(2021)).isTrue();
        assertThat(r.contains(2025)).isTrue();
        assertThat(r.contains(2026)).isFalse();
        assertThat(YearRange.parse("2022-").contains(9999)).isTrue();
        assertThat(YearRange.parse("2022-").isOpenEnd()).isTrue();
        assertThat(YearRange.parse("-2025").contains(1000)).isTrue();
        assertThat(YearRange.parse("-2025").isOpenStart()).isTrue();
        assertThat(YearRange.ALL.contains(MIN)).isTrue();
        assertThat(YearRange.of(2024)).isEqualTo(new YearRange(2024, 2024));
        assertThat(YearRange.from(2024)).isEqualTo(YearRange.parse("2024-"));
    }
}
