package footprint.risk;

import footprint.model.Disruption;
import footprint.model.Figure;
import footprint.model.Network;
import footprint.model.NetworkFigures;
import footprint.model.Quantity;
import footprint.optimize.Outages;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Erf;

/**
 * Draws every uncertain figure of a network (ranges, triangular, uniform, normal and lognormal),
 * sample by sample. Sample i of a run is drawn with its own generator seeded from (run seed, i)
 * ({@link SampleSeeds}), in one fixed order, so the same seed gives the same numbers whatever the
 * thread, executor or order the samples run in.
 *
 * <p>Inputs: every figure of {@link NetworkFigures} that carries uncertainty, once per figure
 * object (a figure shared by two fields is one input), except lead times (tooling lead times decide
 * which variables exist: they stay at their nominal whole number of years).
 *
 * <p>Disruptions ({@link #outages}) are drawn apart: each strikes a year with its stated
 * probability, from a generator of its own seeded from the same (run seed, i).
 *
 * <p>Rank correlation: the demands of one market (its products' demands and its segments' volumes,
 * every year) may move together with a stated Spearman rank correlation r, through a Gaussian
 * copula with one common factor: z_i = √ρ·w + √(1−ρ)·e_i with ρ = 2·sin(π·r/6) (which gives
 * Spearman r between any two), u_i = Φ(z_i), and each input is its quantity's quantile at u_i, so
 * its own distribution is kept exactly.
 */
public final class Sampler {
    /**
     * One uncertain input.
     *
     * @param path where it sits in the model ({@code markets[RU].demand.c-car.2021}), the first
     *     field if it is shared
     * @param figure the figure itself (inputs are matched by identity, not by value)
     * @param group its correlation group (one per market with uncertain demand), or -1
     */
    public record Input(String path, Figure figure, int group) {
        public Quantity quantity() {
            return figure.quantity();
        }

        /** The value the optimiser uses. */
        public double nominal() {
            return figure.nominal();
        }

        /** The low end of a swing: the lowest value a draw can take, else (unbounded) the 5 % quantile. */
        public double low() {
            double min = quantity().min();
            return Double.isFinite(min) ? min : quantile(quantity(), 0.05);
        }

        /** The high end of a swing: the highest value a draw can take, else the 95 % quantile. */
        public double high() {
            double max = quantity().max();
            return Double.isFinite(max) ? max : quantile(quantity(), 0.95);
        }
    }

    private final List<Input> inputs;
    private final List<Disruption> disruptions;
    private final int firstYear;
    private final int lastYear;
    private final Map<Figure, Integer> indexOf;
    private final int groups;
    private final double rankCorrelation;
    private final double rho;

