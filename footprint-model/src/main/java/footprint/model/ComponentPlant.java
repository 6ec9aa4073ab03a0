package footprint.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A plant making one kind of component (engines, gearboxes, battery cells), which lanes carry to
 * assembly plants. Capacity is in the component's unit a year; money in the plant's currency.
 *
 * @param ownership the group's share (0.5 for a 50/50 joint venture)
 * @param unitCost cost per unit of component
 * @param fixedCost cost a year
 */
public record ComponentPlant(
        String id,
        String name,
        String country,
        Optional<String> currency,
        String component,
        Optional<Figure> ownership,
        Series capacity,
        Optional<Series> unitCost,
        Optional<Series> fixedCost) {
    public ComponentPlant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(ownership, "ownership");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(unitCost, "unitCost");
        Objects.requireNonNull(fixedCost, "fixedCost");
    }
}
