package footprint.explain;

import footprint.model.Ban;
import footprint.model.Commitment;
import footprint.model.ComponentPlant;
import footprint.model.Decision;
import footprint.model.Figure;
import footprint.model.LocalContent;
import footprint.model.Market;
import footprint.model.Network;
import footprint.model.Objective;
import footprint.model.Plant;
import footprint.model.StatusSpan;
import footprint.model.YearRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The hard rules of a network, in the model's words, and the network with some of them set aside. */
final class Rules {
    private Rules() {}

    /** Every hard rule of a network, family by family, each in its list's order. */
    static List<Rule> of(Network n) {
        List<Rule> out = new ArrayList<>();
        for (int i = 0; i < n.commitments().size(); i++) {
            out.add(new Rule(
                    Rule.Family.COMMITMENT,
                    "commitments[" + (i + 1) + "]",
                    words(n.commitments().get(i)),
                    i,
                    0));
        }
        for (int i = 0; i < n.decisions().size(); i++) {
            out.add(new Rule(
                    Rule.Family.DECISION,
                    "decisions[" + (i + 1) + "]",
                    words(n.decisions().get(i)),
                    i,
                    0));
        }
        for (int p = 0; p < n.plants().size(); p++) {
            Plant plant = n.plants().get(p);
            for (int s = 0; s < plant.status().size(); s++) {
                StatusSpan span = plant.status().get(s);
                out.add(new Rule(
                        Rule.Family.STATUS,
                        "plants[" + plant.id() + "].status." + span.years(),
                        plant.id() + " " + state(span.status().name()) + " " + years(span.years())
                                + " (its given status)",
                        p,
                        s));
            }
        }
        for (int i = 0; i < n.localContent().size(); i++) {
            out.add(new Rule(
                    Rule.Family.LOCAL_CONTENT,
                    "trade.local-content[" + (i + 1) + "]",
                    words(n.localContent().get(i)),
                    i,
                    0));
        }
        for (int i = 0; i < n.bans().size(); i++) {
            out.add(new Rule(
                    Rule.Family.BAN,
                    "trade.bans[" + (i + 1) + "]",
                    words(n.bans().get(i)),
                    i,
                    0));
        }
        if (n.objective() == Objective.COST) {
            for (int m = 0; m < n.markets().size(); m++) {
                Market market = n.markets().get(m);
                if (market.lostSalePenalty().isEmpty() && hasDemand(n, market)) {
                    out.add(new Rule(
                            Rule.Family.MUST_SERVE,
                            "markets[" + market.id() + "]",
                            "serve all of " + market.id() + "'s demand (cost mode, no lost-sale penalty)",
                            m,
                            0));
                }
            }
        }
        for (int q = 0; q < n.componentPlants().size(); q++) {
            ComponentPlant c = n.componentPlants().get(q);
            out.add(new Rule(
                    Rule.Family.COMPONENT_CAPACITY, "component-plants[" + c.id() + "].capacity", words(n, c), q, 0));
        }
        return out;
    }

