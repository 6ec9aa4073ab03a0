package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import footprint.model.Network;
import footprint.model.Objective;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random tiny networks (at most 8 binaries): every combination of the integer decisions is fixed
 * and solved as an LP (GLOP, without the rows for strength), and the best is compared with the
 * MILP's optimum from every backend (with the rows for strength). Plans also keep the invariants.
 */
class BruteForceTest {
    static IntStream seeds() {
        return IntStream.range(0, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void milp_optimum_equals_the_best_of_every_integer_combination(int seed) {
        String yaml = tiny(seed);
        Network n = Models.read(yaml);
        FrozenNetwork f = FrozenNetwork.of(n);
        Double best = enumerate(f);
        for (Backend b : Backend.values()) {
            Plan plan = Optimizer.solve(n, SolveOptions.plain().withBackend(b).withGap(1e-9), SolveListener.NONE);
            String what = "seed " + seed + " with " + b.word() + ":\n" + yaml;
            if (best == null) {
                assertThat(plan.status()).as(what).isEqualTo(SolveStatus.INFEASIBLE);
            } else {
                assertThat(plan.status()).as(what).isEqualTo(SolveStatus.OPTIMAL);
                assertThat(plan.objective()).as(what).isCloseTo(best, within(1e-6 * Math.max(1, Math.abs(best))));
                PlanInvariants.check(n, plan);
            }
        }
    }

    /** The best objective over every 0/1 assignment of the integer variables, or null if none is feasible. */
    static Double enumerate(FrozenNetwork f) {
        Optimizer.loadNatives();
        MPSolver lp = MPSolver.createSolver("GLOP");
        try {
            Formulation form = Formulation.build(f, lp, Formulation.Settings.fixedLp());
            List<MPVariable> ints = form.integers;
            assertThat(ints.size()).as("binaries").isLessThanOrEqualTo(8);
            double[] ub = ints.stream().mapToDouble(MPVariable::ub).toArray();
            Double best = null;
            boolean max = f.mode == Objective.NPV;
            for (int mask = 0; mask < 1 << ints.size(); mask++) {
                boolean possible = true;
                for (int i = 0; i < ints.size(); i++) {
                    double v = (mask >> i) & 1;
                    possible &= v <= ub[i];
                    ints.get(i).setBounds(v, v);
                }
                if (!possible || lp.solve() != MPSolver.ResultStatus.OPTIMAL) {
                    continue;
                }
                double obj = lp.objective().value();
                if (best == null || (max ? obj > best : obj < best)) {
                    best = obj;
                }
            }
            return best;
        } finally {
            lp.delete();
        }
    }

    /**
     * A random network of one or two plants over one or two years (3 state binaries per plant-year,
     * one per tooling option and year: at most 8), with a component plant, a ban, a duty, local
     * content, commitments and given statuses drawn at random.
     */
    static String tiny(int seed) {
        Random r = new Random(seed);
        int plants = 1 + r.nextInt(2);
        int years = plants == 2 ? 1 : 1 + r.nextInt(2);
        boolean cost = r.nextInt(3) == 0;
        String[] countries = {"FR", "DE", "RU"};
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, """
                footprint: 1
                name: tiny %d
                horizon: {from: 2024, to: %d}
                currency: EUR
                objective: %s
                discount-rate: %.3f
                countries:
                  FR: {bloc: EU}
                  DE: {bloc: EU}
                  RU: {bloc: EAEU}
                platforms:
                  van: {}
                  leap: {}
                components:
                  engine: {unit: engine}
                """, seed, 2023 + years, cost ? "cost" : "npv", r.nextDouble() * 0.1));
        int toolRoom = 8 - 3 * plants * years;
        s.append("plants:\n");
        for (int p = 0; p < plants; p++) {
            s.append(String.format(
                    Locale.ROOT,
                    "  p%d: {country: %s, capacity: %d, fixed-cost: %d, idle-cost: %d, closure-cost: %d,"
                            + " reopening-cost: %d, variable-cost: %d, workforce: %d, idle-workforce: %d,"
                            + " ownership: %.2f, platforms: [van]",
                    p,
                    countries[r.nextInt(3)],
                    40 + r.nextInt(120),
                    r.nextInt(300_000),
                    r.nextInt(100_000),
                    r.nextInt(200_000),
                    r.nextInt(100_000),
                    2000 + r.nextInt(6000),
                    100 + r.nextInt(900),
                    r.nextInt(100),
                    0.5 + r.nextInt(6) / 10.0));
            if (toolRoom >= years && r.nextBoolean()) {
                toolRoom -= years;
                s.append(String.format(
                        Locale.ROOT,
                        ", tooling: {leap: {investment: %d, lead-time: %d}}",
                        r.nextInt(400_000),
                        years == 2 ? r.nextInt(2) : 0));
            }
            if (r.nextInt(4) == 0) {
                s.append(", line-capacity: {van: ").append(20 + r.nextInt(80)).append('}');
            }
            if (r.nextInt(4) == 0) {
                s.append(", status: {2024: ")
                        .append(r.nextBoolean() ? "idle" : "running")
                        .append('}');
            }
            s.append("}\n");
        }
        boolean engines = r.nextBoolean();
        s.append("products:\n");
        s.append("  v: {brand: B1, segment: van, platform: van, price: ")
                .append(8000 + r.nextInt(5000))
                .append(engines ? ", bom: {engine: 1}" : "")
                .append("}\n");
        s.append("  e: {brand: B2, segment: car, platform: leap, price: ")
                .append(9000 + r.nextInt(6000))
                .append("}\n");
        if (engines) {
            s.append(String.format(
                    Locale.ROOT,
                    "component-plants:\n  eng: {country: %s, component: engine, capacity: %d, unit-cost: %d,"
                            + " fixed-cost: %d}\n",
                    countries[r.nextInt(3)],
                    30 + r.nextInt(150),
                    300 + r.nextInt(1500),
                    r.nextInt(20_000)));
        }
        s.append("markets:\n");
        String[] markets = {"FR", "RU"};
        for (String m : markets) {
            s.append(String.format(
                    Locale.ROOT,
                    "  %s: {country: %s, demand: {v: %d, e: %d}%s}\n",
                    m,
                    m,
                    10 + r.nextInt(90),
                    r.nextInt(60),
                    cost ? ", lost-sale-penalty: " + (3000 + r.nextInt(20_000)) : ""));
        }
        s.append("lanes:\n");
        for (int p = 0; p < plants; p++) {
            for (String m : markets) {
                if (r.nextInt(5) > 0) {
                    s.append(String.format(
                            Locale.ROOT, "  - {from: p%d, to: %s, cost: %d}\n", p, m, 100 + r.nextInt(900)));
                }
            }
            if (engines) {
                s.append(String.format(Locale.ROOT, "  - {from: eng, to: p%d, cost: %d}\n", p, r.nextInt(200)));
            }
        }
        s.append("trade:\n  bans:\n");
        s.append(
                r.nextBoolean()
                        ? "    - {from: RU, to: EU, brands: [B1], years: " + (2023 + years) + "-}\n"
                        : "    []\n");
        s.append("  duties:\n");
        s.append(r.nextBoolean() ? "    - {from: EU, to: EAEU, rate: 15%}\n" : "    []\n");
        s.append("  local-content:\n");
        s.append(r.nextBoolean() ? "    - {to: EAEU, min-share: " + (10 + r.nextInt(40)) + "%}\n" : "    []\n");
        if (r.nextBoolean()) {
            s.append(String.format(
                    Locale.ROOT,
                    "commitments:\n  - {plant: p0, min-jobs: %d, min-output: %d}\n",
                    r.nextInt(200),
                    r.nextInt(40)));
        }
        return s.toString();
    }
}
