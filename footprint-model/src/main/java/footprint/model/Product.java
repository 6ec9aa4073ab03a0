package footprint.model;

import java.util.Map;
import java.util.Objects;

/**
 * A vehicle a plant builds and a market buys.
 *
 * @param segment the market segment it sells in (van, minibus, passenger-car, ...)
 * @param platform the platform it is built on
 * @param bom components per vehicle, by component id, in each component's unit
 * @param price price per vehicle by market (in the market's currency), with an optional default
 */
public record Product(
        String id,
        String name,
        String brand,
        String segment,
        String platform,
        Map<String, Figure> bom,
        PerKey<Series> price) {
    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(platform, "platform");
        bom = Ordered.copyOf(bom);
        Objects.requireNonNull(price, "price");
    }
}
