package footprint.report.compare;

import footprint.model.Network;
import footprint.model.PlantStatus;
import footprint.model.Product;
import footprint.optimize.Plan;
import footprint.report.Format;
import footprint.report.trace.Ledger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Several plans side by side: their KPIs in one table, and for each plan the differences in its
 * decisions from the reference plan (the first one with a plan), as a planner says them: plants
 * that run, idle or close in other years, platforms tooled elsewhere, vehicles that move from plant
 * to plant (grouped by plant pair over the years, biggest first, small moves left out), sales lost
 * or won, and each plant's part of the NPV.
 */
public final class Comparison {
    /** How a row's numbers read. */
    public enum Unit {
        /** Money in millions of the base currency. */
        MONEY,
        /** Vehicles in thousands. */
        THOUSANDS,
        /** A count (people). */
        COUNT
    }

    /** One row of the side-by-side table: a value per plan (empty where a plan has none). */
    public record Row(String label, Unit unit, List<OptionalDouble> values) {
        public Row {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(unit, "unit");
            values = List.copyOf(values);
        }

        /** A value as the table prints it. */
        public String cell(int i) {
            OptionalDouble v = values.get(i);
            if (v.isEmpty()) {
                return "-";
            }
            double x = v.getAsDouble();
            if (Math.abs(x) < (unit == Unit.COUNT ? 0.5 : 50)) {
                x = 0; // no "-0.0"
            }
            return switch (unit) {
                case MONEY -> String.format(Locale.ROOT, "%,.1f", x / 1e6 + 0.0);
                case THOUSANDS -> String.format(Locale.ROOT, "%,.1f", x / 1e3 + 0.0);
                case COUNT -> Format.count(x);
            };
        }
    }

    /** A move names at most this many products (then "and N more models"). */
    static final int MAX_PRODUCTS = 4;

    /** A move is left out when it is under this many vehicles a year (and under the share below). */
    static final double MIN_MOVE = 100;
    /** ... or under this share of the reference plan's yearly output. */
    static final double MIN_MOVE_SHARE = 0.002;

    private final List<ScenarioPlan> runs;
    private final Optional<ScenarioPlan> reference;
    private final Map<String, List<Finding>> findings = new LinkedHashMap<>();

    private Comparison(List<ScenarioPlan> runs) {
        this.runs = List.copyOf(runs);
        this.reference = runs.stream().filter(ScenarioPlan::hasPlan).findFirst();
        reference.ifPresent(ref -> {
            for (ScenarioPlan r : runs) {
                if (r != ref && r.hasPlan()) {
                    findings.put(r.label(), differences(ref, r));
                }
            }
        });
    }

    /** Compares plans: the first one with a plan is the reference. */
    public static Comparison of(List<ScenarioPlan> runs) {
        return new Comparison(runs);
    }

    public List<ScenarioPlan> runs() {
        return runs;
    }

    /** The plan the others are compared with: the first with a plan. */
    public Optional<ScenarioPlan> reference() {
        return reference;
    }

    /** The differences of a plan from the reference (empty for the reference and plans without a plan). */
    public List<Finding> findings(String label) {
        return findings.getOrDefault(label, List.of());
    }

    /** The plants of every plan, in the order they first appear. */
    public List<String> plants() {
        Set<String> ids = new LinkedHashSet<>();
        for (ScenarioPlan r : runs) {
            if (!r.badInput()) {
                r.network().plants().forEach(p -> ids.add(p.id()));
            }
        }
        return List.copyOf(ids);
    }

