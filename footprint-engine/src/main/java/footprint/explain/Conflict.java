package footprint.explain;

import java.util.List;
import java.util.Objects;

/**
 * The hard rules that cannot all hold: a set from which no rule can be dropped without a plan
 * becoming possible (irreducible, found by a deletion filter; the smallest such set is not
 * guaranteed, but every rule in it takes part).
 *
 * @param outcome what the search found
 * @param rules the conflicting rules, family by family ({@link Outcome#FOUND} only)
 * @param minimal false when some feasibility check ended without an answer (a time limit), so a
 *     rule was kept that may not be needed
 * @param checks how many feasibility checks the search made
 * @param seconds how long it took
 */
public record Conflict(Outcome outcome, List<Rule> rules, boolean minimal, int checks, double seconds) {
    /** What a conflict search can find. */
    public enum Outcome {
        /** The rules in {@link #rules} conflict. */
        FOUND,
        /** Even with every hard rule set aside there is no plan: the data itself (a forced flow on a lane nothing can use, say) is to blame. */
        NO_RULE,
        /** With every rule in place a plan exists after all (the solve that said otherwise was numerically unsure). */
        FEASIBLE
    }

    public Conflict {
        Objects.requireNonNull(outcome, "outcome");
        rules = List.copyOf(rules);
    }
}
