package footprint.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One self-contained HTML page of one or more plans: KPI cards, a map of plants and flows (a
 * timeline steps through the years), a plant by year utilisation heatmap, volumes by plant and
 * product, lost sales, an NPV waterfall, the decisions and investments; for several plans,
 * comparison charts and a KPI table first.
 *
 * <p>The page works offline: ECharts, the world map and the data are inlined, and its Content
 * Security Policy lets only its own two scripts run and fetches nothing. Text from plan files (names
 * come from user files) is escaped in HTML and reaches the charts as JSON data.
 */
public final class HtmlReport {
    private static final String VENDOR = "/footprint/report/html/vendor/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {}

    /** The page, as one HTML document. */
    public static String render(List<LabeledPlan> plans) {
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one plan");
        }
        List<PlanView> views = plans.stream().map(PlanView::new).toList();
        List<String> ids = anchors(plans);
        var data = new LinkedHashMap<String, Object>();
        data.put("plans", views.stream().map(PlanView::charts).toList());
        data.put("comparison", plans.size() > 1 ? comparison(views) : null);

        String echarts = resource(VENDOR + "echarts/dist/echarts.min.js");
        String script = resource("/footprint/report/html/report.js");
        StringBuilder h = new StringBuilder(1_600_000);
        h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src ")
                .append(hash(echarts))
                .append(' ')
                .append(hash(script))
                .append("; style-src 'unsafe-inline'; img-src data: blob:; font-src data:\">\n");
        h.append("<meta name=\"generator\" content=\"Footprint\">\n");
        h.append("<title>").append(Html.escape(title(plans))).append("</title>\n");
        h.append("<style>\n")
                .append(resource("/footprint/report/html/report.css"))
                .append("</style>\n");
        h.append("</head>\n<body>\n");
        header(h, plans, views);
        if (plans.size() > 1) {
            h.append("<nav class=\"plans\" aria-label=\"Plans\"><a href=\"#comparison\">Side by side</a>");
            for (int i = 0; i < plans.size(); i++) {
                h.append("<a href=\"#")
                        .append(ids.get(i))
                        .append("\">")
                        .append(Html.escape(plans.get(i).label()))
                        .append("</a>");
            }
            h.append("</nav>\n");
        }
        h.append("<main>\n");
        if (plans.size() > 1) {
            comparisonSection(h, views);
        }
        for (int i = 0; i < views.size(); i++) {
            planSection(h, views.get(i), i, ids.get(i), plans.size() > 1);
        }
        h.append("</main>\n<footer>Made with Footprint. Money: present values at the group's share, in millions"
                + " of the base currency. Charts: Apache ECharts 6.1.0 (Apache-2.0). Map: Natural Earth 1:110m"
                + " via world-atlas 2.0.2 (ISC; public domain data).</footer>\n");
        h.append("<script type=\"application/json\" id=\"footprint-data\">")
                .append(Html.scriptSafeJson(json(data)))
                .append("</script>\n");
        h.append("<script type=\"application/json\" id=\"footprint-world\">")
                .append(Html.scriptSafeJson(WorldMap.geoJson()))
                .append("</script>\n");
        h.append("<script>").append(echarts).append("</script>\n");
        h.append("<script>").append(script).append("</script>\n");
        return h.append("</body>\n</html>\n").toString();
    }

    private static String title(List<LabeledPlan> plans) {
        return "Footprint report: "
                + String.join(", ", plans.stream().map(LabeledPlan::label).toList());
    }

    private static void header(StringBuilder h, List<LabeledPlan> plans, List<PlanView> views) {
        Set<String> models = new LinkedHashSet<>();
        Set<String> currencies = new LinkedHashSet<>();
        Set<String> horizons = new LinkedHashSet<>();
        for (int i = 0; i < plans.size(); i++) {
            String name = plans.get(i).model().path("name").asText("");
            if (!name.isEmpty()) {
                models.add(name);
            }
            if (!plans.get(i).currency().isEmpty()) {
                currencies.add(plans.get(i).currency());
            }
            horizons.add(views.get(i).horizonText());
        }
        h.append("<header class=\"top\"><h1>Footprint report</h1><p>");
        List<String> parts = new ArrayList<>();
        if (!models.isEmpty()) {
            parts.add(String.join(", ", models));
        }
        parts.add(plans.size() == 1 ? "1 plan" : plans.size() + " plans");
        parts.add(String.join(", ", horizons));
        if (!currencies.isEmpty()) {
            parts.add("money in " + String.join(", ", currencies));
        }
        h.append(Html.escape(String.join(" · ", parts))).append("</p></header>\n");
    }

    private static void comparisonSection(StringBuilder h, List<PlanView> views) {
        String currency = views.get(0).plan.currency();
        h.append("<section class=\"comparison\" id=\"comparison\">\n<h2>Plans side by side</h2>\n");
        h.append("<p class=\"lead\">Each plan's KPIs in millions")
                .append(currency.isEmpty() ? "" : " of " + Html.escape(currency))
                .append("; the differences are against ")
                .append(Html.escape(views.get(0).plan.label()))
                .append(".</p>\n");
        h.append("<div class=\"panel\"><table class=\"kpis\"><thead><tr><th scope=\"col\">KPI</th>");
        for (PlanView v : views) {
            h.append("<th scope=\"col\" class=\"num\">")
                    .append(Html.escape(v.plan.label()))
                    .append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        for (var kpi : PlanView.KPI_NAMES.entrySet()) {
            h.append("<tr><th scope=\"row\">").append(kpi.getValue()).append("</th>");
            double first = views.get(0).kpi(kpi.getKey());
            for (int i = 0; i < views.size(); i++) {
                double value = views.get(i).kpi(kpi.getKey());
                h.append("<td class=\"num\">").append(millions(value));
                if (i > 0 && Math.abs(value - first) >= 0.05e6) {
                    boolean more =
                            kpi.getKey().equals("revenue") || kpi.getKey().equals("npv");
                    boolean better = more ? value > first : value < first;
                    h.append("<br><small class=\"")
                            .append(better ? "up" : "down")
                            .append("\">")
                            .append(value > first ? "+" : "−")
                            .append(millions(Math.abs(value - first)))
                            .append("</small>");
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n<div class=\"grid\">\n");
        panel(h, "NPV by plan", null, chart("comparison-npv", "compareNpv", -1, "", "NPV of each plan"));
        panel(
                h,
                "KPIs by plan",
                null,
                chart("comparison-kpis", "compareKpis", -1, "tall", "Revenue, each cost and NPV of each plan"));
        h.append("</div>\n");
        panel(
                h,
                "Volumes per plant per plan",
                "Vehicles built over the horizon.",
                chart("comparison-volumes", "compareVolumes", -1, "wide", "Vehicles per plant in each plan"));
        h.append("</section>\n");
    }

    private static void planSection(StringBuilder h, PlanView v, int index, String anchor, boolean several) {
        LabeledPlan p = v.plan;
        JsonNode plan = p.plan();
        String status = plan.path("status").asText();
        h.append("<section class=\"plan\" id=\"").append(anchor).append("\">\n<h2>");
        h.append(Html.escape(several ? p.label() : title(p)));
        boolean ok = status.equals("optimal");
        h.append("<span class=\"status").append(ok ? "" : " warn").append("\">").append(Html.escape(status));
        if (status.equals("feasible") && plan.path("gap").isNumber()) {
            h.append(String.format(
                    Locale.ROOT, ", gap %.2f %%", 100 * plan.path("gap").asDouble()));
        }
        h.append("</span></h2>\n<p class=\"lead\">");
        List<String> lead = new ArrayList<>();
        String file = p.model().path("file").asText("");
        if (!file.isEmpty()) {
            lead.add("model " + file);
        }
        lead.add(v.horizonText());
        lead.add(plan.path("mode").asText("npv").equals("cost") ? "minimising cost" : "maximising NPV");
        if (plan.path("backend").isTextual()) {
            lead.add("solved by " + plan.path("backend").asText());
        }
        h.append(Html.escape(String.join(" · ", lead))).append("</p>\n");
        if (!status.equals("optimal") && !status.equals("feasible")) {
            h.append("<p class=\"empty\">This solve found no plan (")
                    .append(Html.escape(status))
                    .append("): there is nothing to chart.</p>\n");
        }
        cards(h, v);
        String cur = p.currency();
        List<String> unplaced = v.unplaced();
        panel(
                h,
                "Map of plants and flows",
                "Lines: vehicles a year from plant to market, wider for more, coloured by product. Plants: blue"
                        + " running, amber idle, grey closed, larger for more capacity; white dots are markets."
                        + " Countries with a plant are blue, markets beige. The timeline steps through the years;"
                        + " drag or scroll to move and zoom."
                        + (unplaced.isEmpty()
                                ? ""
                                : " Not on the map (the model gives no location): " + String.join(", ", unplaced)
                                        + "."),
                chart(anchor + "-map", "map", index, "map", "Map of plants and flows of " + p.label()));
        h.append("<div class=\"grid\">\n");
        panel(
                h,
                "Utilisation by plant and year",
                "Output as a share of capacity; grey where the plant is idle or closed.",
                chart(anchor + "-utilisation", "utilisation", index, "", "Utilisation heatmap of " + p.label()));
        panel(
                h,
                "From revenue to NPV",
                "Present values in millions" + (cur.isEmpty() ? "" : " of " + cur) + ": each cost taken off in turn.",
                chart(anchor + "-waterfall", "waterfall", index, "", "NPV waterfall of " + p.label()));
        panel(
                h,
                "Volumes by plant and product",
                "Vehicles built over " + v.horizonText() + ".",
                chart(anchor + "-volumes", "volumes", index, "", "Volumes by plant and product of " + p.label()));
        if (v.hasLostSales()) {
            panel(
                    h,
                    "Lost sales",
                    "Demand not served, by market and year.",
                    chart(anchor + "-lost-sales", "lostSales", index, "", "Lost sales of " + p.label()));
        } else {
            panel(h, "Lost sales", null, "<p class=\"empty\">Every market's demand is served in every year.</p>");
        }
        h.append("</div>\n");
        decisions(h, v);
        investments(h, v);
        JsonNode notes = plan.path("notes");
        if (notes.isArray() && !notes.isEmpty()) {
            h.append("<div class=\"panel\"><h3>Notes on the solve</h3><ul class=\"notes\">");
            notes.forEach(n -> h.append("<li>").append(Html.escape(n.asText())).append("</li>"));
            h.append("</ul></div>\n");
        }
        h.append("</section>\n");
    }

    private static String title(LabeledPlan p) {
        String model = p.model().path("name").asText("");
        return model.isEmpty() || model.equals(p.label()) ? p.label() : p.label() + ": " + model;
    }

    private static void cards(StringBuilder h, PlanView v) {
        String cur = v.plan.currency();
        String unit = "M" + (cur.isEmpty() ? "" : " " + cur);
        double cost = PlanView.COSTS.stream().mapToDouble(v::kpi).sum();
        h.append("<div class=\"cards\">\n");
        card(h, "NPV", millions(v.kpi("npv")), unit, v.kpi("npv") < 0);
        card(h, "Revenue", millions(v.kpi("revenue")), unit, false);
        card(h, "Costs", millions(cost), unit + ", all costs", false);
        card(h, "Vehicles sold", count(v.volumeSold()), v.horizonText(), false);
        card(
                h,
                "Lost sales",
                count(v.volumeLost()),
                v.kpi("lostSalePenalty") > 0
                        ? "vehicles; penalty " + millions(v.kpi("lostSalePenalty")) + " " + unit
                        : "vehicles",
                v.volumeLost() > 0);
        card(h, "Investment", millions(v.kpi("investment")), unit, false);
        card(
                h,
                "Jobs",
                count(v.jobsInLastYear()),
                v.years.isEmpty() ? "" : "in " + v.years.get(v.years.size() - 1),
                false);
        h.append("</div>\n");
    }

    private static void card(StringBuilder h, String key, String value, String note, boolean negative) {
        h.append("<div class=\"card")
                .append(negative ? " neg" : "")
                .append("\"><div class=\"k\">")
                .append(Html.escape(key))
                .append("</div><div class=\"v\">")
                .append(Html.escape(value))
                .append("</div><div class=\"n\">")
                .append(Html.escape(note))
                .append("</div></div>\n");
    }

    private static void decisions(StringBuilder h, PlanView v) {
        JsonNode rows = v.plan.table("decisions");
        h.append("<div class=\"panel\"><h3>Decisions</h3>");
        if (rows.isEmpty()) {
            h.append("<p class=\"empty\">The plan changes nothing: every plant keeps running as it is.</p></div>\n");
            return;
        }
        h.append("<p class=\"hint\">In grey: what the model imposed (a given status or a forced decision).</p>");
        h.append("<table><thead><tr><th scope=\"col\" class=\"num\">Year</th><th scope=\"col\">Plant</th>"
                + "<th scope=\"col\">Action</th><th scope=\"col\">Decision</th><th scope=\"col\">By</th></tr></thead>"
                + "<tbody>\n");
        for (JsonNode d : rows) {
            boolean given = d.path("given").asBoolean(false);
            String action = d.path("action").asText()
                    + (d.path("platform").isTextual() ? " " + d.path("platform").asText() : "");
            h.append(given ? "<tr class=\"given\">" : "<tr>")
                    .append("<td class=\"num\">")
                    .append(d.path("year").asInt())
                    .append("</td><td>")
                    .append(Html.escape(v.name("plants", d.path("plant").asText())))
                    .append("</td><td>")
                    .append(Html.escape(action))
                    .append("</td><td>")
                    .append(Html.escape(d.path("text").asText()))
                    .append("</td><td>")
                    .append(given ? "model" : "optimiser")
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table></div>\n");
    }

    private static void investments(StringBuilder h, PlanView v) {
        JsonNode rows = v.plan.table("investments");
        if (rows.isEmpty()) {
            return;
        }
        String cur = v.plan.currency();
        h.append("<div class=\"panel\"><h3>Investments</h3><p class=\"hint\">Tooling paid in the year a platform is"
                + " first used, undiscounted, at 100 %.</p>");
        h.append("<table><thead><tr><th scope=\"col\" class=\"num\">Year</th><th scope=\"col\">Plant</th>"
                        + "<th scope=\"col\">Platform</th><th scope=\"col\" class=\"num\">Amount, M ")
                .append(Html.escape(cur))
                .append("</th></tr></thead><tbody>\n");
        for (JsonNode i : rows) {
            h.append("<tr><td class=\"num\">")
                    .append(i.path("year").asInt())
                    .append("</td><td>")
                    .append(Html.escape(v.name("plants", i.path("plant").asText())))
                    .append("</td><td>")
                    .append(Html.escape(i.path("platform").asText()))
                    .append("</td><td class=\"num\">")
                    .append(millions(i.path("amount").asDouble()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table></div>\n");
    }

    private static void panel(StringBuilder h, String title, String hint, String body) {
        boolean wide = body.contains("chart map") || body.contains("chart wide");
        h.append("<div class=\"panel").append(wide ? " wide" : "").append("\"><h3>");
        h.append(Html.escape(title)).append("</h3>");
        if (hint != null) {
            h.append("<p class=\"hint\">").append(Html.escape(hint)).append("</p>");
        }
        h.append(body).append("</div>\n");
    }

    /** A chart's container: the script draws into every element of class chart. */
    private static String chart(String id, String kind, int plan, String size, String label) {
        return "<div class=\"chart" + (size.isEmpty() ? "" : " " + size) + "\" id=\"" + Html.escape(id)
                + "\" data-chart=\"" + kind + "\"" + (plan >= 0 ? " data-plan=\"" + plan + "\"" : "")
                + " role=\"img\" aria-label=\"" + Html.escape(label) + "\"></div>";
    }

    private static Map<String, Object> comparison(List<PlanView> views) {
        var c = new LinkedHashMap<String, Object>();
        c.put("labels", views.stream().map(v -> v.plan.label()).toList());
        c.put("currency", views.get(0).plan.currency());
        List<String> colours = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            colours.add(PlanView.PALETTE.get(i % PlanView.PALETTE.size()));
        }
        c.put("colors", colours);
        List<Map<String, Object>> kpis = new ArrayList<>();
        for (var kpi : PlanView.KPI_NAMES.entrySet()) {
            List<Double> values = views.stream()
                    .map(v -> Math.round(v.kpi(kpi.getKey()) / 1e4) / 100.0)
                    .toList();
            if (values.stream().anyMatch(x -> x != 0)) {
                kpis.add(Map.of("name", kpi.getValue(), "values", values));
            }
        }
        c.put("kpis", kpis);
        c.put(
                "npv",
                views.stream().map(v -> Math.round(v.kpi("npv") / 1e4) / 100.0).toList());
        // plants: every plan's, by name, in first-seen order
        List<String> plantIds = new ArrayList<>();
        List<String> plantNames = new ArrayList<>();
        for (PlanView v : views) {
            for (String p : v.plants) {
                if (!plantIds.contains(p)) {
                    plantIds.add(p);
                    plantNames.add(v.name("plants", p));
                }
            }
        }
        c.put("plants", plantNames);
        List<List<Double>> volumes = new ArrayList<>();
        for (PlanView v : views) {
            List<Double> byPlant = v.outputByPlant();
            List<Double> row = new ArrayList<>();
            for (String p : plantIds) {
                int at = v.plants.indexOf(p);
                row.add(at < 0 ? 0.0 : (double) Math.round(byPlant.get(at)));
            }
            volumes.add(row);
        }
        c.put("volumes", volumes);
        return c;
    }

    /** Unique anchors: "plan-" and the label's letters and digits. */
    private static List<String> anchors(List<LabeledPlan> plans) {
        List<String> ids = new ArrayList<>();
        for (LabeledPlan p : plans) {
            String base = "plan-"
                    + p.label()
                            .toLowerCase(Locale.ROOT)
                            .replaceAll("[^a-z0-9]+", "-")
                            .replaceAll("^-|-$", "");
            String id = base;
            for (int n = 2; ids.contains(id); n++) {
                id = base + "-" + n;
            }
            ids.add(id);
        }
        return ids;
    }

    static String millions(double amount) {
        return String.format(Locale.ROOT, "%,.1f", amount / 1e6).replace("-", "−");
    }

    static String count(double n) {
        return String.format(Locale.ROOT, "%,.0f", n);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(path)) {
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
