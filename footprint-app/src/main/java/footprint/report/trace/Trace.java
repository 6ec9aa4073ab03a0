package footprint.report.trace;

import footprint.model.Ban;
import footprint.model.Commitment;
import footprint.model.Decision;
import footprint.model.Duty;
import footprint.model.Figure;
import footprint.model.Lane;
import footprint.model.LocalContent;
import footprint.model.Market;
import footprint.model.Network;
import footprint.model.Plant;
import footprint.model.PlantStatus;
import footprint.model.Product;
import footprint.model.Quantity;
import footprint.model.Source;
import footprint.model.check.Location;
import footprint.optimize.Plan;
import footprint.report.Format;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;

/**
 * Follows one number or decision of a plan back to its inputs: the figures that make it (with the
 * value used, its range, its source, whether an article gives it or it is assumed, the file and
 * line it was written at and the scenario change that wrote it), and the rules (given statuses,
 * forced or forbidden decisions, bans, closed lanes, commitments) that shape it.
 *
 * <p>For money, each figure's effect is the traced amount with that one figure at the low and at
 * the high end of its range, the plan held fixed: which inputs the number hangs on.
 */
public final class Trace {
    /**
     * An input figure of the traced number.
     *
     * @param atLow the traced amount with the figure at the low end of its range (money only)
     * @param atHigh the same at the high end
     */
    public record FigureUse(
            String path,
            Figure figure,
            Optional<Location> place,
            Optional<Provenance.ScenarioChange> change,
            OptionalDouble atLow,
            OptionalDouble atHigh) {
        public FigureUse {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(atLow, "atLow");
            Objects.requireNonNull(atHigh, "atHigh");
        }

        /** ARTICLE, ASSUMPTION, URL or OTHER; empty when the figure names no source. */
        public Optional<Source.Kind> kind() {
            return figure.source().map(Source::kind);
        }

        /** How far the traced amount moves over the figure's range (0 without an effect). */
        public double swing() {
            if (atLow.isEmpty() || atHigh.isEmpty()) {
                return 0;
            }
            return Math.abs(atHigh.getAsDouble() - atLow.getAsDouble());
        }
    }

    /** A rule that shapes the traced number: a status, decision, ban, lane, commitment or local-content rule. */
    public record RuleUse(
            String path,
            String text,
            Optional<Source> source,
            Optional<Location> place,
            Optional<Provenance.ScenarioChange> change) {
        public RuleUse {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(change, "change");
        }
    }

    /**
     * One part of a traced amount.
     *
     * @param amount base currency, undiscounted, at 100 %
     * @param presentValue as the plan's KPIs count it
     */
    public record Part(String label, double amount, double presentValue) {}

    /**
     * What a trace found.
     *
     * @param value the traced number (for money: present value at the group's share, base currency)
     * @param valueText the value as a planner reads it
     * @param facts what the plan says around it: the plant's state, who serves the market, why a flow is 0
     * @param parts for money, its parts
     */
    public record Result(
            TraceTarget target,
            double value,
            String valueText,
            List<String> facts,
            List<Part> parts,
            List<FigureUse> figures,
            List<RuleUse> rules,
            List<String> notes) {
        public Result {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(valueText, "valueText");
            facts = List.copyOf(facts);
            parts = List.copyOf(parts);
            figures = List.copyOf(figures);
            rules = List.copyOf(rules);
            notes = List.copyOf(notes);
        }
    }

    private static final double SMALL = 1e-6;

    private final Provenance prov;
    private final Network n;
    private final Plan plan;
    private final String cur;
    private final List<String> facts = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();
    private final List<RuleUse> rules = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Recorder recorder = new Recorder();

    private Trace(Provenance prov, Plan plan) {
        this.prov = prov;
        this.n = prov.network();
        this.plan = plan;
        this.cur = n.currency();
    }

    /**
     * Traces a target in a plan of the model that {@code prov} describes.
     *
     * @throws IllegalArgumentException when the target names an id or year the model does not have
     */
    public static Result of(Provenance prov, Plan plan, TraceTarget target) {
        return new Trace(prov, plan).run(target);
    }

