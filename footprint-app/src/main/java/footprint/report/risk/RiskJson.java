package footprint.report.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import footprint.model.Network;
import footprint.risk.Distribution;
import footprint.risk.Driver;
import footprint.risk.RiskReport;
import footprint.risk.SampleResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A risk run as JSON: {@code model}, {@code currency}, {@code samples}, {@code seed}, {@code level},
 * {@code demandCorrelation}, {@code threads}, {@code seconds}, {@code inputs}, {@code infeasible},
 * {@code nominal} ({@code npv}, {@code lostSales}, {@code utilisation}), {@code npv}, {@code
 * lostSales}, {@code lostShare}, {@code utilisation} (each {@code mean, sd, min, p5, p50, p95, max}),
 * {@code valueAtRisk}, {@code conditionalValueAtRisk}, {@code probabilityOfLoss}, {@code drivers}
 * ({@code path, form, nominal, low, high, spearman, npvAtLow, npvAtHigh, swing}, widest swing first)
 * and {@code samplesNpv} (every solved sample's NPV, in sample order). Money: present value, base
 * currency, group share. Numbers that are not finite are null.
 */
public final class RiskJson {
    private RiskJson() {}

    public static String of(Network network, RiskReport r) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(network, r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> tree(Network network, RiskReport r) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("model", network.name());
        doc.put("currency", network.currency());
        doc.put("samples", r.samples());
        doc.put("seed", r.seed());
        doc.put("level", r.level());
        doc.put("demandCorrelation", r.demandCorrelation());
        doc.put("threads", r.threads());
        doc.put("seconds", num(r.seconds()));
        doc.put("inputs", r.inputs());
        doc.put("infeasible", r.infeasible());
        var nominal = new LinkedHashMap<String, Object>();
        SampleResult n = r.nominal();
        nominal.put("npv", num(n.npv()));
        nominal.put("lostSales", num(n.lostSales()));
        nominal.put("utilisation", num(n.utilisation()));
        doc.put("nominal", nominal);
        doc.put("npv", dist(r.npv()));
        doc.put("lostSales", dist(r.lostSales()));
        doc.put("lostShare", dist(r.lostShare()));
        doc.put("utilisation", dist(r.utilisation()));
        doc.put("valueAtRisk", num(r.valueAtRisk()));
        doc.put("conditionalValueAtRisk", num(r.conditionalValueAtRisk()));
        doc.put("probabilityOfLoss", num(r.probabilityOfLoss()));
        List<Map<String, Object>> drivers = new ArrayList<>();
        for (Driver d : r.drivers()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("path", d.path());
            m.put("form", d.form());
            m.put("nominal", num(d.nominal()));
            m.put("low", num(d.low()));
            m.put("high", num(d.high()));
            m.put("spearman", num(d.spearman()));
            m.put("npvAtLow", num(d.npvAtLow()));
            m.put("npvAtHigh", num(d.npvAtHigh()));
            m.put("swing", num(d.swing()));
            drivers.add(m);
        }
        doc.put("drivers", drivers);
        List<Object> npvs = new ArrayList<>();
        for (double v : r.npvs()) {
            npvs.add(num(v));
        }
        doc.put("samplesNpv", npvs);
        return doc;
    }

    private static Map<String, Object> dist(Distribution d) {
        var m = new LinkedHashMap<String, Object>();
        m.put("mean", num(d.mean()));
        m.put("sd", num(d.sd()));
        m.put("min", num(d.min()));
        m.put("p5", num(d.p5()));
        m.put("p50", num(d.p50()));
        m.put("p95", num(d.p95()));
        m.put("max", num(d.max()));
        return m;
    }

    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
