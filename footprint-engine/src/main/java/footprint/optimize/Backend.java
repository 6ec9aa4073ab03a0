package footprint.optimize;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The MILP solvers Footprint offers, all reached through OR-Tools. CP-SAT is left out: through
 * OR-Tools' linear-solver interface it rounds continuous variables, and every flow is continuous.
 */
public enum Backend {
    /** SCIP 10 with SoPlex: single-threaded, takes a random seed. */
    SCIP("SCIP"),
    /** HiGHS 1.12: takes a seed and a thread count (fixed for the whole process by the first solve). */
    HIGHS("HIGHS"),
    /** COIN-OR CBC 2.10: no seed, single-threaded in this build. */
    CBC("CBC");

    /**
     * The default, picked by measurement (OR-Tools 9.15, 2 cores, gap 1e-4, 60 s limit): the only
     * backend that proved all three random 30-plant, 10-year networks optimal (13.6, 10.3 and 42.1
     * s; SCIP proved one, CBC two), and all of cap41-134 (6.5 s in all; CBC 4.1 s, SCIP 7.2 s). It
     * takes 2-3 s on the reference case, where SCIP takes under 1 s. Its weak point: on the hard
     * capa and capc instances it had no plan at all after 60 s, where SCIP had one (and CBC ran 2-3
     * times past its limit).
     */
    public static final Backend DEFAULT = HIGHS;

    /** {@link #DEFAULT} as a planner types it (a constant, for the command line's help). */
    public static final String DEFAULT_WORD = "highs";

    private final String ortoolsId;

    Backend(String ortoolsId) {
        this.ortoolsId = ortoolsId;
    }

    /** The solver's id in OR-Tools' {@code MPSolver.createSolver}. */
    String ortoolsId() {
        return ortoolsId;
    }

    /** Its name as a planner types it: {@code scip}, {@code highs}, {@code cbc}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The backend of a name, in any case.
     *
     * @throws IllegalArgumentException naming the backends there are
     */
    public static Backend parse(String name) {
        for (Backend b : values()) {
            if (b.name().equalsIgnoreCase(name.strip())) {
                return b;
            }
        }
        throw new IllegalArgumentException("no solver '" + name + "'; choose one of "
                + Arrays.stream(values()).map(Backend::word).collect(Collectors.joining(", ")));
    }
}
