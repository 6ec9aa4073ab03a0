package footprint.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import footprint.model.Disruption;
import footprint.model.Figure;
import footprint.model.Network;
import footprint.model.YearRange;
import footprint.optimize.FixedPlanLp;
import footprint.optimize.Optimizer;
import footprint.optimize.Outages;
import footprint.optimize.Plan;
import footprint.optimize.SolveListener;
import footprint.optimize.SolveOptions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Disruptions: what a plant, a lane or a trade relation out for a year does, and how they are drawn. */
class DisruptionTest {
    /**
     * Two plants forced to run, one market of 800 vans a year, two years, no discounting, no fixed
     * costs. North's margin is 30000 − 10000 − 300 (road) = 19700 a van, or 19300 by rail; south's
     * 30000 − 12000 − 500 = 17500. North must make 500 a year. Nominal: north serves all, NPV
     * 2·800·19700 = 31.52e6.
     */
    static final String TWO = """
            footprint: 1
            name: two plants
            horizon: {from: 2024, to: 2025}
            currency: EUR
            countries:
              FR: {bloc: EU}
              ES: {bloc: EU}
            platforms:
              van: {}
            plants:
              north: {country: FR, capacity: 1000, variable-cost: 10000, platforms: [van]}
              south: {country: ES, capacity: 1000, variable-cost: 12000, platforms: [van]}
            products:
              expert: {brand: Peugeot, segment: van, platform: van, price: 30000}
            markets:
              FR: {country: FR, demand: {expert: 800}}
            lanes:
              - {from: north, to: FR, mode: road, cost: 300}
              - {from: north, to: FR, mode: rail, cost: 700}
              - {from: south, to: FR, mode: road, cost: 500}
            commitments:
              - {plant: north, min-output: 500}
            decisions:
              - {force: run, plant: north}
              - {force: run, plant: south}
            disruptions:
              - {id: fire, plant: north, probability: 50%, years: 2025}
              - {id: strike, lane: north->FR:road, probability: 20%}
              - {id: embargo, from: ES, to: FR, probability: 10%}
            """;

    static final double NORTH = 19700;
    static final double NORTH_RAIL = 19300;
    static final double SOUTH = 17500;

