package footprint.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import footprint.model.Figure;
import footprint.model.Network;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizerTest {
    @Test
    void an_infeasible_model_is_a_result_not_an_exception() {
        // Cost mode, no lost-sale penalty, no lane to the market.
        Network n = Models.read(HandSolvedTest.MODEL
                .replace("currency: EUR\n", "currency: EUR\nobjective: cost\n")
                .replace("  - {from: north, to: RU, cost: 1000}\n", "")
                .replace("  - {from: east, to: RU, cost: 200}\n", ""));
        for (Backend b : Backend.values()) {
            Plan plan = Optimizer.solve(n, SolveOptions.plain().withBackend(b), SolveListener.NONE);
            assertThat(plan.status()).as(b.word()).isEqualTo(SolveStatus.INFEASIBLE);
            assertThat(plan.hasPlan()).isFalse();
            assertThat(plan.flows()).isEmpty();
            assertThat(plan.objective()).isNaN();
        }
    }

    @Test
    void the_same_seed_gives_the_same_plan() {
        Network n = Models.read(BruteForceTest.tiny(7));
        for (Backend b : Backend.values()) {
            SolveOptions o = SolveOptions.plain().withBackend(b).withSeed(5);
            Plan first = Optimizer.solve(n, o, SolveListener.NONE);
            Plan second = Optimizer.solve(n, o, SolveListener.NONE);
            assertThat(second.flows()).as(b.word()).isEqualTo(first.flows());
            assertThat(second.plants()).as(b.word()).isEqualTo(first.plants());
        }
    }

    @Test
    void the_listener_hears_each_stage_and_the_plan() {
        List<String> heard = new ArrayList<>();
        double[] incumbent = {Double.NaN};
        Optimizer.solve(Models.read(HandSolvedTest.MODEL), SolveOptions.plain(), new SolveListener() {
            @Override
            public void message(String text) {
                heard.add(text);
            }

            @Override
            public void incumbent(double objective, double bound, double seconds) {
                incumbent[0] = objective;
            }
        });
        assertThat(heard).anyMatch(s -> s.startsWith("Building")).anyMatch(s -> s.startsWith("Solving with"));
        assertThat(incumbent[0]).isCloseTo(22.77e6, within(1.0));
    }

    @Test
    void the_mps_names_rows_and_columns_after_the_model() {
        String mps = Optimizer.mps(Models.read(HandSolvedTest.MODEL));
        assertThat(mps)
                .contains("flow[north,expert,FR,2024]")
                .contains("run[east,2024]")
                .contains("capacity[north,2024]")
                .contains("demand[FR,expert,2024]")
                .doesNotContain("flow[east,expert,FR,2024]");
    }

    @Test
    void figures_are_valued_by_the_function_given() {
        // Every figure at 110 % of its nominal value: prices, costs and capacities alike. The
        // flows scale by 1.1 and the money per vehicle too, fixed costs by 1.1: NPV * 1.21 - fixed
        // * (1.1 - 1.21): the plan is the same (north 1,100, east 330, RU lost 110 of 550).
        Network n = Models.read(HandSolvedTest.MODEL);
        Plan plan = Optimizer.solve(n, (Figure f) -> f.nominal() * 1.1, SolveOptions.plain(), SolveListener.NONE);
        double margins = 300 * 18_800 + 900 * 19_700 + 100 * 9_000;
        // duty rate 20 % becomes 22 %: north->RU margin drops by 2 % of the price 27,500 = 550.
        double expected = margins * 1.21 - 110 * 550 - 1.5e6 * 1.1;
        assertThat(plan.objective()).isCloseTo(expected, within(1e-3));
    }

    @Test
    void backends_parse_in_any_case_and_the_default_has_its_word() {
        assertThat(Backend.parse("HiGHS")).isEqualTo(Backend.HIGHS);
        assertThat(Backend.parse(" cbc ")).isEqualTo(Backend.CBC);
        assertThat(Backend.DEFAULT.word()).isEqualTo(Backend.DEFAULT_WORD);
        assertThatThrownBy(() -> Backend.parse("cp-sat")).hasMessageContaining("scip, highs, cbc");
    }
}
