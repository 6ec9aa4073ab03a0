package footprint.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Demand given for a whole segment of a market: the segment's volume, the group's share of it, and
 * how the group's sales split between its products. Demand for product k in year t is {@code
 * volume(t) x groupShare x shares[k]}.
 */
public record SegmentDemand(String segment, Series volume, Optional<Figure> groupShare, Map<String, Figure> shares) {
    public SegmentDemand {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(groupShare, "groupShare");
        shares = Ordered.copyOf(shares);
    }
}
