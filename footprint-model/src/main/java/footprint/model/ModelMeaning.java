package footprint.model;

import java.util.List;
import java.util.Objects;

/**
 * What the model means, point by point: what the optimiser counts and what the validator refuses,
 * where the field catalogue's one-line meanings leave it open. {@code docs/model-format.md} prints
 * these points in its section "What the model means"; {@code ModelMeaningTest} (footprint-engine)
 * holds the optimiser and the validator to them, one test per name listed in {@link Point#tests}.
 */
public final class ModelMeaning {
    private ModelMeaning() {}

    /**
     * One point of the model's meaning.
     *
     * @param title a heading
     * @param text what holds, in Markdown
     * @param example a few lines of YAML from the network the tests solve (empty: none)
     * @param arithmetic what the optimiser counts on the example, in Markdown (empty: none)
     * @param tests the names of the tests in {@code ModelMeaningTest} that hold the point
     */
    public record Point(String title, String text, String example, String arithmetic, List<String> tests) {
        public Point {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(example, "example");
            Objects.requireNonNull(arithmetic, "arithmetic");
            tests = List.copyOf(tests);
        }
    }

    /** What comes before the points: what the objective adds up. */
    public static String introduction() {
        return "What the optimiser counts and what the validator refuses, where a field's one-line meaning"
                + " leaves it open. Each point is held by the tests named under it, in"
                + " `footprint-engine/src/test/java/footprint/optimize/ModelMeaningTest.java`, on networks small"
                + " enough to solve by hand; the examples are cut from those networks. Unless an example says"
                + " otherwise, money is in EUR, there is no discounting, and plant `a` in Germany builds vans"
                + " (platform `van`, product `v`, price 30,000, variable cost 10,000) for market `FR` in France,"
                + " both in the bloc EU, over a lane with no freight.\n\n"
                + "In `npv` mode the optimiser maximises, over the years t of the horizon,\n\n"
                + "    sum over t of d(t) x ( sum over plants p of own(p) x (revenue - costs at p)\n"
                + "                           - sum over component plants q of own(q) x fixed cost of q )\n\n"
                + "and in `cost` mode it minimises\n\n"
                + "    sum over t of d(t) x ( sum over p of own(p) x costs at p\n"
                + "                           + sum over q of own(q) x fixed cost of q\n"
                + "                           + sum over markets m of lost-sale penalty of m x vehicles lost )\n\n"
                + "where d(t) is the discount factor and own the ownership share (both below). The costs at a plant"
                + " are its variable cost, the freight and duties on what it sells, its fixed, idle, closure and"
                + " reopening costs, its tooling investments and the components it buys. Every amount is converted"
                + " to the base currency at the rate of its year. The KPIs of a plan (revenue, variable cost, ...,"
                + " NPV) are these same terms, discounted and at the group's share; a plan's list of investments"
                + " gives each at 100 % and undiscounted.";
    }

