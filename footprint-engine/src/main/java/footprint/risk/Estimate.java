package footprint.risk;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A mean over a sample with its two-sided 95 % confidence interval (Student's t).
 *
 * @param n the number of values
 */
public record Estimate(double mean, double low, double high, int n) {
    public static Estimate of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = Distribution.mean(values);
        if (n == 1) {
            return new Estimate(mean, Double.NaN, Double.NaN, 1);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
        return new Estimate(mean, mean - t * se, mean + t * se, n);
    }
}
