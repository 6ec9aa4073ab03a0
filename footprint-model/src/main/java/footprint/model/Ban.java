package footprint.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A ban (sanction, pause) on goods moving from an origin to a destination (country codes or
 * blocs) in a span of years. It applies to vehicles of the listed brands or products, and to the
 * listed components; with none of the three listed it applies to everything.
 */
public record Ban(
        String id,
        List<String> from,
        List<String> to,
        List<String> brands,
        List<String> products,
        List<String> components,
        YearRange years,
        Optional<Source> source) {
    public Ban {
        Objects.requireNonNull(id, "id");
        from = List.copyOf(from);
        to = List.copyOf(to);
        brands = List.copyOf(brands);
        products = List.copyOf(products);
        components = List.copyOf(components);
        Objects.requireNonNull(years, "years");
        Objects.requireNonNull(source, "source");
    }

    /** Whether the ban names no goods, and so covers every vehicle and component. */
    public boolean coversEverything() {
        return brands.isEmpty() && products.isEmpty() && components.isEmpty();
    }

    /** Whether it covers a vehicle of this brand and product. */
    public boolean coversVehicle(String brand, String product) {
        return coversEverything() || brands.contains(brand) || products.contains(product);
    }

    /** Whether it covers this component. */
    public boolean coversComponent(String component) {
        return coversEverything() || components.contains(component);
    }
}
