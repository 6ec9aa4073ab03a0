package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import footprint.model.Network;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Marginal values, reduced costs of unused lanes and unused options, worked out by hand. */
class WhyTest {
    /*
     * One year (no discounting), group share 100 %. north (FR, EU): capacity 1,000, fixed 1.0M,
     * 10,000 a van, 25,000 an electric van, and the option to tool the electric platform (2.0M, no
     * lead time). east (RU, EAEU): capacity 300, fixed 0.5M, 6,000 a van. expert sells at 30,000 in
     * FR and 25,000 in RU, e-expert at 40,000 in FR. Demand: FR 900 expert + 100 e-expert, RU 500
     * expert. Freight north->FR 300 by road, 500 by rail; north->RU 1,000; east->RU 200; east->FR
     * 900. Duty EU -> EAEU 20 % of the price (5,000). No ban.
     *
     * Margins: north->FR 19,700; north->RU 25,000-10,000-1,000-5,000 = 9,000; east->RU 18,800;
     * east->FR 30,000-6,000-900 = 23,100; e-expert north->FR 40,000-25,000-300 = 14,700.
     *
     * Plan (as HandSolvedTest): east 300 to RU, north 900 to FR and 100 to RU, RU loses 100, FR loses
     * the 100 e-expert (tooling costs 2.0M; its 100 vans would earn 100 x (14,700 - 9,000) = 0.57M
     * net of the RU vans they displace). NPV 22.77M.
     *
     * LP duals with the states and tooling fixed: RU loses sales, so its row is worth 0. north's
     * last vehicle goes to RU: its capacity is worth 9,000. east's flow to RU is basic: 18,800 - cap
     * = 0, so east's capacity is worth 18,800. north->FR is basic: 19,700 - 9,000 - demand(FR) = 0,
     * so one more expert in FR adds 10,700 (north sells it instead of a van for RU). e-expert is
     * lost: 0.
     *
     * Reduced costs: east->FR: 23,100 - 18,800 - 10,700 = -6,400, so its margin would have to rise
     * by 6,400 (check: moving one east van from RU to FR, with north moving one from FR to RU, gives
     * +23,100 - 18,800 - 19,700 + 9,000 = -6,400). north->FR by rail: the road lane carries the flow
     * at a reduced cost of 0, rail costs 200 more, so 200.
     *
     * The option to tool ev at north with every other decision kept: +0.57M - 2.0M = -1.43M.
     */
    static final String MODEL = """
            footprint: 1
            name: why
            horizon: {from: 2024, to: 2024}
            currency: EUR
            countries:
              FR: {bloc: EU}
              RU: {bloc: EAEU}
            platforms:
              van: {}
              ev: {}
            plants:
              north:
                country: FR
                capacity: 1000
                fixed-cost: 1.0e6
                variable-cost: {van: 10000, ev: 25000}
                platforms: [van]
                tooling: {ev: {investment: 2.0e6, lead-time: 0}}
              east: {country: RU, capacity: 300, fixed-cost: 0.5e6, variable-cost: 6000, platforms: [van]}
            products:
              expert: {brand: Peugeot, segment: van, platform: van, price: {FR: 30000, RU: 25000}}
              e-expert: {brand: Peugeot, segment: van, platform: ev, price: {FR: 40000}}
            markets:
              FR: {country: FR, demand: {expert: 900, e-expert: 100}}
              RU: {country: RU, demand: {expert: 500}}
            lanes:
              - {from: north, to: FR, cost: 300}
              - {from: north, to: FR, mode: rail, cost: 500}
              - {from: north, to: RU, cost: 1000}
              - {from: east, to: RU, cost: 200}
              - {from: east, to: FR, cost: 900}
            trade:
              duties:
                - {from: EU, to: EAEU, rate: 20%}
            """;

