package footprint.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A freight lane: from an assembly plant to a market (vehicles), or from a component plant to an
 * assembly plant (components). Cost per unit carried is in the base currency.
 */
public record Lane(
        String from,
        String to,
        LaneMode mode,
        Optional<Series> costPerUnit,
        Optional<Figure> leadTimeDays,
        YearRange years) {
    public Lane {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(costPerUnit, "costPerUnit");
        Objects.requireNonNull(leadTimeDays, "leadTimeDays");
        Objects.requireNonNull(years, "years");
    }

    /** The lane's name in problems and plans: {@code kaluga->FR:road}. */
    public String id() {
        return from + "->" + to + ":" + mode.name().toLowerCase(Locale.ROOT);
    }

    public boolean isOpen(int year) {
        return years.contains(year);
    }
}
