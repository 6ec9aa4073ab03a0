package footprint.report;

import footprint.explain.Conflict;
import footprint.explain.Rule;
import footprint.model.check.Location;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules that cannot all hold, in the model's words, each with the file and line where it was
 * written (a scenario's rule in the scenario file).
 */
public final class ConflictText {
    private ConflictText() {}

    /**
     * The conflict as a planner reads it.
     *
     * @param placeOf where a rule's field path was written ({@code ModelRead::placeOf})
     */
    public static String of(Conflict c, Function<String, Optional<Location>> placeOf) {
        return of(c, placeOf, Optional.empty());
    }

    /**
     * The conflict of a model with a decision forced (by {@code footprint explain}), which always
     * holds and is not one of the rules.
     *
     * @param forced the forcing in words: "kaluga runs in 2024"
     */
    public static String of(Conflict c, Function<String, Optional<Location>> placeOf, Optional<String> forced) {
        StringBuilder s = new StringBuilder();
        switch (c.outcome()) {
            case FOUND -> {
                s.append(forced.map(f -> "These rules cannot hold while " + f).orElse("These rules cannot all hold"))
                        .append(" (set any one aside and a plan exists):\n");
                for (Rule r : c.rules()) {
                    s.append("  ").append(line(r, placeOf)).append('\n');
                }
                if (!c.minimal()) {
                    s.append("  (a check ended at the time limit, so one of these may not be needed)\n");
                }
            }
            case NO_RULE ->
                s.append(forced.map(f -> "It cannot be that " + f + ". ").orElse(""))
                        .append("No hard rule is to blame: even with every commitment, forced or forbidden decision,"
                                + " given status, local-content rule, ban, market that must be served and component capacity set"
                                + " aside there is no plan.\n");
            case FEASIBLE ->
                s.append("With every rule in place a plan exists after all: the solve that found none was"
                        + " numerically unsure. Try another --solver.\n");
        }
        s.append(String.format(
                Locale.ROOT,
                "(found in %.1f s with %d feasibility check%s)%n",
                c.seconds(),
                c.checks(),
                c.checks() == 1 ? "" : "s"));
        return s.toString();
    }

    /** One rule: {@code commitments[1] (examples/kaluga/x.yaml:12): keep 1,800 jobs at kaluga 2022-2030}. */
    public static String line(Rule r, Function<String, Optional<Location>> placeOf) {
        return r.path()
                + placeOf.apply(r.path()).map(l -> " (" + place(l) + ")").orElse("") + ": " + r.text();
    }

    /** Where a rule was written: {@code file:line}, relative to the working folder where it is inside it. */
    public static String place(Location l) {
        if (l.sheet().isPresent() || l.line() <= 0) {
            return l.toString();
        }
        return relative(l.file()) + ":" + l.line();
    }

    private static String relative(String file) {
        try {
            Path p = Path.of(file);
            Path here = Path.of("").toAbsolutePath();
            if (p.isAbsolute() && p.normalize().startsWith(here)) {
                return here.relativize(p.normalize()).toString();
            }
        } catch (RuntimeException e) {
            // not a path this system can read: show it as written
        }
        return file;
    }
}