    @Test
    void reads_marginal_values_reduced_costs_and_options_worked_out_by_hand() {
        Network n = Models.read(MODEL);
        Plan plan = Optimizer.solve(n);

        assertThat(plan.objective()).isCloseTo(22.77e6, within(1.0));
        assertThat(plan.plant("north", 2024).orElseThrow().capacityShadowPrice())
                .isCloseTo(9000, within(1e-6));
        assertThat(plan.plant("east", 2024).orElseThrow().capacityShadowPrice()).isCloseTo(18800, within(1e-6));
        Why why = plan.why();
        assertThat(demand(why, "FR", "expert")).isCloseTo(10700, within(1e-6));
        assertThat(demand(why, "FR", "e-expert")).isCloseTo(0, within(1e-6));
        assertThat(demand(why, "RU", "expert")).isCloseTo(0, within(1e-6));

        assertThat(why.lanes())
                .extracting(Why.LaneValue::lane)
                .containsExactlyInAnyOrder("north->FR:rail", "east->FR:road");
        Why.LaneValue eastFr = lane(why, "east->FR:road");
        assertThat(eastFr.perUnit()).isCloseTo(6400, within(1e-6));
        assertThat(eastFr.reducedCost()).isCloseTo(6400, within(1e-6));
        assertThat(eastFr.item()).isEqualTo("expert");
        assertThat(eastFr.sourcing()).isFalse();
        assertThat(lane(why, "north->FR:rail").perUnit()).isCloseTo(200, within(1e-6));

        assertThat(why.options()).singleElement().satisfies(o -> {
            assertThat(o.action()).isEqualTo("tool");
            assertThat(o.plant()).isEqualTo("north");
            assertThat(o.platform()).isEqualTo(Optional.of("ev"));
            assertThat(o.year()).isEqualTo(2024);
            assertThat(o.possible()).isTrue();
            assertThat(o.reducedCost()).isCloseTo(1.43e6, within(1e-3));
        });
    }

    @Test
    void values_running_an_idle_plant_with_every_other_decision_kept() {
        /*
         * east's fixed cost raised to 6.0M: its 300 vans to RU earn 5.64M, less than the fixed cost,
         * so east idles (idle cost 0). Running it anyway, with north's plan kept: +5.64M - 6.0M, so
         * the plan gets 0.36M worse.
         */
        Network n = Models.read(MODEL.replace("fixed-cost: 0.5e6", "fixed-cost: 6.0e6"));
        Plan plan = Optimizer.solve(n);
        assertThat(plan.plant("east", 2024).orElseThrow().running()).isFalse();
        assertThat(plan.why().options())
                .filteredOn(o -> o.action().equals("run"))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.plant()).isEqualTo("east");
                    assertThat(o.reducedCost()).isCloseTo(0.36e6, within(1e-3));
                    assertThat(o.text()).isEqualTo("run east in 2024 (idle in the plan)");
                });
        // lanes out of an idle plant are its option's business, not the lanes'
        assertThat(plan.why().lanes()).extracting(Why.LaneValue::lane).doesNotContain("east->FR:road", "east->RU:road");
    }

    @Test
    void in_cost_mode_demand_costs_what_serving_one_more_vehicle_costs() {
        /*
         * Cost mode, every vehicle served, and north's capacity raised to 2,000 so that it can: east
         * serves RU at 6,000 + 200 = 6,200 a van; north serves FR at 10,300 and RU's other 200 at
         * 10,000 + 1,000 + 5,000 = 16,000 (the duty is on the price, which cost mode still knows).
         * One more van in FR costs 10,300, one more in RU 16,000 (east is full).
         */
        String cost = MODEL.replace("currency: EUR\n", "currency: EUR\nobjective: cost\n")
                .replace("capacity: 1000", "capacity: 2000")
                .replace(
                        "FR: {country: FR, demand: {expert: 900, e-expert: 100}}",
                        "FR: {country: FR, demand: {expert: 900}}");
        Plan plan = Optimizer.solve(Models.read(cost));
        assertThat(demand(plan.why(), "FR", "expert")).isCloseTo(10300, within(1e-6));
        assertThat(demand(plan.why(), "RU", "expert")).isCloseTo(16000, within(1e-6));
    }

    @Test
    void a_solve_without_shadow_prices_carries_no_why() {
        Plan plan =
                Optimizer.solve(Models.read(MODEL), SolveOptions.plain().withShadowPrices(false), SolveListener.NONE);
        assertThat(plan.why().isEmpty()).isTrue();
    }

    private static double demand(Why why, String market, String product) {
        return why.demand().stream()
                .filter(d -> d.market().equals(market) && d.product().equals(product))
                .findFirst()
                .orElseThrow()
                .perVehicle();
    }

    private static Why.LaneValue lane(Why why, String id) {
        return why.lanes().stream().filter(l -> l.lane().equals(id)).findFirst().orElseThrow();
    }
}
