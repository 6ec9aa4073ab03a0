package footprint.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import footprint.model.Ban;
import footprint.model.Commitment;
import footprint.model.Component;
import footprint.model.ComponentPlant;
import footprint.model.Country;
import footprint.model.Decision;
import footprint.model.Disruption;
import footprint.model.Duty;
import footprint.model.Figure;
import footprint.model.Lane;
import footprint.model.LocalContent;
import footprint.model.Market;
import footprint.model.Network;
import footprint.model.PerKey;
import footprint.model.Plant;
import footprint.model.Platform;
import footprint.model.Product;
import footprint.model.Quantity;
import footprint.model.SegmentDemand;
import footprint.model.Series;
import footprint.model.StatusSpan;
import footprint.model.ToolingOption;
import footprint.model.YearRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Writes a {@link Network} back to a model file, YAML or JSON. Lossless: reading what it writes
 * gives an equal network. Every figure is written with its own source and unit (sources given once
 * for a whole entry in the original are repeated on each figure).
 */
public final class ModelWriter {
    private ModelWriter() {}

    /** The network as YAML text. */
    public static String toYaml(Network network) {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setWidth(120)
                .setSplitLines(false)
                .setSchema(new CoreSchema())
                .build();
        Node node = new StandardRepresenter(settings).represent(document(network));
        flowSmallCollections(node);
        var out = new StringBuilder();
        new Dump(settings).dumpNode(node, new StreamDataWriter() {
            @Override
            public void write(String str) {
                out.append(str);
            }

            @Override
            public void write(String str, int off, int len) {
                out.append(str, off, off + len);
            }
        });
        return out.toString();
    }

