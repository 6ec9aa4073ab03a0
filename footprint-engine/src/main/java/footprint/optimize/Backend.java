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
     * The default, picked by measurement (OR-Tools 9.15, 2 cores): fastest on the reference case,
     * and the only backend that kept its time limit and still returned a plan on the hard
     * OR-Library instances (HiGHS returned none in 60 s on capa and capc; CBC ran 2-3 times past
     * its limit). HiGHS proves some hard instances sooner (capb-5000: 31 s against 45 s).
     */
    public static final Backend DEFAULT = SCIP;

    /** {@link #DEFAULT} as a planner types it (a constant, for the command line's help). */
    public static final String DEFAULT_WORD = "scip";

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
