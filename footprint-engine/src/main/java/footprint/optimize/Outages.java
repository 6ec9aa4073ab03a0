package footprint.optimize;

import footprint.model.Disruption;
import java.util.ArrayList;
import java.util.List;

/**
 * The disruptions that strike in one sampled future, each in the years it strikes: plants, lanes
 * and trade relations out of use for those years. The optimiser plans on {@link #NONE}; risk
 * analysis draws a set per sample and values the plan on it ({@link FixedPlanLp#resolve}).
 *
 * <p>Outages never change which flows exist (so a kept LP can be re-solved): a flow they stop gets
 * an upper bound of 0.
 */
public final class Outages {
    /** A disruption striking in one year. */
    public record Strike(Disruption disruption, int year) {}

    /** Nothing strikes. */
    public static final Outages NONE = new Outages(List.of());

    private final List<Strike> strikes;

    private Outages(List<Strike> strikes) {
        this.strikes = List.copyOf(strikes);
    }

    /** These strikes (a disruption may strike in several years). */
    public static Outages of(List<Strike> strikes) {
        return strikes.isEmpty() ? NONE : new Outages(strikes);
    }

    /** A disruption striking in every year of the span {@code first..last} (a swing of the tornado). */
    public static Outages everyYear(Disruption d, int first, int last) {
        List<Strike> s = new ArrayList<>();
        for (int y = first; y <= last; y++) {
            if (d.years().contains(y)) {
                s.add(new Strike(d, y));
            }
        }
        return of(s);
    }

    public List<Strike> strikes() {
        return strikes;
    }

    public boolean isEmpty() {
        return strikes.isEmpty();
    }

    @Override
    public String toString() {
        if (strikes.isEmpty()) {
            return "no outage";
        }
        List<String> words = new ArrayList<>();
        for (Strike s : strikes) {
            words.add(s.disruption().id() + " " + s.year());
        }
        return String.join(", ", words);
    }
}
