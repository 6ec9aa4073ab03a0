package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.model.ModelMeaning;
import footprint.model.Network;
import footprint.model.PlantStatus;
import footprint.model.check.Problem;
import footprint.model.check.ProblemCode;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Holds the optimiser and the validator to docs/model-format.md, section "What the model means"
 * (generated from {@code footprint.model.ModelMeaning}): one test per point the section states, on
 * a network small enough to solve by hand, with the arithmetic in a comment. Each test's name is
 * the sentence the section states; each fails if the behaviour it holds changes.
 *
 * <p>Unless a test says otherwise: money in EUR, no discounting, one van platform, plant {@code a}
 * in Germany and market {@code FR} in France (both in the EU), a van priced 30,000 and built for
 * 10,000, no freight, no fixed cost.
 */
class ModelMeaningTest {
    static final double TOL = 1e-3;

    /** The top of every model here: the years, the discount rate, the objective and the places. */
    static String header(int from, int to, String discountRate, String objective) {
        return """
                footprint: 1
                name: meaning
                horizon: {from: %d, to: %d}
                currency: EUR
                discount-rate: %s
                objective: %s
                countries:
                  DE: {bloc: EU}
                  FR: {bloc: EU}
                platforms:
                  van: {}
                """.formatted(from, to, discountRate, objective);
    }

    static Plan solve(Network n) {
        Plan p = Optimizer.solve(n, SolveOptions.defaults().withGap(1e-9), SolveListener.NONE);
        assertThat(p.status()).isEqualTo(SolveStatus.OPTIMAL);
        PlanInvariants.check(n, p);
        return p;
    }

    static PlantStatus status(Plan plan, String plant, int year) {
        return plan.plant(plant, year).orElseThrow().status();
    }

