package footprint.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import footprint.explain.Conflict;
import footprint.explain.Explanation;
import footprint.explain.Rule;
import footprint.model.Network;
import footprint.model.check.Location;
import footprint.optimize.Plan;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An explanation as JSON ({@code footprint explain --json}): {@code decision}, {@code inPlan},
 * {@code plan} and {@code forcedAs} (in words), {@code mode}, {@code currency}, {@code
 * planStatus}, {@code planObjective}, {@code forcedStatus}, {@code forcedObjective}, {@code
 * extraFreight}, {@code difference} (forced less plan, in the objective's terms: NPV, or cost in cost
 * mode; present value, group share), {@code worseBy} (NPV lost or cost added), {@code verdict} (the
 * sentence), {@code kpiDifference} (forced less plan, each part as the plan's KPIs count it), {@code
 * changes} ({@code plantStates}, {@code tooling}, {@code volumes}, {@code lostSales}) and, when the
 * forced model (or the model) has no plan, {@code conflict}. Numbers that are not finite are null.
 */
public final class ExplanationJson {
    private ExplanationJson() {}

    public static String of(Network n, Explanation e, Function<String, Optional<Location>> placeOf) {
        try {
            return new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(tree(n, e, placeOf));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }

    public static Map<String, Object> tree(Network n, Explanation e, Function<String, Optional<Location>> placeOf) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("decision", e.decision().text());
        doc.put("inPlan", e.inPlan());
        doc.put("plan", e.planSays());
        doc.put("forcedAs", e.forcedAs());
        doc.put("mode", word(e.plan().mode().name()));
        doc.put("currency", n.currency());
        doc.put("planStatus", word(e.plan().status().name()));
        doc.put("planObjective", num(e.plan().objective()));
        e.forced().ifPresent(f -> {
            doc.put("forcedStatus", word(f.status().name()));
            doc.put("forcedObjective", num(f.objective()));
        });
        doc.put("extraFreight", e.extraFreight());
        doc.put("difference", num(e.difference()));
        doc.put("worseBy", num(e.worseBy()));
        if (e.compared()) {
            doc.put("verdict", ExplanationText.verdict(e, n.currency()));
            doc.put("kpiDifference", kpis(e.plan(), e.forced().orElseThrow(), e.extraFreight()));
            var changes = new LinkedHashMap<String, Object>();
            changes.put(
                    "plantStates",
                    e.states().stream()
                            .map(c -> {
                                var m = new LinkedHashMap<String, Object>();
                                m.put("plant", c.plant());
                                m.put("year", c.year());
                                m.put("before", word(c.before().name()));
                                m.put("after", word(c.after().name()));
                                return m;
                            })
                            .toList());
            changes.put(
                    "tooling",
                    e.tooling().stream()
                            .map(t -> {
                                var m = new LinkedHashMap<String, Object>();
                                m.put("plant", t.plant());
                                m.put("platform", t.platform());
                                m.put("before", t.before().orElse(null));
                                m.put("after", t.after().orElse(null));
                                return m;
                            })
                            .toList());
            changes.put(
                    "volumes",
                    e.volumes().stream()
                            .map(v -> {
                                var m = new LinkedHashMap<String, Object>();
                                m.put("plant", v.plant());
                                m.put("year", v.year());
                                m.put("before", v.before());
                                m.put("after", v.after());
                                return m;
                            })
                            .toList());
            changes.put(
                    "lostSales",
                    e.lostSales().stream()
                            .map(l -> {
                                var m = new LinkedHashMap<String, Object>();
                                m.put("market", l.market());
                                m.put("year", l.year());
                                m.put("before", l.before());
                                m.put("after", l.after());
                                return m;
                            })
                            .toList());
            doc.put("changes", changes);
        }
        e.conflict().ifPresent(c -> doc.put("conflict", conflict(c, placeOf)));
        return doc;
    }

    /** A conflict as JSON: {@code outcome}, {@code rules} ({@code path}, {@code place}, {@code family}, {@code text}), {@code minimal}, {@code checks}, {@code seconds}. */
    public static Map<String, Object> conflict(Conflict c, Function<String, Optional<Location>> placeOf) {
        var m = new LinkedHashMap<String, Object>();
        m.put("outcome", word(c.outcome().name()));
        m.put("rules", c.rules().stream().map(r -> rule(r, placeOf)).toList());
        m.put("minimal", c.minimal());
        m.put("checks", c.checks());
        m.put("seconds", c.seconds());
        return m;
    }

    private static Map<String, Object> rule(Rule r, Function<String, Optional<Location>> placeOf) {
        var m = new LinkedHashMap<String, Object>();
        m.put("path", r.path());
        placeOf.apply(r.path()).ifPresent(l -> m.put("place", ConflictText.place(l)));
        m.put("family", r.family().toString());
        m.put("text", r.text());
        return m;
    }

    private static Map<String, Object> kpis(Plan plan, Plan forced, double extraFreight) {
        Plan.Kpis a = plan.kpis();
        Plan.Kpis b = forced.kpis();
        var m = new LinkedHashMap<String, Object>();
        m.put("revenue", b.revenue() - a.revenue());
        m.put("variableCost", b.variableCost() - a.variableCost());
        m.put("freight", b.freight() - a.freight() + extraFreight);
        m.put("duties", b.duties() - a.duties());
        m.put("componentCost", b.componentCost() - a.componentCost());
        m.put("fixedCost", b.fixedCost() - a.fixedCost());
        m.put("idleCost", b.idleCost() - a.idleCost());
        m.put("investment", b.investment() - a.investment());
        m.put("closureCost", b.closureCost() - a.closureCost());
        m.put("reopeningCost", b.reopeningCost() - a.reopeningCost());
        m.put("lostSalePenalty", b.lostSalePenalty() - a.lostSalePenalty());
        m.put("npv", b.npv() - a.npv() - extraFreight);
        return m;
    }

    private static String word(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