    /** The side-by-side table: NPV and its parts, output, lost sales and jobs. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(row("NPV", Unit.MONEY, k -> k.npv()));
        rows.add(row("revenue", Unit.MONEY, Plan.Kpis::revenue));
        rows.add(row("variable cost", Unit.MONEY, k -> -k.variableCost()));
        rows.add(row("freight", Unit.MONEY, k -> -k.freight()));
        rows.add(row("duties", Unit.MONEY, k -> -k.duties()));
        rows.add(row("components", Unit.MONEY, k -> -k.componentCost()));
        rows.add(row("fixed cost", Unit.MONEY, k -> -k.fixedCost()));
        rows.add(row("idle cost", Unit.MONEY, k -> -k.idleCost()));
        rows.add(row("investment", Unit.MONEY, k -> -k.investment()));
        rows.add(row("closure", Unit.MONEY, k -> -k.closureCost()));
        rows.add(row("reopening", Unit.MONEY, k -> -k.reopeningCost()));
        rows.add(planRow(
                "output, all years",
                Unit.THOUSANDS,
                p -> p.plants().stream().mapToDouble(Plan.PlantYear::output).sum()));
        for (String plant : plants()) {
            rows.add(plantRow("  " + plant, plant));
        }
        rows.add(planRow(
                "lost sales, all years",
                Unit.THOUSANDS,
                p -> p.lostSales().stream().mapToDouble(Plan.LostSale::volume).sum()));
        rows.add(jobsRow("jobs, last year", null));
        for (String plant : plants()) {
            rows.add(jobsRow("  " + plant, plant));
        }
        return rows;
    }

    private Row row(String label, Unit unit, ToDoubleFunction<Plan.Kpis> f) {
        return planRow(label, unit, p -> f.applyAsDouble(p.kpis()));
    }

    private Row planRow(String label, Unit unit, ToDoubleFunction<Plan> f) {
        List<OptionalDouble> values = new ArrayList<>();
        for (ScenarioPlan r : runs) {
            values.add(r.hasPlan() ? OptionalDouble.of(f.applyAsDouble(r.solved())) : OptionalDouble.empty());
        }
        return new Row(label, unit, values);
    }

    /** A plant's output over the horizon, in plans whose model has the plant. */
    private Row plantRow(String label, String plant) {
        List<OptionalDouble> values = new ArrayList<>();
        for (ScenarioPlan r : runs) {
            boolean has = r.hasPlan() && r.network().plant(plant).isPresent();
            values.add(
                    has
                            ? OptionalDouble.of(r.solved().plants().stream()
                                    .filter(y -> y.plant().equals(plant))
                                    .mapToDouble(Plan.PlantYear::output)
                                    .sum())
                            : OptionalDouble.empty());
        }
        return new Row(label, Unit.THOUSANDS, values);
    }

    private Row jobsRow(String label, String plant) {
        List<OptionalDouble> values = new ArrayList<>();
        for (ScenarioPlan r : runs) {
            if (!r.hasPlan()) {
                values.add(OptionalDouble.empty());
                continue;
            }
            int last = r.network().horizon().lastYear();
            boolean has = plant == null || r.network().plant(plant).isPresent();
            values.add(
                    has
                            ? OptionalDouble.of(r.solved().plants().stream()
                                    .filter(y -> y.year() == last
                                            && (plant == null || y.plant().equals(plant)))
                                    .mapToDouble(Plan.PlantYear::jobs)
                                    .sum())
                            : OptionalDouble.empty());
        }
        return new Row(label, Unit.COUNT, values);
    }

    // ---- differences ------------------------------------------------------------------------------

    /** How plan {@code b} differs from plan {@code a}, in a planner's words, most important first. */
    public static List<Finding> differences(ScenarioPlan a, ScenarioPlan b) {
        return new Differences(a, b).all();
    }

    /** The differences of one plan from the reference. */
    private static final class Differences {
        private final ScenarioPlan ra;
        private final Plan a;
        private final Plan b;
        private final Network na;
        private final Network nb;
        private final String cur;
        private final List<Integer> years;

        Differences(ScenarioPlan ra, ScenarioPlan rb) {
            this.ra = ra;
            this.a = ra.solved();
            this.b = rb.solved();
            this.na = ra.network();
            this.nb = rb.network();
            this.cur = nb.currency();
            Set<Integer> ys = new TreeSet<>();
            na.horizon().years().forEach(ys::add);
            nb.horizon().years().forEach(ys::add);
            this.years = List.copyOf(ys);
        }

        List<Finding> all() {
            List<Finding> out = new ArrayList<>();
            out.add(npv());
            out.addAll(statuses());
            out.addAll(tooling());
            out.addAll(moves());
            out.addAll(money());
            return out;
        }

