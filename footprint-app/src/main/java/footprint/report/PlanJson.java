package footprint.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import footprint.io.SourceFile;
import footprint.model.GeoPoint;
import footprint.model.Network;
import footprint.optimize.Plan;
import footprint.optimize.Technique;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plan as JSON: {@code status}, {@code objective}, {@code bestBound}, {@code gap}, {@code
 * buildSeconds}, {@code solveSeconds}, {@code techniques} (for a plan solved here: {@code names}, the
 * speed techniques that ran, empty for the plain MILP; {@code auto}, whether Footprint chose them;
 * {@code reason}, why), {@code kpis}, {@code plants}, {@code flows}, {@code
 * lostSales}, {@code componentFlows}, {@code investments}, {@code decisions}, {@code notes}.
 * Numbers that are not finite (no plan, no bound) are written as null.
 *
 * <p>Given the network, a {@code model} section goes first, so a report can draw the plan without
 * the model file: {@code name}, {@code file}, {@code currency}, {@code horizon} ({@code firstYear},
 * {@code lastYear}), {@code plants} ({@code id}, {@code name}, {@code country}, {@code location}),
 * {@code componentPlants} (also {@code component}), {@code markets}, {@code countries} ({@code code},
 * {@code name}, {@code bloc}, {@code location}) and {@code products} ({@code id}, {@code name},
 * {@code brand}, {@code segment}, {@code platform}). A location is {@code {lat, lon}} in degrees
 * (a place's own, else its country's) and is left out where the model gives none.
 *
 * <p>A plan file (written with the files its model was read from) also names its model: {@code
 * planFormat} ({@link #FORMAT}) and {@code footprintVersion} go first, and the {@code model} section
 * holds {@code sha256}, the hash of the model and its scenario chain ({@link SourceFile#combined}),
 * and {@code sources}, each file of the chain in order ({@code file}, {@code sha256}). Commands that
 * read a plan ({@link PlanFile}) check it against these.
 */
public final class PlanJson {
    /**
     * The version of the plan file format: 2 since plans name their model by hash (a plan without
     * {@code planFormat} is of version 1).
     */
    public static final int FORMAT = 2;

    private PlanJson() {}

    public static String of(Plan plan) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(plan));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plan with the {@code model} section that reports need; {@code file} may be empty. */
    public static String of(Plan plan, Network network, String file) {
        return of(plan, network, file, List.of());
    }

    /**
     * A plan file: the plan with its {@code model} section, naming the model by the files it was read
     * from ({@code file} first, then the files it extends; none when not known).
     */
    public static String of(Plan plan, Network network, String file, List<SourceFile> sources) {
        try {
            return new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(tree(plan, network, file, sources));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plan as nested maps and lists, in the order of the fields above. */
    public static Map<String, Object> tree(Plan plan) {
        return tree(plan, new LinkedHashMap<>());
    }

    /** The plan as nested maps and lists, the {@code model} section first. */
    public static Map<String, Object> tree(Plan plan, Network network, String file) {
        return tree(plan, network, file, List.of());
    }

    /** The plan file's tree: format and version, the {@code model} section naming its files, the plan. */
    public static Map<String, Object> tree(Plan plan, Network network, String file, List<SourceFile> sources) {
        var doc = new LinkedHashMap<String, Object>();
        if (!sources.isEmpty()) {
            doc.put("planFormat", FORMAT);
            doc.put("footprintVersion", version());
        }
        Map<String, Object> model = model(network, file);
        if (!sources.isEmpty()) {
            model.put("sha256", SourceFile.combined(sources));
            model.put("sources", sources(sources));
        }
        doc.put("model", model);
        return tree(plan, doc);
    }

    /** The version of this Footprint, from the jar's manifest, or "development" when run from classes. */
    public static String version() {
        String v = PlanJson.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /**
     * The files of the chain, the first as read, each base relative to the first's folder (as an
     * {@code extends} names it) where it can be.
     */
    private static List<Map<String, Object>> sources(List<SourceFile> sources) {
        Path folder = sources.get(0).file().toAbsolutePath().normalize().getParent();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Path f = sources.get(i).file();
            String name = f.toString();
            if (i > 0
                    && folder != null
                    && f.isAbsolute()
                    && f.getRoot() != null
                    && f.getRoot().equals(folder.getRoot())) {
                name = folder.relativize(f.normalize()).toString();
            }
            var row = new LinkedHashMap<String, Object>();
            row.put("file", name);
            row.put("sha256", sources.get(i).sha256());
            out.add(row);
        }
        return out;
    }

    /** What a report needs of the model: names, places and years. */
    public static Map<String, Object> model(Network network, String file) {
        var m = new LinkedHashMap<String, Object>();
        m.put("name", network.name());
        if (!file.isEmpty()) {
            m.put("file", file);
        }
        m.put("currency", network.currency());
        var horizon = new LinkedHashMap<String, Object>();
        horizon.put("firstYear", network.horizon().firstYear());
        horizon.put("lastYear", network.horizon().lastYear());
        m.put("horizon", horizon);
        m.put("plants", list(network.plants(), p -> place(network, p.id(), p.name(), p.country())));
        m.put("componentPlants", list(network.componentPlants(), c -> {
            var row = place(network, c.id(), c.name(), c.country());
            row.put("component", c.component());
            return row;
        }));
        m.put("markets", list(network.markets(), k -> place(network, k.id(), k.name(), k.country())));
        m.put("countries", list(network.countries(), c -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("code", c.code());
            row.put("name", c.name());
            row.put("bloc", c.bloc());
            GeoPoint at = network.locations().get("countries[" + c.code() + "]");
            if (at != null) {
                row.put("location", location(at));
            }
            return row;
        }));
        m.put("products", list(network.products(), p -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("id", p.id());
            row.put("name", p.name());
            row.put("brand", p.brand());
            row.put("segment", p.segment());
            row.put("platform", p.platform());
            return row;
        }));
        return m;
    }

    private static Map<String, Object> place(Network network, String id, String name, String country) {
        var row = new LinkedHashMap<String, Object>();
        row.put("id", id);
        row.put("name", name);
        row.put("country", country);
        network.locationOf(id).ifPresent(at -> row.put("location", location(at)));
        return row;
    }

    private static Map<String, Object> location(GeoPoint at) {
        var m = new LinkedHashMap<String, Object>();
        m.put("lat", at.lat());
        m.put("lon", at.lon());
        return m;
    }

    private static Map<String, Object> tree(Plan plan, Map<String, Object> doc) {
        doc.put("status", word(plan.status().name()));
        doc.put("mode", word(plan.mode().name()));
        doc.put("backend", plan.backend());
        doc.put("objective", num(plan.objective()));
        doc.put("bestBound", num(plan.bestBound()));
        doc.put("gap", num(plan.gap()));
        doc.put("buildSeconds", plan.buildSeconds());
        doc.put("solveSeconds", plan.solveSeconds());
        if (plan.techniques().recorded()) {
            var techniques = new LinkedHashMap<String, Object>();
            techniques.put(
                    "names",
                    plan.techniques().techniques().stream().map(Technique::word).toList());
            techniques.put("auto", plan.techniques().auto());
            techniques.put("reason", plan.techniques().reason());
            doc.put("techniques", techniques);
        }
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
        doc.put("why", WhyJson.tree(plan));
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
