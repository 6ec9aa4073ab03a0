package footprint.optimize;

import com.google.ortools.linearsolver.MPSolver;
import footprint.io.ModelReader;
import footprint.model.Network;
import java.nio.file.Path;

/** Root LP against MILP (by hand). */
final class Probe {
    private Probe() {}

    public static void main(String[] args) {
        Optimizer.loadNatives();
        Network n = ModelReader.read(Path.of(args[0])).network().orElseThrow();
        FrozenNetwork f = FrozenNetwork.of(n);
        for (boolean strength : new boolean[] {true, false}) {
            MPSolver lp = MPSolver.createSolver("GLOP");
            var s = new Formulation.Settings(false, java.util.EnumSet.allOf(Formulation.Family.class));
            if (!strength) {
                s = s.without(Formulation.Family.STRENGTH);
            }
            Formulation.build(f, lp, s);
            long t = System.nanoTime();
            var st = lp.solve();
            System.out.printf(
                    "LP strength=%s %s %.6e %.3f s%n",
                    strength, st, lp.objective().value(), (System.nanoTime() - t) / 1e9);
            lp.delete();
        }
        for (Backend b : Backend.values()) {
            long t = System.nanoTime();
            Plan p = Optimizer.solve(
                    f,
                    Formulation.Settings.milp(),
                    SolveOptions.defaults().withBackend(b).withShadowPrices(false),
                    SolveListener.NONE,
                    t);
            System.out.printf("%s %s %.6e %.3f s%n", b, p.status(), p.objective(), p.solveSeconds());
            p = Optimizer.solve(
                    f,
                    Formulation.Settings.milp().without(Formulation.Family.STRENGTH),
                    SolveOptions.defaults().withBackend(b).withShadowPrices(false),
                    SolveListener.NONE,
                    t);
            System.out.printf("%s no strength %s %.6e %.3f s%n", b, p.status(), p.objective(), p.solveSeconds());
        }
    }
}
