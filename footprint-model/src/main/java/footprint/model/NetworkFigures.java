package footprint.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure of a network with its field path ({@code plants[kaluga].capacity}), for checks,
 * summaries and tracing a plan back to its inputs.
 */
public final class NetworkFigures {
    /** A figure and where it sits in the model. */
    public record Entry(String path, Figure figure) {}

    private final List<Entry> entries = new ArrayList<>();

    private NetworkFigures() {}

    /** The figures of a network, in file order. */
    public static List<Entry> of(Network n) {
        var f = new NetworkFigures();
        if (!n.discountRate().equals(Figure.of(0))) {
            // a zero rate with no source is the documented default, not a figure the planner gave
            f.add("discount-rate", n.discountRate());
        }
        n.fx().forEach((c, s) -> f.add("fx." + c, s));
        for (Plant p : n.plants()) {
            String at = "plants[" + p.id() + "]";
            f.add(at + ".ownership", p.ownership());
            f.add(at + ".capacity", p.capacity());
            p.lineCapacity().forEach((k, s) -> f.add(at + ".line-capacity." + k, s));
            f.add(at + ".workforce", p.workforce());
            f.add(at + ".idle-workforce", p.idleWorkforce());
            f.addSeries(at + ".fixed-cost", p.fixedCost());
            f.addSeries(at + ".idle-cost", p.idleCost());
            f.add(at + ".closure-cost", p.closureCost());
            f.add(at + ".reopening-cost", p.reopeningCost());
            f.addPerKey(at + ".variable-cost", p.variableCost());
            for (ToolingOption t : p.tooling()) {
                f.add(at + ".tooling." + t.platform() + ".investment", t.investment());
                f.add(at + ".tooling." + t.platform() + ".lead-time", t.leadTimeYears());
            }
        }
        for (Product p : n.products()) {
            String at = "products[" + p.id() + "]";
            p.bom().forEach((c, fig) -> f.add(at + ".bom." + c, fig));
            f.addPerKey(at + ".price", p.price());
        }
        for (ComponentPlant c : n.componentPlants()) {
            String at = "component-plants[" + c.id() + "]";
            f.add(at + ".ownership", c.ownership());
            f.add(at + ".capacity", c.capacity());
            f.addSeries(at + ".unit-cost", c.unitCost());
            f.addSeries(at + ".fixed-cost", c.fixedCost());
        }
        for (Market m : n.markets()) {
            String at = "markets[" + m.id() + "]";
            m.demand().forEach((k, s) -> f.add(at + ".demand." + k, s));
            for (SegmentDemand s : m.segments()) {
                String seg = at + ".segments." + s.segment();
                f.add(seg + ".volume", s.volume());
                f.add(seg + ".group-share", s.groupShare());
                s.shares().forEach((k, fig) -> f.add(seg + ".shares." + k, fig));
            }
            f.add(at + ".lost-sale-penalty", m.lostSalePenalty());
        }
        for (int i = 0; i < n.lanes().size(); i++) {
            Lane l = n.lanes().get(i);
            f.addSeries("lanes[" + (i + 1) + "].cost", l.costPerUnit());
            f.add("lanes[" + (i + 1) + "].lead-time", l.leadTimeDays());
        }
        for (int i = 0; i < n.duties().size(); i++) {
            f.add("trade.duties[" + (i + 1) + "].rate", n.duties().get(i).rate());
        }
        for (int i = 0; i < n.localContent().size(); i++) {
            f.add(
                    "trade.local-content[" + (i + 1) + "].min-share",
                    n.localContent().get(i).minShare());
        }
        for (int i = 0; i < n.commitments().size(); i++) {
            Commitment c = n.commitments().get(i);
            f.add("commitments[" + (i + 1) + "].min-output", c.minOutput());
            f.add("commitments[" + (i + 1) + "].min-jobs", c.minJobs());
        }
        for (int i = 0; i < n.disruptions().size(); i++) {
            f.add(
                    "disruptions[" + (i + 1) + "].probability",
                    n.disruptions().get(i).probability());
        }
        return List.copyOf(f.entries);
    }

    private void add(String path, Figure figure) {
        entries.add(new Entry(path, figure));
    }

    private void add(String path, Optional<Figure> figure) {
        figure.ifPresent(fig -> add(path, fig));
    }

    private void add(String path, Series series) {
        if (series instanceof Series.ByYear by) {
            by.anchors().forEach((year, fig) -> add(path + "." + year, fig));
            by.growth().ifPresent(g -> add(path + ".growth.rate", g.rate()));
        } else {
            add(path, ((Series.Constant) series).figure());
        }
    }

    private void addSeries(String path, Optional<Series> series) {
        series.ifPresent(s -> add(path, s));
    }

    private void addPerKey(String path, PerKey<Series> perKey) {
        perKey.fallback().ifPresent(s -> add(path + (perKey.byKey().isEmpty() ? "" : ".default"), s));
        for (Map.Entry<String, Series> e : perKey.byKey().entrySet()) {
            add(path + "." + e.getKey(), e.getValue());
        }
    }
}
