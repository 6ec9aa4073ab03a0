package footprint.risk;

import footprint.model.Objective;
import java.util.List;

/**
 * How a plan holds up: the spread of its NPV, lost sales and utilisation over the samples, its
 * value at risk, and the inputs that drive the spread.
 *
 * <p>Value at risk at level α (0.95 by default): how far the NPV falls below its mean in the worst
 * 1 − α of samples, {@code VaR = mean − q(1 − α)}; conditional value at risk: the mean shortfall in
 * those samples, {@code CVaR = mean − E[NPV | NPV ≤ q(1 − α)]}. Both are amounts of money (present
 * value, base currency): 0 means no downside.
 *
 * @param samples samples asked for
 * @param seed the run's seed
 * @param level the VaR and CVaR level
 * @param demandCorrelation the Spearman rank correlation between the demands of one market
 * @param threads the threads that ran the samples
 * @param seconds the wall time of the samples and swings
 * @param mode the model's objective
 * @param nominal the plan on the nominal values
 * @param npv the NPV over the solved samples
 * @param lostSales vehicles of demand lost over the horizon
 * @param lostShare lost sales over demand
 * @param utilisation output over the capacity of the running plant-years
 * @param infeasible samples where the plan's decisions could not meet a rule (left out of the spreads)
 * @param rebuilt samples whose LP had another shape and was built for them alone
 * @param inputs the uncertain inputs sampled
 * @param drivers every input with its rank correlation and swing, widest swing first
 * @param results every sample's result, in sample order (inputs included)
 */
public record RiskReport(
        int samples,
        long seed,
        double level,
        double demandCorrelation,
        int threads,
        double seconds,
        Objective mode,
        SampleResult nominal,
        Distribution npv,
        Distribution lostSales,
        Distribution lostShare,
        Distribution utilisation,
        double valueAtRisk,
        double conditionalValueAtRisk,
        double probabilityOfLoss,
        int infeasible,
        int rebuilt,
        int inputs,
        List<Driver> drivers,
        List<SampleResult> results) {
    public RiskReport {
        drivers = List.copyOf(drivers);
        results = List.copyOf(results);
    }

    /** The NPV of every solved sample, in sample order. */
    public double[] npvs() {
        return results.stream()
                .filter(SampleResult::solved)
                .mapToDouble(SampleResult::npv)
                .toArray();
    }

    /** LPs solved per second of wall time: the samples, the nominal values and the swings. */
    public double lpsPerSecond() {
        int swings = (int) drivers.stream()
                .filter(d -> !Double.isNaN(d.npvAtLow()) || !Double.isNaN(d.npvAtHigh()))
                .count();
        return seconds > 0 ? (samples + 1 + 2.0 * swings) / seconds : Double.NaN;
    }
}
