package footprint.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a figure comes from: one of the case's articles ({@code "seed 000"}), a web address, the
 * word {@code assumption}, or any other citation a planner writes.
 */
public record Source(String text) {
    private static final Pattern SEED = Pattern.compile("(?i)^seeds? \\d{3}.*");

    public Source {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a source needs some text");
        }
        text = text.strip();
    }

    /** What kind of citation this is. */
    public Kind kind() {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("assumption")) {
            return Kind.ASSUMPTION;
        }
        if (SEED.matcher(text).matches()) {
            return Kind.ARTICLE;
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return Kind.URL;
        }
        return Kind.OTHER;
    }

    public boolean isAssumption() {
        return kind() == Kind.ASSUMPTION;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Kinds of citation. */
    public enum Kind {
        /** A fact from one of the articles in the case's seeds, written {@code seed NNN}. */
        ARTICLE,
        /** A web address. */
        URL,
        /** A figure the planner assumed. */
        ASSUMPTION,
        /** Any other citation (a report, a person, a spreadsheet). */
        OTHER
    }
}
