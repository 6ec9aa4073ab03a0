package footprint.explain;

import footprint.model.Ban;
import footprint.model.Commitment;
import footprint.model.ComponentPlant;
import footprint.model.Decision;
import footprint.model.Lane;
import footprint.model.LocalContent;
import footprint.model.Market;
import footprint.model.Network;
import footprint.model.Plant;
import footprint.model.Series;
import footprint.model.StatusSpan;
import footprint.model.YearRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Copies of a network with one part changed (the model is immutable: a change is a new network). */
final class Edits {
    private Edits() {}

    /** The network with these lists in place of its own. */
    static Network with(
            Network n,
            List<Plant> plants,
            List<ComponentPlant> componentPlants,
            List<Market> markets,
            List<Lane> lanes,
            List<Ban> bans,
            List<LocalContent> localContent,
            List<Commitment> commitments,
            List<Decision> decisions) {
        return new Network(
                n.name(),
                n.description(),
                n.horizon(),
                n.currency(),
                n.discountRate(),
                n.objective(),
                n.fx(),
                n.countries(),
                n.platforms(),
                n.components(),
                plants,
                n.products(),
                componentPlants,
                markets,
                lanes,
                n.duties(),
                bans,
                localContent,
                commitments,
                decisions,
                n.disruptions(),
                n.locations());
    }

    /** The network with one more decision, last. */
    static Network withDecision(Network n, Decision d) {
        List<Decision> ds = new ArrayList<>(n.decisions());
        ds.add(d);
        return with(
                n,
                n.plants(),
                n.componentPlants(),
                n.markets(),
                n.lanes(),
                n.bans(),
                n.localContent(),
                n.commitments(),
                ds);
    }

    /** The network with a lane closed in one year: its span of years split around it. */
    static Network withLaneClosed(Network n, Lane lane, int year) {
        List<Lane> lanes = new ArrayList<>();
        for (Lane l : n.lanes()) {
            if (!l.equals(lane) || !l.years().contains(year)) {
                lanes.add(l);
                continue;
            }
            YearRange y = l.years();
            if (y.first() < year) {
                lanes.add(new Lane(
                        l.from(),
                        l.to(),
                        l.mode(),
                        l.costPerUnit(),
                        l.leadTimeDays(),
                        new YearRange(y.first(), year - 1)));
            }
            if (y.last() > year) {
                lanes.add(new Lane(
                        l.from(),
                        l.to(),
                        l.mode(),
                        l.costPerUnit(),
                        l.leadTimeDays(),
                        new YearRange(year + 1, y.last())));
            }
        }
        return with(
                n,
                n.plants(),
                n.componentPlants(),
                n.markets(),
                lanes,
                n.bans(),
                n.localContent(),
                n.commitments(),
                n.decisions());
    }

    static Plant withStatus(Plant p, List<StatusSpan> status) {
        return new Plant(
                p.id(),
                p.name(),
                p.country(),
                p.currency(),
                p.ownership(),
                p.capacity(),
                p.lineCapacity(),
                p.workforce(),
                p.idleWorkforce(),
                p.fixedCost(),
                p.idleCost(),
                p.closureCost(),
                p.reopeningCost(),
                p.variableCost(),
                p.platforms(),
                p.tooling(),
                status);
    }

    /** A market that may lose sales (at no penalty: only whether a plan exists is asked). */
    static Market mayLoseSales(Market m) {
        return new Market(
                m.id(),
                m.name(),
                m.country(),
                m.currency(),
                m.demand(),
                m.segments(),
                Optional.of(footprint.model.Figure.of(0)));
    }

    /** A component plant without a limit on what it makes. */
    static ComponentPlant unlimited(ComponentPlant c) {
        return new ComponentPlant(
                c.id(),
                c.name(),
                c.country(),
                c.currency(),
                c.component(),
                c.ownership(),
                Series.constant(1e12),
                c.unitCost(),
                c.fixedCost());
    }
}
