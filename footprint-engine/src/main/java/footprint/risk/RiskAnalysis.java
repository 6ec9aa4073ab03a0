package footprint.risk;

import footprint.model.Disruption;
import footprint.model.Network;
import footprint.optimize.Plan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Values a plan over sampled futures: its strategic decisions fixed, its flows re-solved per sample
 * (see {@link PlanEvaluator}); then the spread of its NPV, lost sales and utilisation, its value at
 * risk, and a tornado of the inputs that drive the NPV.
 */
public final class RiskAnalysis {
    /** The {@link SampleTask#input} of the task that values the plan with every input nominal. */
    static final int NOMINAL = -2;

    private RiskAnalysis() {}

    /**
     * What to run.
     *
     * @param samples how many futures to draw
     * @param seed the run's seed: sample i depends only on it and i
     * @param level the VaR and CVaR level, in (0, 1)
     * @param demandCorrelation the Spearman rank correlation between the demands of one market, in [0, 1]
     * @param swings whether to value one-at-a-time swings of every input (two LPs per input)
     */
    public record Options(int samples, long seed, double level, double demandCorrelation, boolean swings) {
        public Options {
            if (samples < 2) {
                throw new IllegalArgumentException("at least 2 samples, not " + samples);
            }
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("the level must be between 0 and 1, not " + level);
            }
            if (!(demandCorrelation >= 0 && demandCorrelation <= 1)) {
                throw new IllegalArgumentException(
                        "the rank correlation must be between 0 and 1, not " + demandCorrelation);
            }
        }

        /** 95 % level, independent inputs, with swings. */
        public static Options of(int samples, long seed) {
            return new Options(samples, seed, 0.95, 0, true);
        }

        public Options withLevel(double l) {
            return new Options(samples, seed, l, demandCorrelation, swings);
        }

        public Options withDemandCorrelation(double r) {
            return new Options(samples, seed, level, r, swings);
        }

        public Options withSwings(boolean on) {
            return new Options(samples, seed, level, demandCorrelation, on);
        }
    }

    /** Runs the samples (and swings) of a plan on an executor. */
    public static RiskReport run(
            Network network, Plan plan, Options options, SampleExecutor executor, SampleExecutor.Progress progress) {
        if (!plan.hasPlan()) {
            throw new IllegalArgumentException("the plan has no decisions to value (" + plan.status() + ")");
        }
        Sampler sampler = Sampler.of(network, options.demandCorrelation());
        List<Sampler.Input> inputs = sampler.inputs();
        int n = options.samples();
        List<SampleTask> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(SampleTask.draw(options.seed(), i));
        }
        tasks.add(new SampleTask(n, options.seed(), NOMINAL, Double.NaN));
        List<Disruption> events = sampler.disruptions();
        if (options.swings()) {
            for (int j = 0; j < inputs.size(); j++) {
                tasks.add(SampleTask.swing(tasks.size(), j, inputs.get(j).low()));
                tasks.add(SampleTask.swing(tasks.size(), j, inputs.get(j).high()));
            }
            for (int j = 0; j < events.size(); j++) {
                tasks.add(SampleTask.swing(tasks.size(), inputs.size() + j, Double.NaN));
            }
        }
        long start = System.nanoTime();
        List<SampleResult> all = executor.run(tasks, () -> PlanEvaluator.of(network, plan, sampler), progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<SampleResult> results = all.subList(0, n);
        SampleResult nominal = all.get(n);

        double[] npv = results.stream()
                .filter(SampleResult::solved)
                .mapToDouble(SampleResult::npv)
                .toArray();
        Distribution npvs = Distribution.of(npv);
        double q = Distribution.quantile(npv, 1 - options.level());
        double tail = Arrays.stream(npv).filter(v -> v <= q).average().orElse(Double.NaN);
        double loss = npv.length == 0
                ? Double.NaN
                : (double) Arrays.stream(npv).filter(v -> v < 0).count() / npv.length;

        List<Driver> drivers = new ArrayList<>();
        double[][] x = inputColumns(results, inputs.size() + events.size());
        for (int j = 0; j < inputs.size(); j++) {
            Sampler.Input in = inputs.get(j);
            double lo = Double.NaN;
            double hi = Double.NaN;
            if (options.swings()) {
                SampleResult a = all.get(n + 1 + 2 * j);
                SampleResult b = all.get(n + 2 + 2 * j);
                lo = a.solved() ? a.npv() : Double.NaN;
                hi = b.solved() ? b.npv() : Double.NaN;
            }
            drivers.add(new Driver(
                    in.path(), in.quantity().form(), in.nominal(), in.low(), in.high(), spearman(x[j], npv), lo, hi));
        }
        // a disruption as a driver: the years it struck, from never (the nominal NPV) to every year it may
        int swingsOfEvents = n + 1 + 2 * inputs.size();
        for (int j = 0; j < events.size(); j++) {
            Disruption d = events.get(j);
            double hi = Double.NaN;
            if (options.swings()) {
                SampleResult always = all.get(swingsOfEvents + j);
                hi = always.solved() ? always.npv() : Double.NaN;
            }
            drivers.add(new Driver(
                    "disruptions[" + d.id() + "]",
                    String.format(
                            Locale.ROOT,
                            "event, %.3g%% a year",
                            100 * d.probability().nominal()),
                    0,
                    0,
                    sampler.possibleYears(d),
                    spearman(x[inputs.size() + j], npv),
                    options.swings() && nominal.solved() ? nominal.npv() : Double.NaN,
                    hi));
        }
        drivers.sort(Comparator.comparingDouble(Driver::swing)
                .reversed()
                .thenComparing(Comparator.comparingDouble((Driver d) -> Math.abs(d.spearman()))
                        .reversed()));

        int infeasible = (int) results.stream().filter(r -> !r.solved()).count();
        int rebuilt = (int) all.stream().filter(SampleResult::rebuilt).count();
        int threads = executor instanceof LocalExecutor l ? l.threads() : 0;
        return new RiskReport(
                n,
                options.seed(),
                options.level(),
                options.demandCorrelation(),
                threads,
                seconds,
                network.objective(),
                nominal,
                npvs,
                Distribution.of(column(results, SampleResult::lostSales)),
                Distribution.of(column(results, SampleResult::lostShare)),
                Distribution.of(column(results, SampleResult::utilisation)),
                npvs.mean() - q,
                npvs.mean() - tail,
                loss,
                infeasible,
                rebuilt,
                inputs.size(),
                drivers,
                results);
    }

    private interface Metric {
        double of(SampleResult r);
    }

    private static double[] column(List<SampleResult> results, Metric m) {
        return results.stream().filter(SampleResult::solved).mapToDouble(m::of).toArray();
    }

    /** The drawn values of each input over the solved samples: [input][sample]. */
    private static double[][] inputColumns(List<SampleResult> results, int inputs) {
        List<SampleResult> solved =
                results.stream().filter(SampleResult::solved).toList();
        double[][] x = new double[inputs][solved.size()];
        for (int i = 0; i < solved.size(); i++) {
            double[] v = solved.get(i).inputs();
            for (int j = 0; j < inputs; j++) {
                x[j][i] = v[j];
            }
        }
        return x;
    }

    /** Spearman's rank correlation (ties at their mean rank); 0 where it is undefined (a constant). */
    static double spearman(double[] a, double[] b) {
        if (a.length < 2) {
            return 0;
        }
        double r = new SpearmansCorrelation().correlation(a, b);
        return Double.isNaN(r) ? 0 : r;
    }
}
