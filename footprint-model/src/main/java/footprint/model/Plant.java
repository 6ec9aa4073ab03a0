package footprint.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An assembly plant. Money is in the plant's currency (the model's base currency unless given);
 * capacity and line capacity in vehicles a year.
 *
 * @param ownership the group's share of the plant's profit (a joint venture below 1)
 * @param capacity vehicles a year while running
 * @param lineCapacity vehicles a year per platform, where a line limits it
 * @param workforce people employed while running
 * @param idleWorkforce people kept while idle
 * @param fixedCost cost a year while running
 * @param idleCost cost a year while idle
 * @param closureCost one-time cost of closing
 * @param reopeningCost one-time cost of running again after idling or closure
 * @param variableCost cost per vehicle, per product or platform
 * @param platforms platforms tooled at the start of the horizon
 * @param tooling platforms it could take on, with their investment and lead time
 * @param status statuses given by the planner; years not covered are left to the optimiser
 */
public record Plant(
        String id,
        String name,
        String country,
        Optional<String> currency,
        Optional<Figure> ownership,
        Series capacity,
        Map<String, Series> lineCapacity,
        Optional<Figure> workforce,
        Optional<Figure> idleWorkforce,
        Optional<Series> fixedCost,
        Optional<Series> idleCost,
        Optional<Figure> closureCost,
        Optional<Figure> reopeningCost,
        PerKey<Series> variableCost,
        List<String> platforms,
        List<ToolingOption> tooling,
        List<StatusSpan> status) {
    public Plant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(ownership, "ownership");
        Objects.requireNonNull(capacity, "capacity");
        lineCapacity = Ordered.copyOf(lineCapacity);
        Objects.requireNonNull(workforce, "workforce");
        Objects.requireNonNull(idleWorkforce, "idleWorkforce");
        Objects.requireNonNull(fixedCost, "fixedCost");
        Objects.requireNonNull(idleCost, "idleCost");
        Objects.requireNonNull(closureCost, "closureCost");
        Objects.requireNonNull(reopeningCost, "reopeningCost");
        Objects.requireNonNull(variableCost, "variableCost");
        platforms = List.copyOf(platforms);
        tooling = List.copyOf(tooling);
        status = List.copyOf(status);
    }

    /** The status the planner gave for a year, if any (a later span overrides an earlier one). */
    public Optional<PlantStatus> givenStatus(int year) {
        PlantStatus found = null;
        for (StatusSpan span : status) {
            if (span.years().contains(year)) {
                found = span.status();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The tooling option for a platform, if the plant could take it on. */
    public Optional<ToolingOption> toolingFor(String platform) {
        return tooling.stream().filter(t -> t.platform().equals(platform)).findFirst();
    }

    /** Whether the plant has the platform at the start or could take it on. */
    public boolean canBuild(String platform) {
        return platforms.contains(platform) || toolingFor(platform).isPresent();
    }

    /** The variable cost per vehicle of a product on a platform (0 if none is given). */
    public Optional<Series> variableCostOf(String product, String platform) {
        return variableCost.lookup(product, platform);
    }
}
