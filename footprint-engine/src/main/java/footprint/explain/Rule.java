package footprint.explain;

import java.util.Locale;
import java.util.Objects;

/**
 * A hard rule of a model, one that can make it infeasible and that a conflict search may set
 * aside: a commitment, a forced or forbidden decision, a given status, a local-content minimum, a
 * ban, a market whose demand must be served (cost mode, no lost-sale penalty), a component plant's
 * capacity.
 *
 * @param path where the rule is in the model ({@code commitments[1]}, {@code trade.bans[2]},
 *     {@code plants[kaluga].status.2022-}, {@code markets[RU]}): a reader places it in its file
 * @param text the rule in the model's words: "keep 1,800 jobs at kaluga 2022-2030"
 * @param index the rule's place in its list (from 0; the plant's, market's or component plant's
 *     for the families of those)
 * @param span for a given status, the span's place in the plant's statuses (else 0)
 */
public record Rule(Family family, String path, String text, int index, int span) {
    /** The rule families, in the order a search sets them aside. */
    public enum Family {
        COMMITMENT,
        DECISION,
        STATUS,
        LOCAL_CONTENT,
        BAN,
        MUST_SERVE,
        COMPONENT_CAPACITY;

        /** The family in a planner's words, plural: "commitments", "given statuses". */
        public String words() {
            return switch (this) {
                case COMMITMENT -> "commitments";
                case DECISION -> "forced and forbidden decisions";
                case STATUS -> "given statuses";
                case LOCAL_CONTENT -> "local-content rules";
                case BAN -> "bans";
                case MUST_SERVE -> "markets that must be served";
                case COMPONENT_CAPACITY -> "component plants' capacities";
            };
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Rule {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }
}
