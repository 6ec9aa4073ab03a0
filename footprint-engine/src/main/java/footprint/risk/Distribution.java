package footprint.risk;

import java.util.Arrays;

/**
 * A sample's spread: mean, standard deviation, extremes and the 5th, 50th and 95th percentiles
 * (linear interpolation between order statistics, as R's type 7 and NumPy's default). NaN when the
 * sample is empty.
 */
public record Distribution(
        int count, double mean, double sd, double min, double p5, double p50, double p95, double max) {
    public static Distribution of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Distribution(
                    0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double mean = mean(s);
        double ss = 0;
        for (double v : s) {
            ss += (v - mean) * (v - mean);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        return new Distribution(
                n, mean, sd, s[0], quantileSorted(s, 0.05), quantileSorted(s, 0.5), quantileSorted(s, 0.95), s[n - 1]);
    }

    /** The p-quantile of sorted values, p in [0, 1]. */
    public static double quantileSorted(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The p-quantile of values in any order. */
    public static double quantile(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        return quantileSorted(s, p);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }
}
