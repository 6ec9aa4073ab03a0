package footprint.optimize;

import footprint.model.Network;
import java.nio.file.Files;
import java.util.Locale;
import java.util.OptionalDouble;

/** Hand-run measurements of the speed techniques (not a test). */
final class SpeedMeasure {
    private SpeedMeasure() {}

    static Network orlib(String name, double capacity) throws Exception {
        return OrLibCap.parse(
                Files.readString(
                        java.nio.file.Path.of("..", "data", "orlib-cap").resolve(name + ".txt")),
                name,
                capacity > 0 ? OptionalDouble.of(capacity) : OptionalDouble.empty());
    }

    static void lag(String what) throws Exception {
        String[] nc = what.split(":");
        long t0 = System.nanoTime();
        FrozenNetwork f = FrozenNetwork.of(orlib(nc[0], nc.length > 1 ? Double.parseDouble(nc[1]) : 0));
        com.google.ortools.linearsolver.MPSolver s = com.google.ortools.linearsolver.MPSolver.createSolver("SCIP");
        Formulation form = Formulation.build(f, s, Formulation.Settings.milp());
        double tb = (System.nanoTime() - t0) / 1e9;
        Lagrangian lag = new Lagrangian(form);
        PrimalRepair rep = new PrimalRepair(lag, 0);
        PrimalRepair.Incumbent[] best = {null};
        double[] ub = {Double.POSITIVE_INFINITY};
        java.util.Set<String> seen = new java.util.HashSet<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        Lagrangian.Ascent a = lag.ascend(
                lag.start(),
                null,
                (pt, it) -> {
                    String key = java.util.Arrays.deepToString(pt.state());
                    if (seen.add(key) && seen.size() <= 30) {
                        PrimalRepair.Incumbent inc = rep.repair(pt.state());
                        if (inc != null && inc.value() < ub[0]) {
                            ub[0] = inc.value();
                            best[0] = inc;
                        }
                    }
                    return ub[0];
                },
                1e-9,
                5000,
                deadline);
        double before = ub[0];
        long ti = System.nanoTime();
        int ev = rep.evaluations;
        if (best[0] != null) {
            ub[0] = rep.improve(best[0], deadline).value();
        }
        System.out.printf(
                Locale.ROOT,
                "improve %.3f -> %.3f in %d evals %.2f s%n",
                before,
                ub[0],
                rep.evaluations - ev,
                (System.nanoTime() - ti) / 1e9);
        System.out.printf(
                Locale.ROOT,
                "%s: build %.2f s, LB %.3f UB %.3f gap %.4f%% iterations %d evals %d %.2f s%n",
                what,
                tb,
                a.bound(),
                ub[0],
                100 * (ub[0] - a.bound()) / ub[0],
                a.iterations(),
                rep.evaluations,
                (System.nanoTime() - t0) / 1e9);
        s.delete();
    }

    public static void main(String[] args) throws Exception {
        Optimizer.loadNatives();
        if (args[0].equals("solve")) {
            java.util.Set<Technique> ts = Technique.parse(args[1]);
            Backend b = Backend.parse(args[2]);
            double limit = Double.parseDouble(args[3]);
            for (int i = 4; i < args.length; i++) {
                String[] nc = args[i].split(":");
                Network n = orlib(nc[0], nc.length > 1 ? Double.parseDouble(nc[1]) : 0);
                Plan p = Optimizer.solve(
                        n,
                        SolveOptions.plain()
                                .withBackend(b)
                                .withGap(1e-9)
                                .withTimeLimit(limit)
                                .withThreads(2)
                                .withShadowPrices(false)
                                .withTechniques(ts),
                        new SolveListener() {
                            @Override
                            public void message(String text) {
                                System.out.println("  " + text);
                            }
                        });
                System.out.printf(
                        Locale.ROOT,
                        "%-12s %-6s %-40s %-9s obj %.3f bound %.3f gap %.6f build %.2f s solve %.2f s%n",
                        args[i],
                        b.word(),
                        args[1],
                        p.status(),
                        p.objective(),
                        p.bestBound(),
                        p.gap(),
                        p.buildSeconds(),
                        p.solveSeconds());
                System.out.println("  notes: " + p.notes());
            }
        }
        if (args[0].equals("lag")) {
            for (int i = 1; i < args.length; i++) {
                lag(args[i]);
            }
        }
    }
}