    private Result run(TraceTarget t) {
        check(t);
        if (!plan.hasPlan()) {
            notes.add("the plan file holds no plan (status "
                    + plan.status().name().toLowerCase(Locale.ROOT) + "): only the inputs are listed");
        }
        double value;
        String valueText;
        ToDoubleFunction<ToDoubleFunction<Figure>> money = null;
        switch (t.kind()) {
            case MONEY -> {
                money = v -> moneyValue(t, v);
                value = money.applyAsDouble(recorder);
                valueText = moneyText(t, value);
            }
            case FLOW -> {
                value = flow(t);
                valueText = Format.count(value) + " vehicles";
            }
            case LOST -> {
                value = lost(t);
                valueText = Format.count(value) + " vehicles";
            }
            case DEMAND -> {
                value = demand(
                        t.market().orElseThrow(),
                        t.product().orElseThrow(),
                        t.year().orElseThrow());
                valueText = Format.count(value) + " vehicles";
            }
            case STATUS -> {
                PlantStatus s = status(t);
                value = s.ordinal();
                String word = word(s);
                valueText = switch (t.name()) {
                    case "running" -> s == PlantStatus.RUNNING ? "yes" : "no: " + word;
                    case "idle" -> s == PlantStatus.IDLE ? "yes" : "no: " + word;
                    case "closed" -> s == PlantStatus.CLOSED ? "yes" : "no: " + word;
                    default -> word;
                };
            }
            case OUTPUT -> {
                value = output(t);
                valueText = Format.count(value) + " vehicles";
            }
            case JOBS -> {
                value = jobs(t);
                valueText = Format.count(value) + " people";
            }
            default -> throw new IllegalStateException(t.kind().name());
        }
        List<FigureUse> figures = figures(money);
        return new Result(t, value, valueText, facts, parts, figures, rules, notes);
    }

    // ---- checks ---------------------------------------------------------------------------------

    private void check(TraceTarget t) {
        t.year().ifPresent(y -> {
            if (!n.horizon().contains(y)) {
                throw new IllegalArgumentException(y + " is outside the horizon "
                        + n.horizon().firstYear() + "-" + n.horizon().lastYear());
            }
        });
        t.plant().ifPresent(p -> {
            boolean plantOrComponentPlant = n.plant(p).isPresent()
                    || (t.kind() == TraceTarget.Kind.MONEY
                            && n.componentPlant(p).isPresent());
            if (!plantOrComponentPlant) {
                throw new IllegalArgumentException("'" + p + "' is not a plant of the model; its plants are "
                        + String.join(", ", n.plants().stream().map(Plant::id).toList()));
            }
        });
        t.product().ifPresent(k -> {
            if (n.product(k).isEmpty()) {
                throw new IllegalArgumentException("'" + k + "' is not a product of the model; its products are "
                        + String.join(
                                ", ", n.products().stream().map(Product::id).toList()));
            }
        });
        t.market().ifPresent(m -> {
            if (n.market(m).isEmpty()) {
                throw new IllegalArgumentException("'" + m + "' is not a market of the model; its markets are "
                        + String.join(", ", n.markets().stream().map(Market::id).toList()));
            }
        });
    }

    // ---- money ----------------------------------------------------------------------------------

    private Ledger.Scope scope(TraceTarget t) {
        return new Ledger.Scope(
                t.plant(),
                t.year().map(OptionalInt::of).orElse(OptionalInt.empty()),
                Optional.empty(),
                Optional.empty());
    }

    /** The traced amount with figures valued by {@code v}: present value at the group's share. */
    private double moneyValue(TraceTarget t, ToDoubleFunction<Figure> v) {
        double sum = 0;
        for (Ledger.Entry e : Ledger.of(n, plan, v, scope(t))) {
            if (t.items().contains(e.item())) {
                sum += t.isNpv() ? e.signedPresentValue() : e.presentValue();
            }
        }
        return sum;
    }

