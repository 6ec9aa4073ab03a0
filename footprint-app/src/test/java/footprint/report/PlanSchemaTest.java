package footprint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import footprint.model.check.Problem;
import footprint.model.check.ProblemCode;
import footprint.report.html.PlanFixtures;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan's tree against the plan format, without a model. */
class PlanSchemaTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode plan() {
        return JSON.valueToTree(PlanFixtures.tree(20e6));
    }

    static List<Problem> problems(ObjectNode doc) {
        return PlanSchema.problems(doc, "p.json");
    }

    @Test
    void a_plan_from_the_fixtures_has_no_problem() {
        assertThat(problems(plan())).isEmpty();
    }

    @Test
    void a_huge_integer_does_not_pass_for_a_year_by_its_low_bits() {
        ObjectNode doc = plan();
        BigInteger sneaky = BigInteger.TWO.pow(64).add(BigInteger.valueOf(2030));
        ((ObjectNode) doc.path("flows").get(0)).put("year", sneaky);
        assertThat(problems(doc))
                .extracting(Problem::code, Problem::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ProblemCode.BAD_YEARS, "flows[0].year"));
    }

    @Test
    void numbers_beyond_a_double_and_negative_volumes_are_refused() {
        ObjectNode doc = plan();
        ((ObjectNode) doc.path("kpis")).put("npv", Double.POSITIVE_INFINITY);
        ((ObjectNode) doc.path("lostSales").get(0)).put("volume", -5.0);
        assertThat(problems(doc)).extracting(Problem::field).containsExactly("kpis.npv", "lostSales[0].volume");
    }

    @Test
    void a_plant_shipping_while_idle_is_refused() {
        ObjectNode doc = plan();
        ((ObjectNode) doc.path("flows").get(0)).put("year", 2031).put("plant", "evil");
        assertThat(problems(doc))
                .extracting(Problem::message)
                .singleElement()
                .asString()
                .contains("'evil' ships 500.0 vehicles in 2031 while the plan has it idle");
    }

    @Test
    void a_plan_of_a_newer_format_asks_for_a_newer_footprint() {
        ObjectNode doc = plan();
        doc.put("planFormat", PlanJson.FORMAT + 1);
        assertThat(problems(doc)).extracting(Problem::code).containsExactly(ProblemCode.FORMAT_VERSION);
    }

    @Test
    void an_edited_model_hash_is_caught_by_the_files_it_lists() {
        ObjectNode doc = plan();
        ObjectNode model = (ObjectNode) doc.path("model");
        model.put("sha256", "0".repeat(64));
        model.putArray("sources").addObject().put("file", "pacific.yaml").put("sha256", "1".repeat(64));
        assertThat(problems(doc)).extracting(Problem::code).containsExactly(ProblemCode.PLAN_OF_ANOTHER_MODEL);
    }

    @Test
    void control_characters_in_ids_are_escaped_and_long_ones_cut() {
        assertThat(PlanSchema.quote("a\u001b[31mred\u202e")).isEqualTo("'a\\u001b[31mred\\u202e'");
        assertThat(PlanSchema.quote("x".repeat(500))).hasSize(63).endsWith("…'");
    }
}
