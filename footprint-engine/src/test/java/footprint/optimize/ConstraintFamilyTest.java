package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import footprint.model.Network;
import footprint.model.PlantStatus;
import footprint.optimize.Formulation.Family;
import org.junit.jupiter.api.Test;

/**
 * One instance per constraint family, on which only that family binds: each test checks the
 * optimum worked out by hand, and that leaving the family out changes it (so the test fails if the
 * family is removed). Discount rate 0 unless stated; money in EUR.
 */
class ConstraintFamilyTest {
    static final double TOL = 1e-6;

    /** The top of every model: the years, the objective, three countries and two platforms. */
    static String header(int from, int to, String objective) {
        return """
                footprint: 1
                name: family test
                horizon: {from: %d, to: %d}
                currency: EUR
                objective: %s
                countries:
                  FR: {bloc: EU}
                  DE: {bloc: EU}
                  RU: {bloc: EAEU, currency: RUB}
                platforms:
                  van: {}
                  leap: {}
                """.formatted(from, to, objective);
    }

    static Plan solve(Network n) {
        Plan p = Optimizer.solve(n, SolveOptions.plain().withGap(1e-9), SolveListener.NONE);
        PlanInvariants.check(n, p);
        return p;
    }

    /**
     * Solves without a family, and without the rows for strength, which restate some families
     * per flow (x <= demand * tool) and would hide the family's absence.
     */
    static Plan solveWithout(Network n, Family family) {
        return Optimizer.solve(
                FrozenNetwork.of(n),
                Formulation.Settings.milp().without(family).without(Family.STRENGTH),
                SolveOptions.plain().withGap(1e-9).withShadowPrices(false),
                SolveListener.NONE,
                System.nanoTime());
    }

    // ---- demand ---------------------------------------------------------------------------------

    @Test
    void cost_mode_serves_all_demand() {
        // 100 vans at 1,000 + 50 freight, plus the fixed cost 10,000: cost 115,000. Without the
        // demand rows nothing need be built and the plant idles for free: 0.
        Network n = Models.read(header(2024, 2024, "cost") + """
                plants:
                  p: {country: FR, capacity: 500, fixed-cost: 10000, variable-cost: 1000, platforms: [van]}
                products:
                  v: {brand: B, segment: van, platform: van}
                markets:
                  FR: {country: FR, demand: {v: 100}}
                lanes:
                  - {from: p, to: FR, cost: 50}
                """);
        assertThat(solve(n).objective()).isCloseTo(115_000, within(TOL));
        assertThat(solveWithout(n, Family.DEMAND).objective()).isCloseTo(0, within(TOL));
    }

    @Test
    void segment_demand_splits_by_shares() {
        // segment volume 1,000, group share 10 %, shares 60/40: demand 60 and 40, all served (margin
        // 10,000 - 1,000 > 0): NPV = 100 * 9,000 = 900,000.
        Network n = Models.read(header(2024, 2024, "npv") + """
                plants:
                  p: {country: FR, capacity: 500, variable-cost: 1000, platforms: [van]}
                products:
                  a: {brand: B, segment: van, platform: van, price: 10000}
                  b: {brand: B, segment: van, platform: van, price: 10000}
                markets:
                  FR: {country: FR, segments: {vans: {volume: 1000, group-share: 10%, shares: {a: 0.6, b: 0.4}}}}
                lanes:
                  - {from: p, to: FR}
                """);
        Plan plan = solve(n);
        assertThat(plan.flow("p", "a", "FR", 2024)).isCloseTo(60, within(TOL));
        assertThat(plan.flow("p", "b", "FR", 2024)).isCloseTo(40, within(TOL));
        assertThat(plan.objective()).isCloseTo(900_000, within(TOL));
    }

