package footprint.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of years, both ends included. Written {@code 2022} (one year), {@code 2021-2025},
 * {@code 2022-} (from 2022 on), {@code -2025} (up to 2025) or {@code all}.
 */
public record YearRange(int first, int last) {
    /** Every year. */
    public static final YearRange ALL = new YearRange(Integer.MIN_VALUE, Integer.MAX_VALUE);

    private static final Pattern FORM = Pattern.compile("^\\s*(\\d{4})?\\s*(-)?\\s*(\\d{4})?\\s*$");

    public YearRange {
        if (first > last) {
            throw new IllegalArgumentException("year range starts at " + first + " after it ends at " + last);
        }
    }

    public static YearRange of(int year) {
        return new YearRange(year, year);
    }

    public static YearRange from(int year) {
        return new YearRange(year, Integer.MAX_VALUE);
    }

    /**
     * Parses the written form.
     *
     * @throws IllegalArgumentException with a message saying what would be valid
     */
    public static YearRange parse(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("all")) {
            return ALL;
        }
        Matcher m = FORM.matcher(t);
        if (!m.matches() || (m.group(1) == null && m.group(3) == null)) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a year range: write 2022, 2021-2025, 2022- (from 2022 on), -2025 or all");
        }
        boolean dash = m.group(2) != null;
        int first = m.group(1) == null ? Integer.MIN_VALUE : Integer.parseInt(m.group(1));
        int last = m.group(3) == null ? (dash ? Integer.MAX_VALUE : first) : Integer.parseInt(m.group(3));
        if (!dash && m.group(1) != null && m.group(3) != null) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a year range: put a dash between the years, as in 2021-2025");
        }
        if (first > last) {
            throw new IllegalArgumentException("year range '" + text + "' starts after it ends");
        }
        return new YearRange(first, last);
    }

    public boolean contains(int year) {
        return year >= first && year <= last;
    }

    public boolean isOpenStart() {
        return first == Integer.MIN_VALUE;
    }

    public boolean isOpenEnd() {
        return last == Integer.MAX_VALUE;
    }

    /** The written form, as {@link #parse} reads it. */
    @Override
    public String toString() {
        if (equals(ALL)) {
            return "all";
        }
        if (first == last) {
            return Integer.toString(first);
        }
        return (isOpenStart() ? "" : Integer.toString(first)) + "-" + (isOpenEnd() ? "" : Integer.toString(last));
    }
}