    @Test
    void every_point_of_the_docs_is_held_by_tests_here_and_every_test_here_holds_one() {
        List<String> here = Arrays.stream(ModelMeaningTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class))
                .map(Method::getName)
                .filter(name -> !name.startsWith("every_point_of_the_docs"))
                .toList();
        List<String> named =
                ModelMeaning.points().stream().flatMap(p -> p.tests().stream()).toList();
        assertThat(named).doesNotHaveDuplicates();
        assertThat(named).containsExactlyInAnyOrderElementsOf(here);
    }

    // ---- discounting ---------------------------------------------------------------------------

    @Test
    void the_first_year_counts_in_full_and_year_t_at_one_over_one_plus_the_rate_to_the_t() {
        /*
         * 2024-2026 at 10 %: d = 1, 1/1.1, 1/1.21. 100 vans a year at 30,000 - 10,000 = 2,000,000
         * a year. NPV = 2,000,000 * (1 + 0.909091 + 0.826446) = 5,471,074.38; revenue
         * 3,000,000 * 2.735537 = 8,206,611.57. Discounting the first year too would give 4,973,703.98.
         */
        Network n = Models.read(header(2024, 2026, "10%", "npv") + """
                plants:
                  a: {country: DE, capacity: 1000, variable-cost: 10000, platforms: [van]}
                products:
                  v: {brand: B, segment: van, platform: van, price: 30000}
                markets:
                  FR: {country: FR, demand: {v: 100}}
                lanes:
                  - {from: a, to: FR}
                """);
        Plan plan = solve(n);
        double d = 1 + 1 / 1.1 + 1 / 1.21;
        assertThat(plan.objective()).isCloseTo(2_000_000 * d, within(TOL));
        assertThat(plan.objective()).isCloseTo(5_471_074.38, within(0.01));
        assertThat(plan.kpis().revenue()).isCloseTo(3_000_000 * d, within(TOL));
    }

    // ---- ownership -----------------------------------------------------------------------------

    /**
     * A plant owned 60 % that must tool the van platform (200,000), buys one engine a van from a
     * component plant owned 50 % (unit cost 2,000, freight 100, fixed cost 100,000 a year), pays
     * freight 1,000 and a duty of 10 % (3,000) on each van, and a fixed cost of 1,000,000.
     */
    static String owned(String objective, int capacity, String penalty) {
        return header(2024, 2024, "0", objective) + """
                components:
                  engine: {unit: engine}
                plants:
                  a:
                    country: DE
                    ownership: 60%%
                    capacity: %d
                    fixed-cost: 1000000
                    variable-cost: 10000
                    tooling: {van: {investment: 200000}}
                component-plants:
                  e: {country: DE, component: engine, ownership: 50%%, capacity: 1000, unit-cost: 2000,
                      fixed-cost: 100000}
                products:
                  v: {brand: B, segment: van, platform: van, price: 30000, bom: {engine: 1}}
                markets:
                  FR: {country: FR, demand: {v: 100}%s}
                lanes:
                  - {from: a, to: FR, cost: 1000}
                  - {from: e, to: a, cost: 100}
                trade:
                  duties:
                    - {from: DE, to: FR, rate: 10%%}
                """.formatted(capacity, penalty);
    }

    @Test
    void ownership_scales_everything_at_the_plant_in_npv_mode() {
        /*
         * A van earns 30,000 - 10,000 - 1,000 - 3,000 - (2,000 + 100) = 13,900 at 100 %: 100 vans
         * 1,390,000, less the fixed cost 1,000,000 and the tooling 200,000: 190,000, of which the
         * group's 60 % is 114,000. The component plant's fixed cost counts at its own 50 %: 50,000.
         * NPV = 114,000 - 50,000 = 64,000 (building nothing would give -50,000).
         * KPIs at 60 %: revenue 1,800,000; variable 600,000; freight 60,000; duties 180,000;
         * components 126,000; fixed 600,000 + 50,000 = 650,000; investment 120,000.
         */
        Network n = Models.read(owned("npv", 1000, ""));
        Plan plan = solve(n);
        assertThat(plan.objective()).isCloseTo(64_000, within(TOL));
        Plan.Kpis k = plan.kpis();
        assertThat(k.revenue()).isCloseTo(1_800_000, within(TOL));
        assertThat(k.variableCost()).isCloseTo(600_000, within(TOL));
        assertThat(k.freight()).isCloseTo(60_000, within(TOL));
        assertThat(k.duties()).isCloseTo(180_000, within(TOL));
        assertThat(k.componentCost()).isCloseTo(126_000, within(TOL));
        assertThat(k.fixedCost()).isCloseTo(650_000, within(TOL));
        assertThat(k.investment()).isCloseTo(120_000, within(TOL));
        assertThat(k.npv()).isCloseTo(64_000, within(TOL));
    }

    @Test
    void ownership_scales_everything_at_the_plant_in_cost_mode_but_not_the_lost_sale_penalty() {
        /*
         * Cost mode, capacity 80 of a demand of 100, lost-sale penalty 40,000 a van. A van served
         * costs 10,000 + 1,000 + 3,000 + 2,100 = 16,100 at 100 %, 9,660 at 60 %: all 80 are built.
         * Cost = 60 % * (80 * 16,100 + 1,000,000 + 200,000) + 50 % * 100,000 + 20 * 40,000
         *      = 60 % * 2,488,000 + 50,000 + 800,000 = 1,492,800 + 850,000 = 2,342,800.
         * The penalty counts in full (800,000, not 480,000).
         */
        Network n = Models.read(owned("cost", 80, ", lost-sale-penalty: 40000"));
        Plan plan = solve(n);
        assertThat(plan.objective()).isCloseTo(2_342_800, within(TOL));
        Plan.Kpis k = plan.kpis();
        assertThat(k.lostSalePenalty()).isCloseTo(800_000, within(TOL));
        assertThat(k.variableCost()).isCloseTo(480_000, within(TOL));
        assertThat(k.duties()).isCloseTo(144_000, within(TOL));
        assertThat(k.componentCost()).isCloseTo(100_800, within(TOL));
        assertThat(k.investment()).isCloseTo(120_000, within(TOL));
        assertThat(k.fixedCost()).isCloseTo(650_000, within(TOL));
    }

    // ---- the state before the horizon, closing, reopening ----------------------------------------

    /**
     * A plant that loses money on every van (built for 40,000, sold for 30,000): running costs at
     * least its fixed cost 1,000,000, idling 600,000, closing 500,000.
     */
    static String losing(String status, String decisions) {
        return header(2024, 2024, "0", "npv") + """
                plants:
                  a: {country: DE, capacity: 1000, fixed-cost: 1000000, idle-cost: 600000, closure-cost: 500000,
                      variable-cost: 40000, platforms: [van]%s}
                products:
                  v: {brand: B, segment: van, platform: van, price: 30000}
                markets:
                  FR: {country: FR, demand: {v: 100}}
                lanes:
                  - {from: a, to: FR}
                %s""".formatted(status, decisions);
    }

    @Test
    void a_plant_runs_before_the_horizon_so_closing_it_in_the_first_year_pays_its_closure() {
        // Closing (500,000) beats idling (600,000) and running (1,000,000): NPV = -500,000.
        Plan plan = solve(Models.read(losing("", "")));
        assertThat(status(plan, "a", 2024)).isEqualTo(PlantStatus.CLOSED);
        assertThat(plan.objective()).isCloseTo(-500_000, within(TOL));
        assertThat(plan.kpis().closureCost()).isCloseTo(500_000, within(TOL));
    }

    @Test
    void a_plant_given_closed_in_the_first_year_was_closed_before_it_and_pays_no_closure() {
        // status {2024: closed}: the year before the horizon is closed too, so nothing closes: NPV = 0.
        Plan plan = solve(Models.read(losing(", status: {2024: closed}", "")));
        assertThat(status(plan, "a", 2024)).isEqualTo(PlantStatus.CLOSED);
        assertThat(plan.objective()).isCloseTo(0, within(TOL));
        assertThat(plan.kpis().closureCost()).isCloseTo(0, within(TOL));
    }

    @Test
    void a_plant_forced_closed_in_the_first_year_still_pays_its_closure() {
        // A decision is not a status: the year before stays running, so the plant closes in 2024.
        Plan plan = solve(Models.read(losing("", "decisions:\n  - {force: close, plant: a, years: 2024}\n")));
        assertThat(status(plan, "a", 2024)).isEqualTo(PlantStatus.CLOSED);
        assertThat(plan.objective()).isCloseTo(-500_000, within(TOL));
    }

    /**
     * 2024-2026, demand 100 in 2024 and 2026 and none in 2025; a van earns 20,000. The plant's
     * fixed cost is 1,000,000, idle cost {@code idle}, closure cost 100,000, reopening cost
     * {@code reopening}.
     */
    static String gap(String demand, long idle, long reopening, String more) {
        return header(2024, 2026, "0", "npv") + """
                plants:
                  a: {country: DE, capacity: 1000, fixed-cost: 1000000, idle-cost: %d, closure-cost: 100000,
                      reopening-cost: %d, workforce: 100, idle-workforce: 10, variable-cost: 10000, platforms: [van]}
                products:
                  v: {brand: B, segment: van, platform: van, price: 30000}
                markets:
                  FR: {country: FR, demand: {v: %s}}
                lanes:
                  - {from: a, to: FR}
                %s""".formatted(idle, reopening, demand, more);
    }

    static final String GAP_2025 = "{2024: 100, 2025: 0, 2026: 100}";

    @Test
    void a_closed_plant_runs_again_only_by_paying_its_reopening_cost() {
        /*
         * 2025 empty: running costs 1,000,000; idling 800,000 + reopening 300,000 = 1,100,000;
         * closing 100,000 + reopening 300,000 = 400,000. So it closes and reopens:
         * NPV = 2 * (2,000,000 - 1,000,000) - 400,000 = 1,600,000.
         */
        Plan plan = solve(Models.read(gap(GAP_2025, 800_000, 300_000, "")));
        assertThat(status(plan, "a", 2025)).isEqualTo(PlantStatus.CLOSED);
        assertThat(status(plan, "a", 2026)).isEqualTo(PlantStatus.RUNNING);
        assertThat(plan.objective()).isCloseTo(1_600_000, within(TOL));
        assertThat(plan.kpis().closureCost()).isCloseTo(100_000, within(TOL));
        assertThat(plan.kpis().reopeningCost()).isCloseTo(300_000, within(TOL));
        assertThat(plan.decisions())
                .extracting(Plan.Decision::year, Plan.Decision::action)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2025, "close"),
                        org.assertj.core.groups.Tuple.tuple(2026, "reopen"));
    }

    @Test
    void a_closed_plant_may_not_become_idle() {
        // Forced closed in 2025 and forced idle in 2026: no plan can do both.
        Network idleAfterClosed = Models.read(gap(
                GAP_2025,
                0,
                300_000,
                "decisions:\n  - {force: close, plant: a, years: 2025}\n  - {force: idle, plant: a, years: 2026}\n"));
        Plan plan = Optimizer.solve(idleAfterClosed, SolveOptions.defaults().withGap(1e-9), SolveListener.NONE);
        assertThat(plan.status()).isEqualTo(SolveStatus.INFEASIBLE);
        // Forced closed, then forced to run: it pays its reopening cost (the same 1,600,000 as above).
        Network runAfterClosed = Models.read(gap(
                GAP_2025,
                0,
                300_000,
                "decisions:\n  - {force: close, plant: a, years: 2025}\n  - {force: run, plant: a, years: 2026}\n"));
        assertThat(solve(runAfterClosed).objective()).isCloseTo(1_600_000, within(TOL));
    }

    @Test
    void a_plant_may_idle_and_run_again_at_its_reopening_cost() {
        /*
         * Idle cost 50,000: idling 50,000 + reopening 300,000 = 350,000 beats closing 400,000.
         * NPV = 2,000,000 - 350,000 = 1,650,000.
         */
        Plan plan = solve(Models.read(gap(GAP_2025, 50_000, 300_000, "")));
        assertThat(status(plan, "a", 2025)).isEqualTo(PlantStatus.IDLE);
        assertThat(plan.objective()).isCloseTo(1_650_000, within(TOL));
        assertThat(plan.kpis().reopeningCost()).isCloseTo(300_000, within(TOL));
    }

    // ---- force: close --------------------------------------------------------------------------

    @Test
    void force_close_holds_in_its_years_only_and_after_them_the_plant_stays_closed_or_reopens() {
        /*
         * Demand 100 every year, a van earns 20,000 (2,000,000 a year), fixed cost 1,000,000.
         * force: close in 2025 only. Reopening 300,000: it reopens in 2026:
         *   NPV = 1,000,000 (2024) - 100,000 (closure 2025) + 1,000,000 - 300,000 (2026) = 1,600,000.
         * Reopening 1,500,000 (more than 2026 earns): it stays closed in 2026, not idle:
         *   NPV = 1,000,000 - 100,000 = 900,000.
         * With a commitment of 10 jobs in 2026 (the idle workforce would keep them, but a closed
         * plant may not idle), it must run: 1,000,000 - 100,000 + 1,000,000 - 1,500,000 = 400,000.
         */
        String closed2025 = "decisions:\n  - {force: close, plant: a, years: 2025}\n";
        Plan reopens = solve(Models.read(gap("100", 0, 300_000, closed2025)));
        assertThat(status(reopens, "a", 2025)).isEqualTo(PlantStatus.CLOSED);
        assertThat(status(reopens, "a", 2026)).isEqualTo(PlantStatus.RUNNING);
        assertThat(reopens.objective()).isCloseTo(1_600_000, within(TOL));

        Plan staysClosed = solve(Models.read(gap("100", 0, 1_500_000, closed2025)));
        assertThat(status(staysClosed, "a", 2026)).isEqualTo(PlantStatus.CLOSED);
        assertThat(staysClosed.objective()).isCloseTo(900_000, within(TOL));

        Plan mustRun = solve(Models.read(
                gap("100", 0, 1_500_000, closed2025 + "commitments:\n  - {plant: a, min-jobs: 10, years: 2026}\n")));
        assertThat(status(mustRun, "a", 2026)).isEqualTo(PlantStatus.RUNNING);
        assertThat(mustRun.objective()).isCloseTo(400_000, within(TOL));
    }

    // ---- tooling -------------------------------------------------------------------------------

    @Test
    void a_tooling_investment_is_paid_in_the_year_of_first_use_at_that_years_exchange_rate() {
        /*
         * 2024-2026 at 10 %. Plant a keeps its books in USD: 1 USD = 0.8 EUR in 2024, 1.0 in 2025,
         * 1.25 in 2026. Tooling the van platform costs 1,000,000 USD with a lead time of 1 year,
         * counted from the horizon's first year: first use in 2025 at the earliest, and 2024's
         * demand is lost. 100 vans a year earn 30,000 EUR each.
         * Investment = 1,000,000 USD * 1.0 (2025's rate) = 1,000,000 EUR, discounted by 1/1.1.
         * NPV = 3,000,000 / 1.1 + 3,000,000 / 1.21 - 1,000,000 / 1.1 = 4,297,520.66.
         * (2024's rate would give 800,000; no lead time would also earn 2024's 3,000,000.)
         */
        Network n = Models.read(header(2024, 2026, "10%", "npv") + """
                fx:
                  USD: {2024: 0.8, 2025: 1.0, 2026: 1.25}
                plants:
                  a: {country: DE, currency: USD, capacity: 1000, tooling: {van: {investment: 1000000, lead-time: 1}}}
                products:
                  v: {brand: B, segment: van, platform: van, price: 30000}
                markets:
                  FR: {country: FR, demand: {v: 100}}
                lanes:
                  - {from: a, to: FR}
                """);
        Plan plan = solve(n);
        assertThat(plan.flow("a", "v", "FR", 2024)).isZero();
        assertThat(plan.flow("a", "v", "FR", 2025)).isCloseTo(100, within(TOL));
        assertThat(plan.investments()).singleElement().satisfies(i -> {
            assertThat(i.year()).isEqualTo(2025);
            assertThat(i.amount()).isCloseTo(1_000_000, within(TOL));
        });
        assertThat(plan.kpis().investment()).isCloseTo(1_000_000 / 1.1, within(TOL));
        assertThat(plan.objective()).isCloseTo(4_297_520.66, within(0.01));
    }

    @Test
    void a_platform_may_be_tooled_before_its_first_use_where_the_exchange_rate_makes_that_cheaper() {
        /*
         * No discounting; 1 USD = 0.5 EUR in 2024, 1.0 in 2025, 2.0 in 2026; no lead time. Vans are
         * wanted in 2026 only (100, earning 3,000,000). Tooling in 2026 would cost 2,000,000 EUR;
         * tooled in 2024 (and kept), it costs 500,000: the optimiser tools in 2024, two years before
         * it builds. NPV = 3,000,000 - 500,000 = 2,500,000.
         */
        Network n = Models.read(header(2024, 2026, "0", "npv") + """
                fx:
                  USD: {2024: 0.5, 2025: 1.0, 2026: 2.0}
                plants:
                  a: {country: DE, currency: USD, capacity: 1000, tooling: {van: {investment: 1000000}}}
                products:
                  v: {brand: B, segment: van, platform: van, price: 30000}
                markets:
                  FR: {country: FR, demand: {v: {2024: 0, 2026: 100}}}
                lanes:
                  - {from: a, to: FR}
                """);
        Plan plan = solve(n);
        assertThat(plan.flow("a", "v", "FR", 2026)).isCloseTo(100, within(TOL));
        assertThat(plan.investments()).singleElement().satisfies(i -> {
            assertThat(i.year()).isEqualTo(2024);
            assertThat(i.amount()).isCloseTo(500_000, within(TOL));
        });
        assertThat(plan.objective()).isCloseTo(2_500_000, within(TOL));
    }

    // ---- trade rules ---------------------------------------------------------------------------

    @Test
    void several_duties_on_one_flow_add_up() {
        // DE -> FR 10 % and EU -> FR 5 %: 15 % of 30,000 = 4,500 a van. NPV = 100 * 15,500 = 1,550,000.
        Network n = Models.read(header(2024, 2024, "0", "npv") + """
                plants:
                  a: {country: DE, capacity: 1000, variable-cost: 10000, platforms: [van]}
                products:
                  v: {brand: B, segment: van, platform: van, price: 30000}
                markets:
                  FR: {country: FR, demand: {v: 100}}
                lanes:
                  - {from: a, to: FR}
                trade:
                  duties:
                    - {from: DE, to: FR, rate: 10%}
                    - {from: EU, to: FR, rate: 5%}
                """);
        Plan plan = solve(n);
        assertThat(plan.kpis().duties()).isCloseTo(450_000, within(TOL));
        assertThat(plan.objective()).isCloseTo(1_550_000, within(TOL));
    }

    /** Three vans: expert (Peugeot), doblo (Fiat) and partner (Peugeot), 100 of each wanted. */
    static String threeVans(String trade) {
        return header(2024, 2024, "0", "npv") + """
                plants:
                  a: {country: DE, capacity: 1000, variable-cost: 10000, platforms: [van]}
                products:
                  expert: {brand: Peugeot, segment: van, platform: van, price: 30000}
                  doblo: {brand: Fiat, segment: van, platform: van, price: 30000}
                  partner: {brand: Peugeot, segment: van, platform: van, price: 30000}
                markets:
                  FR: {country: FR, demand: {expert: 100, doblo: 100, partner: 100}}
                lanes:
                  - {from: a, to: FR}
                trade:
                %s""".formatted(trade);
    }

    @Test
    void a_duty_naming_brands_and_products_applies_to_a_vehicle_that_matches_either() {
        /*
         * {brands: [Fiat], products: [expert]} at 10 %: doblo (a Fiat) and expert (named) pay
         * 3,000 each, partner (a Peugeot not named) none. Duties 200 * 3,000 = 600,000;
         * NPV = 300 * 20,000 - 600,000 = 5,400,000.
         */
        Plan plan = solve(Models.read(
                threeVans("  duties:\n    - {from: DE, to: FR, brands: [Fiat], products: [expert], rate: 10%}\n")));
        assertThat(plan.kpis().duties()).isCloseTo(600_000, within(TOL));
        assertThat(plan.objective()).isCloseTo(5_400_000, within(TOL));
    }

    @Test
    void a_ban_naming_brands_and_products_stops_a_vehicle_that_matches_either() {
        // {brands: [Fiat], products: [expert]}: doblo and expert are stopped, partner is not.
        Plan plan = solve(
                Models.read(threeVans("  bans:\n    - {from: DE, to: FR, brands: [Fiat], products: [expert]}\n")));
        assertThat(plan.flow("a", "expert", "FR", 2024)).isZero();
        assertThat(plan.flow("a", "doblo", "FR", 2024)).isZero();
        assertThat(plan.flow("a", "partner", "FR", 2024)).isCloseTo(100, within(TOL));
        assertThat(plan.objective()).isCloseTo(2_000_000, within(TOL));
    }

    // ---- components ----------------------------------------------------------------------------

    @Test
    void the_buying_plant_pays_components_at_unit_cost_plus_freight_at_its_own_share() {
        /*
         * 2024-2025; 100 vans wanted in 2024 only, two engines a van. Plant a (owned 50 %) buys
         * 200 engines from e (owned 25 %, books in USD at 1.2 EUR): unit cost 1,000 USD = 1,200 EUR,
         * freight 100 EUR: 200 * 1,300 = 260,000 at 100 %, 130,000 at a's 50 %. e's fixed cost,
         * 400,000 USD = 480,000 EUR a year, counts at e's 25 % (120,000) in both years, whether it
         * ships or not: 240,000. NPV = 50 % * (100 * 20,000 - 260,000) - 240,000 = 630,000.
         */
        Network n = Models.read(header(2024, 2025, "0", "npv") + """
                fx:
                  USD: 1.2
                components:
                  engine: {unit: engine}
                plants:
                  a: {country: DE, ownership: 50%, capacity: 1000, variable-cost: 10000, platforms: [van]}
                component-plants:
                  e: {country: DE, currency: USD, component: engine, ownership: 25%, capacity: 1000, unit-cost: 1000,
                      fixed-cost: 400000}
                products:
                  v: {brand: B, segment: van, platform: van, price: 30000, bom: {engine: 2}}
                markets:
                  FR: {country: FR, demand: {v: {2024: 100, 2025: 0}}}
                lanes:
                  - {from: a, to: FR}
                  - {from: e, to: a, cost: 100}
                """);
        Plan plan = solve(n);
        assertThat(plan.kpis().componentCost()).isCloseTo(130_000, within(TOL));
        assertThat(plan.kpis().fixedCost()).isCloseTo(240_000, within(TOL));
        assertThat(plan.objective()).isCloseTo(630_000, within(TOL));
    }

    // ---- limits the validator enforces --------------------------------------------------------

    /** The errors of reading a model that should be refused. */
    static List<Problem> errors(String yaml) {
        ModelRead read = ModelReader.read(yaml, "test.yaml");
        assertThat(read.network()).as("the model is refused").isEmpty();
        return read.errors();
    }

    static String valid(String plantExtra, String top) {
        return header(2024, 2024, "0", "npv").replace("discount-rate: 0\n", top) + """
                plants:
                  a: {country: DE, capacity: 1000, platforms: [van]%s}
                products:
                  v: {brand: B, segment: van, platform: van, price: 30000}
                markets:
                  FR: {country: FR, demand: {v: 100}}
                lanes:
                  - {from: a, to: FR}
                """.formatted(plantExtra);
    }

    static void refused(String yaml, ProblemCode code, String field) {
        assertThat(errors(yaml)).as(field).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(code);
            assertThat(p.field()).isEqualTo(field);
        });
    }

    @Test
    void ownership_is_a_share_above_0_and_at_most_1() {
        assertThat(ModelReader.read(valid(", ownership: 100%", ""), "test.yaml").ok())
                .isTrue();
        refused(valid(", ownership: 1.2", ""), ProblemCode.OUT_OF_RANGE, "plants[a].ownership");
        refused(valid(", ownership: 0", ""), ProblemCode.OUT_OF_RANGE, "plants[a].ownership");
        refused(valid(", ownership: {low: 50%, high: 120%}", ""), ProblemCode.OUT_OF_RANGE, "plants[a].ownership");
    }

    @Test
    void segment_shares_and_the_group_share_are_shares_from_0_to_1() {
        String segments = valid("", "").replace("demand: {v: 100}", "segments: {vans: {volume: 1000, %s}}");
        refused(
                segments.formatted("group-share: 120%, shares: {v: 1}"),
                ProblemCode.OUT_OF_RANGE,
                "markets[FR].segments.vans.group-share");
        refused(
                segments.formatted("shares: {v: -0.5}"),
                ProblemCode.OUT_OF_RANGE,
                "markets[FR].segments.vans.shares.v");
    }

    @Test
    void the_discount_rate_is_a_share_from_0_to_1() {
        assertThat(ModelReader.read(valid("", "discount-rate: 0\n"), "test.yaml")
                        .ok())
                .isTrue();
        refused(valid("", "discount-rate: -1%\n"), ProblemCode.OUT_OF_RANGE, "discount-rate");
        refused(valid("", "discount-rate: 150%\n"), ProblemCode.OUT_OF_RANGE, "discount-rate");
    }

    @Test
    void an_exchange_rate_is_a_point_a_range_or_a_distribution_that_stays_above_0() {
        String withFx = "discount-rate: 0\nfx:\n  USD: %s\n";
        String plantInUsd = ", currency: USD";
        assertThat(ModelReader.read(valid(plantInUsd, withFx.formatted("{low: 0.9, high: 1.1}")), "test.yaml")
                        .ok())
                .isTrue();
        assertThat(ModelReader.read(
                                valid(plantInUsd, withFx.formatted("{dist: lognormal, mean: 1, sd: 0.1}")), "test.yaml")
                        .ok())
                .isTrue();
        refused(
                valid(plantInUsd, withFx.formatted("{dist: normal, mean: 1, sd: 0.1}")),
                ProblemCode.OUT_OF_RANGE,
                "fx.USD");
        refused(valid(plantInUsd, withFx.formatted("-1")), ProblemCode.OUT_OF_RANGE, "fx.USD");
    }

    @Test
    void brands_named_by_duties_and_bans_must_be_brands_of_the_models_products() {
        String yaml = valid("", "")
                + "trade:\n  duties:\n    - {from: DE, to: FR, rate: 10%, brands: [Tesla]}\n"
                + "  bans:\n    - {from: DE, to: FR, brands: [Tesla]}\n";
        refused(yaml, ProblemCode.UNKNOWN_REFERENCE, "trade.duties[1].brands");
        refused(yaml, ProblemCode.UNKNOWN_REFERENCE, "trade.bans[1].brands");
    }
}
