package footprint.report.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.model.Network;
import footprint.optimize.Optimizer;
import footprint.optimize.Plan;
import footprint.optimize.SolveListener;
import footprint.optimize.SolveOptions;
import footprint.report.compare.SmallNetworks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ledger recomputes a plan's money from the model's figures: item by item it adds up to the KPIs. */
class LedgerTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"base.yaml", "pause.yaml", "bigger-north.yaml"})
    void every_item_adds_up_to_the_plans_kpis(String file) throws IOException {
        SmallNetworks.write(dir);
        ModelRead read = ModelReader.read(dir.resolve(file));
        assertThat(read.errors()).isEmpty();
        Network n = read.network().orElseThrow();
        Plan plan = Optimizer.solve(n, SolveOptions.plain().withThreads(1), SolveListener.NONE);
        assertThat(plan.hasPlan()).isTrue();

        List<Ledger.Entry> entries = Ledger.of(n, plan);
        Map<Ledger.Item, Double> sum = new EnumMap<>(Ledger.Item.class);
        for (Ledger.Entry e : entries) {
            sum.merge(e.item(), e.presentValue(), Double::sum);
        }
        Plan.Kpis k = plan.kpis();
        double tolerance = 1e-6 * Math.abs(k.revenue()) + 1e-3;
        assertThat(sum.getOrDefault(Ledger.Item.REVENUE, 0.0)).isCloseTo(k.revenue(), within(tolerance));
        assertThat(sum.getOrDefault(Ledger.Item.VARIABLE_COST, 0.0)).isCloseTo(k.variableCost(), within(tolerance));
        assertThat(sum.getOrDefault(Ledger.Item.FREIGHT, 0.0)).isCloseTo(k.freight(), within(tolerance));
        assertThat(sum.getOrDefault(Ledger.Item.DUTIES, 0.0)).isCloseTo(k.duties(), within(tolerance));
        assertThat(sum.getOrDefault(Ledger.Item.COMPONENTS, 0.0)).isCloseTo(k.componentCost(), within(tolerance));
        assertThat(sum.getOrDefault(Ledger.Item.FIXED_COST, 0.0)).isCloseTo(k.fixedCost(), within(tolerance));
        assertThat(sum.getOrDefault(Ledger.Item.IDLE_COST, 0.0)).isCloseTo(k.idleCost(), within(tolerance));
        assertThat(sum.getOrDefault(Ledger.Item.INVESTMENT, 0.0)).isCloseTo(k.investment(), within(tolerance));
        assertThat(sum.getOrDefault(Ledger.Item.CLOSURE, 0.0)).isCloseTo(k.closureCost(), within(tolerance));
        assertThat(sum.getOrDefault(Ledger.Item.REOPENING, 0.0)).isCloseTo(k.reopeningCost(), within(tolerance));
        assertThat(Ledger.npv(entries)).isCloseTo(k.npv(), within(tolerance));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pause.yaml"})
    void a_plan_read_back_from_json_gives_the_same_ledger(String file) throws IOException {
        SmallNetworks.write(dir);
        Network n = ModelReader.read(dir.resolve(file)).network().orElseThrow();
        Plan plan = Optimizer.solve(n, SolveOptions.plain().withThreads(1), SolveListener.NONE);
        Plan back = new footprint.report.PlanFile(
                        dir.resolve("plan.json"),
                        new com.fasterxml.jackson.databind.ObjectMapper()
                                .valueToTree(footprint.report.PlanJson.tree(plan, n, file)))
                .plan();

        assertThat(back.flows()).isEqualTo(plan.flows());
        assertThat(back.plants()).isEqualTo(plan.plants());
        assertThat(back.kpis()).isEqualTo(plan.kpis());
        assertThat(Ledger.npv(Ledger.of(n, back))).isCloseTo(plan.kpis().npv(), within(1e-3));
    }
}