        private Finding npv() {
            Plan.Kpis ka = a.kpis();
            Plan.Kpis kb = b.kpis();
            double d = kb.npv() - ka.npv();
            Map<String, Double> parts = new LinkedHashMap<>();
            parts.put("revenue", kb.revenue() - ka.revenue());
            parts.put("variable cost", -(kb.variableCost() - ka.variableCost()));
            parts.put("freight", -(kb.freight() - ka.freight()));
            parts.put("duties", -(kb.duties() - ka.duties()));
            parts.put("components", -(kb.componentCost() - ka.componentCost()));
            parts.put("fixed cost", -(kb.fixedCost() - ka.fixedCost()));
            parts.put("idle cost", -(kb.idleCost() - ka.idleCost()));
            parts.put("investment", -(kb.investment() - ka.investment()));
            parts.put("closure", -(kb.closureCost() - ka.closureCost()));
            parts.put("reopening", -(kb.reopeningCost() - ka.reopeningCost()));
            double scale = Math.max(1e6, 0.001 * Math.abs(ka.npv()));
            List<String> biggest = parts.entrySet().stream()
                    .filter(e -> Math.abs(e.getValue()) >= scale / 10)
                    .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue())))
                    .limit(4)
                    .map(e -> e.getKey() + " " + signedMillions(e.getValue()))
                    .toList();
            String text;
            if (Math.abs(d) < 0.05e6) {
                text = "NPV " + Format.millions(kb.npv()) + " " + cur + ", the same as " + ra.label();
            } else {
                text = "NPV " + Format.millions(kb.npv()) + " " + cur + ", " + Format.millions(Math.abs(d)) + " "
                        + (d < 0 ? "less" : "more") + " than " + ra.label()
                        + (biggest.isEmpty() ? "" : "; by part: " + String.join(", ", biggest));
            }
            return new Finding(Finding.Kind.NPV, text, List.of(), Optional.empty(), years, 0, d);
        }

        private List<Finding> statuses() {
            List<Finding> out = new ArrayList<>();
            for (String plant : plantIds()) {
                boolean inA = na.plant(plant).isPresent();
                boolean inB = nb.plant(plant).isPresent();
                List<Integer> run = new ArrayList<>();
                PlantStatus sa = null;
                PlantStatus sb = null;
                for (int y : years) {
                    PlantStatus ya = inA ? status(a, plant, y) : null;
                    PlantStatus yb = inB ? status(b, plant, y) : null;
                    boolean differs = !Objects.equals(ya, yb);
                    boolean same = !run.isEmpty() && Objects.equals(ya, sa) && Objects.equals(yb, sb);
                    if (!run.isEmpty() && !(differs && same)) {
                        out.add(status(plant, sa, sb, run));
                        run = new ArrayList<>();
                    }
                    if (differs) {
                        run.add(y);
                        sa = ya;
                        sb = yb;
                    }
                }
                if (!run.isEmpty()) {
                    out.add(status(plant, sa, sb, run));
                }
            }
            return out;
        }

        private Finding status(String plant, PlantStatus sa, PlantStatus sb, List<Integer> ys) {
            String name = Names.plant(plant);
            String when = Names.years(ys);
            String text;
            if (sa == null) {
                text = name + " (not in " + ra.label() + ") " + verb(sb) + " " + when;
            } else if (sb == null) {
                text = name + " is not in this plan (" + ra.label() + ": " + word(sa) + " " + when + ")";
            } else {
                text = name + " " + word(sb) + " " + when + " instead of " + gerund(sa);
                double ja = avg(ys, y -> jobs(a, plant, y));
                double jb = avg(ys, y -> jobs(b, plant, y));
                if (Math.abs(ja - jb) >= 0.5) {
                    text += "; jobs " + Format.count(jb) + " instead of " + Format.count(ja);
                }
            }
            return new Finding(Finding.Kind.STATUS, text, List.of(plant), Optional.empty(), ys, 0, 0);
        }

        private List<Finding> tooling() {
            Map<String, Integer> ta = tooled(a);
            Map<String, Integer> tb = tooled(b);
            Set<String> keys = new LinkedHashSet<>(tb.keySet());
            keys.addAll(ta.keySet());
            List<Finding> out = new ArrayList<>();
            for (String key : keys) {
                Integer ya = ta.get(key);
                Integer yb = tb.get(key);
                if (Objects.equals(ya, yb)) {
                    continue;
                }
                String[] pf = key.split("\u0000", 2);
                String plant = pf[0];
                String platform = pf[1];
                String text;
                double money = 0;
                List<Integer> ys;
                if (yb == null) {
                    text = Names.plant(plant) + " is not tooled for " + platform + " (" + ra.label() + ": from " + ya
                            + ")";
                    ys = List.of(ya);
                } else {
                    double amount = b.investments().stream()
                            .filter(i -> i.plant().equals(plant) && i.platform().equals(platform))
                            .mapToDouble(Plan.Investment::amount)
                            .sum();
                    money = -amount;
                    text = Names.plant(plant) + " is tooled for " + platform + " from " + yb
                            + (ya == null ? " (not in " + ra.label() + ")" : " instead of " + ya)
                            + (amount > 0 ? ": " + Format.millions(amount) + " " + cur + " invested in " + yb : "");
                    ys = List.of(yb);
                }
                out.add(new Finding(Finding.Kind.TOOLING, text, List.of(plant), Optional.empty(), ys, 0, money));
            }
            return out;
        }

        private static Map<String, Integer> tooled(Plan p) {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (Plan.Decision d : p.decisions()) {
                if (d.action().equals("tool") && d.platform().isPresent()) {
                    out.merge(d.plant() + "\u0000" + d.platform().get(), d.year(), Math::min);
                }
            }
            return out;
        }

        // ---- moves

        /** A node of a move: a plant, sales lost in a market, or demand that appears or goes. */
        private record Node(String kind, String id) {
            static final Node DEMAND = new Node("demand", "");

            static Node plant(String id) {
                return new Node("plant", id);
            }

            static Node lost(String market) {
                return new Node("lost", market);
            }

            boolean isPlant() {
                return kind.equals("plant");
            }
        }

        private record Pair(Node from, Node to) {}

        private List<Finding> moves() {
            Map<String, Double> outA = output(a);
            Map<String, Double> outB = output(b);
            Map<String, Double> lostA = lost(a);
            Map<String, Double> lostB = lost(b);
            Set<String> products = new TreeSet<>();
            for (Map<String, Double> m : List.of(outA, outB, lostA, lostB)) {
                m.keySet().forEach(k -> products.add(k.split("\u0000")[1]));
            }
            Set<String> markets = new TreeSet<>();
            for (Map<String, Double> m : List.of(lostA, lostB)) {
                m.keySet().forEach(k -> markets.add(k.split("\u0000")[0]));
            }
            // volume moved, per pair of nodes, product and year
            Map<Pair, Map<String, Map<Integer, Double>>> moved = new LinkedHashMap<>();
            for (String k : products) {
                for (int y : years) {
                    Map<Node, Double> delta = new LinkedHashMap<>();
                    double sum = 0;
                    for (String p : plantIds()) {
                        String key = p + "\u0000" + k + "\u0000" + y;
                        double d = outB.getOrDefault(key, 0.0) - outA.getOrDefault(key, 0.0);
                        delta.put(Node.plant(p), d);
                        sum += d;
                    }
                    for (String m : markets) {
                        String key = m + "\u0000" + k + "\u0000" + y;
                        double d = lostB.getOrDefault(key, 0.0) - lostA.getOrDefault(key, 0.0);
                        delta.put(Node.lost(m), d);
                        sum += d;
                    }
                    delta.put(Node.DEMAND, -sum);
                    match(delta, k, y, moved);
                }
            }
            // net opposite directions, per product and year
            double total =
                    a.plants().stream().mapToDouble(Plan.PlantYear::output).sum() / years.size();
            double threshold = Math.max(MIN_MOVE, MIN_MOVE_SHARE * total);
            List<Finding> out = new ArrayList<>();
            Set<Pair> done = new LinkedHashSet<>();
            for (Pair pair : moved.keySet()) {
                Pair back = new Pair(pair.to(), pair.from());
                if (done.contains(pair) || done.contains(back)) {
                    continue;
                }
                done.add(pair);
                Map<String, Map<Integer, Double>> there = moved.getOrDefault(pair, Map.of());
                Map<String, Map<Integer, Double>> backThere = moved.getOrDefault(back, Map.of());
                Map<String, Map<Integer, Double>> net = new TreeMap<>();
                Set<String> ks = new TreeSet<>(there.keySet());
                ks.addAll(backThere.keySet());
                for (String k : ks) {
                    for (int y : years) {
                        double v = there.getOrDefault(k, Map.of()).getOrDefault(y, 0.0)
                                - backThere.getOrDefault(k, Map.of()).getOrDefault(y, 0.0);
                        if (v != 0) {
                            net.computeIfAbsent(k, x -> new TreeMap<>()).put(y, v);
                        }
                    }
                }
                Map<Integer, Double> byYear = new TreeMap<>();
                net.forEach((k, m) -> m.forEach((y, v) -> byYear.merge(y, v, Double::sum)));
                double sum = byYear.values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum();
                Pair dir = sum >= 0 ? pair : back;
                double sign = sum >= 0 ? 1 : -1;
                double peak = byYear.values().stream()
                        .mapToDouble(v -> sign * v)
                        .max()
                        .orElse(0);
                List<Integer> ys = byYear.entrySet().stream()
                        .filter(e -> sign * e.getValue() >= Math.max(0.5, 0.05 * peak))
                        .map(Map.Entry::getKey)
                        .toList();
                if (ys.isEmpty()) {
                    continue;
                }
                double perYear =
                        ys.stream().mapToDouble(y -> sign * byYear.get(y)).sum() / ys.size();
                if (perYear < threshold) {
                    continue;
                }
                double min =
                        ys.stream().mapToDouble(y -> sign * byYear.get(y)).min().orElse(0);
                double max =
                        ys.stream().mapToDouble(y -> sign * byYear.get(y)).max().orElse(0);
                Map<String, Double> byProduct = new LinkedHashMap<>();
                net.forEach((k, m) -> {
                    double v = ys.stream()
                                    .mapToDouble(y -> sign * m.getOrDefault(y, 0.0))
                                    .sum()
                            / ys.size();
                    if (v >= Math.max(0.5, 0.03 * perYear)) {
                        byProduct.put(k, v);
                    }
                });
                out.add(move(dir, perYear, min, max, ys, byProduct));
            }
            out.sort(Comparator.comparingDouble(f -> -f.volumePerYear()));
            return out;
        }

        /** Matches volume given up (negative deltas) with volume taken (positive), biggest first. */
        private static void match(
                Map<Node, Double> delta, String product, int year, Map<Pair, Map<String, Map<Integer, Double>>> moved) {
            List<Node> sources = new ArrayList<>();
            List<Node> sinks = new ArrayList<>();
            Map<Node, Double> left = new HashMap<>();
            delta.forEach((node, d) -> {
                if (d < -0.5) {
                    sources.add(node);
                    left.put(node, -d);
                } else if (d > 0.5) {
                    sinks.add(node);
                    left.put(node, d);
                }
            });
            sources.sort(Comparator.comparingDouble(n -> -left.get(n)));
            sinks.sort(Comparator.comparingDouble(n -> -left.get(n)));
            int i = 0;
            int j = 0;
            while (i < sources.size() && j < sinks.size()) {
                Node from = sources.get(i);
                Node to = sinks.get(j);
                double v = Math.min(left.get(from), left.get(to));
                if (v > 0.5) {
                    moved.computeIfAbsent(new Pair(from, to), p -> new LinkedHashMap<>())
                            .computeIfAbsent(product, k -> new TreeMap<>())
                            .merge(year, v, Double::sum);
                }
                left.put(from, left.get(from) - v);
                left.put(to, left.get(to) - v);
                if (left.get(from) <= 0.5) {
                    i++;
                }
                if (left.get(to) <= 0.5) {
                    j++;
                }
            }
        }

        private Finding move(
                Pair dir, double perYear, double min, double max, List<Integer> ys, Map<String, Double> byProduct) {
            String noun = noun(byProduct.keySet());
            String volume = Format.count(round(perYear)) + " " + noun + " a year";
            if (max - min > 0.2 * perYear) {
                volume = "about " + volume + " (" + Format.count(round(min)) + " to " + Format.count(round(max)) + ")";
            }
            String when = Names.years(ys);
            Node from = dir.from();
            Node to = dir.to();
            String text;
            if (from.isPlant() && to.isPlant()) {
                text = volume + " move from " + Names.plant(from.id()) + " to " + Names.plant(to.id()) + ", " + when;
            } else if (from.isPlant() && to.kind().equals("lost")) {
                text = volume + " of demand in " + to.id() + " go unserved instead of being built at "
                        + Names.plant(from.id()) + ", " + when;
            } else if (from.kind().equals("lost") && to.isPlant()) {
                text = Names.plant(to.id()) + " serves " + volume + " of demand in " + from.id()
                        + " that went unserved in " + ra.label() + ", " + when;
            } else if (from == Node.DEMAND && to.isPlant()) {
                text = Names.plant(to.id()) + " builds " + volume + " more, for demand " + ra.label()
                        + " does not have, " + when;
            } else if (from.isPlant() && to == Node.DEMAND) {
                text = Names.plant(from.id()) + " builds " + volume + " fewer, as demand is lower than in " + ra.label()
                        + ", " + when;
            } else if (from == Node.DEMAND && to.kind().equals("lost")) {
                text = volume + " more of demand in " + to.id() + " go unserved (demand is higher), " + when;
            } else if (from.kind().equals("lost") && to == Node.DEMAND) {
                text = volume + " fewer go unserved in " + from.id() + " (demand is lower), " + when;
            } else {
                text = volume + " move from " + from + " to " + to + ", " + when;
            }
            if (!byProduct.isEmpty()) {
                List<String> parts = byProduct.entrySet().stream()
                        .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue()))
                        .map(e -> productName(e.getKey()) + " " + Format.count(round(e.getValue())))
                        .toList();
                int shown = parts.size() <= MAX_PRODUCTS + 1 ? parts.size() : MAX_PRODUCTS;
                text += " (" + String.join(", ", parts.subList(0, shown))
                        + (shown < parts.size() ? " and " + (parts.size() - shown) + " more models" : "") + ")";
            }
            List<String> plants = new ArrayList<>();
            if (from.isPlant()) {
                plants.add(from.id());
            }
            if (to.isPlant()) {
                plants.add(to.id());
            }
            Optional<String> product = byProduct.size() == 1
                    ? Optional.of(byProduct.keySet().iterator().next())
                    : Optional.empty();
            Finding.Kind kind = from.isPlant() && to.isPlant() ? Finding.Kind.MOVE : Finding.Kind.LOST;
            if (from == Node.DEMAND || to == Node.DEMAND) {
                kind = from.isPlant() || to.isPlant() ? Finding.Kind.MOVE : Finding.Kind.LOST;
            }
            return new Finding(kind, text, plants, product, ys, perYear, 0);
        }

        /** Rounds a volume to 3 significant figures for sentences (12,345 reads 12,300). */
        private static double round(double v) {
            if (Math.abs(v) < 1000) {
                return Math.round(v / 10.0) * 10.0;
            }
            double scale = Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 2);
            return Math.round(v / scale) * scale;
        }

        private String noun(Set<String> products) {
            Set<String> segments = new TreeSet<>();
            for (String k : products) {
                segments.add(product(k).map(Product::segment).orElse("vehicle"));
            }
            return segments.size() == 1 ? Names.plural(segments.iterator().next()) : "vehicles";
        }

        private Optional<Product> product(String id) {
            return nb.product(id).or(() -> na.product(id));
        }

        private String productName(String id) {
            return product(id).map(Product::name).orElse(id);
        }

        // ---- money

        private List<Finding> money() {
            Map<String, double[]> byPlant = new LinkedHashMap<>();
            collect(byPlant, Ledger.of(na, a), 0);
            collect(byPlant, Ledger.of(nb, b), 1);
            double scale = Math.max(1e6, 0.002 * Math.abs(a.kpis().npv()));
            List<Finding> out = new ArrayList<>();
            byPlant.forEach((plant, v) -> {
                double npvA = v[0] - v[1];
                double npvB = v[2] - v[3];
                double d = npvB - npvA;
                if (Math.abs(d) < scale) {
                    return;
                }
                String text = Names.plant(plant) + "'s part of the NPV: " + Format.millions(npvB) + " " + cur
                        + " instead of " + Format.millions(npvA) + " (revenue " + signedMillions(v[2] - v[0])
                        + ", costs " + signedMillions(-(v[3] - v[1])) + " as the NPV counts them)";
                out.add(new Finding(Finding.Kind.MONEY, text, List.of(plant), Optional.empty(), years, 0, d));
            });
            out.sort(Comparator.comparingDouble(f -> -Math.abs(f.money())));
            return out;
        }

        /** Per plant: revenue and costs (present value, group share) into slots 2i and 2i+1. */
        private static void collect(Map<String, double[]> byPlant, List<Ledger.Entry> entries, int which) {
            for (Ledger.Entry e : entries) {
                double[] v = byPlant.computeIfAbsent(e.plant(), p -> new double[4]);
                if (e.item() == Ledger.Item.REVENUE) {
                    v[2 * which] += e.presentValue();
                } else {
                    v[2 * which + 1] += e.presentValue();
                }
            }
        }

        // ---- helpers

        private List<String> plantIds() {
            Set<String> ids = new LinkedHashSet<>();
            na.plants().forEach(p -> ids.add(p.id()));
            nb.plants().forEach(p -> ids.add(p.id()));
            return List.copyOf(ids);
        }

        private static PlantStatus status(Plan p, String plant, int year) {
            return p.plant(plant, year).map(Plan.PlantYear::status).orElse(null);
        }

        private static double jobs(Plan p, String plant, int year) {
            return p.plant(plant, year).map(Plan.PlantYear::jobs).orElse(0.0);
        }

        private static double avg(List<Integer> ys, ToDoubleFunction<Integer> f) {
            return ys.stream().mapToDouble(f::applyAsDouble).sum() / ys.size();
        }

        private static Map<String, Double> output(Plan p) {
            Map<String, Double> out = new HashMap<>();
            for (Plan.Flow f : p.flows()) {
                out.merge(f.plant() + "\u0000" + f.product() + "\u0000" + f.year(), f.volume(), Double::sum);
            }
            return out;
        }

        private static Map<String, Double> lost(Plan p) {
            Map<String, Double> out = new HashMap<>();
            for (Plan.LostSale l : p.lostSales()) {
                out.merge(l.market() + "\u0000" + l.product() + "\u0000" + l.year(), l.volume(), Double::sum);
            }
            return out;
        }

        private static String word(PlantStatus s) {
            return s.name().toLowerCase(Locale.ROOT);
        }

        private static String verb(PlantStatus s) {
            return switch (s) {
                case RUNNING -> "runs";
                case IDLE -> "is idle";
                case CLOSED -> "is closed";
            };
        }

        private static String gerund(PlantStatus s) {
            return switch (s) {
                case RUNNING -> "running";
                case IDLE -> "idle";
                case CLOSED -> "closed";
            };
        }
    }

    /** A signed amount in millions: +12.3 M, -4.0 M. */
    static String signedMillions(double v) {
        String s = Format.millions(Math.abs(v));
        return (v < 0 ? "-" : "+") + s;
    }

    /** Names as sentences use them. */
    static final class Names {
        private Names() {}

        /** A plant id as a name in a sentence: kaluga reads Kaluga. */
        static String plant(String id) {
            if (id.isEmpty()) {
                return id;
            }
            return Character.toUpperCase(id.charAt(0)) + id.substring(1);
        }

        /** A segment in the plural: van reads vans, passenger-car reads passenger cars. */
        static String plural(String segment) {
            String s = segment.replace('-', ' ');
            if (s.endsWith("s")) {
                return s + "es";
            }
            return s + "s";
        }

        /** Years as spans: 2022-2030, or 2022-2024, 2027. */
        static String years(List<Integer> ys) {
            List<String> spans = new ArrayList<>();
            int i = 0;
            while (i < ys.size()) {
                int j = i;
                while (j + 1 < ys.size() && ys.get(j + 1) == ys.get(j) + 1) {
                    j++;
                }
                spans.add(ys.get(i).equals(ys.get(j)) ? "in " + ys.get(i) : ys.get(i) + "-" + ys.get(j));
                i = j + 1;
            }
            String joined = String.join(", ", spans);
            return spans.size() > 1 ? joined.replace("in ", "") : joined;
        }
    }
}
