package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proximal bundle method ({@link ProximalBundle}) against linear programming: on random convex
 * piecewise-linear functions, some coordinates signed, it reaches the minimum GLOP finds for the
 * same function written as an LP, and never proposes a point outside the signs.
 */
class ProximalBundleTest {
    static IntStream seeds() {
        return IntStream.range(0, 12);
    }

    /**
     * f(y) = max_j (a_j·y + b_j) + Σ_i w_i·|y_i − c_i|, y_i ≥ 0 for i ≥ signed; the last
     * coordinate is dead (not live) and must keep its value.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reaches_the_minimum_of_a_piecewise_linear_function(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 3 + r.nextInt(10);
        int pieces = 2 + r.nextInt(15);
        int signed = r.nextInt(n);
        double[][] a = new double[pieces][n];
        double[] b = new double[pieces];
        for (int j = 0; j < pieces; j++) {
            for (int i = 0; i < n; i++) {
                a[j][i] = r.nextDouble(-10, 10);
            }
            b[j] = r.nextDouble(-50, 50);
        }
        double[] w = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = r.nextDouble(10.5, 20); // above every |a_ji|: bounded below
            c[i] = r.nextDouble(-5, 5);
        }
        int dead = n - 1;
        double deadValue = 0.5;
        double optimum = lpMinimum(a, b, w, c, signed, dead, deadValue);

        int[] live = IntStream.range(0, n - 1).toArray();
        double[] y0 = new double[n];
        y0[dead] = deadValue;
        double[] g = new double[n];
        double f0 = value(a, b, w, c, y0, g);
        ProximalBundle bundle = new ProximalBundle(y0, f0, g, live, signed, 0.01);
        double best = f0;
        for (int call = 0; call < 400; call++) {
            double[] y = bundle.trial();
            for (int i = signed; i < n; i++) {
                assertThat(y[i]).as("coordinate %d signed", i).isGreaterThanOrEqualTo(0);
            }
            assertThat(y[dead]).isEqualTo(deadValue);
            double fy = value(a, b, w, c, y, g);
            best = Math.min(best, fy);
            bundle.take(y, fy, g);
            assertThat(bundle.centerValue()).isLessThanOrEqualTo(f0);
        }
        assertThat(best).isGreaterThanOrEqualTo(optimum - 1e-7 * Math.max(1, Math.abs(optimum)));
        assertThat(best).isCloseTo(optimum, within(1e-4 * Math.max(1, Math.abs(optimum))));
    }

    @Test
    void projects_onto_the_simplex() {
        double[] v = {0.5, 2, -1};
        ProximalBundle.projectSimplex(v);
        assertThat(v).containsExactly(new double[] {0, 1, 0}, within(1e-12));
        double[] u = {0.4, 0.3, 0.1};
        ProximalBundle.projectSimplex(u);
        assertThat(u).containsExactly(new double[] {0.4 + 0.2 / 3, 0.3 + 0.2 / 3, 0.1 + 0.2 / 3}, within(1e-12));
        assertThat(u[0] + u[1] + u[2]).isCloseTo(1, within(1e-12));
    }

    /** f at y, and a subgradient into g. */
    private static double value(double[][] a, double[] b, double[] w, double[] c, double[] y, double[] g) {
        int n = y.length;
        int top = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < a.length; j++) {
            double v = b[j];
            for (int i = 0; i < n; i++) {
                v += a[j][i] * y[i];
            }
            if (v > max) {
                max = v;
                top = j;
            }
        }
        double f = max;
        for (int i = 0; i < n; i++) {
            f += w[i] * Math.abs(y[i] - c[i]);
            g[i] = a[top][i] + w[i] * Math.signum(y[i] - c[i]);
        }
        return f;
    }

    /** min z + Σ w_i·s_i, z ≥ a_j·y + b_j, s_i ≥ ±(y_i − c_i), y signed from {@code signed}, y_dead fixed. */
    private static double lpMinimum(
            double[][] a, double[] b, double[] w, double[] c, int signed, int dead, double deadValue) {
        Optimizer.loadNatives();
        MPSolver lp = MPSolver.createSolver("GLOP");
        try {
            int n = w.length;
            MPVariable[] y = new MPVariable[n];
            MPVariable[] s = new MPVariable[n];
            for (int i = 0; i < n; i++) {
                double lb = i == dead ? deadValue : i >= signed ? 0 : -1e9;
                double ub = i == dead ? deadValue : 1e9;
                y[i] = lp.makeNumVar(lb, ub, "y" + i);
                s[i] = lp.makeNumVar(0, 1e9, "s" + i);
                MPConstraint above = lp.makeConstraint(-c[i], 1e30);
                above.setCoefficient(s[i], 1);
                above.setCoefficient(y[i], -1);
                MPConstraint below = lp.makeConstraint(c[i], 1e30);
                below.setCoefficient(s[i], 1);
                below.setCoefficient(y[i], 1);
            }
            MPVariable z = lp.makeNumVar(-1e9, 1e9, "z");
            for (int j = 0; j < a.length; j++) {
                MPConstraint piece = lp.makeConstraint(b[j], 1e30);
                piece.setCoefficient(z, 1);
                for (int i = 0; i < n; i++) {
                    piece.setCoefficient(y[i], -a[j][i]);
                }
            }
            lp.objective().setCoefficient(z, 1);
            for (int i = 0; i < n; i++) {
                lp.objective().setCoefficient(s[i], w[i]);
            }
            lp.objective().setMinimization();
            assertThat(lp.solve()).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
            return lp.objective().value();
        } finally {
            lp.delete();
        }
    }
}