    private String moneyText(TraceTarget t, double value) {
        List<Ledger.Entry> entries = Ledger.of(n, plan, Figure::nominal, scope(t)).stream()
                .filter(e -> t.items().contains(e.item()))
                .toList();
        Map<Ledger.Item, double[]> byItem = new EnumMap<>(Ledger.Item.class);
        for (Ledger.Entry e : entries) {
            double[] a = byItem.computeIfAbsent(e.item(), i -> new double[2]);
            a[0] += e.amount();
            a[1] += e.presentValue();
        }
        byItem.forEach((item, a) -> {
            int sign = t.isNpv() ? item.sign() : 1;
            parts.add(new Part(item.label(), sign * a[0], sign * a[1]));
        });
        String text = Format.millions(value) + " " + cur + " in the NPV (present value, group share)";
        if (t.plant().isPresent() && t.year().isPresent()) {
            String plant = t.plant().get();
            int year = t.year().get();
            double amount = entries.stream()
                    .mapToDouble(e -> (t.isNpv() ? e.item().sign() : 1) * e.amount())
                    .sum();
            double d = Math.pow(
                    1 + n.discountRate().nominal(), -(year - n.horizon().firstYear()));
            double own = n.plant(plant)
                    .flatMap(Plant::ownership)
                    .or(() -> n.componentPlant(plant).flatMap(q -> q.ownership()))
                    .map(Figure::nominal)
                    .orElse(1.0);
            text += "; " + Format.millions(amount) + " " + cur + " of " + year + " money at 100 % (discount factor "
                    + String.format(Locale.ROOT, "%.3f", d) + ", group share " + Format.percent(own) + ")";
            n.plant(plant).ifPresent(p -> {
                PlantStatus s = Ledger.status(plan, p, year);
                facts.add(plant + " is " + word(s) + " in " + year + output(p, year));
                plantRules(p, year);
            });
        } else if (t.plant().isPresent()) {
            n.plant(t.plant().get()).ifPresent(p -> {
                facts.add(plant(p) + " by year: " + statusLine(p));
                for (int y : n.horizon().years().toArray()) {
                    plantRules(p, y);
                }
            });
        }
        if (t.plant().isEmpty() && t.year().isEmpty()) {
            double planValue = t.isNpv() ? plan.kpis().npv() : kpi(t);
            if (!Double.isNaN(planValue) && Math.abs(planValue - value) > 1e-6 * Math.max(1, Math.abs(planValue))) {
                notes.add("the plan file says " + Format.millions(planValue) + " " + cur
                        + ": the model has changed since the plan was solved, or the plan is from another model");
            }
        }
        if (t.plant().isEmpty()) {
            Map<String, Double> byPlant = new LinkedHashMap<>();
            for (Ledger.Entry e : entries) {
                byPlant.merge(e.plant(), (t.isNpv() ? e.item().sign() : 1) * e.presentValue(), Double::sum);
            }
            byPlant.entrySet().stream()
                    .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue())))
                    .forEach(e ->
                            facts.add(e.getKey() + ": " + Format.millions(e.getValue()) + " " + cur + " in the NPV"));
        }
        return text;
    }

    private double kpi(TraceTarget t) {
        Plan.Kpis k = plan.kpis();
        double sum = 0;
        for (Ledger.Item i : t.items()) {
            sum += switch (i) {
                case REVENUE -> k.revenue();
                case VARIABLE_COST -> k.variableCost();
                case FREIGHT -> k.freight();
                case DUTIES -> k.duties();
                case COMPONENTS -> k.componentCost();
                case FIXED_COST -> k.fixedCost();
                case IDLE_COST -> k.idleCost();
                case INVESTMENT -> k.investment();
                case CLOSURE -> k.closureCost();
                case REOPENING -> k.reopeningCost();
            };
        }
        return sum;
    }

    // ---- flows, lost sales, demand ---------------------------------------------------------------

    private double flow(TraceTarget t) {
        Plant p = n.plant(t.plant().orElseThrow()).orElseThrow();
        Product k = n.product(t.product().orElseThrow()).orElseThrow();
        Market m = n.market(t.market().orElseThrow()).orElseThrow();
        int year = t.year().orElseThrow();
        double x = plan.flow(p.id(), k.id(), m.id(), year);
        facts.add(p.id() + " is " + word(Ledger.status(plan, p, year)) + " in " + year + output(p, year));
        unitEconomics(p, k, m, year);
        whyNot(p, k, m, year).forEach(facts::add);
        double dem = demand(m.id(), k.id(), year);
        facts.add("demand for " + k.id() + " in " + m.id() + " in " + year + ": " + Format.count(dem) + "; "
                + servedBy(m, k, year));
        recorder.applyAsDouble(capacityFigure(p, year));
        plantRules(p, year);
        return x;
    }

    private double lost(TraceTarget t) {
        Market m = n.market(t.market().orElseThrow()).orElseThrow();
        Product k = n.product(t.product().orElseThrow()).orElseThrow();
        int year = t.year().orElseThrow();
        double lost = plan.lostSales().stream()
                .filter(l -> l.market().equals(m.id()) && l.product().equals(k.id()) && l.year() == year)
                .mapToDouble(Plan.LostSale::volume)
                .sum();
        double dem = demand(m.id(), k.id(), year);
        facts.add("demand " + Format.count(dem) + "; " + servedBy(m, k, year));
        k.price().lookup(m.id()).ifPresent(s -> {
            double price = n.fxRate(m.currency().orElse(cur), year, recorder) * s.valueAt(year, recorder);
            facts.add("price " + Format.count(price) + " " + cur + " a vehicle");
        });
        for (Plant p : n.plants()) {
            if (!p.canBuild(k.platform())) {
                continue;
            }
            List<String> why = whyNot(p, k, m, year);
            double x = plan.flow(p.id(), k.id(), m.id(), year);
            if (x > SMALL) {
                continue;
            }
            facts.add("  " + p.id() + ": " + (why.isEmpty() ? notServing(p, k, m, year) : String.join("; ", why)));
        }
        return lost;
    }

    private String notServing(Plant p, Product k, Market m, int year) {
        Optional<Plan.PlantYear> row = plan.plant(p.id(), year);
        if (row.isPresent() && row.get().running() && row.get().utilisation() >= 1 - 1e-6) {
            return "could serve it but is full (" + Format.count(row.get().output()) + " vehicles)";
        }
        double margin = unitMargin(p, k, m, year, Figure::nominal);
        return "could serve it, but each vehicle would add " + Format.count(margin) + " " + cur
                + " before fixed costs (at the group's share, undiscounted)";
    }

    private double demand(String market, String product, int year) {
        Market m = n.market(market).orElseThrow();
        return Math.max(0, m.demandFor(product, year, recorder));
    }

    private String servedBy(Market m, Product k, int year) {
        List<String> from = new ArrayList<>();
        for (Plan.Flow f : plan.flows()) {
            if (f.market().equals(m.id()) && f.product().equals(k.id()) && f.year() == year && f.volume() > SMALL) {
                from.add(f.plant() + " " + Format.count(f.volume()));
            }
        }
        return from.isEmpty() ? "no plant serves it" : "served by " + String.join(", ", from);
    }

    /** Price, costs and margin of one vehicle of a flow (recorded), as facts. */
    private void unitEconomics(Plant p, Product k, Market m, int year) {
        Ledger.Entry[] one = unitEntries(p, k, m, year, recorder);
        StringBuilder s = new StringBuilder("one vehicle (" + cur + ", " + year + " money, at 100 %):");
        double margin = 0;
        for (Ledger.Entry e : one) {
            s.append(' ')
                    .append(e.item().label())
                    .append(' ')
                    .append(Format.count(e.amount()))
                    .append(',');
            margin += e.item().sign() * e.amount();
        }
        double components = componentsPerVehicle(p, k, year, recorder);
        margin -= components;
        s.append(" components ").append(Format.count(components));
        s.append("; margin ").append(Format.count(margin));
        facts.add(s.toString());
        for (Duty d : Ledger.duties(n, p.country(), m.country(), k, year)) {
            int i = n.duties().indexOf(d) + 1;
            rule("trade.duties[" + i + "]", "duty " + d.id() + " applies", d.source());
        }
    }

    private double unitMargin(Plant p, Product k, Market m, int year, ToDoubleFunction<Figure> v) {
        double margin = 0;
        for (Ledger.Entry e : unitEntries(p, k, m, year, v)) {
            margin += e.item().sign()
                    * e.amount()
                    * p.ownership().map(v::applyAsDouble).orElse(1.0);
        }
        return margin;
    }

    private Ledger.Entry[] unitEntries(Plant p, Product k, Market m, int year, ToDoubleFunction<Figure> v) {
        Plan one = onePlan(List.of(new Plan.Flow(p.id(), k.id(), m.id(), year, 1)));
        return Ledger.of(n, one, v, Ledger.Scope.ALL).stream()
                .filter(e -> e.product().isPresent())
                .toArray(Ledger.Entry[]::new);
    }

    /** Components of one vehicle, at the average cost per unit the plant pays in the plan that year. */
    private double componentsPerVehicle(Plant p, Product k, int year, ToDoubleFunction<Figure> v) {
        double total = 0;
        for (Map.Entry<String, Figure> b : k.bom().entrySet()) {
            double units = v.applyAsDouble(b.getValue());
            double volume = 0;
            double cost = 0;
            for (Plan.ComponentFlow c : plan.componentFlows()) {
                if (c.plant().equals(p.id()) && c.component().equals(b.getKey()) && c.year() == year) {
                    volume += c.volume();
                    cost += c.volume() * Ledger.componentUnitCost(n, c.componentPlant(), p.id(), year, v);
                }
            }
            if (volume > 0) {
                total += units * cost / volume;
            }
        }
        return total;
    }

    private Plan onePlan(List<Plan.Flow> flows) {
        return new Plan(
                plan.status(),
                plan.mode(),
                plan.backend(),
                0,
                0,
                0,
                0,
                0,
                plan.size(),
                Plan.Kpis.ZERO,
                List.of(),
                flows,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    /** Why a plant cannot sell a product in a market in a year: bans, lanes, state, platform. */
    private List<String> whyNot(Plant p, Product k, Market m, int year) {
        List<String> why = new ArrayList<>();
        String from = p.country();
        String to = m.country();
        for (int i = 0; i < n.bans().size(); i++) {
            Ban b = n.bans().get(i);
            if (b.years().contains(year)
                    && b.coversVehicle(k.brand(), k.id())
                    && Ledger.coversAny(n, b.from(), from)
                    && Ledger.coversAny(n, b.to(), to)) {
                String path = "trade.bans[" + (i + 1) + "]";
                why.add("banned by " + b.id() + " (" + place(path) + ")");
                rule(
                        path,
                        "ban " + b.id() + ": " + String.join(",", b.from()) + " to " + String.join(",", b.to()) + " "
                                + b.years(),
                        b.source());
            }
        }
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < n.lanes().size(); i++) {
            Lane l = n.lanes().get(i);
            if (l.from().equals(p.id()) && l.to().equals(m.id())) {
                lanes.add(l);
                String path = "lanes[" + (i + 1) + "]";
                rule(path, "lane " + l.id() + " open " + l.years(), Optional.empty());
            }
        }
        if (lanes.isEmpty()) {
            why.add("no lane from " + p.id() + " to " + m.id());
        } else if (lanes.stream().noneMatch(l -> l.isOpen(year))) {
            why.add("no lane from " + p.id() + " to " + m.id() + " is open in " + year);
        }
        if (!p.canBuild(k.platform())) {
            why.add(p.id() + " cannot build the " + k.platform() + " platform");
        } else if (!p.platforms().contains(k.platform())) {
            boolean tooled = plan.decisions().stream()
                    .anyMatch(d -> d.plant().equals(p.id())
                            && d.action().equals("tool")
                            && d.platform().map(k.platform()::equals).orElse(false)
                            && d.year() <= year);
            if (!tooled) {
                why.add(p.id() + " is not tooled for " + k.platform() + " in " + year);
            }
        }
        PlantStatus s = Ledger.status(plan, p, year);
        if (s != PlantStatus.RUNNING) {
            why.add(p.id() + " is " + word(s) + " in " + year);
        }
        if (m.demandFor(k.id(), year) <= 0) {
            why.add("no demand for " + k.id() + " in " + m.id() + " in " + year);
        }
        return why;
    }

    // ---- plant states, output, jobs --------------------------------------------------------------

    private PlantStatus status(TraceTarget t) {
        Plant p = n.plant(t.plant().orElseThrow()).orElseThrow();
        int year = t.year().orElseThrow();
        PlantStatus s = Ledger.status(plan, p, year);
        facts.add(p.id() + " is " + word(s) + " in " + year + output(p, year));
        facts.add(plant(p) + " by year: " + statusLine(p));
        plan.decisions().stream().filter(d -> d.plant().equals(p.id())).forEach(d -> facts.add("plan: " + d.text()));
        // what running and idling cost, and what the plant earns that year
        double fx = n.fxRate(p.currency().orElse(cur), year, recorder);
        double fixed = fx * p.fixedCost().map(x -> x.valueAt(year, recorder)).orElse(0.0);
        double idle = fx * p.idleCost().map(x -> x.valueAt(year, recorder)).orElse(0.0);
        double closure = fx * p.closureCost().map(recorder::applyAsDouble).orElse(0.0);
        double reopening = fx * p.reopeningCost().map(recorder::applyAsDouble).orElse(0.0);
        facts.add(String.format(
                Locale.ROOT,
                "a year running costs %s %s fixed, idle %s; closing once %s, running again after idle or closed %s"
                        + " (%d money, at 100 %%)",
                Format.millions(fixed),
                cur,
                Format.millions(idle),
                Format.millions(closure),
                Format.millions(reopening),
                year));
        recorder.applyAsDouble(capacityFigure(p, year));
        p.workforce().ifPresent(recorder::applyAsDouble);
        p.idleWorkforce().ifPresent(recorder::applyAsDouble);
        List<Ledger.Entry> entries = Ledger.of(
                n,
                plan,
                recorder,
                new Ledger.Scope(Optional.of(p.id()), OptionalInt.of(year), Optional.empty(), Optional.empty()));
        Map<Ledger.Item, double[]> byItem = new EnumMap<>(Ledger.Item.class);
        for (Ledger.Entry e : entries) {
            double[] a = byItem.computeIfAbsent(e.item(), i -> new double[2]);
            a[0] += e.amount();
            a[1] += e.presentValue();
        }
        byItem.forEach((item, a) -> parts.add(new Part(item.label(), item.sign() * a[0], item.sign() * a[1])));
        plantRules(p, year);
        return s;
    }

    private double output(TraceTarget t) {
        Plant p = n.plant(t.plant().orElseThrow()).orElseThrow();
        int year = t.year().orElseThrow();
        facts.add(p.id() + " is " + word(Ledger.status(plan, p, year)) + " in " + year);
        Map<String, Double> byMarket = new LinkedHashMap<>();
        for (Plan.Flow f : plan.flows()) {
            if (f.plant().equals(p.id()) && f.year() == year && f.volume() > SMALL) {
                byMarket.merge(f.product() + " for " + f.market(), f.volume(), Double::sum);
            }
        }
        byMarket.forEach((k, v) -> facts.add("  " + k + ": " + Format.count(v)));
        double cap = capacityFigure(p, year) == null ? 0 : p.capacity().valueAt(year, recorder);
        facts.add("capacity " + Format.count(cap));
        plantRules(p, year);
        return plan.plant(p.id(), year).map(Plan.PlantYear::output).orElse(0.0);
    }

    private double jobs(TraceTarget t) {
        Plant p = n.plant(t.plant().orElseThrow()).orElseThrow();
        int year = t.year().orElseThrow();
        PlantStatus s = Ledger.status(plan, p, year);
        facts.add(p.id() + " is " + word(s) + " in " + year + ": jobs are its "
                + (s == PlantStatus.RUNNING
                        ? "workforce"
                        : s == PlantStatus.IDLE ? "idle workforce" : "none (closed)"));
        if (s == PlantStatus.RUNNING) {
            p.workforce().ifPresent(recorder::applyAsDouble);
        } else if (s == PlantStatus.IDLE) {
            p.idleWorkforce().ifPresent(recorder::applyAsDouble);
        }
        plantRules(p, year);
        return plan.plant(p.id(), year).map(Plan.PlantYear::jobs).orElse(0.0);
    }

    /** The plant's capacity figure in force in a year (recorded by the caller), or null. */
    private Figure capacityFigure(Plant p, int year) {
        if (p.capacity() instanceof footprint.model.Series.Constant c) {
            return c.figure();
        }
        footprint.model.Series.ByYear by = (footprint.model.Series.ByYear) p.capacity();
        var e = by.anchors().floorEntry(year);
        return e == null ? by.anchors().firstEntry().getValue() : e.getValue();
    }

    private String output(Plant p, int year) {
        return plan.plant(p.id(), year)
                .filter(Plan.PlantYear::running)
                .map(r -> String.format(
                        Locale.ROOT,
                        ", building %s vehicles (%s of its capacity)",
                        Format.count(r.output()),
                        Format.percent(Math.round(r.utilisation() * 1000) / 1000.0)))
                .orElse("");
    }

    private String statusLine(Plant p) {
        StringBuilder s = new StringBuilder();
        PlantStatus last = null;
        int from = 0;
        int[] years = n.horizon().years().toArray();
        for (int y : years) {
            PlantStatus now = Ledger.status(plan, p, y);
            if (now != last) {
                if (last != null) {
                    s.append(span(from, y - 1)).append(' ').append(word(last)).append(", ");
                }
                last = now;
                from = y;
            }
        }
        s.append(span(from, years[years.length - 1])).append(' ').append(word(last));
        return s.toString();
    }

    private static String span(int a, int b) {
        return a == b ? Integer.toString(a) : a + "-" + b;
    }

    private static String plant(Plant p) {
        return p.id();
    }

    /** Rules on a plant in a year: its given status, decisions, commitments. */
    private void plantRules(Plant p, int year) {
        p.givenStatus(year)
                .ifPresent(s -> rule(
                        "plants[" + p.id() + "].status",
                        p.id() + " is given as " + word(s) + " in " + year,
                        Optional.empty()));
        for (int i = 0; i < n.decisions().size(); i++) {
            Decision d = n.decisions().get(i);
            if (d.plant().equals(p.id()) && d.years().contains(year)) {
                rule(
                        "decisions[" + (i + 1) + "]",
                        d.rule().word() + " " + d.action().word() + " " + d.plant()
                                + d.platform().map(f -> " " + f).orElse("") + " " + d.years(),
                        d.source());
            }
        }
        for (int i = 0; i < n.commitments().size(); i++) {
            Commitment c = n.commitments().get(i);
            if (c.plant().equals(p.id()) && c.years().contains(year)) {
                c.minOutput().ifPresent(recorder::applyAsDouble);
                c.minJobs().ifPresent(recorder::applyAsDouble);
                rule("commitments[" + (i + 1) + "]", "commitment " + c.id() + " " + c.years(), c.source());
            }
        }
        for (int i = 0; i < n.localContent().size(); i++) {
            LocalContent lc = n.localContent().get(i);
            if (lc.years().contains(year) && lc.to().stream().anyMatch(place -> n.placeCovers(place, p.country()))) {
                rule(
                        "trade.local-content[" + (i + 1) + "]",
                        "local content " + lc.id() + " " + lc.years(),
                        lc.source());
            }
        }
    }

    private void rule(String path, String text, Optional<Source> source) {
        if (rules.stream().anyMatch(r -> r.path().equals(path))) {
            return;
        }
        rules.add(new RuleUse(path, text, source, prov.placeOf(path), prov.changeOf(path)));
    }

    private String place(String path) {
        return prov.placeOf(path).map(Location::toString).orElse(path);
    }

    // ---- figures --------------------------------------------------------------------------------

    private List<FigureUse> figures(ToDoubleFunction<ToDoubleFunction<Figure>> money) {
        List<FigureUse> out = new ArrayList<>();
        for (Figure f : recorder.used()) {
            Optional<String> path = prov.pathOf(f);
            if (path.isEmpty()) {
                continue;
            }
            OptionalDouble low = OptionalDouble.empty();
            OptionalDouble high = OptionalDouble.empty();
            Quantity q = f.quantity();
            if (money != null && q.isUncertain() && Double.isFinite(q.min()) && Double.isFinite(q.max())) {
                low = OptionalDouble.of(money.applyAsDouble(Recorder.with(f, q.min())));
                high = OptionalDouble.of(money.applyAsDouble(Recorder.with(f, q.max())));
            }
            out.add(new FigureUse(path.get(), f, prov.placeOf(path.get()), prov.changeOf(path.get()), low, high));
        }
        if (money != null) {
            out.sort(Comparator.comparingDouble(FigureUse::swing).reversed());
        }
        return out;
    }

    static String word(PlantStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
