package footprint.risk;

/**
 * One uncertain input and how much it drives the NPV: its rank correlation with the NPV over the
 * samples, and the NPV with it at its low and at its high end while every other input is nominal
 * (a bar of the tornado).
 *
 * @param path where the input sits in the model
 * @param form its quantity's form (range, triangular, ...)
 * @param nominal its nominal value
 * @param low the low end of its swing (its lowest possible value, else its 5 % quantile)
 * @param high the high end (its highest possible value, else its 95 % quantile)
 * @param spearman Spearman rank correlation of the input with the NPV over the samples (0 when undefined)
 * @param npvAtLow the NPV with the input at its low end, every other input nominal (NaN if infeasible)
 * @param npvAtHigh the NPV with the input at its high end
 */
public record Driver(
        String path,
        String form,
        double nominal,
        double low,
        double high,
        double spearman,
        double npvAtLow,
        double npvAtHigh) {
    /** The width of the tornado bar: |NPV at high − NPV at low| (0 if either is undefined). */
    public double swing() {
        double s = Math.abs(npvAtHigh - npvAtLow);
        return Double.isNaN(s) ? 0 : s;
    }
}
