package footprint.model.check;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong (or suspicious) in a model: its code, where it is, the field's path
 * ({@code plants[kaluga].capacity}) and a message saying what is wrong and what would be valid.
 * The message and field are made safe when the problem is made ({@link SafeText}): values from the
 * file are shown with control characters, bidirectional controls and line breaks escaped, and long
 * values cut, so every way a problem is printed (text or JSON) is one line a terminal shows as it is.
 */
public record Problem(Severity severity, ProblemCode code, Optional<Location> location, String field, String message) {
    /** Problems in file order, then by field. */
    public static final Comparator<Problem> ORDER = Comparator.comparing(
                    (Problem p) -> p.location().map(Location::file).orElse(""))
            .thenComparing(p -> p.location().flatMap(Location::sheet).orElse(""))
            .thenComparingInt(p -> p.location().map(Location::line).orElse(Integer.MAX_VALUE))
            .thenComparingInt(p -> p.location().map(Location::column).orElse(0))
            .thenComparing(Problem::field)
            .thenComparing(p -> p.code().id());

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        field = SafeText.field(field);
        message = SafeText.message(message);
    }

    /** A problem at its code's default severity, not yet placed in a file. */
    public static Problem of(ProblemCode code, String field, String message) {
        return new Problem(code.severity(), code, Optional.empty(), field, message);
    }

    /** A problem at its code's default severity, at a place in a file. */
    public static Problem at(ProblemCode code, Location location, String field, String message) {
        return new Problem(code.severity(), code, Optional.of(location), field, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Problem locatedAt(Location where) {
        return new Problem(severity, code, Optional.of(where), field, message);
    }

    public Problem withSeverity(Severity newSeverity) {
        return new Problem(newSeverity, code, location, field, message);
    }

    /** One line: {@code file:line:col: error FP-E010 plants[kaluga].country: message}. */
    @Override
    public String toString() {
        String where = location.map(l -> SafeText.escape(l.toString()) + ": ").orElse("");
        String what = severity == Severity.ERROR ? "error" : "warning";
        return where + what + " " + code.id() + (field.isEmpty() ? "" : " " + field) + ": " + message;
    }
}