    private static Disruption event(Network n, String id) {
        return n.disruptions().stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static Outages strikes(Network n, Object... idAndYear) {
        Outages.Strike[] s = new Outages.Strike[idAndYear.length / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = new Outages.Strike(event(n, (String) idAndYear[2 * i]), (Integer) idAndYear[2 * i + 1]);
        }
        return Outages.of(List.of(s));
    }

    @Test
    void a_plant_a_lane_or_a_trade_relation_out_costs_what_the_hand_calculation_says() {
        Network n = RiskModels.read(TWO);
        Plan plan = Optimizer.solve(n, SolveOptions.plain().withShadowPrices(false), SolveListener.NONE);
        assertThat(plan.objective()).isCloseTo(2 * 800 * NORTH, within(1e-3));
        try (FixedPlanLp lp = FixedPlanLp.of(n, plan)) {
            // nominal: nothing strikes
            assertThat(lp.resolve(Figure::nominal, Outages.NONE).npv()).isCloseTo(2 * 800 * NORTH, within(1e-3));
            // north burns in 2025: south serves that year, and north owes no minimum output then
            FixedPlanLp.Evaluation fire = lp.resolve(Figure::nominal, strikes(n, "fire", 2025));
            assertThat(fire.npv()).isCloseTo(800 * NORTH + 800 * SOUTH, within(1e-3));
            assertThat(fire.lostSales()).isCloseTo(0, within(1e-9));
            // north's road closed in 2024: rail carries its vans (still cheaper than south)
            assertThat(lp.resolve(Figure::nominal, strikes(n, "strike", 2024)).npv())
                    .isCloseTo(800 * NORTH_RAIL + 800 * NORTH, within(1e-3));
            // an embargo on Spain alone changes nothing: north serves France
            assertThat(lp.resolve(Figure::nominal, strikes(n, "embargo", 2024, "embargo", 2025))
                            .npv())
                    .isCloseTo(2 * 800 * NORTH, within(1e-3));
            // north burning and Spain embargoed in 2025: nobody can serve France that year
            FixedPlanLp.Evaluation both = lp.resolve(Figure::nominal, strikes(n, "fire", 2025, "embargo", 2025));
            assertThat(both.npv()).isCloseTo(800 * NORTH, within(1e-3));
            assertThat(both.lostSales()).isCloseTo(800, within(1e-6));
            // and back to nominal: the kept LP forgets the outages
            FixedPlanLp.Evaluation again = lp.resolve(Figure::nominal, Outages.NONE);
            assertThat(again.npv()).isCloseTo(2 * 800 * NORTH, within(1e-3));
            // outages change bounds only: no sample needed an LP of its own
            assertThat(lp.rebuilds()).isZero();
            assertThat(both.rebuilt()).isFalse();
        }
        // a fresh LP agrees
        assertThat(FixedPlanLp.rebuild(n, plan, Figure::nominal, strikes(n, "fire", 2025))
                        .npv())
                .isCloseTo(800 * NORTH + 800 * SOUTH, within(1e-3));
        // and the best plan for that future, known in advance, is the same plan
        assertThat(Optimizer.solve(
                                n,
                                Figure::nominal,
                                strikes(n, "fire", 2025),
                                SolveOptions.plain().withShadowPrices(false),
                                SolveListener.NONE)
                        .objective())
                .isCloseTo(800 * NORTH + 800 * SOUTH, within(1e-3));
    }

    /**
     * South must make 300 a year (a tender): nominally north serves 500 and south 300, NPV
     * 2·(500·19700 + 300·17500) = 30.2e6. With Spain's exports to France stopped in 2024, south
     * cannot ship; its minimum output is waived that year (force majeure) and north serves all 800:
     * 800·19700 + 500·19700 + 300·17500 = 30.86e6. Without the waiver the sample would be infeasible.
     */
    @Test
    void a_commitment_is_waived_at_a_plant_an_outage_touches() {
        Network n = RiskModels.read(TWO.replace("{plant: north, min-output: 500}", "{plant: south, min-output: 300}"));
        Plan plan = Optimizer.solve(n);
        assertThat(plan.objective()).isCloseTo(2 * (500 * NORTH + 300 * SOUTH), within(1e-3));
        try (FixedPlanLp lp = FixedPlanLp.of(n, plan)) {
            FixedPlanLp.Evaluation e = lp.resolve(Figure::nominal, strikes(n, "embargo", 2024));
            assertThat(e.status().hasPlan()).isTrue();
            assertThat(e.npv()).isCloseTo(800 * NORTH + 500 * NORTH + 300 * SOUTH, within(1e-3));
        }
    }

    @Test
    void each_disruption_strikes_a_year_with_its_probability_and_only_in_its_years() {
        Network n = RiskModels.read(TWO);
        Sampler sampler = Sampler.of(n);
        int samples = 10_000;
        int[] count = new int[3];
        int[] fireIn2024 = {0};
        for (int i = 0; i < samples; i++) {
            for (Outages.Strike s : sampler.outages(11, i).strikes()) {
                count[n.disruptions().indexOf(s.disruption())]++;
                if (s.disruption().id().equals("fire") && s.year() == 2024) {
                    fireIn2024[0]++;
                }
            }
        }
        // binomial counts: fire 1 year at 50 %, strike and embargo 2 years at 20 % and 10 %; four
        // standard deviations (fixed seed, so this never flakes; it fails if the rule is wrong)
        assertThat((double) count[0]).isCloseTo(0.5 * samples, within(4 * Math.sqrt(samples * 0.25)));
        assertThat((double) count[1]).isCloseTo(0.2 * 2 * samples, within(4 * Math.sqrt(2 * samples * 0.16)));
        assertThat((double) count[2]).isCloseTo(0.1 * 2 * samples, within(4 * Math.sqrt(2 * samples * 0.09)));
        assertThat(fireIn2024[0]).isZero();
        // sample i's strikes depend only on the seed and i
        assertThat(sampler.outages(11, 77).strikes())
                .isEqualTo(Sampler.of(n).outages(11, 77).strikes());
        assertThat(sampler.strikeCounts(sampler.always(event(n, "strike")))).containsExactly(0, 2, 0);
        assertThat(sampler.possibleYears(event(n, "fire"))).isEqualTo(1);
    }

    /**
     * A probability uniform on [0, 40 %], drawn once per future, over 10 years: a year strikes with
     * probability 20 % on average, but the strikes of one future move together, so the count of
     * years struck has variance 10·E[p(1−p)] + 100·Var[p] = 10·(0.2 − 0.0533) + 100·0.01333 = 2.80,
     * against 1.6 for a fixed 20 %.
     */
    @Test
    void a_probability_given_as_a_range_is_drawn_once_per_future() {
        Network n = RiskModels.read(TWO.replace("horizon: {from: 2024, to: 2025}", "horizon: {from: 2021, to: 2030}")
                        .replace("{plant: north, min-output: 500}", "{plant: north, min-output: 0}"))
                .withDisruptions(List.of(new Disruption(
                        "flood",
                        java.util.Optional.of("south"),
                        java.util.Optional.empty(),
                        List.of(),
                        List.of(),
                        Figure.of(footprint.model.Quantity.Range.of(0, 0.4)),
                        YearRange.ALL,
                        java.util.Optional.empty())));
        Sampler sampler = Sampler.of(n);
        int samples = 20_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < samples; i++) {
            double k = sampler.strikeCounts(sampler.outages(2, i))[0];
            sum += k;
            squares += k * k;
        }
        double mean = sum / samples;
        double variance = squares / samples - mean * mean;
        // standard errors over 20,000 futures: mean 0.012, variance about 0.04
        assertThat(mean).isCloseTo(2.0, within(0.05));
        assertThat(variance).isCloseTo(2.80, within(0.2));
    }

