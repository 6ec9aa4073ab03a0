package footprint.report.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import footprint.model.Network;
import footprint.risk.Distribution;
import footprint.risk.Driver;
import footprint.risk.RiskReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A risk run as one self-contained HTML page: the summary table, a histogram of the NPV (with the
 * mean, P5 and P95 marked) and a tornado of the inputs that drive it. Charts are drawn by the
 * ECharts build the plan report bundles ({@code footprint.report.html}), inlined with the page's
 * data, under a Content Security Policy that lets only those two scripts run and fetches nothing.
 */
public final class RiskHtml {
    static final String ECHARTS = "/footprint/report/html/vendor/echarts/dist/echarts.min.js";
    static final String CSS = "/footprint/report/html/report.css";
    static final String SCRIPT = "/footprint/report/risk/risk.js";
    /** Bars in the tornado. */
    static final int TORNADO = 15;

    private RiskHtml() {}

    public static String render(Network network, RiskReport r, String planFrom) {
        String echarts = resource(ECHARTS);
        String script = resource(SCRIPT);
        String cur = network.currency();
        StringBuilder h = new StringBuilder(1_300_000);
        h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src ")
                .append(hash(echarts))
                .append(' ')
                .append(hash(script))
                .append("; style-src 'unsafe-inline'; img-src data: blob:; font-src data:\">\n");
        h.append("<meta name=\"generator\" content=\"Footprint\">\n");
        h.append("<title>Footprint risk: ").append(escape(network.name())).append("</title>\n");
        h.append("<style>\n").append(resource(CSS)).append("</style>\n");
        h.append("<style>table.risk{border-collapse:collapse;margin:8px 0 16px}"
                + "table.risk td,table.risk th{padding:4px 12px;text-align:right;border-bottom:1px solid #d9dee5}"
                + "table.risk th:first-child,table.risk td:first-child{text-align:left}"
                + ".chart{width:100%;height:420px;background:#fff;border:1px solid #d9dee5;border-radius:6px}"
                + "</style>\n");
        h.append("</head>\n<body>\n<header class=\"top\"><h1>Risk: ")
                .append(escape(network.name()))
                .append("</h1><p>")
                .append(String.format(
                        Locale.ROOT,
                        "%d samples, seed %d, %d uncertain inputs; the plan's strategic decisions (%s) kept, the"
                                + " flows re-solved for each sample.",
                        r.samples(),
                        r.seed(),
                        r.inputs(),
                        escape(planFrom)))
                .append("</p></header>\n<main>\n");

        h.append("<section><h2>Spread</h2><table class=\"risk\"><tr><th></th><th>mean</th><th>P5</th><th>P50</th>"
                + "<th>P95</th><th>sd</th></tr>\n");
        row(h, "NPV (M " + escape(cur) + ")", r.npv(), 1e-6, "%.1f");
        row(h, "Lost sales (vehicles)", r.lostSales(), 1, "%.0f");
        row(h, "Lost share (%)", r.lostShare(), 100, "%.1f");
        row(h, "Utilisation (%)", r.utilisation(), 100, "%.1f");
        h.append("</table>\n<p class=\"lead\">")
                .append(String.format(
                        Locale.ROOT,
                        "NPV on the nominal values: %.1f M %s. Value at risk (%s): %.1f M below the mean;"
                                + " conditional value at risk: %.1f M. Probability of a loss: %s.%s",
                        r.nominal().npv() / 1e6,
                        escape(cur),
                        RiskText.pct(r.level()),
                        r.valueAtRisk() / 1e6,
                        r.conditionalValueAtRisk() / 1e6,
                        RiskText.pct(r.probabilityOfLoss()),
                        r.infeasible() > 0
                                ? " " + r.infeasible() + " samples left out (the plan's decisions cannot meet a rule)."
                                : ""))
                .append("</p></section>\n");
        h.append("<section><h2>NPV over the samples</h2><div class=\"chart\" id=\"histogram\" role=\"img\""
                + " aria-label=\"Histogram of the NPV\"></div></section>\n");
        h.append("<section><h2>What drives the NPV</h2><p class=\"lead\">Each input at its low and its high end,"
                + " every other input nominal; the label gives its rank correlation with the NPV over the"
                + " samples.</p><div class=\"chart\" id=\"tornado\" role=\"img\" aria-label=\"Tornado of the"
                + " inputs\"></div></section>\n");
        h.append("</main>\n<footer>Made with Footprint. Money: present values at the group's share, in millions of ")
                .append(escape(cur))
                .append(". Charts: Apache ECharts (Apache-2.0).</footer>\n");
        h.append("<script type=\"application/json\" id=\"risk-data\">")
                .append(scriptSafe(json(data(r, cur))))
                .append("</script>\n");
        h.append("<script>").append(echarts).append("</script>\n");
        h.append("<script>").append(script).append("</script>\n");
        return h.append("</body>\n</html>\n").toString();
    }