    /** The network with only the rules {@code kept} of {@link #of}; every other rule set aside. */
    static Network keepOnly(Network n, Collection<Rule> kept) {
        Set<Rule> keep = new HashSet<>(kept);
        Set<Rule> drop = new HashSet<>(of(n));
        drop.removeAll(keep);
        List<Commitment> commitments = new ArrayList<>();
        for (int i = 0; i < n.commitments().size(); i++) {
            if (!dropped(drop, Rule.Family.COMMITMENT, i, 0)) {
                commitments.add(n.commitments().get(i));
            }
        }
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < n.decisions().size(); i++) {
            if (!dropped(drop, Rule.Family.DECISION, i, 0)) {
                decisions.add(n.decisions().get(i));
            }
        }
        List<Plant> plants = new ArrayList<>();
        for (int p = 0; p < n.plants().size(); p++) {
            Plant plant = n.plants().get(p);
            List<StatusSpan> spans = new ArrayList<>();
            for (int s = 0; s < plant.status().size(); s++) {
                if (!dropped(drop, Rule.Family.STATUS, p, s)) {
                    spans.add(plant.status().get(s));
                }
            }
            plants.add(spans.size() == plant.status().size() ? plant : Edits.withStatus(plant, spans));
        }
        List<LocalContent> local = new ArrayList<>();
        for (int i = 0; i < n.localContent().size(); i++) {
            if (!dropped(drop, Rule.Family.LOCAL_CONTENT, i, 0)) {
                local.add(n.localContent().get(i));
            }
        }
        List<Ban> bans = new ArrayList<>();
        for (int i = 0; i < n.bans().size(); i++) {
            if (!dropped(drop, Rule.Family.BAN, i, 0)) {
                bans.add(n.bans().get(i));
            }
        }
        List<Market> markets = new ArrayList<>();
        for (int m = 0; m < n.markets().size(); m++) {
            Market market = n.markets().get(m);
            markets.add(dropped(drop, Rule.Family.MUST_SERVE, m, 0) ? Edits.mayLoseSales(market) : market);
        }
        List<ComponentPlant> componentPlants = new ArrayList<>();
        for (int q = 0; q < n.componentPlants().size(); q++) {
            ComponentPlant c = n.componentPlants().get(q);
            componentPlants.add(dropped(drop, Rule.Family.COMPONENT_CAPACITY, q, 0) ? Edits.unlimited(c) : c);
        }
        return Edits.with(n, plants, componentPlants, markets, n.lanes(), bans, local, commitments, decisions);
    }

    private static boolean dropped(Set<Rule> drop, Rule.Family family, int index, int span) {
        for (Rule r : drop) {
            if (r.family() == family && r.index() == index && r.span() == span) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDemand(Network n, Market m) {
        return n.horizon().years().anyMatch(y -> n.products().stream().anyMatch(p -> m.demandFor(p.id(), y) > 0));
    }

    // ---- the model's words ------------------------------------------------------------------------

    static String words(Commitment c) {
        List<String> parts = new ArrayList<>();
        c.minJobs().ifPresent(j -> parts.add("keep " + count(j) + " jobs"));
        c.minOutput().ifPresent(o -> parts.add("build at least " + count(o) + " vehicles a year while it runs"));
        return String.join(" and ", parts) + " at " + c.plant() + " " + years(c.years());
    }

    static String words(Decision d) {
        String plant = d.plant();
        boolean force = d.rule() == Decision.Rule.FORCE;
        String what = switch (d.action()) {
            case RUN -> force ? plant + " runs" : plant + " may not run";
            case IDLE -> force ? plant + " idle" : plant + " may not idle";
            case CLOSE -> force ? plant + " closed" : plant + " may not close";
            case TOOL -> {
                String platform = d.platform().orElse("?");
                yield force ? plant + " tooled for " + platform : plant + " may not be tooled for " + platform;
            }
        };
        return what + " " + years(d.years());
    }

    static String words(LocalContent lc) {
        return "at least " + percent(lc.minShare()) + " of the value of vehicles sold in " + String.join(", ", lc.to())
                + " made there " + years(lc.years());
    }

    static String words(Ban b) {
        List<String> goods = new ArrayList<>();
        if (b.coversEverything()) {
            goods.add("nothing");
        } else {
            List<String> vehicles = new ArrayList<>(b.brands());
            vehicles.addAll(b.products());
            if (!vehicles.isEmpty()) {
                goods.add("no " + String.join(", ", vehicles) + " vehicles");
            }
            if (!b.components().isEmpty()) {
                goods.add("no " + String.join(", ", b.components()));
            }
        }
        return String.join(" and ", goods) + " from " + String.join(", ", b.from()) + " to " + String.join(", ", b.to())
                + " " + years(b.years());
    }

    private static String words(Network n, ComponentPlant c) {
        String unit = n.component(c.component()).map(k -> k.unit()).orElse("unit");
        int first = n.horizon().firstYear();
        String cap = count(c.capacity().nominal(first));
        return c.id() + " makes at most " + cap + " " + unit + (unit.endsWith("s") ? "" : "s") + " a year"
                + (c.capacity().variesByYear() ? " in " + first + " (its capacity)" : "");
    }

    /** A plant state as the model writes it: running, idle, closed. */
    static String state(String statusName) {
        return statusName.toLowerCase(Locale.ROOT);
    }

    /** A span of years in words: "in 2022", "from 2022", "up to 2025", "2022-2030", "every year". */
    static String years(YearRange y) {
        if (y.equals(YearRange.ALL)) {
            return "every year";
        }
        if (y.first() == y.last()) {
            return "in " + y.first();
        }
        if (y.isOpenEnd()) {
            return "from " + y.first();
        }
        if (y.isOpenStart()) {
            return "up to " + y.last();
        }
        return y.first() + "-" + y.last();
    }

    static String count(Figure f) {
        return count(f.nominal());
    }

    static String count(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    private static String percent(Figure f) {
        double p = f.nominal() * 100;
        return Math.abs(p - Math.rint(p)) < 1e-9
                ? String.format(Locale.ROOT, "%d%%", Math.round(p))
                : String.format(Locale.ROOT, "%.1f%%", p);
    }
}