    @Test
    void cost_mode_pays_the_penalty_where_lost_sales_are_cheaper() {
        // Serving costs 800 a van; the penalty is 500: all 100 are lost, cost 50,000 (the plant idles).
        Network n = Models.read(header(2024, 2024, "cost") + """
                plants:
                  p: {country: FR, capacity: 500, variable-cost: 800, platforms: [van]}
                products:
                  v: {brand: B, segment: van, platform: van}
                markets:
                  FR: {country: FR, demand: {v: 100}, lost-sale-penalty: 500}
                lanes:
                  - {from: p, to: FR}
                """);
        Plan plan = solve(n);
        assertThat(plan.objective()).isCloseTo(50_000, within(TOL));
        assertThat(plan.kpis().lostSalePenalty()).isCloseTo(50_000, within(TOL));
        assertThat(plan.lostSales())
                .singleElement()
                .satisfies(l -> assertThat(l.volume()).isCloseTo(100, within(TOL)));
    }

    // ---- plant states ---------------------------------------------------------------------------

    @Test
    void a_plant_is_in_exactly_one_state_a_year() {
        // Running loses 5M - 2M = 3M; idle costs 0.5M; closing costs 10M: idle, -0.5M. Without the
        // one-state row the plant could be in no state at all and pay nothing.
        Network n = Models.read(header(2024, 2024, "npv") + """
                plants:
                  p: {country: FR, capacity: 500, fixed-cost: 5e6, idle-cost: 0.5e6, closure-cost: 10e6, platforms: [van]}
                products:
                  v: {brand: B, segment: van, platform: van, price: 20000}
                markets:
                  FR: {country: FR, demand: {v: 100}}
                lanes:
                  - {from: p, to: FR}
                """);
        Plan plan = solve(n);
        assertThat(plan.objective()).isCloseTo(-0.5e6, within(TOL));
        assertThat(plan.plant("p", 2024).orElseThrow().status()).isEqualTo(PlantStatus.IDLE);
        assertThat(solveWithout(n, Family.PLANT_STATE).objective()).isCloseTo(0, within(TOL));
    }

    @Test
    void closing_pays_the_closure_cost_once() {
        // 2024 running (given) serving 100 at a margin of 2M against a fixed cost of 1M; 2025-2026
        // no demand: idle costs 1M a year, closing 1.5M once. Best: close in 2025 (1.5M < 2M).
        // NPV = 2M - 1M - 1.5M = -0.5M. Without the transition rows closure is free: 1M.
        Network n = Models.read(header(2024, 2026, "npv") + """
                plants:
                  p: {country: FR, capacity: 500, fixed-cost: 1e6, idle-cost: 1e6, closure-cost: 1.5e6, platforms: [van], status: {2024: running}}
                products:
                  v: {brand: B, segment: van, platform: van, price: 20000}
                markets:
                  FR: {country: FR, demand: {v: {2024: 100, 2025: 0}}}
                lanes:
                  - {from: p, to: FR}
                """);
        Plan plan = solve(n);
        assertThat(plan.objective()).isCloseTo(-0.5e6, within(TOL));
        assertThat(plan.kpis().closureCost()).isCloseTo(1.5e6, within(TOL));
        assertThat(plan.plant("p", 2026).orElseThrow().status()).isEqualTo(PlantStatus.CLOSED);
        assertThat(plan.decisions()).anySatisfy(d -> assertThat(d.action()).isEqualTo("close"));
        assertThat(solveWithout(n, Family.TRANSITIONS).objective()).isCloseTo(1e6, within(TOL));
    }

    @Test
    void running_again_after_idling_pays_the_reopening_cost() {
        // Idle in 2024 (given, no cost); 2025: margin 2M, fixed 0.5M, reopening 0.8M: run, 0.7M.
        // Without the transition rows the reopening is free: 1.5M.
        Network n = Models.read(header(2024, 2025, "npv") + """
                plants:
                  p: {country: FR, capacity: 500, fixed-cost: 0.5e6, reopening-cost: 0.8e6, platforms: [van], status: {2024: idle}}
                products:
                  v: {brand: B, segment: van, platform: van, price: 20000}
                markets:
                  FR: {country: FR, demand: {v: 100}}
                lanes:
                  - {from: p, to: FR}
                """);
        Plan plan = solve(n);
        assertThat(plan.objective()).isCloseTo(0.7e6, within(TOL));
        assertThat(plan.kpis().reopeningCost()).isCloseTo(0.8e6, within(TOL));
        assertThat(solveWithout(n, Family.TRANSITIONS).objective()).isCloseTo(1.5e6, within(TOL));
    }

