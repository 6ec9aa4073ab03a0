package footprint.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An event that may put something out of use for a whole year: an assembly or component plant (a
 * fire, a strike, a flood), a freight lane (a strait or a border crossing closed), or a trade
 * relation between places (a sudden embargo). Each year of {@code years}, independently, it strikes
 * with probability {@code probability}; the optimiser plans on the nominal world, where nothing
 * strikes, and risk analysis draws the strikes sample by sample.
 *
 * <p>Exactly one of {@code plant}, {@code lane} and {@code from}/{@code to} names what is hit.
 *
 * <p>Force majeure: in a year an event strikes, a commitment's minimum output is waived at every
 * plant it touches (the plant struck, the plant at either end of the lane, plants in the places of
 * the trade relation).
 *
 * @param plant an assembly or component plant id: no output and no intake that year; its costs
 *     are still paid
 * @param lane a lane id as {@code kaluga->FR:rail}: closed that year (the next cheapest mode, if
 *     any, carries the goods)
 * @param from origins of a trade relation (country codes or blocs), with {@code to}: nothing moves
 *     from any of them to any of {@code to} that year
 * @param probability the chance of striking in any one year, a fraction; a range or distribution
 *     is drawn once per sampled future, and that draw holds for each of its years
 */
public record Disruption(
        String id,
        Optional<String> plant,
        Optional<String> lane,
        List<String> from,
        List<String> to,
        Figure probability,
        YearRange years,
        Optional<Source> source) {
    /** What a disruption puts out of use. */
    public enum Kind {
        PLANT,
        LANE,
        TRADE
    }

    public Disruption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(plant, "plant");
        Objects.requireNonNull(lane, "lane");
        from = List.copyOf(from);
        to = List.copyOf(to);
        Objects.requireNonNull(probability, "probability");
        Objects.requireNonNull(years, "years");
        Objects.requireNonNull(source, "source");
    }

    /** A plant (assembly or component) out for a year. */
    public static Disruption plant(String id, String plant, double probability, YearRange years) {
        return new Disruption(
                id,
                Optional.of(plant),
                Optional.empty(),
                List.of(),
                List.of(),
                Figure.of(probability),
                years,
                Optional.empty());
    }

    /**
     * What it hits, judged by the first of plant, lane and from/to that is given (the validator
     * reports a disruption that gives none or more than one).
     */
    public Kind kind() {
        if (plant.isPresent()) {
            return Kind.PLANT;
        }
        return lane.isPresent() ? Kind.LANE : Kind.TRADE;
    }

    /** What it hits, in words: {@code plant kaluga}, {@code lane kaluga->FR:rail}, {@code trade RU -> EU, UK}. */
    public String target() {
        return switch (kind()) {
            case PLANT -> "plant " + plant.get();
            case LANE -> "lane " + lane.get();
            case TRADE -> "trade " + String.join(", ", from) + " -> " + String.join(", ", to);
        };
    }
}
