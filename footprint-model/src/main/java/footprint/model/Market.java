package footprint.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * A market: the vehicles it would buy from the group each year, per product or per segment.
 *
 * @param demand vehicles a year per product id
 * @param segments demand given per segment, split between products by shares
 * @param lostSalePenalty cost per vehicle of demand not served (cost mode), in the market's currency
 */
public record Market(
        String id,
        String name,
        String country,
        Optional<String> currency,
        Map<String, Series> demand,
        List<SegmentDemand> segments,
        Optional<Figure> lostSalePenalty) {
    public Market {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(currency, "currency");
        demand = Ordered.copyOf(demand);
        segments = List.copyOf(segments);
        Objects.requireNonNull(lostSalePenalty, "lostSalePenalty");
    }

    /** Demand for a product in a year: its own demand plus its share of any segment demand. */
    public double demandFor(String product, int year, ToDoubleFunction<Figure> valueOf) {
        double total = 0;
        Series own = demand.get(product);
        if (own != null) {
            total += own.valueAt(year, valueOf);
        }
        for (SegmentDemand s : segments) {
            Figure share = s.shares().get(product);
            if (share != null) {
                double group = s.groupShare().map(valueOf::applyAsDouble).orElse(1.0);
                total += s.volume().valueAt(year, valueOf) * group * valueOf.applyAsDouble(share);
            }
        }
        return total;
    }

    /** Nominal demand for a product in a year. */
    public double demandFor(String product, int year) {
        return demandFor(product, year, Figure::nominal);
    }
}
