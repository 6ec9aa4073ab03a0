package footprint.optimize;

import com.google.ortools.linearsolver.MPConstraint;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A flow a plan must carry beyond the model's rules: at least {@code volume} units in {@code year}
 * from {@code from} to {@code to}, either vehicles of any product from an assembly plant to a
 * market, or components from a component plant to an assembly plant. {@code footprint explain}
 * uses it to ask what using a lane the plan leaves empty would cost.
 */
public record MinimumFlow(String from, String to, int year, double volume) {
    public MinimumFlow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!(volume >= 0) || Double.isInfinite(volume)) {
            throw new IllegalArgumentException("a minimum flow is 0 or more, not " + volume);
        }
    }

    /**
     * Adds one row per minimum flow to a built formulation:
     *
     * <pre>
     *   minimumFlow[p,m,t]:  Σ_k x[p,k,m,t] ≥ volume      (assembly plant p to market m)
     *   minimumFlow[q,p,t]:  y[q,p,t] ≥ volume             (component plant q to plant p)
     * </pre>
     *
     * Where no flow may exist (a ban, no demand, a plant that may not run), the row has no variable
     * and makes the model infeasible, as it should.
     *
     * @throws IllegalArgumentException for an unknown id or a year outside the horizon
     */
    static void addRows(Formulation form, List<MinimumFlow> flows) {
        FrozenNetwork f = form.f;
        for (MinimumFlow mf : flows) {
            int t = mf.year - f.firstYear;
            if (t < 0 || t >= f.nT) {
                throw new IllegalArgumentException(
                        mf.year + " is outside the horizon " + f.firstYear + "-" + f.year(f.nT - 1));
            }
            int p = indexOf(f.plantId, mf.from);
            int m = indexOf(f.marketId, mf.to);
            int q = indexOf(f.componentPlantId, mf.from);
            int to = indexOf(f.plantId, mf.to);
            MPConstraint r = form.solver.makeConstraint(
                    mf.volume,
                    Double.POSITIVE_INFINITY,
                    "minimumFlow[" + Formulation.id(mf.from) + "," + Formulation.id(mf.to) + "," + mf.year + "]");
            if (p >= 0 && m >= 0) {
                for (int i : f.arcsByPlantYear[p][t]) {
                    if (f.arcs.get(i).market() == m) {
                        r.setCoefficient(form.flow[i], 1);
                    }
                }
            } else if (q >= 0 && to >= 0) {
                for (int s : f.supplyByPlantYear[to][t]) {
                    if (f.supplyArcs.get(s).componentPlant() == q) {
                        r.setCoefficient(form.supply[s], 1);
                    }
                }
            } else {
                throw new IllegalArgumentException("no lane can run from '" + mf.from + "' to '" + mf.to
                        + "': name an assembly plant and a market, or a component plant and an assembly plant");
            }
        }
    }

    private static int indexOf(String[] ids, String id) {
        return Arrays.asList(ids).indexOf(id);
    }
}
