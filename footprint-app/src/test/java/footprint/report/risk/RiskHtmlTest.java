package footprint.report.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RiskHtmlTest {
    @Test
    void bins_cover_every_value_once_with_equal_widths() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sin(i) * 100 + i * 0.01;
        }
        List<double[]> bins = RiskHtml.bins(v);
        assertThat(bins).hasSizeBetween(10, 60);
        assertThat(bins.stream().mapToDouble(b -> b[2]).sum()).isEqualTo(1000.0);
        double width = bins.get(0)[1] - bins.get(0)[0];
        for (double[] b : bins) {
            assertThat(b[1] - b[0]).isCloseTo(width, org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(RiskHtml.bins(new double[] {5, 5, 5})).hasSize(1);
        assertThat(RiskHtml.bins(new double[0])).isEmpty();
    }

    @Test
    void text_from_model_files_is_escaped() {
        assertThat(RiskHtml.escape("<b>\"x\" & 'y'</b>"))
                .isEqualTo("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;");
        assertThat(RiskHtml.scriptSafe("{\"a\":\"</script>\"}")).doesNotContain("</");
    }
}
