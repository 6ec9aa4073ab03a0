package footprint.report.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import footprint.report.PlanJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A comparison as JSON: {@code reference} (the label of the plan the others are compared with),
 * {@code plans} (each with {@code label}, {@code file}, {@code state}, its {@code problems} when the
 * model has errors, and its {@code plan} as {@code footprint solve --json} writes it, model section
 * included), {@code table} (the side-by-side rows: {@code label}, {@code unit}, {@code values} in
 * plan order, null where a plan has none) and {@code differences} (per plan label, the findings:
 * {@code kind}, {@code text}, {@code plants}, {@code product}, {@code years}, {@code volumePerYear},
 * {@code money}).
 */
public final class ComparisonJson {
    private ComparisonJson() {}

    public static String of(Comparison c) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(c));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> tree(Comparison c) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("reference", c.reference().map(ScenarioPlan::label).orElse(null));
        List<Map<String, Object>> plans = new ArrayList<>();
        for (ScenarioPlan r : c.runs()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("label", r.label());
            m.put("file", r.file().toString());
            m.put("state", ComparisonText.state(r));
            if (r.badInput()) {
                m.put(
                        "problems",
                        r.read().problems().stream().map(Object::toString).toList());
            } else {
                r.plan()
                        .ifPresent(p -> m.put(
                                "plan", PlanJson.tree(p, r.network(), r.file().toString())));
            }
            plans.add(m);
        }
        doc.put("plans", plans);
        List<Map<String, Object>> table = new ArrayList<>();
        String group = "";
        for (Comparison.Row row : c.rows()) {
            var m = new LinkedHashMap<String, Object>();
            boolean indented = row.label().startsWith(" ");
            if (!indented) {
                group = row.label();
            }
            m.put("label", indented ? group + ": " + row.label().strip() : row.label());
            m.put("unit", row.unit().name().toLowerCase(java.util.Locale.ROOT));
            List<Double> values = new ArrayList<>();
            row.values().forEach(v -> values.add(v.isPresent() ? v.getAsDouble() : null));
            m.put("values", values);
            table.add(m);
        }
        doc.put("table", table);
        var differences = new LinkedHashMap<String, Object>();
        for (ScenarioPlan r : c.runs()) {
            if (c.reference().isEmpty() || r == c.reference().get() || !r.hasPlan()) {
                continue;
            }
            List<Map<String, Object>> fs = new ArrayList<>();
            for (Finding f : c.findings(r.label())) {
                var m = new LinkedHashMap<String, Object>();
                m.put("kind", f.kind().word());
                m.put("text", f.text());
                m.put("plants", f.plants());
                f.product().ifPresent(p -> m.put("product", p));
                m.put("years", f.years());
                m.put("volumePerYear", f.volumePerYear());
                m.put("money", f.money());
                fs.add(m);
            }
            differences.put(r.label(), fs);
        }
        doc.put("differences", differences);
        return doc;
    }
}
