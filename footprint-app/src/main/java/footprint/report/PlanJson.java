package footprint.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import footprint.optimize.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plan as JSON: {@code status}, {@code objective}, {@code bestBound}, {@code gap}, {@code
 * buildSeconds}, {@code solveSeconds}, {@code kpis}, {@code plants}, {@code flows}, {@code
 * lostSales}, {@code componentFlows}, {@code investments}, {@code decisions}, {@code notes}.
 * Numbers that are not finite (no plan, no bound) are written as null.
 */
public final class PlanJson {
    private PlanJson() {}

    public static String of(Plan plan) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(plan));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plan as nested maps and lists, in the order of the fields above. */
    public static Map<String, Object> tree(Plan plan) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("status", word(plan.status().name()));
        doc.put("mode", word(plan.mode().name()));
        doc.put("backend", plan.backend());
        doc.put("objective", num(plan.objective()));
        doc.put("bestBound", num(plan.bestBound()));
        doc.put("gap", num(plan.gap()));
        doc.put("buildSeconds", plan.buildSeconds());
        doc.put("solveSeconds", plan.solveSeconds());
        var size = new LinkedHashMap<String, Object>();
        size.put("variables", plan.size().variables());
        size.put("binaries", plan.size().binaries());
        size.put("rows", plan.size().rows());
        size.put("nonzeros", plan.size().nonzeros());
        doc.put("size", size);
        Plan.Kpis k = plan.kpis();
        var kpis = new LinkedHashMap<String, Object>();
        kpis.put("revenue", k.revenue());
        kpis.put("variableCost", k.variableCost());
        kpis.put("freight", k.freight());
        kpis.put("duties", k.duties());
        kpis.put("componentCost", k.componentCost());
        kpis.put("fixedCost", k.fixedCost());
        kpis.put("idleCost", k.idleCost());
        kpis.put("investment", k.investment());
        kpis.put("closureCost", k.closureCost());
        kpis.put("reopeningCost", k.reopeningCost());
        kpis.put("lostSalePenalty", k.lostSalePenalty());
        kpis.put("npv", k.npv());
        doc.put("kpis", kpis);
        doc.put("plants", list(plan.plants(), p -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("plant", p.plant());
            m.put("year", p.year());
            m.put("status", word(p.status().name()));
            m.put("running", p.running());
            m.put("output", p.output());
            m.put("capacity", p.capacity());
            m.put("utilisation", p.utilisation());
            m.put("jobs", p.jobs());
            m.put("capacityShadowPrice", p.capacityShadowPrice());
            return m;
        }));
        doc.put("flows", list(plan.flows(), f -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("plant", f.plant());
            m.put("product", f.product());
            m.put("market", f.market());
            m.put("year", f.year());
            m.put("volume", f.volume());
            return m;
        }));
        doc.put("lostSales", list(plan.lostSales(), l -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("market", l.market());
            m.put("product", l.product());
            m.put("year", l.year());
            m.put("volume", l.volume());
            return m;
        }));
        doc.put("componentFlows", list(plan.componentFlows(), c -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("componentPlant", c.componentPlant());
            m.put("plant", c.plant());
            m.put("component", c.component());
            m.put("year", c.year());
            m.put("volume", c.volume());
            return m;
        }));
        doc.put("investments", list(plan.investments(), i -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("plant", i.plant());
            m.put("platform", i.platform());
            m.put("year", i.year());
            m.put("amount", i.amount());
            return m;
        }));
        doc.put("decisions", list(plan.decisions(), d -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("plant", d.plant());
            m.put("year", d.year());
            m.put("action", d.action());
            d.platform().ifPresent(p -> m.put("platform", p));
            m.put("given", d.given());
            m.put("text", d.text());
            return m;
        }));
        doc.put("notes", plan.notes());
        return doc;
    }

    private static <T> List<Map<String, Object>> list(
            List<T> items, java.util.function.Function<T, Map<String, Object>> f) {
        return items.stream().map(f).toList();
    }

    private static String word(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
