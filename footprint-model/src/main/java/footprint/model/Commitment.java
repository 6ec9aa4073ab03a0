package footprint.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A promise kept at a plant in a span of years: a minimum output (vehicles a year) while it runs,
 * and a minimum number of jobs kept (its workforce while running, its idle workforce while idle).
 */
public record Commitment(
        String id,
        String plant,
        Optional<Figure> minOutput,
        Optional<Figure> minJobs,
        YearRange years,
        Optional<Source> source) {
    public Commitment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(plant, "plant");
        Objects.requireNonNull(minOutput, "minOutput");
        Objects.requireNonNull(minJobs, "minJobs");
        Objects.requireNonNull(years, "years");
        Objects.requireNonNull(source, "source");
    }
}
