package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import footprint.model.Network;
import footprint.model.PlantStatus;
import org.junit.jupiter.api.Test;

/** Two plants, two markets, one ban, one duty: the optimum worked out by hand. */
class HandSolvedTest {
    /*
     * One year, no discounting. north (FR, EU): capacity 1000, fixed 1.0M, 10,000 a vehicle.
     * east (RU, EAEU): capacity 300, fixed 0.5M, 6,000 a vehicle. One van, price 30,000 in FR and
     * 25,000 in RU; demand FR 900, RU 500. Freight north->FR 300, north->RU 1,000, east->RU 200,
     * east->FR 900. Ban RU -> EU on Peugeot; duty EU -> EAEU 20 % of the price (5,000).
     *
     * Margin per vehicle: north->FR 30,000-10,000-300 = 19,700; north->RU 25,000-10,000-1,000-5,000
     * = 9,000; east->RU 25,000-6,000-200 = 18,800; east->FR banned (it would be 23,100).
     *
     * east fills its 300 with RU (18,800). north serves FR 900 (19,700 > 9,000), and its last 100
     * go to RU at 9,000 > 0. RU loses 100. Both plants run (each margin covers its fixed cost).
     *
     * NPV = 300*18,800 + 900*19,700 + 100*9,000 - 1.5M = 5.64M + 17.73M + 0.9M - 1.5M = 22.77M.
     * revenue 900*30,000 + 400*25,000 = 37M; variable 1,000*10,000 + 300*6,000 = 11.8M; freight
     * 270k + 100k + 60k = 430k; duties 100*5,000 = 500k; fixed 1.5M.
     * Shadow prices: one more vehicle at north goes to RU (9,000); at east it replaces a lost RU
     * sale from nobody (18,800).
     */
    static final String MODEL = """
            footprint: 1
            name: hand-solved
            horizon: {from: 2024, to: 2024}
            currency: EUR
            countries:
              FR: {bloc: EU}
              RU: {bloc: EAEU}
            platforms:
              van: {}
            plants:
              north: {country: FR, capacity: 1000, fixed-cost: 1.0e6, variable-cost: 10000, platforms: [van]}
              east: {country: RU, capacity: 300, fixed-cost: 0.5e6, variable-cost: 6000, platforms: [van]}
            products:
              expert: {brand: Peugeot, segment: van, platform: van, price: {FR: 30000, RU: 25000}}
            markets:
              FR: {country: FR, demand: {expert: 900}}
              RU: {country: RU, demand: {expert: 500}}
            lanes:
              - {from: north, to: FR, cost: 300}
              - {from: north, to: RU, cost: 1000}
              - {from: east, to: RU, cost: 200}
              - {from: east, to: FR, cost: 900}
            trade:
              bans:
                - {from: RU, to: EU, brands: [Peugeot]}
              duties:
                - {from: EU, to: EAEU, rate: 20%}
            """;

    @Test
    void finds_the_hand_solved_optimum() {
        Network n = Models.read(MODEL);
        Plan plan = Optimizer.solve(n);

        assertThat(plan.status()).isEqualTo(SolveStatus.OPTIMAL);
        assertThat(plan.objective()).isCloseTo(22.77e6, within(1.0));
        assertThat(plan.flow("east", "expert", "RU", 2024)).isCloseTo(300, within(1e-6));
        assertThat(plan.flow("north", "expert", "FR", 2024)).isCloseTo(900, within(1e-6));
        assertThat(plan.flow("north", "expert", "RU", 2024)).isCloseTo(100, within(1e-6));
        assertThat(plan.flow("east", "expert", "FR", 2024)).isZero();
        assertThat(plan.lostSales()).singleElement().satisfies(l -> {
            assertThat(l.market()).isEqualTo("RU");
            assertThat(l.volume()).isCloseTo(100, within(1e-6));
        });
        Plan.Kpis k = plan.kpis();
        assertThat(k.revenue()).isCloseTo(37e6, within(1.0));
        assertThat(k.variableCost()).isCloseTo(11.8e6, within(1.0));
        assertThat(k.freight()).isCloseTo(430e3, within(1.0));
        assertThat(k.duties()).isCloseTo(500e3, within(1.0));
        assertThat(k.fixedCost()).isCloseTo(1.5e6, within(1.0));
        assertThat(k.npv()).isCloseTo(22.77e6, within(1.0));
        assertThat(plan.plant("north", 2024).orElseThrow().status()).isEqualTo(PlantStatus.RUNNING);
        assertThat(plan.plant("north", 2024).orElseThrow().capacityShadowPrice())
                .isCloseTo(9000, within(1e-6));
        assertThat(plan.plant("east", 2024).orElseThrow().capacityShadowPrice()).isCloseTo(18800, within(1e-6));
        PlanInvariants.check(n, plan);
    }

    @Test
    void the_ban_costs_what_the_banned_lane_would_have_earned() {
        /*
         * Without the ban, east->FR earns 23,100 against north->FR's 19,700 (+3,400 a vehicle), but
         * east->RU earns 18,800 against north->RU's 9,000 (+9,800): east keeps RU, the plan stays.
         * So with east this small the ban does not bind; with east at capacity 800 it would. The
         * test below widens east and checks both answers.
         *
         * east 800 with the ban: east RU 500 (18,800); north FR 900 (19,700) and 100 left, no RU
         * demand left: NPV = 9.4M + 17.73M - 1.5M = 25.63M.
         * east 800 without the ban: east RU 500 + FR 300 (23,100), north FR 600: 9.4M + 6.93M +
         * 11.82M - 1.5M = 26.65M.
         */
        String wide = MODEL.replace("east: {country: RU, capacity: 300", "east: {country: RU, capacity: 800");
        assertThat(Optimizer.solve(Models.read(wide)).objective()).isCloseTo(25.63e6, within(1.0));
        String unbanned = wide.replace("    - {from: RU, to: EU, brands: [Peugeot]}\n", "    []\n")
                .replace("  bans:\n    []\n", "");
        Plan free = Optimizer.solve(Models.read(unbanned));
        assertThat(free.objective()).isCloseTo(26.65e6, within(1.0));
        assertThat(free.flow("east", "expert", "FR", 2024)).isCloseTo(300, within(1e-6));
    }

    @Test
    void the_duty_is_paid_on_the_price_of_each_vehicle_that_crosses() {
        // Without the duty north->RU earns 14,000 instead of 9,000: the same plan, 100 * 5,000 more.
        String dutyFree = MODEL.replace("rate: 20%", "rate: 0%");
        Plan plan = Optimizer.solve(Models.read(dutyFree));
        assertThat(plan.objective()).isCloseTo(22.77e6 + 0.5e6, within(1.0));
        assertThat(plan.kpis().duties()).isCloseTo(0, within(1e-6));
    }
}
