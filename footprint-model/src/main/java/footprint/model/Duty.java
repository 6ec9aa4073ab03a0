package footprint.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An import duty: a fraction of the vehicle's value (its price in the destination market) paid on
 * vehicles built in an origin and sold in a destination. Origins and destinations are country
 * codes or trade blocs. Empty brand and product lists mean every vehicle.
 */
public record Duty(
        String id,
        List<String> from,
        List<String> to,
        Series rate,
        List<String> brands,
        List<String> products,
        YearRange years,
        Optional<Source> source) {
    public Duty {
        Objects.requireNonNull(id, "id");
        from = List.copyOf(from);
        to = List.copyOf(to);
        Objects.requireNonNull(rate, "rate");
        brands = List.copyOf(brands);
        products = List.copyOf(products);
        Objects.requireNonNull(years, "years");
        Objects.requireNonNull(source, "source");
    }
}