    @Test
    void a_closed_plant_stays_closed_unless_it_reopens() {
        // Closed in 2024 (given); in 2025 it must keep 100 jobs. Idle would keep 200 for 0.2M, but a
        // closed plant cannot idle: it runs again (reopening 1M, fixed 5M, nothing to sell): -6M.
        // Without the transition rows it would idle: -0.2M.
        Network n = Models.read(header(2024, 2025, "npv") + """
                plants:
                  p: {country: FR, capacity: 500, workforce: 500, idle-workforce: 200, fixed-cost: 5e6, idle-cost: 0.2e6, reopening-cost: 1e6, platforms: [van], status: {2024: closed}}
                products:
                  v: {brand: B, segment: van, platform: van, price: 20000}
                markets:
                  FR: {country: FR, demand: {v: 0}}
                lanes:
                  - {from: p, to: FR}
                commitments:
                  - {plant: p, min-jobs: 100, years: 2025}
                """);
        assertThat(solve(n).objective()).isCloseTo(-6e6, within(TOL));
        assertThat(solveWithout(n, Family.TRANSITIONS).objective()).isCloseTo(-0.2e6, within(TOL));
    }

    // ---- capacity -------------------------------------------------------------------------------

    @Test
    void a_plant_builds_at_most_its_capacity() {
        // Demand 150, capacity 100, margin 1,000: 100 built, 50 lost: 100,000; without: 150,000.
        Network n = Models.read(header(2024, 2024, "npv") + """
                plants:
                  p: {country: FR, capacity: 100, platforms: [van]}
                products:
                  v: {brand: B, segment: van, platform: van, price: 1000}
                markets:
                  FR: {country: FR, demand: {v: 150}}
                lanes:
                  - {from: p, to: FR}
                """);
        Plan plan = solve(n);
        assertThat(plan.objective()).isCloseTo(100_000, within(TOL));
        assertThat(plan.plant("p", 2024).orElseThrow().utilisation()).isCloseTo(1, within(TOL));
        assertThat(plan.plant("p", 2024).orElseThrow().capacityShadowPrice()).isCloseTo(1000, within(TOL));
        assertThat(solveWithout(n, Family.CAPACITY).objective()).isCloseTo(150_000, within(TOL));
    }

    @Test
    void a_line_limits_its_platform() {
        // Line capacity 60 for the van platform in a plant of 1,000: 60 built (60,000); without: 100.
        Network n = Models.read(header(2024, 2024, "npv") + """
                plants:
                  p: {country: FR, capacity: 1000, line-capacity: {van: 60}, platforms: [van]}
                products:
                  v: {brand: B, segment: van, platform: van, price: 1000}
                markets:
                  FR: {country: FR, demand: {v: 100}}
                lanes:
                  - {from: p, to: FR}
                """);
        assertThat(solve(n).objective()).isCloseTo(60_000, within(TOL));
        assertThat(solveWithout(n, Family.LINE_CAPACITY).objective()).isCloseTo(100_000, within(TOL));
    }

    // ---- tooling --------------------------------------------------------------------------------

    @Test
    void a_new_platform_is_built_only_once_tooled_after_its_lead_time() {
        // Tooling leap costs 1M with a lead time of 1 year: usable from 2025. Margin 100 * 20,000 =
        // 2M a year. Best: tool for 2025: 2M - 1M = 1M, paid in 2025. Without the tooling rows the
        // plant builds in 2025 without tooling: 2M.
        Network n = Models.read(header(2024, 2025, "npv") + """
                plants:
                  p: {country: FR, capacity: 500, platforms: [van], tooling: {leap: {investment: 1e6, lead-time: 1}}}
                products:
                  e: {brand: B, segment: car, platform: leap, price: 20000}
                markets:
                  FR: {country: FR, demand: {e: 100}}
                lanes:
                  - {from: p, to: FR}
                """);
        Plan plan = solve(n);
        assertThat(plan.objective()).isCloseTo(1e6, within(TOL));
        assertThat(plan.flow("p", "e", "FR", 2024)).isZero();
        assertThat(plan.flow("p", "e", "FR", 2025)).isCloseTo(100, within(TOL));
        assertThat(plan.investments()).singleElement().satisfies(i -> {
            assertThat(i.year()).isEqualTo(2025);
            assertThat(i.amount()).isCloseTo(1e6, within(TOL));
        });
        assertThat(plan.kpis().investment()).isCloseTo(1e6, within(TOL));
        assertThat(solveWithout(n, Family.TOOLING).objective()).isCloseTo(2e6, within(TOL));
    }

