package footprint.optimize;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The speed techniques a solve ran with and why: chosen by Footprint for the network's shape
 * ({@link AutoTechniques}, {@code --techniques auto}) or asked for by the caller.
 *
 * @param techniques the techniques (empty: the plain MILP)
 * @param auto whether Footprint chose them (false: the caller named them)
 * @param reason why, in a planner's words (empty only for {@link #UNRECORDED})
 */
public record TechniqueChoice(Set<Technique> techniques, boolean auto, String reason) {
    /** For a plan that did not come from a solve here (read from a file, or from before the record). */
    public static final TechniqueChoice UNRECORDED = new TechniqueChoice(Set.of(), false, "");

    public TechniqueChoice {
        Objects.requireNonNull(reason, "reason");
        techniques = Collections.unmodifiableSet(
                techniques.isEmpty() ? EnumSet.noneOf(Technique.class) : EnumSet.copyOf(techniques));
    }

    /** The techniques a caller named. */
    static TechniqueChoice asked(Set<Technique> techniques) {
        return new TechniqueChoice(techniques, false, "as asked");
    }

    /** Whether this records a solve (false for {@link #UNRECORDED}). */
    public boolean recorded() {
        return !reason.isEmpty();
    }

    /** The techniques as a planner types them, comma-separated; {@code none} for the plain MILP. */
    public String words() {
        return techniques.isEmpty()
                ? "none"
                : techniques.stream().map(Technique::word).collect(Collectors.joining(", "));
    }

    /** One line for the plan's text: {@code lagrangian, warm-start (auto: ...)}. */
    public String line() {
        return words() + " (" + (auto ? "auto: " : "") + reason + ")";
    }
}
