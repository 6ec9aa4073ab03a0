package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import footprint.model.Network;
import footprint.model.Objective;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every speed technique ({@link Technique}) returns the plain MILP's proven optimum, with a bound
 * no better than the optimum: on the OR-Library cap41..cap134 (against the published optima), on
 * the random tiny networks of {@link BruteForceTest} (against the enumerated optimum) and on random
 * facility-location networks over several years, in both modes, where the Lagrangian, the repair
 * and the fixing apply (against the plain MILP).
 */
class TechniquesTest {
    /** Each technique alone, the three that work together, and all. */
    static final List<Set<Technique>> CONFIGURATIONS = List.of(
            EnumSet.of(Technique.LAZY_LINKING),
            EnumSet.of(Technique.LAGRANGIAN),
            EnumSet.of(Technique.WARM_START),
            EnumSet.of(Technique.REDUCED_COST_FIXING),
            EnumSet.allOf(Technique.class));

    static SolveOptions options(Backend b, Set<Technique> ts) {
        return SolveOptions.plain()
                .withBackend(b)
                .withGap(1e-9)
                .withShadowPrices(false)
                .withTechniques(ts);
    }

    /** cap41..cap134 with every technique; each alone on every sixth instance. */
    static Stream<Arguments> orlib() {
        List<Arguments> out = new ArrayList<>();
        List<Arguments> all = OrLibCapTest.instances().toList();
        for (int i = 0; i < all.size(); i++) {
            Object[] a = all.get(i).get();
            out.add(Arguments.of(a[0], a[1], EnumSet.allOf(Technique.class)));
            if (i % 6 == 0) {
                for (Set<Technique> ts : CONFIGURATIONS.subList(0, 4)) {
                    out.add(Arguments.of(a[0], a[1], ts));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("orlib")
    void orlib_instances_solve_to_the_published_optimum(String name, double optimum, Set<Technique> ts) {
        Network n = OrLibCap.parse(
                OrLibCapTest.read(OrLibCapTest.DIR.resolve(name + ".txt")), name, OptionalDouble.empty());
        Plan plan = Optimizer.solve(n, options(Backend.HIGHS, ts), SolveListener.NONE);

        assertThat(plan.status()).as(plan.notes().toString()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(plan.objective()).isCloseTo(optimum, within(1e-6 * optimum));
        assertThat(plan.bestBound()).isLessThanOrEqualTo(optimum * (1 + 1e-9));
        PlanInvariants.check(n, plan);
    }

    static IntStream seeds() {
        return IntStream.range(0, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void tiny_networks_give_the_enumerated_optimum(int seed) {
        String yaml = BruteForceTest.tiny(seed);
        Network n = Models.read(yaml);
        Double best = BruteForceTest.enumerate(FrozenNetwork.of(n));
        for (Set<Technique> ts : List.of(EnumSet.of(Technique.LAZY_LINKING), EnumSet.allOf(Technique.class))) {
            Plan plan = Optimizer.solve(n, options(Backend.HIGHS, ts), SolveListener.NONE);
            String what = "seed " + seed + " " + ts + ":\n" + yaml;
            if (best == null) {
                assertThat(plan.status()).as(what).isEqualTo(SolveStatus.INFEASIBLE);
            } else {
                assertThat(plan.status()).as(what).isEqualTo(SolveStatus.OPTIMAL);
                assertThat(plan.objective()).as(what).isCloseTo(best, within(1e-6 * Math.max(1, Math.abs(best))));
                PlanInvariants.check(n, plan);
            }
        }
    }

    static Stream<Arguments> facilities() {
        List<Arguments> out = new ArrayList<>();
        Backend[] backends = {Backend.HIGHS, Backend.SCIP, Backend.CBC};
        for (int seed = 0; seed < 24; seed++) {
            out.add(Arguments.of(seed, backends[seed % 3]));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "seed {0} {1}")
    @MethodSource("facilities")
    void facility_networks_give_the_plain_optimum_with_each_technique(int seed, Backend backend) {
        String yaml = facility(seed);
        Network n = Models.read(yaml);
        Plan plain = Optimizer.solve(n, options(Backend.HIGHS, Set.of()), SolveListener.NONE);
        // (a market without lanes and without lost sales makes the network infeasible instead)
        assertThat(
                        plain.status() == SolveStatus.INFEASIBLE
                                ? null
                                : Lagrangian.notApplicable(Formulation.build(
                                        FrozenNetwork.of(n),
                                        com.google.ortools.linearsolver.MPSolver.createSolver("GLOP"),
                                        Formulation.Settings.milp())))
                .as("the Lagrangian applies")
                .isNull();
        for (Set<Technique> ts : CONFIGURATIONS) {
            Plan plan = Optimizer.solve(n, options(backend, ts), SolveListener.NONE);
            String what = "seed " + seed + " " + backend + " " + ts + " " + plan.notes() + ":\n" + yaml;
            assertThat(plan.status()).as(what).isEqualTo(plain.status());
            if (!plain.status().hasPlan()) {
                continue;
            }
            double scale = Math.max(1, Math.abs(plain.objective()));
            assertThat(plan.objective()).as(what).isCloseTo(plain.objective(), within(1e-6 * scale));
            if (n.objective() == Objective.COST) {
                assertThat(plan.bestBound()).as(what).isLessThanOrEqualTo(plain.objective() + 1e-6 * scale);
            } else {
                assertThat(plan.bestBound()).as(what).isGreaterThanOrEqualTo(plain.objective() - 1e-6 * scale);
            }
            assertThat(plan.gap()).as(what).isLessThanOrEqualTo(1e-6);
            PlanInvariants.check(n, plan);
        }
    }

    @Test
    void techniques_read_from_a_list() {
        assertThat(Technique.parse("lazy-linking, lagrangian"))
                .containsExactlyInAnyOrder(Technique.LAZY_LINKING, Technique.LAGRANGIAN);
        assertThat(Technique.parse("none")).isEmpty();
        assertThat(Technique.parse("recommended")).isEqualTo(Technique.recommended());
        assertThat(Technique.parse("all")).containsExactlyInAnyOrder(Technique.values());
        assertThatThrownBy(() -> Technique.parse("magic"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lazy-linking");
        assertThat(SolveOptions.plain().techniques()).isEmpty();
        assertThat(SolveOptions.plain()
                        .withTechniques(Technique.recommended())
                        .withGap(0.01)
                        .techniques())
                .isEqualTo(Technique.recommended());
    }

    /**
     * On the reference case the warm start's MILP ends where HiGHS proves the default gap; its bound
     * is the plan plus exactly that gap, which came out 5e-17 above it by rounding, and the plan was
     * reported "found, not proved optimal" where the plain MILP says optimal.
     */
    @Test
    void a_plan_proved_within_the_gap_is_optimal_with_the_techniques_as_without() {
        Network n =
                footprint.io.ModelReader.read(ReferenceCaseTest.BASE).network().orElseThrow();
        Plan plan =
                Optimizer.solve(n, SolveOptions.plain().withTechniques(Technique.recommended()), SolveListener.NONE);

        assertThat(plan.status()).as(plan.notes().toString()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(plan.gap()).isLessThanOrEqualTo(SolveOptions.DEFAULT_GAP + 1e-12);
    }

    @Test
    void techniques_name_what_they_skip() {
        Network n = Models.read(BruteForceTest.tiny(3));
        Plan plan = Optimizer.solve(n, options(Backend.HIGHS, EnumSet.of(Technique.LAGRANGIAN)), SolveListener.NONE);
        if (Lagrangian.notApplicable(Formulation.build(
                        FrozenNetwork.of(n),
                        com.google.ortools.linearsolver.MPSolver.createSolver("GLOP"),
                        Formulation.Settings.milp()))
                != null) {
            assertThat(plan.notes()).anyMatch(s -> s.startsWith("no Lagrangian"));
        }
    }

    /**
     * A random network of facility-location shape: 3 to 7 plants with fixed, idle, closure and
     * reopening costs (some with a given status), one or two products, 4 to 9 markets, 1 to 3
     * years, cost mode (some markets with a lost-sale penalty) or NPV; lanes drawn at random.
     */
    static String facility(int seed) {
        Random r = new Random(seed);
        int plants = 3 + r.nextInt(5);
        int markets = 4 + r.nextInt(6);
        int years = 1 + r.nextInt(3);
        boolean cost = r.nextInt(3) > 0;
        boolean two = r.nextBoolean();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, """
                footprint: 1
                name: facility %d
                horizon: {from: 2024, to: %d}
                currency: EUR
                objective: %s
                discount-rate: %.3f
                countries:
                  FR: {bloc: EU}
                  DE: {bloc: EU}
                platforms:
                  van: {}
                plants:
                """, seed, 2023 + years, cost ? "cost" : "npv", r.nextDouble() * 0.1));
        for (int p = 0; p < plants; p++) {
            s.append(String.format(
                    Locale.ROOT,
                    "  p%d: {country: %s, capacity: %d, fixed-cost: %d, idle-cost: %d, closure-cost: %d,"
                            + " reopening-cost: %d, variable-cost: %d, platforms: [van]",
                    p,
                    r.nextBoolean() ? "FR" : "DE",
                    60 + r.nextInt(140),
                    50_000 + r.nextInt(400_000),
                    r.nextInt(80_000),
                    r.nextInt(150_000),
                    r.nextInt(100_000),
                    1000 + r.nextInt(4000)));
            if (r.nextInt(6) == 0) {
                s.append(", status: {2024: ")
                        .append(r.nextBoolean() ? "idle" : "running")
                        .append('}');
            }
            s.append("}\n");
        }
        s.append("products:\n  v: {brand: B1, segment: van, platform: van, price: ")
                .append(9000 + r.nextInt(6000))
                .append("}\n");
        if (two) {
            s.append("  w: {brand: B2, segment: van, platform: van, price: ")
                    .append(9000 + r.nextInt(6000))
                    .append("}\n");
        }
        s.append("markets:\n");
        for (int m = 0; m < markets; m++) {
            s.append(String.format(
                    Locale.ROOT,
                    "  m%d: {country: %s, demand: {v: %d%s}%s}\n",
                    m,
                    r.nextBoolean() ? "FR" : "DE",
                    5 + r.nextInt(60),
                    two ? ", w: " + (5 + r.nextInt(40)) : "",
                    cost && r.nextInt(3) == 0 ? ", lost-sale-penalty: " + (6000 + r.nextInt(12_000)) : ""));
        }
        s.append("lanes:\n");
        for (int p = 0; p < plants; p++) {
            for (int m = 0; m < markets; m++) {
                if (r.nextInt(4) > 0) {
                    s.append(String.format(
                            Locale.ROOT, "  - {from: p%d, to: m%d, cost: %d}\n", p, m, 100 + r.nextInt(2500)));
                }
            }
        }
        return s.toString();
    }
}
