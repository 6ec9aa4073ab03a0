package footprint.risk;

import footprint.model.Figure;
import footprint.model.Network;
import footprint.optimize.FixedPlanLp;
import footprint.optimize.Outages;
import footprint.optimize.Plan;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Values a plan on a task's numbers: its strategic decisions kept, its flows re-solved. Keeps one
 * LP between tasks ({@link FixedPlanLp#resolve}), or, to measure what that saves, builds one per
 * task ({@link #rebuilding}).
 */
public final class PlanEvaluator implements SampleEvaluator {
    private final Network network;
    private final Plan plan;
    private final Sampler sampler;
    private final boolean reuse;
    private FixedPlanLp lp;
    /** Whether the kept LP has re-solved since it was built (so a new block needs a new one). */
    private boolean used;

    private PlanEvaluator(Network network, Plan plan, Sampler sampler, boolean reuse) {
        this.network = network;
        this.plan = plan;
        this.sampler = sampler;
        this.reuse = reuse;
        this.lp = reuse ? FixedPlanLp.of(network, plan) : null;
    }

    /** Builds the kept LP again, so that the block's first sample starts from no basis. */
    @Override
    public void startBlock() {
        if (reuse && used) {
            lp.close();
            lp = FixedPlanLp.of(network, plan);
            used = false;
        }
    }

    /** An evaluator that keeps its LP from one task to the next. */
    public static PlanEvaluator of(Network network, Plan plan, Sampler sampler) {
        return new PlanEvaluator(network, plan, sampler, true);
    }

    /** An evaluator that builds and solves a new LP for every task (for benchmarks). */
    public static PlanEvaluator rebuilding(Network network, Plan plan, Sampler sampler) {
        return new PlanEvaluator(network, plan, sampler, false);
    }

    /** The numbers of a task: its draw, its swing, or every input nominal. */
    static double[] values(Sampler sampler, SampleTask task) {
        if (task.isSwing()) {
            double[] v = sampler.nominal();
            if (task.input() < v.length) {
                v[task.input()] = task.value();
            }
            return v;
        }
        return task.input() == RiskAnalysis.NOMINAL ? sampler.nominal() : sampler.draw(task.runSeed(), task.index());
    }

    /** The outages of a task: its draw's, a disruption's swing (striking every year), else none. */
    static Outages outages(Sampler sampler, SampleTask task) {
        int inputs = sampler.inputs().size();
        if (task.isSwing()) {
            return task.input() >= inputs
                    ? sampler.always(sampler.disruptions().get(task.input() - inputs))
                    : Outages.NONE;
        }
        return task.input() == RiskAnalysis.NOMINAL ? Outages.NONE : sampler.outages(task.runSeed(), task.index());
    }

    /** What a draw records: every input's value, then the years each disruption struck. */
    static double[] recorded(Sampler sampler, double[] values, Outages outages) {
        double[] counts = sampler.strikeCounts(outages);
        double[] all = Arrays.copyOf(values, values.length + counts.length);
        System.arraycopy(counts, 0, all, values.length, counts.length);
        return all;
    }

    @Override
    public SampleResult evaluate(SampleTask task) {
        double[] values = values(sampler, task);
        Outages outages = outages(sampler, task);
        ToDoubleFunction<Figure> valueOf = sampler.valuation(values);
        used = reuse;
        FixedPlanLp.Evaluation e =
                lp != null ? lp.resolve(valueOf, outages) : FixedPlanLp.rebuild(network, plan, valueOf, outages);
        return new SampleResult(
                task.index(),
                e.status(),
                e.objective(),
                e.npv(),
                e.lostSales(),
                e.demand() > 0 ? e.lostSales() / e.demand() : 0,
                e.utilisation(),
                e.rebuilt(),
                task.isSwing() || task.input() == RiskAnalysis.NOMINAL
                        ? new double[0]
                        : recorded(sampler, values, outages));
    }

    @Override
    public void close() {
        if (lp != null) {
            lp.close();
        }
    }
}
