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

    /** The default, picked by measurement: see {@code docs/benchmarks.md}. */
    public static final Backend DEFAULT = HIGHS;

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
