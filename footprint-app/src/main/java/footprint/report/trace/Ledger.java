package footprint.report.trace;

import footprint.model.ComponentPlant;
import footprint.model.Duty;
import footprint.model.Figure;
import footprint.model.Lane;
import footprint.model.Market;
import footprint.model.Network;
import footprint.model.Plant;
import footprint.model.PlantStatus;
import footprint.model.Product;
import footprint.model.Series;
import footprint.model.ToolingOption;
import footprint.optimize.Plan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;

/**
 * The money of a plan, recomputed from the model's figures line by line, the way the optimiser
 * counts it (see {@code Formulation}): each flow's revenue, variable cost, freight and duties; the
 * components each plant buys; each plant-year's fixed, idle, closure and reopening cost; tooling
 * investments; the component plants' fixed costs. Every amount is in the base currency of its year,
 * undiscounted and at 100 %; its {@linkplain Entry#weight() weight} (discount factor times the
 * group's share) turns it into what the plan's KPIs count.
 *
 * <p>Figures are valued by the function passed in, so a trace can record which figures an amount
 * uses and revalue one of them at the ends of its range with the plan held fixed.
 */
public final class Ledger {
    /** What an amount is. */
    public enum Item {
        REVENUE("revenue"),
        VARIABLE_COST("variable cost"),
        FREIGHT("freight"),
        DUTIES("duties"),
        COMPONENTS("components"),
        FIXED_COST("fixed cost"),
        IDLE_COST("idle cost"),
        INVESTMENT("investment"),
        CLOSURE("closure"),
        REOPENING("reopening");

        private final String label;

        Item(String label) {
            this.label = label;
        }

        /** The item as the plan's text summary names it. */
        public String label() {
            return label;
        }

        /** +1 for revenue, -1 for costs: how the item counts in the NPV. */
        public int sign() {
            return this == REVENUE ? 1 : -1;
        }

