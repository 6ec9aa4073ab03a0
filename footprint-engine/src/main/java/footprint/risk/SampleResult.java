package footprint.risk;

import footprint.optimize.SolveStatus;

/**
 * What one task gave: the plan valued on the task's numbers.
 *
 * @param index the task's index
 * @param status how the LP ended (INFEASIBLE: the plan's decisions cannot meet a rule on these numbers)
 * @param objective NPV in NPV mode, cost in cost mode
 * @param npv revenue less every cost, present value, group share
 * @param lostSales vehicles of demand not served over the horizon
 * @param lostShare lost sales over the demand
 * @param utilisation output over the capacity of the plant-years that run
 * @param rebuilt whether the sample needed an LP of its own
 * @param inputs the drawn value of every input, then the years each disruption struck (empty for a
 *     swing)
 */
@SuppressWarnings("ArrayRecordComponent") // values, compared element by element where needed
public record SampleResult(
        int index,
        SolveStatus status,
        double objective,
        double npv,
        double lostSales,
        double lostShare,
        double utilisation,
        boolean rebuilt,
        double[] inputs) {
    public boolean solved() {
        return status.hasPlan();
    }
}