    private Sampler(List<Input> inputs, int groups, double rankCorrelation, Network network) {
        this.inputs = List.copyOf(inputs);
        this.disruptions = network.disruptions();
        this.firstYear = network.horizon().firstYear();
        this.lastYear = network.horizon().lastYear();
        this.groups = groups;
        this.rankCorrelation = rankCorrelation;
        this.rho = 2 * Math.sin(Math.PI * rankCorrelation / 6);
        Map<Figure, Integer> ix = new IdentityHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            ix.put(inputs.get(i).figure(), i);
        }
        this.indexOf = ix;
    }

    /** The inputs of a network, drawn independently. */
    public static Sampler of(Network network) {
        return of(network, 0);
    }

    /**
     * The inputs of a network, the demands of each market with Spearman rank correlation {@code
     * demandRankCorrelation} (0 for independent, up to 1).
     */
    public static Sampler of(Network network, double demandRankCorrelation) {
        if (!(demandRankCorrelation >= 0 && demandRankCorrelation <= 1)) {
            throw new IllegalArgumentException(
                    "the demands' rank correlation must be between 0 and 1, not " + demandRankCorrelation);
        }
        Map<Figure, Boolean> seen = new IdentityHashMap<>();
        Map<String, Integer> groupOf = new LinkedHashMap<>();
        List<Input> inputs = new ArrayList<>();
        for (NetworkFigures.Entry e : NetworkFigures.of(network)) {
            Figure fig = e.figure();
            if (!fig.quantity().isUncertain()
                    || e.path().endsWith(".lead-time")
                    || e.path().startsWith("disruptions[")
                    || seen.put(fig, Boolean.TRUE) != null) {
                continue;
            }
            String market = demandMarket(e.path());
            int group = market == null ? -1 : groupOf.computeIfAbsent(market, m -> groupOf.size());
            inputs.add(new Input(e.path(), fig, group));
        }
        return new Sampler(inputs, groupOf.size(), demandRankCorrelation, network);
    }

    /** The market whose demand a path is ({@code markets[RU].demand...} or a segment's volume), else null. */
    static String demandMarket(String path) {
        if (!path.startsWith("markets[")) {
            return null;
        }
        int close = path.indexOf(']');
        String rest = path.substring(close + 1);
        boolean demand = rest.startsWith(".demand.") || (rest.startsWith(".segments.") && rest.contains(".volume"));
        return demand ? path.substring("markets[".length(), close) : null;
    }

    /** Salt of the disruptions' generator (an arbitrary odd constant), so it never meets the inputs'. */
    private static final long DISRUPTION_STREAM = 0xD15C_0DE5_A17E_2B4FL;

    public List<Input> inputs() {
        return inputs;
    }

    /** The Spearman rank correlation asked between the demands of one market. */
    public double rankCorrelation() {
        return rankCorrelation;
    }

    /** Every input at its nominal value. */
    public double[] nominal() {
        double[] v = new double[inputs.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = inputs.get(i).nominal();
        }
        return v;
    }

    /** The values of sample {@code index} of a run seeded {@code runSeed}, one per input. */
    public double[] draw(long runSeed, long index) {
        RandomGenerator random = new SplittableRandom(SampleSeeds.of(runSeed, index));
        double[] common = new double[groups];
        if (rho > 0) {
            for (int g = 0; g < groups; g++) {
                common[g] = random.nextGaussian();
            }
        }
        double[] v = new double[inputs.size()];
        double a = Math.sqrt(rho);
        double b = Math.sqrt(1 - rho);
        for (int i = 0; i < v.length; i++) {
            Input in = inputs.get(i);
            if (rho > 0 && in.group() >= 0) {
                double z = a * common[in.group()] + b * random.nextGaussian();
                v[i] = quantile(in.quantity(), normalCdf(z));
            } else {
                v[i] = in.quantity().sample(random);
            }
        }
        return v;
    }

    /** The network's disruptions, in model order: the events {@link #outages} draws. */
    public List<Disruption> disruptions() {
        return disruptions;
    }

    /**
     * The disruptions that strike in sample {@code index} of a run seeded {@code runSeed}: each
     * disruption in model order first draws its probability for the sample (when it is a range or a
     * distribution; a point stays as it is), then, each year of the horizon, strikes when a uniform
     * draw falls below that probability and the year is one it may strike in. The draws come from a
     * generator of their own, seeded from (run seed, index) apart from the inputs', so adding a
     * disruption to a model leaves every input's draws unchanged.
     */
    public Outages outages(long runSeed, long index) {
        if (disruptions.isEmpty()) {
            return Outages.NONE;
        }
        RandomGenerator random = new SplittableRandom(SampleSeeds.of(runSeed ^ DISRUPTION_STREAM, index));
        List<Outages.Strike> strikes = new ArrayList<>();
        for (Disruption d : disruptions) {
            Quantity q = d.probability().quantity();
            double p = Math.min(1, Math.max(0, q.isUncertain() ? q.sample(random) : q.nominal()));
            for (int year = firstYear; year <= lastYear; year++) {
                double u = random.nextDouble();
                if (u < p && d.years().contains(year)) {
                    strikes.add(new Outages.Strike(d, year));
                }
            }
        }
        return Outages.of(strikes);
    }

    /** How many years each disruption strikes in an outage set, in the order of {@link #disruptions}. */
    public double[] strikeCounts(Outages outages) {
        double[] c = new double[disruptions.size()];
        for (Outages.Strike s : outages.strikes()) {
            int i = disruptions.indexOf(s.disruption());
            if (i >= 0) {
                c[i]++;
            }
        }
        return c;
    }

    /** The years of the horizon a disruption may strike in. */
    public int possibleYears(Disruption d) {
        int n = 0;
        for (int year = firstYear; year <= lastYear; year++) {
            if (d.years().contains(year)) {
                n++;
            }
        }
        return n;
    }

    /** A disruption striking in every year of the horizon it may strike in (a tornado swing). */
    public Outages always(Disruption d) {
        return Outages.everyYear(d, firstYear, lastYear);
    }

    /** Values every figure: an input by {@code values} (in the order of {@link #inputs}), any other at its nominal. */
    public ToDoubleFunction<Figure> valuation(double[] values) {
        if (values.length != inputs.size()) {
            throw new IllegalArgumentException("expected " + inputs.size() + " values, not " + values.length);
        }
        double[] v = values.clone();
        return f -> {
            Integer i = indexOf.get(f);
            return i == null ? f.nominal() : v[i];
        };
    }

    /** Every figure nominal but input {@code input}, at {@code value}. */
    public ToDoubleFunction<Figure> swing(int input, double value) {
        double[] v = nominal();
        v[input] = value;
        return valuation(v);
    }

    /**
     * The quantile of a quantity at probability {@code u} in (0, 1): its draw from a generator that
     * gives u as its uniform number and Φ⁻¹(u) as its normal one (every form draws exactly one
     * number, and does so by inverting its distribution function, so this is the inverse).
     */
    public static double quantile(Quantity quantity, double u) {
        if (!(u > 0 && u < 1)) {
            throw new IllegalArgumentException("a probability strictly between 0 and 1, not " + u);
        }
        return quantity.sample(new AtProbability(u));
    }

    static double normalCdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

    static double normalQuantile(double u) {
        return Math.sqrt(2) * Erf.erfInv(2 * u - 1);
    }

    /** A generator that answers one probability: see {@link #quantile}. */
    private static final class AtProbability implements RandomGenerator {
        private final double u;

        AtProbability(double u) {
            this.u = u;
        }

        @Override
        public double nextDouble() {
            return u;
        }

        @Override
        public double nextGaussian() {
            return normalQuantile(u);
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("a quantity drew a number other than one uniform or one normal");
        }
    }
}