    @Test
    void adding_disruptions_leaves_every_input_draw_unchanged() {
        Network with = RiskModels.read(RiskModels.FORMS)
                .withDisruptions(List.of(Disruption.plant("fire", "north", 0.3, YearRange.ALL)));
        Network without = with.withDisruptions(List.of());
        for (int i = 0; i < 50; i++) {
            assertThat(Sampler.of(with).draw(3, i))
                    .containsExactly(Sampler.of(without).draw(3, i));
        }
        assertThat(Sampler.of(without).outages(3, 0).isEmpty()).isTrue();
    }

    /**
     * {@link RiskModels#LINEAR} (NPV = 19700·D − 12e6, D uniform on [600, 1400]) with the plant
     * out in its one year with probability 1/4: then it sells nothing and still pays its fixed cost,
     * NPV −12e6. Mean 0.75·7.7e6 − 0.25·12e6 = 2.775e6; P(loss) = 0.25 + 0.75·(9.14/800) = 0.2586.
     */
    @Test
    void a_plant_out_with_probability_one_quarter_gives_the_closed_form_mixture() {
        Network n = RiskModels.read(RiskModels.LINEAR)
                .withDisruptions(List.of(Disruption.plant("fire", "north", 0.25, YearRange.ALL)));
        Plan plan = Optimizer.solve(n);
        RiskReport r = RiskAnalysis.run(
                n, plan, RiskAnalysis.Options.of(2000, 5), new LocalExecutor(2), SampleExecutor.Progress.NONE);

        assertThat(r.infeasible()).isZero();
        for (SampleResult s : r.results()) {
            boolean struck = s.inputs()[1] > 0;
            double expected = struck ? -12e6 : 19700 * s.inputs()[0] - 12e6;
            assertThat(s.npv()).isCloseTo(expected, within(1e-3));
        }
        long struck = r.results().stream().filter(s -> s.inputs()[1] > 0).count();
        // 2000 draws at 1/4: standard deviation 19.4; four of them
        assertThat((double) struck).isCloseTo(500, within(78.0));
        // standard error of the mean 0.21e6 (sd 9.4e6 over 2000 draws); about five of them
        assertThat(r.npv().mean()).isCloseTo(2.775e6, within(1.0e6));
        assertThat(r.probabilityOfLoss()).isCloseTo(0.2586, within(0.04));

        Driver fire = r.drivers().stream()
                .filter(d -> d.path().equals("disruptions[fire]"))
                .findFirst()
                .orElseThrow();
        assertThat(fire.spearman()).isLessThan(-0.5);
        assertThat(fire.npvAtLow()).isCloseTo(19700 * 1000 - 12e6, within(1e-3));
        assertThat(fire.npvAtHigh()).isCloseTo(-12e6, within(1e-3));
        assertThat(fire.high()).isEqualTo(1);
        // the fire is the widest bar of the tornado
        assertThat(r.drivers().get(0).path()).isEqualTo("disruptions[fire]");
    }

    @Test
    void strikes_are_the_same_whatever_the_thread_count() {
        Network n = RiskModels.read(TWO);
        Plan plan = Optimizer.solve(n);
        RiskAnalysis.Options o = RiskAnalysis.Options.of(60, 9).withSwings(false);
        RiskReport one = RiskAnalysis.run(n, plan, o, new LocalExecutor(1), SampleExecutor.Progress.NONE);
        RiskReport two = RiskAnalysis.run(n, plan, o, new LocalExecutor(2), SampleExecutor.Progress.NONE);
        for (int i = 0; i < 60; i++) {
            assertThat(one.results().get(i).inputs())
                    .containsExactly(two.results().get(i).inputs());
            assertThat(one.results().get(i).npv())
                    .isCloseTo(two.results().get(i).npv(), within(1e-6));
        }
        // some samples were struck, and those cost money
        assertThat(one.results().stream()
                        .anyMatch(s -> Arrays.stream(s.inputs()).sum() > 0))
                .isTrue();
        assertThat(one.npv().mean()).isLessThan(2 * 800 * NORTH);
    }
}
