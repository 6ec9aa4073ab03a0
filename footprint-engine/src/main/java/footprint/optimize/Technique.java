package footprint.optimize;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Techniques that make a solve faster than building the full MILP and handing it to the backend
 * (issue 7), each switchable in {@link SolveOptions} and measured on its own. None changes the
 * answer: every one returns the plain MILP's optimum, with an honest bound and gap.
 */
public enum Technique {
    /**
     * The per-flow linking rows (x ≤ demand·run, x ≤ demand·tool) are left out of the model and
     * added only where the LP relaxation violates them, in a cutting-plane loop on the LP (GLOP,
     * re-solved from its last basis); the MILP gets only the rows that were ever violated.
     */
    LAZY_LINKING,
    /**
     * A Lagrangian bound: the demand rows are relaxed, the rest splits by plant into continuous
     * knapsacks over the years (open or not); subgradient steps on the multipliers. Gives a bound
     * and, by repair, plans. Only for networks of facility-location shape (no components, local
     * content, commitments, tooling options or lines); elsewhere a note says it was skipped.
     */
    LAGRANGIAN,
    /**
     * A primal heuristic whose plan is the MILP's starting point (a hint, and the objective cutoff
     * where the backend takes one). On facility-location networks: round the Lagrangian's plant
     * decisions, solve the flows with them fixed, then close and open plants greedily. On every
     * other network ({@link RelaxAndFix}): the LP relaxation, whose value is then a bound, and a
     * dive from it (round the decisions nearest to integral, re-solve the LP from its basis, round
     * the other way where it falls too far), or the MILP with the LP's integral decisions fixed.
     */
    WARM_START,
    /**
     * Fixes a plant's decision when the bound with the decision flipped (LP reduced cost or the
     * Lagrangian with that plant forced) is worse than the best plan known.
     */
    REDUCED_COST_FIXING,
    /**
     * Column generation on the vehicle arcs, for networks too big for the full MILP: the MILP is
     * solved on the arcs the LP relaxation prices in, and the bound is the full problem's
     * Lagrangian bound at the LP's duals ({@link ColumnGeneration}). When that bound does not prove
     * the plan within the gap asked for and the full network is small enough, the full MILP is
     * solved after all, so that the answer is the plain MILP's.
     */
    COLUMN_GENERATION,
    /**
     * For networks too big for one MILP (XL): a Lagrangian bound that relaxes the demand, component
     * capacity, local-content and minimum-output rows, so that the rest splits by plant, each
     * plant's path over the years solved exactly (its states and tooling by dynamic programming,
     * its flows by a knapsack); the plan fixes the plants' paths the last steps' subproblems chose
     * and solves the flows, year by year on big networks ({@link Decomposition}). Its gap is against
     * that bound; on a network small enough the full MILP is solved when the gap is above the one
     * asked for. Not among the recommended: on XL the gap is still 7.6 to 8.6 % after 15 minutes.
     */
    DECOMPOSITION;

    /**
     * The techniques kept by measurement (docs/benchmarks.md, "Speed"): the Lagrangian bound, the
     * warm start and the fixing. Lazy linking rows are left out: on capa/b/c their LP loop costs
     * more than the rows it saves the MILP. Column generation is left out: on L the MILP on the
     * arcs it keeps (71 %) takes as long as on all of them, and on LL its LP rounds, each solved
     * from scratch, take two minutes.
     */
    public static Set<Technique> recommended() {
        return EnumSet.of(LAGRANGIAN, WARM_START, REDUCED_COST_FIXING);
    }

    /** Its name as a planner types it: {@code lazy-linking}, {@code lagrangian}, ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The word that lets Footprint choose the techniques for the network ({@link AutoTechniques}). */
    public static final String AUTO = "auto";

    /** Whether a list as a planner types it is {@code auto}: Footprint chooses. */
    public static boolean isAuto(String list) {
        return list.strip().toLowerCase(Locale.ROOT).equals(AUTO);
    }

    /**
     * The techniques of a comma-separated list ({@code none}, {@code all}, {@code recommended} or
     * words of {@link #word}). {@code auto} is not a list of techniques: check {@link #isAuto} first.
     *
     * @throws IllegalArgumentException naming the techniques there are
     */
    public static Set<Technique> parse(String list) {
        EnumSet<Technique> out = EnumSet.noneOf(Technique.class);
        for (String w : list.split(",", -1)) {
            String s = w.strip().toLowerCase(Locale.ROOT);
            if (s.equals("none") || s.isEmpty()) {
                continue;
            }
            if (s.equals(AUTO)) {
                throw new IllegalArgumentException("auto lets Footprint choose the techniques and stands alone;"
                        + " name the techniques instead of combining them with it");
            }
            if (s.equals("all")) {
                out.addAll(EnumSet.allOf(Technique.class));
                continue;
            }
            if (s.equals("recommended")) {
                out.addAll(recommended());
                continue;
            }
            Technique found = null;
            for (Technique t : values()) {
                if (t.word().equals(s)) {
                    found = t;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException(
                        "no technique '" + w.strip() + "'; choose auto, none, all, recommended or any of "
                                + Arrays.stream(values()).map(Technique::word).collect(Collectors.joining(", ")));
            }
            out.add(found);
        }
        return out;
    }
}
