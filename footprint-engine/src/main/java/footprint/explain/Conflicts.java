package footprint.explain;

import footprint.model.Network;
import footprint.optimize.MinimumFlow;
import footprint.optimize.Optimizer;
import footprint.optimize.SolveListener;
import footprint.optimize.SolveOptions;
import footprint.optimize.SolveStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Finds the hard rules that conflict when a model has no plan. OR-Tools exposes no irreducible
 * infeasible subsystem, and a row-level one would name rows, not rules; so this is a deletion
 * filter over the model's own rules ({@link Rules}):
 *
 * <ol>
 *   <li>check that the model without any hard rule has a plan (else the data is to blame);
 *   <li>family by family: set the whole family aside; if the model is still infeasible, none of
 *       its rules is needed, drop them all (one check per family instead of one per rule);
 *   <li>rule by rule over what is left: set the rule aside; if still infeasible, drop it for good,
 *       else keep it: it takes part in the conflict;
 *   <li>a model may hold several conflicts, and the filter keeps the one whose rules it tests
 *       last: so it runs once more the other way round (families and rules in reverse) and keeps
 *       the smaller set. That is a cheap step toward the smallest conflict, not a proof of it.
 * </ol>
 *
 * What is left is irreducible: setting any one of its rules aside gives a plan. Each check asks
 * whether a plan exists at all ({@link Optimizer#feasibility}: the LP relaxation first, then the
 * MILP without an objective), so it costs far less than a solve.
 */
public final class Conflicts {
    private Conflicts() {}

    /** The conflicting rules of an infeasible network. */
    public static Conflict find(Network network, SolveOptions options, SolveListener listener) {
        return find(network, UnaryOperator.identity(), List.of(), options, listener);
    }

    /**
     * The conflicting rules of {@code network}, with a hypothesis that always holds and is never set
     * aside: {@code always} changes each network checked (a decision forced, a lane closed), and
     * {@code minimums} are flows it must carry.
     */
    public static Conflict find(
            Network network,
            UnaryOperator<Network> always,
            List<MinimumFlow> minimums,
            SolveOptions options,
            SolveListener listener) {
        long start = System.nanoTime();
        Search s = new Search(network, always, minimums, options);
        List<Rule> all = Rules.of(network);
        listener.message(String.format(
                Locale.ROOT,
                "Looking for the rules that conflict among %d hard rule%s",
                all.size(),
                all.size() == 1 ? "" : "s"));
        if (s.feasible(all)) {
            return new Conflict(Conflict.Outcome.FEASIBLE, List.of(), true, s.checks, seconds(start));
        }
        if (!s.feasible(List.of())) {
            return new Conflict(Conflict.Outcome.NO_RULE, List.of(), !s.unsure, s.checks, seconds(start));
        }
        List<Rule> needed = deletionFilter(s, all, false);
        if (needed.size() > 1) {
            // The filter keeps what it tests last; a model with several conflicts may give a smaller
            // set from the other end. Keep the smaller (the first on a tie).
            List<Rule> other = deletionFilter(s, all, true);
            if (other.size() < needed.size()) {
                needed = all.stream().filter(other::contains).toList();
            }
        }
        double took = seconds(start);
        listener.message(String.format(
                Locale.ROOT,
                "Found %d conflicting rule%s in %.1f s (%d checks)",
                needed.size(),
                needed.size() == 1 ? "" : "s",
                took,
                s.checks));
        return new Conflict(Conflict.Outcome.FOUND, needed, !s.unsure, s.checks, took);
    }

    /**
     * One pass of the deletion filter: whole families first, then rule by rule, in the order of
     * {@link Rules#of} or (reversed) the other way round. Returns an irreducible set, in that order.
     */
    private static List<Rule> deletionFilter(Search s, List<Rule> all, boolean reversed) {
        List<Rule> needed = new ArrayList<>(all);
        List<Rule.Family> families = new ArrayList<>();
        all.forEach(r -> {
            if (!families.contains(r.family())) {
                families.add(r.family());
            }
        });
        if (reversed) {
            Collections.reverse(families);
        }
        for (Rule.Family family : families) {
            List<Rule> trial = needed.stream().filter(r -> r.family() != family).toList();
            if (trial.size() < needed.size() && !s.feasible(trial)) {
                needed = new ArrayList<>(trial);
            }
        }
        List<Rule> order = new ArrayList<>(needed);
        if (reversed) {
            Collections.reverse(order);
        }
        for (Rule r : order) {
            List<Rule> trial = new ArrayList<>(needed);
            trial.remove(r);
            if (!s.feasible(trial)) {
                needed = trial;
            }
        }
        return needed;
    }

    /** The feasibility checks of one search. */
    private static final class Search {
        private final Network network;
        private final UnaryOperator<Network> always;
        private final List<MinimumFlow> minimums;
        private final SolveOptions options;
        int checks;
        boolean unsure;

        Search(Network network, UnaryOperator<Network> always, List<MinimumFlow> minimums, SolveOptions options) {
            this.network = network;
            this.always = always;
            this.minimums = minimums;
            this.options = options;
        }

        /**
         * Whether the network with only these rules has a plan. A check that ends without an answer
         * (time limit) counts as feasible: the rule under test is kept, so the answer stays a
         * conflict, perhaps not an irreducible one.
         */
        boolean feasible(List<Rule> kept) {
            checks++;
            SolveStatus status = Optimizer.feasibility(always.apply(Rules.keepOnly(network, kept)), minimums, options);
            if (status == SolveStatus.INFEASIBLE) {
                return false;
            }
            if (!status.hasPlan()) {
                unsure = true;
            }
            return true;
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
