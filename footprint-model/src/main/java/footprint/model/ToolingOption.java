package footprint.model;

import java.util.Objects;

/**
 * A platform a plant could take on: the one-time investment, and the years between deciding and
 * building (no vehicle of the platform leaves the plant before the horizon's first year plus the
 * lead time).
 */
public record ToolingOption(String platform, Figure investment, Figure leadTimeYears) {
    public ToolingOption {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(investment, "investment");
        Objects.requireNonNull(leadTimeYears, "leadTimeYears");
    }
}
