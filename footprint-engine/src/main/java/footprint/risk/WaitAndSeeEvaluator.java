package footprint.risk;

import footprint.model.Network;
import footprint.optimize.Optimizer;
import footprint.optimize.Outages;
import footprint.optimize.Plan;
import footprint.optimize.SolveListener;
import footprint.optimize.SolveOptions;
import footprint.optimize.SolveStatus;

/**
 * The best plan for one future known in advance (the "wait and see" value of perfect
 * information): the whole MILP solved on a task's numbers.
 */
final class WaitAndSeeEvaluator implements SampleEvaluator {
    private final Network network;
    private final Sampler sampler;
    private final SolveOptions options;

    WaitAndSeeEvaluator(Network network, Sampler sampler, SolveOptions options) {
        this.network = network;
        this.sampler = sampler;
        this.options = options.withShadowPrices(false);
    }

    @Override
    public SampleResult evaluate(SampleTask task) {
        double[] values = PlanEvaluator.values(sampler, task);
        Outages outages = PlanEvaluator.outages(sampler, task);
        Plan p = Optimizer.solve(network, sampler.valuation(values), outages, options, SolveListener.NONE);
        SolveStatus status = p.hasPlan() ? p.status() : p.status();
        return new SampleResult(
                task.index(),
                status,
                p.objective(),
                p.kpis().npv(),
                Double.NaN,
                Double.NaN,
                Double.NaN,
                false,
                PlanEvaluator.recorded(sampler, values, outages));
    }

    @Override
    public void close() {}
}