    @Test
    void tooling_that_does_not_pay_is_not_bought() {
        // The same with an investment of 3M: not worth it, NPV 0, no investment.
        Network n = Models.read(header(2024, 2025, "npv") + """
                plants:
                  p: {country: FR, capacity: 500, platforms: [van], tooling: {leap: {investment: 3e6, lead-time: 1}}}
                products:
                  e: {brand: B, segment: car, platform: leap, price: 20000}
                markets:
                  FR: {country: FR, demand: {e: 100}}
                lanes:
                  - {from: p, to: FR}
                """);
        Plan plan = solve(n);
        assertThat(plan.objective()).isCloseTo(0, within(TOL));
        assertThat(plan.investments()).isEmpty();
    }

    // ---- components -----------------------------------------------------------------------------

    static final String COMPONENT_MODEL = """
            components:
              engine: {unit: engine}
            plants:
              p: {country: FR, capacity: 500, platforms: [van]}
            products:
              v: {brand: B, segment: van, platform: van, bom: {engine: 1}, price: 10000}
            component-plants:
              e: {country: FR, component: engine, capacity: %s, unit-cost: 1000}
            markets:
              FR: {country: FR, demand: {v: 100}}
            lanes:
              - {from: p, to: FR}
              - {from: e, to: p, cost: 100}
            """;

    @Test
    void vehicles_consume_components_by_bill_of_materials() {
        // 100 vans, each with an engine at 1,000 + 100 freight: NPV = 100 * (10,000 - 1,100) =
        // 890,000; without the component rows the engines are free: 1,000,000.
        Network n = Models.read(header(2024, 2024, "npv") + COMPONENT_MODEL.formatted("1000"));
        Plan plan = solve(n);
        assertThat(plan.objective()).isCloseTo(890_000, within(TOL));
        assertThat(plan.kpis().componentCost()).isCloseTo(110_000, within(TOL));
        assertThat(plan.componentFlows())
                .singleElement()
                .satisfies(c -> assertThat(c.volume()).isCloseTo(100, within(TOL)));
        assertThat(solveWithout(n, Family.COMPONENTS).objective()).isCloseTo(1_000_000, within(TOL));
    }

    @Test
    void a_component_plant_ships_at_most_its_capacity() {
        // 60 engines: 60 vans at 8,900 = 534,000; without the capacity row: 890,000.
        Network n = Models.read(header(2024, 2024, "npv") + COMPONENT_MODEL.formatted("60"));
        assertThat(solve(n).objective()).isCloseTo(534_000, within(TOL));
        assertThat(solveWithout(n, Family.COMPONENT_CAPACITY).objective()).isCloseTo(890_000, within(TOL));
    }

    @Test
    void component_capacity_converts_energy_units() {
        // 0.0005 GWh a year = 500 kWh; 10 kWh a car: 50 cars at 10,000 - 10 * 5 = 9,950 = 497,500.
        Network n = Models.read(header(2024, 2024, "npv") + """
                components:
                  battery: {unit: kWh}
                plants:
                  p: {country: FR, capacity: 500, platforms: [van]}
                products:
                  v: {brand: B, segment: car, platform: van, bom: {battery: 10}, price: 10000}
                component-plants:
                  b: {country: FR, component: battery, capacity: {value: 0.0005, unit: GWh/year}, unit-cost: 5}
                markets:
                  FR: {country: FR, demand: {v: 100}}
                lanes:
                  - {from: p, to: FR}
                  - {from: b, to: p}
                """);
        Plan plan = solve(n);
        assertThat(plan.flow("p", "v", "FR", 2024)).isCloseTo(50, within(TOL));
        assertThat(plan.objective()).isCloseTo(497_500, within(TOL));
    }