    private static final List<Point> POINTS = List.of(
            new Point(
                    "The first year counts in full",
                    "Money of year t counts at the discount factor d(t) = 1 / (1 + r)^(t - first), where r is"
                            + " `discount-rate` (its nominal value) and first is the horizon's first year. So the"
                            + " first year is not discounted (d = 1), the second counts at 1 / (1 + r), and so on."
                            + " A year's amounts are discounted whole, with no mid-year convention; a one-time"
                            + " amount (closure, reopening, tooling) at the factor of the year it is paid in.",
                    "horizon: {from: 2024, to: 2026}\n"
                            + "discount-rate: 10%\n"
                            + "plants:\n"
                            + "  a: {country: DE, capacity: 1000, variable-cost: 10000, platforms: [van]}\n"
                            + "markets:\n"
                            + "  FR: {country: FR, demand: {v: 100}}\n",
                    "100 vans a year at 30,000 - 10,000 earn 2,000,000 a year. NPV = 2,000,000 x (1 + 1/1.1 +"
                            + " 1/1.21) = 5,471,074.38 (discounting the first year too would give 4,973,703.98).",
                    List.of("the_first_year_counts_in_full_and_year_t_at_one_over_one_plus_the_rate_to_the_t")),
            new Point(
                    "What ownership scales",
                    "A plant's `ownership` is the group's share of everything that happens at the plant: its"
                            + " revenue, its variable cost, the freight and duties on the vehicles it sells, its"
                            + " fixed, idle, closure and reopening costs, its tooling investments, and the"
                            + " components it buys (their unit cost and freight). It scales all of them, in `npv`"
                            + " mode and in `cost` mode alike. A component plant's `ownership` scales only its"
                            + " fixed cost (see [Components](#who-pays-for-components)). Lost-sale penalties"
                            + " (`cost` mode) belong to no plant and count in full.",
                    "plants:\n"
                            + "  a: {country: DE, ownership: 60%, capacity: 1000, fixed-cost: 1000000, variable-cost:"
                            + " 10000,\n"
                            + "      tooling: {van: {investment: 200000}}}\n"
                            + "component-plants:\n"
                            + "  e: {country: DE, component: engine, ownership: 50%, capacity: 1000, unit-cost: 2000,"
                            + " fixed-cost: 100000}\n"
                            + "products:\n"
                            + "  v: {brand: B, segment: van, platform: van, price: 30000, bom: {engine: 1}}\n"
                            + "lanes:\n"
                            + "  - {from: a, to: FR, cost: 1000}\n"
                            + "  - {from: e, to: a, cost: 100}\n"
                            + "trade:\n"
                            + "  duties:\n"
                            + "    - {from: DE, to: FR, rate: 10%}\n",
                    "At 100 %, a van earns 30,000 - 10,000 - 1,000 (freight) - 3,000 (duty) - 2,100 (engine and"
                            + " its freight) = 13,900. With 100 vans wanted: NPV = 60 % x (100 x 13,900 - 1,000,000 -"
                            + " 200,000) - 50 % x 100,000 = 114,000 - 50,000 = 64,000, and the plan reports revenue"
                            + " 1,800,000 (60 % of 3,000,000). In `cost` mode, with `capacity: 80` and"
                            + " `lost-sale-penalty: 40000` in FR: cost = 60 % x (80 x 16,100 + 1,200,000) + 50,000"
                            + " + 20 x 40,000 = 1,492,800 + 50,000 + 800,000 = 2,342,800; the penalty is not"
                            + " scaled.",
                    List.of(
                            "ownership_scales_everything_at_the_plant_in_npv_mode",
                            "ownership_scales_everything_at_the_plant_in_cost_mode_but_not_the_lost_sale_penalty")),
            new Point(
                    "The state before the horizon",
                    "Before the horizon a plant was running, unless its `status` gives the first year: then it"
                            + " was already in that state. So a plant the optimiser closes in the first year pays"
                            + " its closure cost; a plant whose status is closed in the first year pays none; a"
                            + " plant whose status is idle in the first year pays its reopening cost when it runs."
                            + " A decision is not a status: a plant forced closed in the first year was running"
                            + " before and pays its closure cost. Platforms under `platforms` are tooled before the"
                            + " horizon, at no investment.",
                    "plants:\n"
                            + "  a: {country: DE, capacity: 1000, fixed-cost: 1000000, idle-cost: 600000,"
                            + " closure-cost: 500000,\n"
                            + "      variable-cost: 40000, platforms: [van]}\n",
                    "Every van loses 10,000, so in 2024 `a` closes (500,000) rather than idle (600,000) or run"
                            + " (1,000,000): NPV = -500,000. With `status: {2024: closed}` it was closed before"
                            + " 2024 and NPV = 0. With `decisions: [{force: close, plant: a, years: 2024}]` instead,"
                            + " NPV = -500,000.",
                    List.of(
                            "a_plant_runs_before_the_horizon_so_closing_it_in_the_first_year_pays_its_closure",
                            "a_plant_given_closed_in_the_first_year_was_closed_before_it_and_pays_no_closure",
                            "a_plant_forced_closed_in_the_first_year_still_pays_its_closure")),
            new Point(
                    "Closing and reopening",
                    "Each year a plant is running, idle or closed: running it pays its `fixed-cost`, idle its"
                            + " `idle-cost`, closed nothing. The `closure-cost` is paid in each year the plant"
                            + " becomes closed (from running or idle), the `reopening-cost` in each year it runs"
                            + " after a year idle or closed. Closing is not for good, but a closed plant leaves the"
                            + " closed state only by running again, paying its reopening cost: it may not go from"
                            + " closed to idle (it may idle after a year running). An idle plant may run again,"
                            + " paying its reopening cost, or close.",
                    "plants:\n"
                            + "  a: {country: DE, capacity: 1000, fixed-cost: 1000000, idle-cost: 800000,"
                            + " closure-cost: 100000,\n"
                            + "      reopening-cost: 300000, variable-cost: 10000, platforms: [van]}\n"
                            + "markets:\n"
                            + "  FR: {country: FR, demand: {v: {2024: 100, 2025: 0, 2026: 100}}}\n",
                    "Nothing is wanted in 2025. Running through it costs 1,000,000; idling 800,000 + 300,000 to"
                            + " run in 2026; closing 100,000 + 300,000. So `a` closes in 2025 and reopens in 2026:"
                            + " NPV = 2 x (2,000,000 - 1,000,000) - 400,000 = 1,600,000. With `idle-cost: 50000`,"
                            + " idling (350,000) wins: NPV = 1,650,000. Forcing `a` closed in 2025 and idle in 2026"
                            + " is infeasible.",
                    List.of(
                            "a_closed_plant_runs_again_only_by_paying_its_reopening_cost",
                            "a_plant_may_idle_and_run_again_at_its_reopening_cost",
                            "a_closed_plant_may_not_become_idle")),
            new Point(
                    "What `force: close` means for the years after",
                    "A forced or forbidden decision holds in the years it names and in no other. `force: close`"
                            + " for 2025 makes the plant closed in 2025 (paying its closure cost unless it was"
                            + " closed in 2024); from 2026 on the rules of closing hold: the plant stays closed, or"
                            + " runs again at its reopening cost, and never idles. To close a plant for good, force"
                            + " close from a year on (`years: 2025-`). `force: tool` tools the platform in the"
                            + " years named and, as tooling is never undone, in every year after; `forbid: tool`"
                            + " on a tooling option also rules out the years before (on a platform tooled at the"
                            + " start it stops its use in the years named only).",
                    "decisions:\n  - {force: close, plant: a, years: 2025}\n",
                    "With 100 vans wanted every year (2,000,000 a year), fixed cost 1,000,000 and closure cost"
                            + " 100,000: at `reopening-cost: 300000` the plant runs again in 2026, NPV = 1,000,000 -"
                            + " 100,000 + (1,000,000 - 300,000) = 1,600,000; at `reopening-cost: 1500000` it stays"
                            + " closed in 2026, NPV = 900,000; if a commitment of jobs in 2026 then needs it open,"
                            + " it must run, not idle: NPV = 900,000 + 1,000,000 - 1,500,000 = 400,000.",
                    List.of("force_close_holds_in_its_years_only_and_after_them_the_plant_stays_closed_or_reopens")),
            new Point(
                    "When a tooling investment is paid",
                    "A tooling option's `investment` is paid once, in the first year the platform is tooled at"
                            + " the plant, converted at that year's exchange rate (of the plant's currency),"
                            + " discounted with that year's factor and scaled by the plant's ownership. That year is"
                            + " the year of first use, unless tooling earlier is cheaper (only where the plant's"
                            + " currency rises against the base currency faster than the discount rate). The"
                            + " `lead-time` counts from the horizon's first year: with lead time L the platform can"
                            + " be used from the first year + L on (the model has no year of decision). Once tooled,"
                            + " a platform stays tooled to the end of the horizon, and nothing is refunded.",
                    "horizon: {from: 2024, to: 2026}\n"
                            + "discount-rate: 10%\n"
                            + "fx:\n"
                            + "  USD: {2024: 0.8, 2025: 1.0, 2026: 1.25}\n"
                            + "plants:\n"
                            + "  a: {country: DE, currency: USD, capacity: 1000, tooling: {van: {investment: 1000000,"
                            + " lead-time: 1}}}\n",
                    "The van platform can be used from 2025 (2024 + 1), so 2024's 100 vans are lost. The"
                            + " investment is paid in 2025: 1,000,000 USD x 1.0 = 1,000,000 EUR (the plan lists"
                            + " it so), counted at 1/1.1. NPV = 3,000,000 / 1.1 + 3,000,000 / 1.21 - 1,000,000 /"
                            + " 1.1 = 4,297,520.66. With no discounting, no lead time, the rate 0.5 in 2024,"
                            + " 1.0 in 2025 and 2.0 in 2026, and vans wanted in 2026 only, the platform is"
                            + " tooled in 2024 for 500,000 EUR rather than in 2026 for 2,000,000.",
                    List.of(
                            "a_tooling_investment_is_paid_in_the_year_of_first_use_at_that_years_exchange_rate",
                            "a_platform_may_be_tooled_before_its_first_use_where_the_exchange_rate_makes_that_cheaper")),
            new Point(
                    "Several duties on one flow add up",
                    "A duty is paid on each vehicle built in one of its origins and sold in one of its"
                            + " destinations (the plant's and the market's country, or their blocs): rate x the"
                            + " vehicle's price in that market and year, at the plant's ownership share. Every duty"
                            + " that covers a flow applies, so several duties on one flow add up (a tariff and an"
                            + " anti-dumping duty both count). In `cost` mode too a duty is a share of the price,"
                            + " so a product without a price in a market pays no duty there.",
                    "trade:\n"
                            + "  duties:\n"
                            + "    - {from: DE, to: FR, rate: 10%}\n"
                            + "    - {from: EU, to: FR, rate: 5%}\n",
                    "Both cover a to FR: 15 % of 30,000 = 4,500 a van. With 100 vans wanted: duties 450,000,"
                            + " NPV = 100 x (20,000 - 4,500) = 1,550,000.",
                    List.of("several_duties_on_one_flow_add_up")),
            new Point(
                    "Brands and products in one rule",
                    "A duty or ban that lists both `brands` and `products` covers a vehicle whose brand is"
                            + " listed or whose product is listed: either matches, not both. A duty listing neither"
                            + " covers every vehicle. A ban listing none of brands, products and components covers"
                            + " every vehicle and component; a ban listing only components stops those components"
                            + " and no vehicle; one listing brands or products stops no component.",
                    "products:\n"
                            + "  expert: {brand: Peugeot, segment: van, platform: van, price: 30000}\n"
                            + "  doblo: {brand: Fiat, segment: van, platform: van, price: 30000}\n"
                            + "  partner: {brand: Peugeot, segment: van, platform: van, price: 30000}\n"
                            + "trade:\n"
                            + "  duties:\n"
                            + "    - {from: DE, to: FR, brands: [Fiat], products: [expert], rate: 10%}\n",
                    "With 100 of each wanted, expert (named) and doblo (a Fiat) pay 3,000 a van and partner"
                            + " (a Peugeot not named) none: duties 600,000, NPV = 300 x 20,000 - 600,000 ="
                            + " 5,400,000. The same lists in a ban stop expert and doblo and let partner through.",
                    List.of(
                            "a_duty_naming_brands_and_products_applies_to_a_vehicle_that_matches_either",
                            "a_ban_naming_brands_and_products_stops_a_vehicle_that_matches_either")),
            new Point(
                    "Who pays for components",
                    "Each vehicle consumes its bill of materials. Where a component plant makes the component,"
                            + " the assembly plant that uses it buys it over a lane: it pays the component plant's"
                            + " `unit-cost` (in the component plant's currency, at that year's rate) plus the lane's"
                            + " freight, at the assembly plant's ownership share. The component plant sells at"
                            + " cost: its own result is its `fixed-cost`, paid in every year of the horizon whether"
                            + " it ships or not (it has no running state and never closes), at the component"
                            + " plant's ownership share. A component no component plant makes is neither limited"
                            + " nor paid for (a warning says so).",
                    "fx:\n"
                            + "  USD: 1.2\n"
                            + "plants:\n"
                            + "  a: {country: DE, ownership: 50%, capacity: 1000, variable-cost: 10000, platforms:"
                            + " [van]}\n"
                            + "component-plants:\n"
                            + "  e: {country: DE, currency: USD, component: engine, ownership: 25%, capacity: 1000,"
                            + " unit-cost: 1000,\n"
                            + "      fixed-cost: 400000}\n"
                            + "products:\n"
                            + "  v: {brand: B, segment: van, platform: van, price: 30000, bom: {engine: 2}}\n"
                            + "lanes:\n"
                            + "  - {from: e, to: a, cost: 100}\n",
                    "Over 2024-2025 with 100 vans wanted in 2024 only: `a` buys 200 engines at 1,000 USD ="
                            + " 1,200 EUR plus 100 freight, 260,000 at 100 %, 130,000 at its 50 %. `e`'s fixed cost"
                            + " (480,000 EUR a year) counts at its 25 % in both years: 240,000. NPV = 50 % x (100 x"
                            + " 20,000 - 260,000) - 240,000 = 630,000.",
                    List.of("the_buying_plant_pays_components_at_unit_cost_plus_freight_at_its_own_share")),
            new Point(
                    "Limits the validator enforces",
                    "Besides what each field's type says, a model is refused (FP-E007, a value out of range)"
                            + " where:\n\n"
                            + "- an `ownership` (of a plant or a component plant) is not a share above 0 and at"
                            + " most 1 (0 % is refused, 100 % allowed);\n"
                            + "- the `discount-rate` is not from 0 to 1 (0 % to 100 %);\n"
                            + "- a segment's `group-share` or `shares`, a local-content `min-share` or a"
                            + " disruption's `probability` is not from 0 to 1 (and a segment's shares add up to"
                            + " more than 1: FP-E017);\n"
                            + "- an exchange rate under `fx` can be negative or is not above 0: give a point above"
                            + " 0, a range, triangular or uniform whose low is not below 0, or a lognormal"
                            + " distribution; a normal distribution, which can go negative, is refused;\n"
                            + "- an amount, capacity, demand, price or penalty can be negative, or a lead time is"
                            + " not a whole number of years, 0 or more.\n\n"
                            + "For a range or distribution, its whole span must lie within the limits (for a normal"
                            + " distribution, which has no bounds, its mean). And a model is refused (FP-E010) where"
                            + " a duty or ban names a brand that no product has, or a product, component, plant or"
                            + " place (country code or bloc) the model does not define.",
                    "discount-rate: -1%                         # refused: from 0 to 1\n"
                            + "fx:\n"
                            + "  USD: {dist: normal, mean: 1, sd: 0.1}     # refused: can go negative\n"
                            + "plants:\n"
                            + "  a: {country: DE, ownership: 120%, ...}      # refused: above 0 to 1\n"
                            + "trade:\n"
                            + "  duties:\n"
                            + "    - {from: DE, to: FR, rate: 10%, brands: [Tesla]}   # refused: no product is a"
                            + " Tesla\n",
                    "",
                    List.of(
                            "ownership_is_a_share_above_0_and_at_most_1",
                            "the_discount_rate_is_a_share_from_0_to_1",
                            "segment_shares_and_the_group_share_are_shares_from_0_to_1",
                            "an_exchange_rate_is_a_point_a_range_or_a_distribution_that_stays_above_0",
                            "brands_named_by_duties_and_bans_must_be_brands_of_the_models_products")));

    /** Every point, in the order the documentation gives them. */
    public static List<Point> points() {
        return POINTS;
    }
}
