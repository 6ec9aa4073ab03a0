package footprint.report;

import java.util.Locale;

/** Number formats of reports: rounding happens here and only here. */
public final class Format {
    private Format() {}

    /** A count with thousands separators: 125,000. */
    public static String count(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    /** A share as a percentage with at most one decimal: 8%, 12.5%. */
    public static String percent(double share) {
        double p = share * 100;
        if (Math.abs(p - Math.rint(p)) < 1e-9) {
            return String.format(Locale.ROOT, "%d%%", Math.round(p));
        }
        return String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** An amount of money in millions: 12.3 M. */
    public static String millions(double v) {
        return String.format(Locale.ROOT, "%,.1f M", v / 1e6);
    }
}