        /** The item by its label or word ({@code fixed-cost}, {@code fixed cost}, {@code FIXED_COST}). */
        public static Optional<Item> parse(String word) {
            String w = word.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
            for (Item i : values()) {
                if (i.label.equals(w) || (i == COMPONENTS && w.equals("component cost"))) {
                    return Optional.of(i);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One amount of the plan.
     *
     * @param plant the assembly plant (or, for a component plant's fixed cost, the component plant)
     * @param product the product, for amounts of a flow
     * @param market the market, for amounts of a flow
     * @param amount base currency, undiscounted, at 100 %
     * @param weight discount factor times the group's share: {@code amount * weight} is what the KPIs count
     */
    public record Entry(
            Item item,
            String plant,
            int year,
            Optional<String> product,
            Optional<String> market,
            double amount,
            double weight) {
        public Entry {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(plant, "plant");
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(market, "market");
        }

        /** The amount as the plan's KPIs count it: present value at the group's share. */
        public double presentValue() {
            return amount * weight;
        }

        /** The amount with its sign in the NPV (revenue positive, costs negative). */
        public double signedPresentValue() {
            return item.sign() * presentValue();
        }
    }

    /**
     * Which amounts to compute: every one when all parts are empty.
     *
     * @param plant an assembly plant or component plant id
     */
    public record Scope(Optional<String> plant, OptionalInt year, Optional<String> product, Optional<String> market) {
        public static final Scope ALL =
                new Scope(Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty());

        public Scope {
            Objects.requireNonNull(plant, "plant");
            Objects.requireNonNull(year, "year");
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(market, "market");
        }

        boolean plantYear(String p, int y) {
            return plant.map(p::equals).orElse(true) && (year.isEmpty() || year.getAsInt() == y);
        }

        boolean flow(String p, String k, String m, int y) {
            return plantYear(p, y)
                    && product.map(k::equals).orElse(true)
                    && market.map(m::equals).orElse(true);
        }

        /** Whether amounts that belong to no product or market (a plant's fixed cost) are in scope. */
        boolean wholePlant() {
            return product.isEmpty() && market.isEmpty();
        }
    }

    private final Network n;
    private final ToDoubleFunction<Figure> valueOf;
    private final int first;

    private Ledger(Network n, ToDoubleFunction<Figure> valueOf) {
        this.n = n;
        this.valueOf = valueOf;
        this.first = n.horizon().firstYear();
    }

    /** Every amount of the plan in scope, figures valued by {@code valueOf}. */
    public static List<Entry> of(Network n, Plan plan, ToDoubleFunction<Figure> valueOf, Scope scope) {
        return new Ledger(n, valueOf).entries(plan, scope);
    }

    /** Every amount of the plan, figures at their nominal values. */
    public static List<Entry> of(Network n, Plan plan) {
        return of(n, plan, Figure::nominal, Scope.ALL);
    }

    /** The NPV contribution (revenue less costs, present value at the group's share) of the entries. */
    public static double npv(List<Entry> entries) {
        return entries.stream().mapToDouble(Entry::signedPresentValue).sum();
    }

    private List<Entry> entries(Plan plan, Scope scope) {
        List<Entry> out = new ArrayList<>();
        Map<String, Plant> plants = new HashMap<>();
        n.plants().forEach(p -> plants.put(p.id(), p));
        for (Plan.Flow f : plan.flows()) {
            if (f.volume() == 0 || !scope.flow(f.plant(), f.product(), f.market(), f.year())) {
                continue;
            }
            flow(out, plantOf(plants, f.plant()), f);
        }
        if (scope.wholePlant()) {
            for (Plan.ComponentFlow c : plan.componentFlows()) {
                if (c.volume() != 0 && scope.plantYear(c.plant(), c.year())) {
                    component(out, plantOf(plants, c.plant()), c);
                }
            }
            for (Plant p : n.plants()) {
                for (int year : n.horizon().years().toArray()) {
                    if (scope.plantYear(p.id(), year)) {
                        plantYear(out, p, plan, year);
                    }
                }
            }
            for (Plan.Investment i : plan.investments()) {
                if (scope.plantYear(i.plant(), i.year())) {
                    investment(out, plantOf(plants, i.plant()), i);
                }
            }
            for (ComponentPlant q : n.componentPlants()) {
                if (q.fixedCost().isEmpty()) {
                    continue;
                }
                for (int year : n.horizon().years().toArray()) {
                    if (scope.plantYear(q.id(), year)) {
                        double fx = fx(q.currency(), year);
                        double own = q.ownership().map(valueOf::applyAsDouble).orElse(1.0);
                        double amount = fx * q.fixedCost().get().valueAt(year, valueOf);
                        add(out, Item.FIXED_COST, q.id(), year, null, null, amount, discount(year) * own);
                    }
                }
            }
        }
        return out;
    }

    private void flow(List<Entry> out, Plant plant, Plan.Flow f) {
        Product product = n.product(f.product()).orElseThrow(() -> unknown("product", f.product()));
        Market market = n.market(f.market()).orElseThrow(() -> unknown("market", f.market()));
        int year = f.year();
        double w = weight(plant, year);
        double price = fx(market.currency(), year)
                * product.price()
                        .lookup(market.id())
                        .map(s -> s.valueAt(year, valueOf))
                        .orElse(0.0);
        double vc = fx(plant.currency(), year)
                * plant.variableCostOf(product.id(), product.platform())
                        .map(s -> s.valueAt(year, valueOf))
                        .orElse(0.0);
        double freight = cheapestLane(n, plant.id(), market.id(), year)
                .flatMap(Lane::costPerUnit)
                .map(s -> s.valueAt(year, valueOf))
                .orElse(0.0);
        double duty = 0;
        for (Duty d : duties(n, plant.country(), market.country(), product, year)) {
            duty += d.rate().valueAt(year, valueOf);
        }
        double x = f.volume();
        add(out, Item.REVENUE, plant.id(), year, product.id(), market.id(), price * x, w);
        add(out, Item.VARIABLE_COST, plant.id(), year, product.id(), market.id(), vc * x, w);
        add(out, Item.FREIGHT, plant.id(), year, product.id(), market.id(), freight * x, w);
        add(out, Item.DUTIES, plant.id(), year, product.id(), market.id(), duty * price * x, w);
    }

    private void component(List<Entry> out, Plant plant, Plan.ComponentFlow c) {
        double unit = componentUnitCost(n, c.componentPlant(), plant.id(), c.year(), valueOf);
        add(out, Item.COMPONENTS, plant.id(), c.year(), null, null, unit * c.volume(), weight(plant, c.year()));
    }

    /**
     * What a plant pays for one unit of component from a component plant in a year: its unit cost
     * (converted to the base currency) plus the freight of the cheapest lane open.
     */
    public static double componentUnitCost(
            Network n, String componentPlant, String plant, int year, ToDoubleFunction<Figure> valueOf) {
        ComponentPlant q =
                n.componentPlant(componentPlant).orElseThrow(() -> unknown("component plant", componentPlant));
        double unitCost = n.fxRate(q.currency().orElse(n.currency()), year, valueOf)
                * q.unitCost().map(s -> s.valueAt(year, valueOf)).orElse(0.0);
        double freight = cheapestLane(n, q.id(), plant, year)
                .flatMap(Lane::costPerUnit)
                .map(s -> s.valueAt(year, valueOf))
                .orElse(0.0);
        return unitCost + freight;
    }

    private void plantYear(List<Entry> out, Plant p, Plan plan, int year) {
        PlantStatus now = status(plan, p, year);
        PlantStatus before =
                year == first ? p.givenStatus(first).orElse(PlantStatus.RUNNING) : status(plan, p, year - 1);
        double w = weight(p, year);
        double fx = fx(p.currency(), year);
        switch (now) {
            case RUNNING -> {
                add(out, Item.FIXED_COST, p.id(), year, null, null, fx * seriesAt(p.fixedCost(), year), w);
                if (before != PlantStatus.RUNNING) {
                    add(out, Item.REOPENING, p.id(), year, null, null, fx * figure(p.reopeningCost()), w);
                }
            }
            case IDLE -> add(out, Item.IDLE_COST, p.id(), year, null, null, fx * seriesAt(p.idleCost(), year), w);
            case CLOSED -> {
                if (before != PlantStatus.CLOSED) {
                    add(out, Item.CLOSURE, p.id(), year, null, null, fx * figure(p.closureCost()), w);
                }
            }
        }
    }

    private void investment(List<Entry> out, Plant p, Plan.Investment i) {
        Optional<ToolingOption> option = p.toolingFor(i.platform());
        if (option.isEmpty()) {
            return;
        }
        double amount =
                fx(p.currency(), i.year()) * valueOf.applyAsDouble(option.get().investment());
        add(out, Item.INVESTMENT, p.id(), i.year(), null, null, amount, weight(p, i.year()));
    }

    /** A plant's status in a year of the plan (running when the plan has no row for it). */
    static PlantStatus status(Plan plan, Plant p, int year) {
        return plan.plant(p.id(), year).map(Plan.PlantYear::status).orElse(PlantStatus.RUNNING);
    }

    /** The discount factor of a year times a plant's ownership. */
    double weight(Plant p, int year) {
        return discount(year) * p.ownership().map(valueOf::applyAsDouble).orElse(1.0);
    }

    double discount(int year) {
        return Math.pow(1 + valueOf.applyAsDouble(n.discountRate()), -(year - first));
    }

    double fx(Optional<String> currency, int year) {
        return n.fxRate(currency.orElse(n.currency()), year, valueOf);
    }

    private double seriesAt(Optional<Series> s, int year) {
        return s.map(x -> x.valueAt(year, valueOf)).orElse(0.0);
    }

    private double figure(Optional<Figure> f) {
        return f.map(valueOf::applyAsDouble).orElse(0.0);
    }

    /** The cheapest lane open from one place to another in a year, as the optimiser picks it (at nominal values). */
    public static Optional<Lane> cheapestLane(Network n, String from, String to, int year) {
        Lane best = null;
        double bestCost = Double.NaN;
        for (Lane lane : n.lanes()) {
            if (!lane.from().equals(from) || !lane.to().equals(to) || !lane.isOpen(year)) {
                continue;
            }
            double c = lane.costPerUnit().map(s -> s.nominal(year)).orElse(0.0);
            if (best == null || c < bestCost) {
                best = lane;
                bestCost = c;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The duties on a product built in one country and sold in another in a year (they add up). */
    public static List<Duty> duties(Network n, String fromCountry, String toCountry, Product product, int year) {
        List<Duty> out = new ArrayList<>();
        for (Duty d : n.duties()) {
            boolean everyVehicle = d.brands().isEmpty() && d.products().isEmpty();
            boolean vehicle = everyVehicle
                    || d.brands().contains(product.brand())
                    || d.products().contains(product.id());
            if (vehicle
                    && d.years().contains(year)
                    && coversAny(n, d.from(), fromCountry)
                    && coversAny(n, d.to(), toCountry)) {
                out.add(d);
            }
        }
        return out;
    }

    /** Whether any of a rule's places (country codes or blocs) covers a country. */
    public static boolean coversAny(Network n, List<String> places, String country) {
        return places.stream().anyMatch(place -> n.placeCovers(place, country));
    }

    private static void add(
            List<Entry> out,
            Item item,
            String plant,
            int year,
            String product,
            String market,
            double amount,
            double weight) {
        out.add(new Entry(
                item, plant, year, Optional.ofNullable(product), Optional.ofNullable(market), amount, weight));
    }

    private static Plant plantOf(Map<String, Plant> plants, String id) {
        Plant p = plants.get(id);
        if (p == null) {
            throw unknown("plant", id);
        }
        return p;
    }

    private static IllegalArgumentException unknown(String kind, String id) {
        return new IllegalArgumentException("the plan names " + kind + " '" + id + "', which the model does not have");
    }
}