    /** The network as JSON text. */
    public static String toJson(Network network) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document(network))
                    + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the model as JSON", e);
        }
    }

    /**
     * Writes the network to a file (JSON for a {@code .json} name, else YAML), through a temporary
     * file in the same folder, so that an existing file is never left half-written.
     */
    public static void write(Network network, Path path) {
        String text = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? toJson(network)
                : toYaml(network);
        try {
            Path dir = path.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".footprint-", ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Mappings and lists of scalars go on one line: {low: 1, high: 2, source: assumption}. */
    private static void flowSmallCollections(Node node) {
        if (node instanceof MappingNode m) {
            boolean scalars = m.getValue().size() <= 8;
            for (NodeTuple t : m.getValue()) {
                flowSmallCollections(t.getValueNode());
                scalars &= t.getValueNode() instanceof ScalarNode;
            }
            m.setFlowStyle(scalars && !m.getValue().isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK);
        } else if (node instanceof SequenceNode s) {
            boolean scalars = true;
            for (Node item : s.getValue()) {
                flowSmallCollections(item);
                scalars &= item instanceof ScalarNode;
            }
            s.setFlowStyle(scalars ? FlowStyle.FLOW : FlowStyle.BLOCK);
        }
    }

    // ---- the document -----------------------------------------------------------------------------

    static Map<String, Object> document(Network n) {
        var d = new LinkedHashMap<String, Object>();
        d.put("footprint", 1);
        d.put("name", n.name());
        if (!n.description().isEmpty()) {
            d.put("description", n.description());
        }
        d.put("horizon", map("from", n.horizon().firstYear(), "to", n.horizon().lastYear()));
        d.put("currency", n.currency());
        d.put("discount-rate", figure(n.discountRate()));
        d.put("objective", n.objective().name().toLowerCase(Locale.ROOT));
        if (!n.fx().isEmpty()) {
            var fx = new LinkedHashMap<String, Object>();
            n.fx().forEach((c, s) -> fx.put(c, series(s)));
            d.put("fx", fx);
        }
        var countries = new LinkedHashMap<String, Object>();
        for (Country c : n.countries()) {
            var m = map("name", c.name(), "bloc", c.bloc());
            c.currency().ifPresent(v -> m.put("currency", v));
            location(m, n, "countries[" + c.code() + "]");
            countries.put(c.code(), m);
        }
        d.put("countries", countries);
        if (!n.platforms().isEmpty()) {
            var platforms = new LinkedHashMap<String, Object>();
            for (Platform p : n.platforms()) {
                platforms.put(p.id(), map("name", p.name()));
            }
            d.put("platforms", platforms);
        }
        if (!n.components().isEmpty()) {
            var components = new LinkedHashMap<String, Object>();
            for (Component c : n.components()) {
                components.put(c.id(), map("name", c.name(), "unit", c.unit()));
            }
            d.put("components", components);
        }
        var plants = new LinkedHashMap<String, Object>();
        n.plants().forEach(p -> plants.put(p.id(), located(plant(p), n, "plants[" + p.id() + "]")));
        d.put("plants", plants);
        var products = new LinkedHashMap<String, Object>();
        n.products().forEach(p -> products.put(p.id(), product(p)));
        d.put("products", products);
        if (!n.componentPlants().isEmpty()) {
            var cps = new LinkedHashMap<String, Object>();
            n.componentPlants()
                    .forEach(c -> cps.put(c.id(), located(componentPlant(c), n, "component-plants[" + c.id() + "]")));
            d.put("component-plants", cps);
        }
        var markets = new LinkedHashMap<String, Object>();
        n.markets().forEach(m -> markets.put(m.id(), located(market(m), n, "markets[" + m.id() + "]")));
        d.put("markets", markets);
        if (!n.lanes().isEmpty()) {
            d.put("lanes", n.lanes().stream().map(ModelWriter::lane).toList());
        }
        var trade = new LinkedHashMap<String, Object>();
        if (!n.duties().isEmpty()) {
            trade.put("duties", n.duties().stream().map(ModelWriter::duty).toList());
        }
        if (!n.bans().isEmpty()) {
            trade.put("bans", n.bans().stream().map(ModelWriter::ban).toList());
        }
        if (!n.localContent().isEmpty()) {
            trade.put(
                    "local-content",
                    n.localContent().stream().map(ModelWriter::localContent).toList());
        }
        if (!trade.isEmpty()) {
            d.put("trade", trade);
        }
        if (!n.commitments().isEmpty()) {
            d.put(
                    "commitments",
                    n.commitments().stream().map(ModelWriter::commitment).toList());
        }
        if (!n.decisions().isEmpty()) {
            d.put("decisions", n.decisions().stream().map(ModelWriter::decision).toList());
        }
        if (!n.disruptions().isEmpty()) {
            d.put(
                    "disruptions",
                    n.disruptions().stream().map(ModelWriter::disruption).toList());
        }
        return d;
    }

    /** Adds an entry's own location (not its country's) right after its currency or country. */
    private static void location(Map<String, Object> m, Network n, String key) {
        var point = n.locations().get(key);
        if (point != null) {
            m.put("location", map("lat", number(point.lat()), "lon", number(point.lon())));
        }
    }

    private static Map<String, Object> located(Map<String, Object> entry, Network n, String key) {
        if (!n.locations().containsKey(key)) {
            return entry;
        }
        var m = new LinkedHashMap<String, Object>();
        entry.forEach((k, v) -> {
            m.put(k, v);
            if (k.equals("country")) {
                location(m, n, key);
            }
        });
        return m;
    }

    private static LinkedHashMap<String, Object> map(Object... keyValues) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static void put(Map<String, Object> m, String key, Optional<?> value) {
        value.ifPresent(v -> m.put(key, v instanceof Figure f ? figure(f) : v instanceof Series s ? series(s) : v));
    }

    /** A number as written: whole numbers without a decimal point. */
    static Object number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (long) v;
        }
        return v;
    }

    static Object figure(Figure f) {
        Quantity q = f.quantity();
        if (q instanceof Quantity.Point p && f.source().isEmpty() && f.unit().isEmpty()) {
            return number(p.value());
        }
        var m = new LinkedHashMap<String, Object>();
        if (q instanceof Quantity.Point p) {
            m.put("value", number(p.value()));
        } else if (q instanceof Quantity.Range r) {
            m.put("low", number(r.low()));
            m.put("high", number(r.high()));
            if (r.mode().isPresent()) {
                m.put("mode", number(r.mode().getAsDouble()));
            }
        } else if (q instanceof Quantity.Triangular t) {
            m.put("dist", "triangular");
            m.put("low", number(t.low()));
            m.put("mode", number(t.mode()));
            m.put("high", number(t.high()));
        } else if (q instanceof Quantity.Uniform u) {
            m.put("dist", "uniform");
            m.put("low", number(u.low()));
            m.put("high", number(u.high()));
        } else if (q instanceof Quantity.Normal nd) {
            m.put("dist", "normal");
            m.put("mean", number(nd.mean()));
            m.put("sd", number(nd.sd()));
        } else if (q instanceof Quantity.LogNormal ln) {
            m.put("dist", "lognormal");
            m.put("mean", number(ln.mean()));
            m.put("sd", number(ln.sd()));
        }
        f.source().ifPresent(s -> m.put("source", s.text()));
        f.unit().ifPresent(u -> m.put("unit", u));
        return m;
    }

    static Object series(Series s) {
        if (s instanceof Series.Constant c) {
            return figure(c.figure());
        }
        Series.ByYear by = (Series.ByYear) s;
        var m = new LinkedHashMap<Object, Object>();
        by.anchors().forEach((year, f) -> m.put(year, figure(f)));
        if (by.interpolation() == Series.Interpolation.LINEAR) {
            m.put("interpolate", "linear");
        }
        by.growth().ifPresent(g -> m.put("growth", map("rate", figure(g.rate()), "from", g.fromYear())));
        return m;
    }

    private static Object perKey(PerKey<Series> p) {
        if (p.byKey().isEmpty()) {
            return series(p.fallback().orElseThrow());
        }
        var m = new LinkedHashMap<String, Object>();
        p.fallback().ifPresent(s -> m.put("default", series(s)));
        p.byKey().forEach((k, s) -> m.put(k, series(s)));
        return m;
    }

    private static Object years(YearRange y) {
        return y.first() == y.last() ? (Object) y.first() : y.toString();
    }

    private static Object places(List<String> places) {
        return places.size() == 1 ? places.get(0) : places;
    }

    private static Map<String, Object> plant(Plant p) {
        var m = map("name", p.name(), "country", p.country());
        put(m, "currency", p.currency());
        put(m, "ownership", p.ownership());
        m.put("capacity", series(p.capacity()));
        if (!p.lineCapacity().isEmpty()) {
            var lines = new LinkedHashMap<String, Object>();
            p.lineCapacity().forEach((k, s) -> lines.put(k, series(s)));
            m.put("line-capacity", lines);
        }
        put(m, "workforce", p.workforce());
        put(m, "idle-workforce", p.idleWorkforce());
        put(m, "fixed-cost", p.fixedCost());
        put(m, "idle-cost", p.idleCost());
        put(m, "closure-cost", p.closureCost());
        put(m, "reopening-cost", p.reopeningCost());
        if (!p.variableCost().isEmpty()) {
            m.put("variable-cost", perKey(p.variableCost()));
        }
        if (!p.platforms().isEmpty()) {
            m.put("platforms", p.platforms());
        }
        if (!p.tooling().isEmpty()) {
            var tooling = new LinkedHashMap<String, Object>();
            for (ToolingOption t : p.tooling()) {
                tooling.put(
                        t.platform(),
                        map("investment", figure(t.investment()), "lead-time", figure(t.leadTimeYears())));
            }
            m.put("tooling", tooling);
        }
        if (!p.status().isEmpty()) {
            var status = new LinkedHashMap<Object, Object>();
            for (StatusSpan s : p.status()) {
                status.put(years(s.years()), s.status().name().toLowerCase(Locale.ROOT));
            }
            m.put("status", status);
        }
        return m;
    }

    private static Map<String, Object> product(Product p) {
        var m = map("name", p.name(), "brand", p.brand(), "segment", p.segment(), "platform", p.platform());
        if (!p.bom().isEmpty()) {
            var bom = new LinkedHashMap<String, Object>();
            p.bom().forEach((k, f) -> bom.put(k, figure(f)));
            m.put("bom", bom);
        }
        if (!p.price().isEmpty()) {
            m.put("price", perKey(p.price()));
        }
        return m;
    }

    private static Map<String, Object> componentPlant(ComponentPlant c) {
        var m = map("name", c.name(), "country", c.country());
        put(m, "currency", c.currency());
        m.put("component", c.component());
        put(m, "ownership", c.ownership());
        m.put("capacity", series(c.capacity()));
        put(m, "unit-cost", c.unitCost());
        put(m, "fixed-cost", c.fixedCost());
        return m;
    }

    private static Map<String, Object> market(Market mk) {
        var m = map("name", mk.name(), "country", mk.country());
        put(m, "currency", mk.currency());
        if (!mk.demand().isEmpty()) {
            var demand = new LinkedHashMap<String, Object>();
            mk.demand().forEach((k, s) -> demand.put(k, series(s)));
            m.put("demand", demand);
        }
        if (!mk.segments().isEmpty()) {
            var segments = new LinkedHashMap<String, Object>();
            for (SegmentDemand s : mk.segments()) {
                var sm = map("volume", series(s.volume()));
                put(sm, "group-share", s.groupShare());
                var shares = new LinkedHashMap<String, Object>();
                s.shares().forEach((k, f) -> shares.put(k, figure(f)));
                sm.put("shares", shares);
                segments.put(s.segment(), sm);
            }
            m.put("segments", segments);
        }
        put(m, "lost-sale-penalty", mk.lostSalePenalty());
        return m;
    }

    private static Map<String, Object> lane(Lane l) {
        var m = map("from", l.from(), "to", l.to(), "mode", l.mode().name().toLowerCase(Locale.ROOT));
        put(m, "cost", l.costPerUnit());
        put(m, "lead-time", l.leadTimeDays());
        if (!l.years().equals(YearRange.ALL)) {
            m.put("years", years(l.years()));
        }
        return m;
    }

    private static void rule(Map<String, Object> m, YearRange years, Optional<footprint.model.Source> source) {
        if (!years.equals(YearRange.ALL)) {
            m.put("years", years(years));
        }
        source.ifPresent(s -> m.put("source", s.text()));
    }

    private static Map<String, Object> duty(Duty d) {
        var m = map("id", d.id(), "from", places(d.from()), "to", places(d.to()), "rate", series(d.rate()));
        if (!d.brands().isEmpty()) {
            m.put("brands", d.brands());
        }
        if (!d.products().isEmpty()) {
            m.put("products", d.products());
        }
        rule(m, d.years(), d.source());
        return m;
    }

    private static Map<String, Object> ban(Ban b) {
        var m = map("id", b.id(), "from", places(b.from()), "to", places(b.to()));
        if (!b.brands().isEmpty()) {
            m.put("brands", b.brands());
        }
        if (!b.products().isEmpty()) {
            m.put("products", b.products());
        }
        if (!b.components().isEmpty()) {
            m.put("components", b.components());
        }
        rule(m, b.years(), b.source());
        return m;
    }

    private static Map<String, Object> disruption(Disruption x) {
        var m = map("id", x.id());
        x.plant().ifPresent(p -> m.put("plant", p));
        x.lane().ifPresent(l -> m.put("lane", l));
        if (!x.from().isEmpty()) {
            m.put("from", places(x.from()));
        }
        if (!x.to().isEmpty()) {
            m.put("to", places(x.to()));
        }
        m.put("probability", figure(x.probability()));
        rule(m, x.years(), x.source());
        return m;
    }

    private static Map<String, Object> localContent(LocalContent l) {
        var m = map("id", l.id(), "to", places(l.to()), "min-share", figure(l.minShare()));
        rule(m, l.years(), l.source());
        return m;
    }

    private static Map<String, Object> commitment(Commitment c) {
        var m = map("id", c.id(), "plant", c.plant());
        put(m, "min-output", c.minOutput());
        put(m, "min-jobs", c.minJobs());
        rule(m, c.years(), c.source());
        return m;
    }

    private static Map<String, Object> decision(Decision d) {
        var m = map("id", d.id(), d.rule().word(), d.action().word(), "plant", d.plant());
        put(m, "platform", d.platform());
        rule(m, d.years(), d.source());
        return m;
    }
}
