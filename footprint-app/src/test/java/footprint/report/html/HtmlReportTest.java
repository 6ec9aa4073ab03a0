package footprint.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static JsonNode data(String html) throws Exception {
        Matcher m = Pattern.compile(
                        "<script type=\"application/json\" id=\"footprint-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).isTrue();
        return JSON.readTree(m.group(1));
    }

    @Test
    void escapes_every_name_from_the_plan() {
        String page = HtmlReport.render(List.of(PlanFixtures.plan("base <i>x</i>", 20e6)));
        // the page without its two scripts (chart code and the report's own)
        String html = page.replaceAll("(?s)<script>.*?</script>", "<script></script>");
        assertThat(html.length()).isLessThan(page.length() / 2);
        // no markup of the plan survives as markup: not in the HTML, not in the embedded data
        assertThat(html).doesNotContain("<img").doesNotContain("<b>").doesNotContain("<i>x");
        assertThat(html).doesNotContain("<script>alert");
        assertThat(html).contains("evil idles from 2031 &lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;Evil &amp; Co&#39;s");
        assertThat(html).contains("base &lt;i&gt;x&lt;/i&gt;");
        // the only closing script tags are the page's own four
        assertThat(count(page, "</script>")).isEqualTo(4);
    }

    @Test
    void one_chart_container_per_chart() {
        String one = HtmlReport.render(List.of(PlanFixtures.plan("base", 20e6)));
        // map, utilisation, waterfall, volumes, lost sales
        assertThat(count(one, "class=\"chart[ \"]")).isEqualTo(5);
        for (String kind : List.of("map", "utilisation", "waterfall", "volumes", "lostSales")) {
            assertThat(count(one, "data-chart=\"" + kind + "\"")).as(kind).isEqualTo(1);
        }
        assertThat(one).doesNotContain("data-chart=\"compare");

        String two = HtmlReport.render(List.of(PlanFixtures.plan("base", 20e6), PlanFixtures.plan("pause", 15e6)));
        assertThat(count(two, "class=\"chart[ \"]")).isEqualTo(3 + 2 * 5);
        for (String kind : List.of("compareNpv", "compareKpis", "compareVolumes")) {
            assertThat(count(two, "data-chart=\"" + kind + "\"")).as(kind).isEqualTo(1);
        }
        // ids are unique
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(two);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) {
            assertThat(seen.add(ids.group(1))).as(ids.group(1)).isTrue();
        }
    }

    @Test
    void embeds_the_data_the_charts_draw() throws Exception {
        String html = HtmlReport.render(List.of(PlanFixtures.plan("base", 20e6), PlanFixtures.plan("pause", 15e6)));
        JsonNode data = data(html);
        assertThat(data.path("plans")).hasSize(2);
        JsonNode base = data.path("plans").path(0);
        assertThat(base.path("label").asText()).isEqualTo("base");
        // waterfall: revenue 100, costs 40 + 5 + 2 + 10 + 20 + 3 (zeros left out), NPV 20 (M EUR)
        assertThat(base.path("waterfall").findValuesAsText("name"))
                .containsExactly(
                        "Revenue",
                        "Variable cost",
                        "Freight",
                        "Duties",
                        "Components",
                        "Fixed cost",
                        "Investment",
                        "NPV");
        JsonNode last = base.path("waterfall").path(7);
        assertThat(last.path("high").asDouble()).isEqualTo(20.0);
        assertThat(base.path("waterfall").path(6).path("low").asDouble()).isEqualTo(20.0);
        // the heatmap has every plant-year; the map one frame per year with the flows of the year
        assertThat(base.path("heatmap").path("cells")).hasSize(4);
        assertThat(base.path("map").path("frames")).hasSize(2);
        assertThat(base.path("map").path("frames").path(0).path("flows")).hasSize(4);
        assertThat(base.path("map").path("places").path("evil").path("name").asText())
                .isEqualTo(PlanFixtures.EVIL);
        assertThat(base.path("map").path("regions").findValuesAsText("name"))
                .contains("Russia", "United States of America", "New Zealand");
        assertThat(base.path("lostSales")
                        .path("series")
                        .path(0)
                        .path("data")
                        .path(1)
                        .asDouble())
                .isEqualTo(120.0);
        JsonNode cmp = data.path("comparison");
        assertThat(cmp.path("labels").get(1).asText()).isEqualTo("pause");
        assertThat(cmp.path("npv").get(0).asDouble()).isEqualTo(20.0);
        assertThat(cmp.path("npv").get(1).asDouble()).isEqualTo(15.0);
        assertThat(cmp.path("volumes").path(0).path(0).asDouble()).isEqualTo(1700.0); // vlad over both years
    }

    @Test
    void works_offline_and_lets_only_its_own_scripts_run() throws Exception {
        String html = HtmlReport.render(List.of(PlanFixtures.plan("base", 20e6)));
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(html).doesNotContain("<link");
        assertThat(html).contains("echarts").contains("id=\"footprint-world\"");
        Matcher csp = Pattern.compile("script-src ([^;]+);").matcher(html);
        assertThat(csp.find()).isTrue();
        Matcher scripts =
                Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int n = 0;
        while (scripts.find()) {
            assertThat(csp.group(1)).contains(HtmlReport.hash(scripts.group(1)));
            n++;
        }
        assertThat(n).isEqualTo(2);
        assertThat(csp.group(1)).doesNotContain("unsafe-inline");
    }

    @Test
    void a_plan_without_a_model_section_still_renders() {
        var tree = PlanFixtures.tree(1e6);
        tree.remove("model");
        String html = HtmlReport.render(List.of(LabeledPlan.of("bare", tree)));
        assertThat(html).contains("data-chart=\"map\"").contains("vlad");
    }

    @Test
    void a_solve_without_a_plan_renders_a_page_that_says_so() throws Exception {
        var tree = PlanFixtures.tree(0);
        tree.put("status", "infeasible");
        for (String table : List.of("plants", "flows", "lostSales", "investments", "decisions")) {
            tree.put(table, List.of());
        }
        String html = HtmlReport.render(List.of(LabeledPlan.of("stuck", tree)));
        assertThat(html).contains("This solve found no plan (infeasible)");
        assertThat(data(html).path("plans").path(0).path("map").path("frames")).hasSize(2);
    }

    @Test
    void refuses_a_tree_that_is_not_a_plan() {
        var tree = PlanFixtures.tree(1e6);
        tree.remove("kpis");
        tree.put("flows", List.of(java.util.Map.of("plant", 3)));
        assertThatThrownBy(() -> LabeledPlan.of("x", tree))
                .hasMessageContaining("kpis is missing")
                .hasMessageContaining("flows[0].plant is a number, not text")
                .hasMessageContaining("flows[0].year is missing, not a number");
        assertThatThrownBy(() -> HtmlReport.render(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
