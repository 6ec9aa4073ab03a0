package footprint.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A local-content minimum: of the value of vehicles sold in the destinations (country codes or
 * blocs), at least {@code minShare} must come from the destination's bloc, counting the assembly
 * where the plant is in the bloc and each component (through the bill of materials) where its
 * component plant is.
 */
public record LocalContent(String id, List<String> to, Figure minShare, YearRange years, Optional<Source> source) {
    public LocalContent {
        Objects.requireNonNull(id, "id");
        to = List.copyOf(to);
        Objects.requireNonNull(minShare, "minShare");
        Objects.requireNonNull(years, "years");
        Objects.requireNonNull(source, "source");
    }
}
