package footprint.report.compare;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One difference between a plan and the reference plan, as a planner says it: "Kaluga idle
 * 2022-2030 instead of running", "26,000 vans a year move from Kaluga to Luton (2022-2030)".
 *
 * @param kind what changed
 * @param text the sentence
 * @param plants the plants it is about (for a move: from, then to)
 * @param years the years it covers, in order
 * @param volumePerYear vehicles a year, on average over {@code years} (0 when not about volume)
 * @param money base currency, present value at the group's share (0 when not about money)
 */
public record Finding(
        Kind kind,
        String text,
        List<String> plants,
        Optional<String> product,
        List<Integer> years,
        double volumePerYear,
        double money) {
    /** What a finding is about, in the order a comparison lists them. */
    public enum Kind {
        /** The NPV and its biggest parts. */
        NPV,
        /** A plant runs, idles or closes in other years. */
        STATUS,
        /** A platform is tooled at another plant or in another year. */
        TOOLING,
        /** Vehicles built at another plant (or no longer sold, or newly sold). */
        MOVE,
        /** Lost sales change in a market. */
        LOST,
        /** A plant's part of the NPV changes. */
        MONEY;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        plants = List.copyOf(plants);
        Objects.requireNonNull(product, "product");
        years = List.copyOf(years);
    }
}
