package footprint.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlantTest {
    static Plant plant(List<StatusSpan> status, List<String> platforms, List<ToolingOption> tooling) {
        return new Plant(
                "kaluga",
                "Kaluga",
                "RU",
                Optional.empty(),
                Optional.empty(),
                Series.constant(125_000),
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                new PerKey<>(Optional.of(Series.constant(9000)), Map.of("expert", Series.constant(9500))),
                platforms,
                tooling,
                status);
    }

    private static StatusSpan span(String years, PlantStatus status) {
        return new StatusSpan(YearRange.parse(years), status);
    }

    @Test
    void a_later_status_span_overrides_an_earlier_one() {
        Plant p = plant(
                List.of(span("2022-", PlantStatus.IDLE), span("2024", PlantStatus.RUNNING)), List.of(), List.of());
        assertThat(p.givenStatus(2021)).isEmpty();
        assertThat(p.givenStatus(2022)).hasValue(PlantStatus.IDLE);
        assertThat(p.givenStatus(2023)).hasValue(PlantStatus.IDLE);
        assertThat(p.givenStatus(2024)).hasValue(PlantStatus.RUNNING);
        assertThat(p.givenStatus(2025)).hasValue(PlantStatus.IDLE);
    }

    @Test
    void the_order_of_spans_decides_not_their_width() {
        Plant p = plant(
                List.of(span("2024", PlantStatus.RUNNING), span("2022-", PlantStatus.CLOSED)), List.of(), List.of());
        assertThat(p.givenStatus(2024)).hasValue(PlantStatus.CLOSED);
    }

    @Test
    void without_spans_every_year_is_left_to_the_optimiser() {
        assertThat(plant(List.of(), List.of(), List.of()).givenStatus(2024)).isEmpty();
    }

    @Test
    void builds_platforms_tooled_now_or_as_an_option() {
        var option = new ToolingOption("leap-c", Figure.of(50e6), Figure.of(2));
        Plant p = plant(List.of(), List.of("k0"), List.of(option));
        assertThat(p.canBuild("k0")).isTrue();
        assertThat(p.canBuild("leap-c")).isTrue();
        assertThat(p.canBuild("cmp")).isFalse();
        assertThat(p.toolingFor("leap-c")).hasValue(option);
        assertThat(p.toolingFor("k0")).isEmpty();
    }

    @Test
    void variable_cost_is_looked_up_by_product_then_platform_then_default() {
        Plant p = plant(List.of(), List.of(), List.of());
        assertThat(p.variableCostOf("expert", "k0").orElseThrow().nominal(2024)).isEqualTo(9500);
        assertThat(p.variableCostOf("boxer", "k0").orElseThrow().nominal(2024)).isEqualTo(9000);
    }
}
