package footprint.model;

import java.util.Objects;

/** A plant status given by the planner for a span of years. */
public record StatusSpan(YearRange years, PlantStatus status) {
    public StatusSpan {
        Objects.requireNonNull(years, "years");
        Objects.requireNonNull(status, "status");
    }
}