    @Test
    void a_component_nobody_makes_is_not_limited() {
        // The bom names a gearbox no component plant makes: 100 vans, no component cost.
        Network n = Models.read(header(2024, 2024, "npv") + """
                components:
                  gearbox: {unit: gearbox}
                plants:
                  p: {country: FR, capacity: 500, platforms: [van]}
                products:
                  v: {brand: B, segment: van, platform: van, bom: {gearbox: 1}, price: 1000}
                markets:
                  FR: {country: FR, demand: {v: 100}}
                lanes:
                  - {from: p, to: FR}
                """);
        assertThat(solve(n).objective()).isCloseTo(100_000, within(TOL));
    }

    @Test
    void a_component_ban_stops_the_supply_lane() {
        // Engines from RU to the EU are banned from 2025: the FR engine plant (1,500) takes over from
        // the RU one (1,000). 2024: 100 * (10,000 - 1,000) = 900,000; 2025: 100 * 8,500 = 850,000.
        Network n = Models.read(header(2024, 2025, "npv") + """
                components:
                  engine: {unit: engine}
                plants:
                  p: {country: FR, capacity: 500, platforms: [van]}
                products:
                  v: {brand: B, segment: van, platform: van, bom: {engine: 1}, price: 10000}
                component-plants:
                  ru: {country: RU, component: engine, capacity: 1000, unit-cost: 1000}
                  fr: {country: FR, component: engine, capacity: 1000, unit-cost: 1500}
                markets:
                  FR: {country: FR, demand: {v: 100}}
                lanes:
                  - {from: p, to: FR}
                  - {from: ru, to: p}
                  - {from: fr, to: p}
                trade:
                  bans:
                    - {from: RU, to: EU, components: [engine], years: 2025-}
                """);
        Plan plan = solve(n);
        assertThat(plan.objective()).isCloseTo(1_750_000, within(TOL));
        assertThat(plan.componentFlows())
                .filteredOn(c -> c.year() == 2025)
                .allSatisfy(c -> assertThat(c.componentPlant()).isEqualTo("fr"));
    }

    // ---- trade ----------------------------------------------------------------------------------

    @Test
    void local_assembly_meets_a_local_content_minimum() {
        // RU (EAEU) demands 50 % local value. The FR plant earns 30 a car, the RU plant 10. Value is
        // the price (no components): a RU-built car is 100 % local, a FR-built one 0 %. So at least
        // 50 of the 100 come from RU: 50 * 10 + 50 * 30 = 2,000; without the rule: 3,000.
        Network n = Models.read(header(2024, 2024, "npv") + """
                plants:
                  fr: {country: FR, capacity: 500, variable-cost: 70, platforms: [van]}
                  ru: {country: RU, capacity: 500, variable-cost: 90, platforms: [van]}
                products:
                  v: {brand: B, segment: van, platform: van, price: 100}
                markets:
                  RU: {country: RU, demand: {v: 100}}
                lanes:
                  - {from: fr, to: RU}
                  - {from: ru, to: RU}
                trade:
                  local-content:
                    - {to: EAEU, min-share: 50%}
                """);
        Plan plan = solve(n);
        assertThat(plan.flow("ru", "v", "RU", 2024)).isCloseTo(50, within(TOL));
        assertThat(plan.objective()).isCloseTo(2_000, within(TOL));
        assertThat(solveWithout(n, Family.LOCAL_CONTENT).objective()).isCloseTo(3_000, within(TOL));
    }

