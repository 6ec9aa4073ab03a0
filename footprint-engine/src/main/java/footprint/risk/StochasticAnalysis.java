package footprint.risk;

import footprint.model.Figure;
import footprint.model.Network;
import footprint.model.Objective;
import footprint.optimize.Benders;
import footprint.optimize.ExtensiveForm;
import footprint.optimize.Optimizer;
import footprint.optimize.Outages;
import footprint.optimize.Plan;
import footprint.optimize.SolveListener;
import footprint.optimize.SolveOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Plans that hold up: the stochastic plan (sample average approximation over N sampled futures,
 * {@link ExtensiveForm}) against the plan made on point values, and what knowing the future would
 * be worth.
 *
 * <p>Values are "more is better": the NPV in NPV mode, minus the cost in cost mode. On a sample of
 * futures, per future s: VSS_s = value(stochastic plan, s) − value(point plan, s) and EVPI_s =
 * value(best plan for s alone, s) − value(stochastic plan, s); each plan keeps its strategic
 * decisions and re-solves its flows on s. Both are reported on a fresh sample, independent of the
 * N futures the stochastic plan was made on (so not biased in its favour), as means with 95 %
 * confidence intervals of the paired differences, and on the N futures themselves, where neither
 * can be negative (beyond the solver's gap): the stochastic plan is the best for them, and each
 * future's own best plan is at least as good as any.
 */
public final class StochasticAnalysis {
    /** The fresh sample is drawn from a seed derived from the run's, never from the run's itself. */
    private static final long FRESH = 0x5EEDF00DL;

    private StochasticAnalysis() {}

    /**
     * What to run.
     *
     * @param samples N, the futures the stochastic plan is made on
     * @param checkSamples the fresh futures VSS and EVPI are measured on
     * @param seed the run's seed
     * @param demandCorrelation the Spearman rank correlation between the demands of one market
     * @param method how the stochastic programme is solved
     */
    public record Options(int samples, int checkSamples, long seed, double demandCorrelation, Method method) {
        public Options {
            if (samples < 1 || checkSamples < 2) {
                throw new IllegalArgumentException(
                        "at least 1 sample and 2 check samples, not " + samples + " and " + checkSamples);
            }
            java.util.Objects.requireNonNull(method, "method");
        }

        /** Options that solve the extensive form. */
        public Options(int samples, int checkSamples, long seed, double demandCorrelation) {
            this(samples, checkSamples, seed, demandCorrelation, Method.EXTENSIVE);
        }
    }

    /** How the stochastic programme is solved. */
    public enum Method {
        /** Every sample's copy of the model in one MILP, tied by equal decisions (the default). */
        EXTENSIVE,
        /**
         * A master of the decisions and one LP per sample, tied by cuts ({@link Benders}): the master
         * does not grow with the samples, but its cuts, from LP duals at whole-number decisions,
         * are weak where capacity is tied to a plant's running. Measured on the Kaluga base with 10
         * samples: the extensive form proved its optimum in 70 s; Benders found the same plan and
         * stopped after 200 iterations with its bound 1.9 % above it, in 427 s.
         */
        BENDERS;

        /** The method of a word (extensive, benders), in any case. */
        public static Method parse(String word) {
            for (Method m : values()) {
                if (m.name().equalsIgnoreCase(word.strip())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("no method '" + word + "'; choose extensive or benders");
        }
    }

    /**
     * The answer.
     *
     * @param stochastic the stochastic plan (its flows shown at the nominal values)
     * @param expectedObjective the extensive form's objective: the stochastic plan's mean over the N futures
     * @param point the plan made on point values
     * @param vss the value of the stochastic solution on the fresh sample
     * @param evpi the expected value of perfect information on the fresh sample
     * @param stochasticValue the stochastic plan's mean value on the fresh sample
     * @param pointValue the point plan's mean value on the fresh sample
     * @param waitAndSee the mean value of each fresh future's own best plan
     * @param vssOwn VSS on the N futures the stochastic plan was made on (never negative)
     * @param evpiOwn EVPI on the N futures (never negative)
     * @param dropped fresh futures left out because a plan could not meet a rule on them
     */
    public record Result(
            Plan stochastic,
            double expectedObjective,
            Plan point,
            Estimate vss,
            Estimate evpi,
            Estimate stochasticValue,
            Estimate pointValue,
            Estimate waitAndSee,
            Estimate vssOwn,
            Estimate evpiOwn,
            int dropped,
            Options options) {}

    /** Solves the stochastic and the point plan and compares them. */
    public static Result run(
            Network network,
            Options options,
            SolveOptions solve,
            SampleExecutor executor,
            SolveListener listener,
            SampleExecutor.Progress progress) {
        Sampler sampler = Sampler.of(network, options.demandCorrelation());
        List<ToDoubleFunction<Figure>> futures = new ArrayList<>();
        List<Outages> outages = new ArrayList<>();
        List<SampleTask> own = new ArrayList<>();
        for (int i = 0; i < options.samples(); i++) {
            futures.add(sampler.valuation(sampler.draw(options.seed(), i)));
            outages.add(sampler.outages(options.seed(), i));
            own.add(SampleTask.draw(options.seed(), i));
        }
        listener.message("Solving the plan on point values");
        Plan point = Optimizer.solve(network, solve.withShadowPrices(false), SolveListener.NONE);
        if (!point.hasPlan()) {
            throw new IllegalArgumentException("no plan on the point values (" + point.status() + ")");
        }
        ExtensiveForm.Result sto = options.method() == Method.BENDERS
                ? Benders.solve(network, futures, outages, point, solve, listener)
                : ExtensiveForm.solve(network, futures, outages, solve, listener);
        Plan stochastic = sto.plan();
        if (!stochastic.hasPlan()) {
            throw new IllegalStateException("the extensive form found no plan (" + stochastic.status() + ")");
        }
        long fresh = SampleSeeds.of(options.seed() ^ FRESH, -1);
        List<SampleTask> check = new ArrayList<>();
        for (int i = 0; i < options.checkSamples(); i++) {
            check.add(SampleTask.draw(fresh, i));
        }
        double sign = network.objective() == Objective.NPV ? 1 : -1;
        int total = 3 * (own.size() + check.size());
        int[] done = {0};
        SampleExecutor.Progress step = (d, t) -> progress.done(done[0] + d, total);

        listener.message("Valuing both plans and each future's own best plan on " + options.samples() + " + "
                + options.checkSamples() + " futures");
        List<SampleTask> all = new ArrayList<>(own);
        all.addAll(check);
        List<SampleResult> s = run(executor, all, () -> PlanEvaluator.of(network, stochastic, sampler), step);
        done[0] += all.size();
        List<SampleResult> p = run(executor, all, () -> PlanEvaluator.of(network, point, sampler), step);
        done[0] += all.size();
        List<SampleResult> w = run(executor, all, () -> new WaitAndSeeEvaluator(network, sampler, solve), step);

        int n = own.size();
        Pairs ownPairs = pairs(s.subList(0, n), p.subList(0, n), w.subList(0, n), sign);
        Pairs freshPairs = pairs(s.subList(n, all.size()), p.subList(n, all.size()), w.subList(n, all.size()), sign);
        return new Result(
                stochastic,
                sto.expectedObjective(),
                point,
                Estimate.of(freshPairs.vss()),
                Estimate.of(freshPairs.evpi()),
                Estimate.of(freshPairs.stochastic()),
                Estimate.of(freshPairs.point()),
                Estimate.of(freshPairs.waitAndSee()),
                Estimate.of(ownPairs.vss()),
                Estimate.of(ownPairs.evpi()),
                freshPairs.dropped(),
                options);
    }

    private static List<SampleResult> run(
            SampleExecutor executor,
            List<SampleTask> tasks,
            Supplier<SampleEvaluator> evaluators,
            SampleExecutor.Progress progress) {
        return executor.run(tasks, evaluators, progress);
    }

    @SuppressWarnings("ArrayRecordComponent") // private, built once
    private record Pairs(
            double[] vss, double[] evpi, double[] stochastic, double[] point, double[] waitAndSee, int dropped) {}

    /** Per future: the three values (more is better), the futures where all three are solved. */
    private static Pairs pairs(List<SampleResult> s, List<SampleResult> p, List<SampleResult> w, double sign) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i).solved() && p.get(i).solved() && w.get(i).solved()) {
                rows.add(new double[] {
                    sign * s.get(i).objective(),
                    sign * p.get(i).objective(),
                    sign * w.get(i).objective()
                });
            }
        }
        int m = rows.size();
        double[] vss = new double[m];
        double[] evpi = new double[m];
        double[] sv = new double[m];
        double[] pv = new double[m];
        double[] wv = new double[m];
        for (int i = 0; i < m; i++) {
            double[] r = rows.get(i);
            sv[i] = r[0];
            pv[i] = r[1];
            wv[i] = r[2];
            vss[i] = r[0] - r[1];
            evpi[i] = r[2] - r[0];
        }
        return new Pairs(vss, evpi, sv, pv, wv, s.size() - m);
    }
}