    /** The charts' data: histogram bins (M), marks, and the tornado's bars. */
    static Map<String, Object> data(RiskReport r, String currency) {
        var d = new LinkedHashMap<String, Object>();
        d.put("currency", currency);
        double[] npv = Arrays.stream(r.npvs()).map(v -> v / 1e6).toArray();
        d.put("bins", bins(npv));
        var marks = new LinkedHashMap<String, Object>();
        marks.put("mean", RiskJson.num(r.npv().mean() / 1e6));
        marks.put("p5", RiskJson.num(r.npv().p5() / 1e6));
        marks.put("p95", RiskJson.num(r.npv().p95() / 1e6));
        marks.put("nominal", RiskJson.num(r.nominal().npv() / 1e6));
        d.put("marks", marks);
        List<Map<String, Object>> bars = new ArrayList<>();
        for (Driver x : r.drivers().stream().limit(TORNADO).toList()) {
            var b = new LinkedHashMap<String, Object>();
            b.put("path", x.path());
            b.put("low", RiskJson.num(x.npvAtLow() / 1e6));
            b.put("high", RiskJson.num(x.npvAtHigh() / 1e6));
            b.put("spearman", RiskJson.num(x.spearman()));
            bars.add(b);
        }
        d.put("nominal", RiskJson.num(r.nominal().npv() / 1e6));
        d.put("tornado", bars);
        return d;
    }

    /** Equal-width bins (about √n, 10 to 60): [[from, to, count], ...]. */
    static List<double[]> bins(double[] values) {
        List<double[]> out = new ArrayList<>();
        if (values.length == 0) {
            return out;
        }
        Distribution d = Distribution.of(values);
        int k = (int) Math.max(10, Math.min(60, Math.round(Math.sqrt(values.length))));
        double width = (d.max() - d.min()) / k;
        if (!(width > 0)) {
            out.add(new double[] {d.min(), d.max(), values.length});
            return out;
        }
        double[] counts = new double[k];
        for (double v : values) {
            counts[(int) Math.min(k - 1, Math.floor((v - d.min()) / width))]++;
        }
        for (int i = 0; i < k; i++) {
            out.add(new double[] {d.min() + i * width, d.min() + (i + 1) * width, counts[i]});
        }
        return out;
    }

    private static void row(StringBuilder h, String label, Distribution d, double scale, String fmt) {
        h.append("<tr><td>").append(label).append("</td>");
        for (double v : new double[] {d.mean(), d.p5(), d.p50(), d.p95(), d.sd()}) {
            h.append("<td>").append(String.format(Locale.ROOT, fmt, v * scale)).append("</td>");
        }
        h.append("</tr>\n");
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** JSON that may stand inside a script element: no "</" or "<!--" can close or open anything. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = RiskHtml.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path: build footprint-app with Maven,"
                        + " which installs the report's chart code from npm");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSP source for an inline script: 'sha256-...' of its exact text. */
    static String hash(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