    @Test
    void local_components_count_toward_local_content() {
        // One FR plant builds 100 cars for RU (price 100). Engines are worth 60 (both engine plants
        // make them at 60); RU engines travel at 10, FR engines free. The rule asks 50 % local: the
        // local value is 60 per car with a RU engine, so 60 u >= 50 * 100: u >= 83.33 RU engines.
        // NPV = 100 * (100 - 60) - 83.33 * 10 = 3,166.67; without the rule: 4,000.
        Network n = Models.read(header(2024, 2024, "npv") + """
                components:
                  engine: {unit: engine}
                plants:
                  fr: {country: FR, capacity: 500, platforms: [van]}
                products:
                  v: {brand: B, segment: van, platform: van, bom: {engine: 1}, price: 100}
                component-plants:
                  ru-engines: {country: RU, component: engine, capacity: 1000, unit-cost: 60}
                  fr-engines: {country: FR, component: engine, capacity: 1000, unit-cost: 60}
                markets:
                  RU: {country: RU, demand: {v: 100}}
                lanes:
                  - {from: fr, to: RU}
                  - {from: ru-engines, to: fr, cost: 10}
                  - {from: fr-engines, to: fr}
                trade:
                  local-content:
                    - {to: EAEU, min-share: 50%}
                """);
        Plan plan = solve(n);
        assertThat(plan.objective()).isCloseTo(4000 - 10 * 5000.0 / 60, within(1e-4));
        assertThat(solveWithout(n, Family.LOCAL_CONTENT).objective()).isCloseTo(4_000, within(TOL));
    }

    @Test
    void a_ban_by_year_closes_the_lane_from_that_year() {
        // RU -> EU banned from 2025 for brand B; the RU plant (margin 5,000) serves FR in 2024 only;
        // the FR plant (margin 3,000) takes over: 100 * 5,000 + 100 * 3,000 = 800,000.
        Network n = Models.read(header(2024, 2025, "npv") + """
                plants:
                  ru: {country: RU, capacity: 500, variable-cost: 5000, platforms: [van]}
                  fr: {country: FR, capacity: 500, variable-cost: 7000, platforms: [van]}
                products:
                  v: {brand: B, segment: van, platform: van, price: 10000}
                markets:
                  FR: {country: FR, demand: {v: 100}}
                lanes:
                  - {from: ru, to: FR}
                  - {from: fr, to: FR}
                trade:
                  bans:
                    - {from: RU, to: EU, brands: [B], years: 2025-}
                """);
        Plan plan = solve(n);
        assertThat(plan.objective()).isCloseTo(800_000, within(TOL));
        assertThat(plan.flow("ru", "v", "FR", 2025)).isZero();
    }

    // ---- commitments and decisions --------------------------------------------------------------

    @Test
    void a_running_plant_keeps_its_minimum_output() {
        // Running (given) and losing 2,000 a car; a commitment of 80 cars: -160,000; without: 0.
        Network n = Models.read(header(2024, 2024, "npv") + """
                plants:
                  p: {country: FR, capacity: 500, variable-cost: 12000, platforms: [van], status: {2024: running}}
                products:
                  v: {brand: B, segment: van, platform: van, price: 10000}
                markets:
                  FR: {country: FR, demand: {v: 100}}
                lanes:
                  - {from: p, to: FR}
                commitments:
                  - {plant: p, min-output: 80}
                """);
        assertThat(solve(n).objective()).isCloseTo(-160_000, within(TOL));
        assertThat(solveWithout(n, Family.MIN_OUTPUT).objective()).isCloseTo(0, within(TOL));
    }

    @Test
    void jobs_kept_make_a_plant_idle_instead_of_closing() {
        // Running: margin 1M - fixed 5M; idle 0.5M; closed free. 300 jobs must be kept: idle keeps
        // 400, so idle: -0.5M; without the rule it closes: 0.
        Network n = Models.read(header(2024, 2024, "npv") + """
                plants:
                  p: {country: FR, capacity: 500, workforce: 1000, idle-workforce: 400, fixed-cost: 5e6, idle-cost: 0.5e6, platforms: [van]}
                products:
                  v: {brand: B, segment: van, platform: van, price: 10000}
                markets:
                  FR: {country: FR, demand: {v: 100}}
                lanes:
                  - {from: p, to: FR}
                commitments:
                  - {plant: p, min-jobs: 300}
                """);
        Plan plan = solve(n);
        assertThat(plan.objective()).isCloseTo(-0.5e6, within(TOL));
        assertThat(plan.plant("p", 2024).orElseThrow().jobs()).isEqualTo(400);
        assertThat(solveWithout(n, Family.MIN_JOBS).objective()).isCloseTo(0, within(TOL));
    }

