package footprint.model;

import java.util.stream.IntStream;

/** The years a plan covers, both included. */
public record Horizon(int firstYear, int lastYear) {
    public Horizon {
        if (firstYear > lastYear) {
            throw new IllegalArgumentException("horizon starts in " + firstYear + " after it ends in " + lastYear);
        }
    }

    public IntStream years() {
        return IntStream.rangeClosed(firstYear, lastYear);
    }

    public int size() {
        return lastYear - firstYear + 1;
    }

    public boolean contains(int year) {
        return year >= firstYear && year <= lastYear;
    }

    /** The years of a range that fall inside the horizon. */
    public IntStream yearsOf(YearRange range) {
        return years().filter(range::contains);
    }
}
