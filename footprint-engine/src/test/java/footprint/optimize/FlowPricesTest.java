package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import footprint.model.Network;
import footprint.optimize.FrozenNetwork.Arc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FlowPrices}: the demand prices read from each year's min-cost flow are optimal duals of that
 * year's transportation LP, checked against GLOP: the dual value at them (the demand they price, the
 * lost sales worth more than their price, and each plant's best use of its capacity and lines at
 * those prices) equals the LP's optimum, which no other prices reach. ({@link NetworkLagrangianTest} checks that L at them is a bound.)
 */
class FlowPricesTest {
    static IntStream seeds() {
        return IntStream.range(0, 16);
    }

    /**
     * Seeds 0 to 2: the generated S, M and L; 3 to 15: random facility networks, in both modes (in
     * cost mode some markets have a lost-sale penalty, the others must be served).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_prices_are_the_transportation_lps_duals(int seed) {
        Optimizer.loadNatives();
        Network n = seed < 3
                ? ColumnGenerationTest.generated(new String[] {"S", "M", "L"}[seed])
                : Models.read(TechniquesTest.facility(seed));
        FrozenNetwork f = FrozenNetwork.of(n);
        NetworkLagrangian lag = new NetworkLagrangian(f, 1);
        FlowPrices.Priced priced = FlowPrices.of(lag, 2, Long.MAX_VALUE);
        assertThat(priced.years()).isEqualTo(f.nT);
        double[] margin = lag.margins();
        for (int t = 0; t < f.nT; t++) {
            List<Integer> arcs = new ArrayList<>();
            for (int p = 0; p < f.nP; p++) {
                if (f.mayRun[p][t] && f.capacity[p][t] > 0) {
                    for (int i : f.arcsByPlantYear[p][t]) {
                        if (margin[i] > Double.NEGATIVE_INFINITY && lag.arcUb[i] > 0) {
                            arcs.add(i);
                        }
                    }
                }
            }
            double lp = transportationLp(f, lag, margin, arcs, t);
            double dual = dualValue(f, lag, margin, arcs, t, priced.y());
            double scale = Math.max(1, Math.abs(lp));
            assertThat(dual).as("year %d: the dual value is a bound", t).isGreaterThanOrEqualTo(lp - 1e-9 * scale);
            assertThat(dual).as("year %d: and the LP's optimum", t).isLessThanOrEqualTo(lp + 1e-6 * scale);
        }
    }

    /** The year's transportation LP, solved by GLOP: its optimal value. */
    private static double transportationLp(
            FrozenNetwork f, NetworkLagrangian lag, double[] margin, List<Integer> arcs, int t) {
        MPSolver solver = MPSolver.createSolver("GLOP");
        try {
            MPConstraint[] plant = new MPConstraint[f.nP];
            MPConstraint[][] line = new MPConstraint[f.nP][f.nF];
            MPConstraint[] cell = new MPConstraint[lag.nCells];
            for (int i : arcs) {
                Arc a = f.arcs.get(i);
                int p = a.plant();
                int pf = f.productPlatform[a.product()];
                int c = lag.arcCell[i];
                MPVariable x = solver.makeNumVar(0, lag.arcUb[i], "x" + i);
                solver.objective().setCoefficient(x, margin[i] - lag.fixedPerVehicle(p, t));
                if (plant[p] == null) {
                    plant[p] = solver.makeConstraint(0, f.capacity[p][t]);
                }
                plant[p].setCoefficient(x, 1);
                if (!Double.isNaN(f.lineCapacity[p][pf][t])) {
                    if (line[p][pf] == null) {
                        line[p][pf] = solver.makeConstraint(0, f.lineCapacity[p][pf][t]);
                    }
                    line[p][pf].setCoefficient(x, 1);
                }
                if (cell[c] == null) {
                    // sold plus lost is the demand; a cell without a lost value must be served
                    cell[c] = solver.makeConstraint(lag.cellDemand[c], lag.cellDemand[c]);
                    if (!Double.isNaN(lag.lostValue[c])) {
                        MPVariable lost = solver.makeNumVar(0, lag.cellDemand[c], "lost" + c);
                        solver.objective().setCoefficient(lost, lag.lostValue[c]);
                        cell[c].setCoefficient(lost, 1);
                    }
                }
                cell[c].setCoefficient(x, 1);
            }
            solver.objective().setMaximization();
            assertThat(solver.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
            return solver.objective().value();
        } finally {
            solver.delete();
        }
    }

    /**
     * The Lagrangian dual of the transportation LP with its demand rows relaxed, at prices y: the
     * demand of the cells it serves at their prices, plus each plant's best flows at reduced profits
     * (capacities nest plant, line, arc: filling the best first is exact).
     */
    private static double dualValue(
            FrozenNetwork f, NetworkLagrangian lag, double[] margin, List<Integer> arcs, int t, double[] y) {
        double value = 0;
        boolean[] counted = new boolean[lag.nCells];
        List<List<Integer>> byPlant = new ArrayList<>();
        for (int p = 0; p < f.nP; p++) {
            byPlant.add(new ArrayList<>());
        }
        for (int i : arcs) {
            int c = lag.arcCell[i];
            if (!counted[c]) {
                counted[c] = true;
                value += lag.cellDemand[c] * y[c];
                if (!Double.isNaN(lag.lostValue[c])) {
                    value += lag.cellDemand[c] * Math.max(0, lag.lostValue[c] - y[c]);
                }
            }
            byPlant.get(f.arcs.get(i).plant()).add(i);
        }
        double[] r = new double[f.arcs.size()];
        for (int p = 0; p < f.nP; p++) {
            Integer[] order = byPlant.get(p).toArray(new Integer[0]);
            for (int i : order) {
                r[i] = margin[i] - lag.fixedPerVehicle(p, t) - y[lag.arcCell[i]];
            }
            Arrays.sort(order, (a, b) -> Double.compare(r[b], r[a]));
            double left = f.capacity[p][t];
            double[] lineLeft = new double[f.nF];
            for (int pf = 0; pf < f.nF; pf++) {
                double cap = f.lineCapacity[p][pf][t];
                lineLeft[pf] = Double.isNaN(cap) ? Double.POSITIVE_INFINITY : cap;
            }
            for (int i : order) {
                if (r[i] <= 0 || left <= 0) {
                    break;
                }
                int pf = f.productPlatform[f.arcs.get(i).product()];
                double x = Math.min(lag.arcUb[i], Math.min(left, lineLeft[pf]));
                if (x > 0) {
                    left -= x;
                    lineLeft[pf] -= x;
                    value += r[i] * x;
                }
            }
        }
        return value;
    }
}