    @Test
    void a_forced_idle_holds_even_when_running_pays() {
        // Idle in 2024 by a forced decision, although running would earn 100 * 10,000 = 1M. (The
        // freeze already builds no flow from a plant that may not run.)
        Network n = Models.read(header(2024, 2024, "npv") + """
                plants:
                  p: {country: FR, capacity: 500, platforms: [van]}
                products:
                  v: {brand: B, segment: van, platform: van, price: 10000}
                markets:
                  FR: {country: FR, demand: {v: 100}}
                lanes:
                  - {from: p, to: FR}
                decisions:
                  - {id: stop, force: idle, plant: p, years: 2024}
                """);
        Plan plan = solve(n);
        assertThat(plan.objective()).isCloseTo(0, within(TOL));
        assertThat(plan.decisions()).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo("idle");
            assertThat(d.given()).isTrue();
        });
    }

    @Test
    void a_given_status_holds_even_when_idling_pays() {
        // Running in 2025 as given, with nothing to sell and a fixed cost of 1M: -1M; idle is free,
        // so without the rows for given statuses: 0.
        Network n = Models.read(header(2024, 2025, "npv") + """
                plants:
                  p: {country: FR, capacity: 500, fixed-cost: 1e6, platforms: [van], status: {2024: idle, 2025: running}}
                products:
                  v: {brand: B, segment: van, platform: van, price: 10000}
                markets:
                  FR: {country: FR, demand: {v: 0}}
                lanes:
                  - {from: p, to: FR}
                """);
        Plan plan = solve(n);
        assertThat(plan.objective()).isCloseTo(-1e6, within(TOL));
        assertThat(plan.decisions())
                .singleElement()
                .satisfies(
                        d -> assertThat(d.text()).isEqualTo("p runs again from 2025 (reopening after idle) (given)"));
        assertThat(solveWithout(n, Family.GIVEN).objective()).isCloseTo(0, within(TOL));
    }

    @Test
    void a_forced_tooling_is_bought_even_when_it_does_not_pay() {
        // Tooling leap costs 3M and earns 2M in 2025: forced from 2025, NPV -1M; without: 0.
        Network n = Models.read(header(2024, 2025, "npv") + """
                plants:
                  p: {country: FR, capacity: 500, platforms: [van], tooling: {leap: {investment: 3e6, lead-time: 1}}}
                products:
                  e: {brand: B, segment: car, platform: leap, price: 20000}
                markets:
                  FR: {country: FR, demand: {e: 100}}
                lanes:
                  - {from: p, to: FR}
                decisions:
                  - {force: tool, plant: p, platform: leap, years: 2025-}
                """);
        assertThat(solve(n).objective()).isCloseTo(-1e6, within(TOL));
        assertThat(solveWithout(n, Family.GIVEN).objective()).isCloseTo(0, within(TOL));
    }

    @Test
    void a_forbidden_platform_tooled_at_the_start_is_not_used() {
        // The van platform is forbidden in 2025: 2024 only, 100 * 1,000.
        Network n = Models.read(header(2024, 2025, "npv") + """
                plants:
                  p: {country: FR, capacity: 500, platforms: [van]}
                products:
                  v: {brand: B, segment: van, platform: van, price: 1000}
                markets:
                  FR: {country: FR, demand: {v: 100}}
                lanes:
                  - {from: p, to: FR}
                decisions:
                  - {forbid: tool, plant: p, platform: van, years: 2025}
                """);
        assertThat(solve(n).objective()).isCloseTo(100_000, within(TOL));
    }

    // ---- money ----------------------------------------------------------------------------------

    @Test
    void a_joint_venture_counts_at_the_group_share() {
        // 70 % owned: 100 * (10,000 - 4,000) - 200,000 fixed = 400,000, of which 280,000 count. The
        // 50 % engine plant's fixed cost of 10,000 counts 5,000; its engines (1,000) at the
        // plant's 70 %: 70,000. NPV = 280,000 - 70,000 - 5,000 = 205,000.
        Network n = Models.read(header(2024, 2024, "npv") + """
                components:
                  engine: {unit: engine}
                plants:
                  p: {country: FR, ownership: 70%, capacity: 500, fixed-cost: 200000, variable-cost: 4000, platforms: [van]}
                products:
                  v: {brand: B, segment: van, platform: van, bom: {engine: 1}, price: 10000}
                component-plants:
                  e: {country: FR, component: engine, ownership: 50%, capacity: 1000, unit-cost: 1000, fixed-cost: 10000}
                markets:
                  FR: {country: FR, demand: {v: 100}}
                lanes:
                  - {from: p, to: FR}
                  - {from: e, to: p}
                """);
        Plan plan = solve(n);
        assertThat(plan.objective()).isCloseTo(205_000, within(TOL));
        assertThat(plan.kpis().fixedCost()).isCloseTo(0.7 * 200_000 + 5_000, within(TOL));
    }

    @Test
    void money_is_converted_and_discounted() {
        // RU plant in RUB at 0.01 EUR: variable cost 500,000 RUB = 5,000 EUR; FR market price
        // 10,000 EUR; 100 a year over 2024-2025 at 10 %: 100 * 5,000 * (1 + 1/1.1) = 954,545.45.
        Network n = Models.read(header(2024, 2025, "npv")
                        .replace("currency: EUR\n", "currency: EUR\ndiscount-rate: 10%\nfx: {RUB: 0.01}\n")
                + """
                plants:
                  p: {country: RU, currency: RUB, capacity: 500, variable-cost: 500000, platforms: [van]}
                products:
                  v: {brand: B, segment: van, platform: van, price: 10000}
                markets:
                  FR: {country: FR, demand: {v: 100}}
                lanes:
                  - {from: p, to: FR}
                """);
        Plan plan = solve(n);
        assertThat(plan.objective()).isCloseTo(500_000 * (1 + 1 / 1.1), within(1e-4));
        assertThat(plan.kpis().variableCost()).isCloseTo(500_000 * (1 + 1 / 1.1), within(1e-4));
    }

    // ---- strength -------------------------------------------------------------------------------

    @Test
    void rows_for_strength_tighten_the_relaxation_and_keep_the_optimum() {
        // Three plants of 100 at fixed 1,000 serve 40 each in two markets: the linking x <= d * run
        // and the cover row raise the LP bound; the MILP optimum stays.
        Network n = Models.read(header(2024, 2024, "cost") + """
                plants:
                  a: {country: FR, capacity: 100, fixed-cost: 1000, variable-cost: 1, platforms: [van]}
                  b: {country: FR, capacity: 100, fixed-cost: 1200, variable-cost: 1, platforms: [van]}
                  c: {country: DE, capacity: 100, fixed-cost: 900, variable-cost: 1, platforms: [van]}
                products:
                  v: {brand: B, segment: van, platform: van}
                markets:
                  FR: {country: FR, demand: {v: 40}}
                  DE: {country: DE, demand: {v: 40}}
                lanes:
                  - {from: a, to: FR, cost: 1}
                  - {from: a, to: DE, cost: 5}
                  - {from: b, to: FR, cost: 2}
                  - {from: b, to: DE, cost: 2}
                  - {from: c, to: FR, cost: 6}
                  - {from: c, to: DE, cost: 1}
                """);
        FrozenNetwork f = FrozenNetwork.of(n);
        double strong = relaxation(f, Formulation.Settings.milp());
        double weak = relaxation(f, Formulation.Settings.milp().without(Family.STRENGTH));
        assertThat(strong).isGreaterThan(weak + 1);
        assertThat(solve(n).objective())
                .isCloseTo(solveWithout(n, Family.STRENGTH).objective(), within(TOL));
    }

    static double relaxation(FrozenNetwork f, Formulation.Settings s) {
        Optimizer.loadNatives();
        var lp = com.google.ortools.linearsolver.MPSolver.createSolver("GLOP");
        try {
            Formulation.build(f, lp, new Formulation.Settings(false, s.families()));
            lp.solve();
            return lp.objective().value();
        } finally {
            lp.delete();
        }
    }
}
