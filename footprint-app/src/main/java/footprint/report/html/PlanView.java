package footprint.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the page's charts draw of one plan, computed here so the script only maps it to chart
 * options: money in millions of the base currency, volumes in vehicles, names instead of ids.
 */
final class PlanView {
    /** Okabe-Ito: distinguishable with the common colour-vision deficiencies; yellow last (low contrast). */
    static final List<String> PALETTE =
            List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7F7F7F", "#F0E442", "#1D2733");

    /** The KPIs in the order of the NPV waterfall, with the words a planner reads. */
    static final Map<String, String> KPI_NAMES = LabeledPlan.KPI_NAMES;

    /** The costs between revenue and NPV: npv = revenue - these. */
    static final List<String> COSTS = List.of(
            "variableCost",
            "freight",
            "duties",
            "componentCost",
            "fixedCost",
            "idleCost",
            "investment",
            "closureCost",
            "reopeningCost");

    final LabeledPlan plan;
    final List<String> plants;
    final List<String> products;
    final List<String> markets;
    final List<Integer> years;

    PlanView(LabeledPlan plan) {
        this.plan = plan;
        this.plants = ids(plan, "plants", List.of("plants", "flows", "investments", "decisions"), "plant");
        this.products = ids(plan, "products", List.of("flows", "lostSales"), "product");
        this.markets = ids(plan, "markets", List.of("flows", "lostSales"), "market");
        Set<Integer> y = new TreeSet<>();
        for (String table : List.of("plants", "flows", "lostSales")) {
            plan.table(table).forEach(r -> y.add(r.path("year").asInt()));
        }
        JsonNode horizon = plan.model().path("horizon");
        if (horizon.path("firstYear").isInt() && horizon.path("lastYear").isInt()) {
            for (int year = horizon.path("firstYear").asInt();
                    year <= horizon.path("lastYear").asInt();
                    year++) {
                y.add(year);
            }
        }
        this.years = List.copyOf(y);
    }

    /** The ids of a kind: the model's order first, then any the plan's tables name that the model lacks. */
    private static List<String> ids(LabeledPlan plan, String kind, List<String> tables, String field) {
        Set<String> ids = new LinkedHashSet<>();
        plan.model().path(kind).forEach(r -> ids.add(r.path("id").asText()));
        for (String table : tables) {
            plan.table(table).forEach(r -> {
                if (r.path(field).isTextual()) {
                    ids.add(r.path(field).asText());
                }
            });
        }
        return List.copyOf(ids);
    }

    String name(String kind, String id) {
        return plan.nameOf(kind, id);
    }

    String horizonText() {
        if (years.isEmpty()) {
            return "no years";
        }
        int first = years.get(0);
        int last = years.get(years.size() - 1);
        return first == last ? String.valueOf(first) : first + "–" + last;
    }

    double kpi(String name) {
        return plan.plan().path("kpis").path(name).asDouble();
    }

    /** Vehicles sold over the horizon. */
    double volumeSold() {
        double total = 0;
        for (JsonNode f : plan.table("flows")) {
            total += f.path("volume").asDouble();
        }
        return total;
    }

    double volumeLost() {
        double total = 0;
        for (JsonNode l : plan.table("lostSales")) {
            total += l.path("volume").asDouble();
        }
        return total;
    }

    /** Jobs in the last year of the plan (running and idle workforce together). */
    double jobsInLastYear() {
        if (years.isEmpty()) {
            return 0;
        }
        int last = years.get(years.size() - 1);
        double jobs = 0;
        for (JsonNode p : plan.table("plants")) {
            if (p.path("year").asInt() == last) {
                jobs += p.path("jobs").asDouble();
            }
        }
        return jobs;
    }

    /** Output per plant over the horizon, in the order of {@link #plants}. */
    List<Double> outputByPlant() {
        Map<String, Double> out = new LinkedHashMap<>();
        plants.forEach(p -> out.put(p, 0.0));
        for (JsonNode f : plan.table("flows")) {
            out.merge(f.path("plant").asText(), f.path("volume").asDouble(), Double::sum);
        }
        return List.copyOf(out.values());
    }

    /** The data of every chart of the plan, as the page's script reads it. */
    Map<String, Object> charts() {
        var view = new LinkedHashMap<String, Object>();
        view.put("label", plan.label());
        view.put("currency", plan.currency());
        view.put("horizonText", horizonText());
        List<Map<String, Object>> productRows = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            var row = new LinkedHashMap<String, Object>();
            row.put("id", products.get(i));
            row.put("name", name("products", products.get(i)));
            row.put("color", PALETTE.get(i % PALETTE.size()));
            productRows.add(row);
        }
        view.put("products", productRows);
        view.put("heatmap", heatmap());
        view.put("volumes", volumes(productRows));
        view.put("lostSales", hasLostSales() ? lostSales() : null);
        view.put("waterfall", waterfall());
        view.put("map", map());
        return view;
    }

    boolean hasLostSales() {
        return volumeLost() > 0;
    }

    private Map<String, Object> heatmap() {
        var m = new LinkedHashMap<String, Object>();
        List<String> rowsWithData = new ArrayList<>();
        for (String p : plants) {
            for (JsonNode r : plan.table("plants")) {
                if (r.path("plant").asText().equals(p)) {
                    rowsWithData.add(p);
                    break;
                }
            }
        }
        m.put("plants", rowsWithData.stream().map(p -> name("plants", p)).toList());
        List<Integer> cellYears = new ArrayList<>(new TreeSet<>(plan.table("plants").findValuesAsText("year").stream()
                .map(Integer::valueOf)
                .toList()));
        m.put("years", cellYears);
        List<List<Object>> cells = new ArrayList<>();
        for (JsonNode r : plan.table("plants")) {
            int x = cellYears.indexOf(r.path("year").asInt());
            int y = rowsWithData.indexOf(r.path("plant").asText());
            String status = r.path("status").asText("running");
            cells.add(List.of(
                    x,
                    y,
                    r.path("utilisation").asDouble(),
                    status,
                    r.path("output").asDouble(),
                    r.path("capacity").asDouble()));
        }
        m.put("cells", cells);
        return m;
    }

    private Map<String, Object> volumes(List<Map<String, Object>> productRows) {
        var m = new LinkedHashMap<String, Object>();
        m.put("plants", plants.stream().map(p -> name("plants", p)).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            double[] data = new double[plants.size()];
            boolean any = false;
            for (JsonNode f : plan.table("flows")) {
                if (f.path("product").asText().equals(products.get(i))) {
                    int at = plants.indexOf(f.path("plant").asText());
                    data[at] += f.path("volume").asDouble();
                    any |= f.path("volume").asDouble() > 0;
                }
            }
            if (any) {
                var s = new LinkedHashMap<String, Object>();
                s.put("name", productRows.get(i).get("name"));
                s.put("color", productRows.get(i).get("color"));
                s.put("data", rounded(data));
                series.add(s);
            }
        }
        m.put("series", series);
        return m;
    }

    private Map<String, Object> lostSales() {
        var m = new LinkedHashMap<String, Object>();
        m.put("years", years);
        List<Map<String, Object>> series = new ArrayList<>();
        int colour = 0;
        for (String market : markets) {
            double[] data = new double[years.size()];
            boolean any = false;
            for (JsonNode l : plan.table("lostSales")) {
                if (l.path("market").asText().equals(market)) {
                    int at = years.indexOf(l.path("year").asInt());
                    if (at >= 0) {
                        data[at] += l.path("volume").asDouble();
                        any |= l.path("volume").asDouble() > 0;
                    }
                }
            }
            if (any) {
                var s = new LinkedHashMap<String, Object>();
                s.put("name", name("markets", market));
                s.put("color", PALETTE.get(colour++ % PALETTE.size()));
                s.put("data", rounded(data));
                series.add(s);
            }
        }
        m.put("series", series);
        return m;
    }

    /**
     * Revenue, each cost taken off in turn, and NPV: steps with the bar's low and high ends in
     * millions. Costs of 0 are left out.
     */
    List<Map<String, Object>> waterfall() {
        List<Map<String, Object>> steps = new ArrayList<>();
        double level = kpi("revenue") / 1e6;
        steps.add(step("Revenue", level, "start", 0, level));
        for (String cost : COSTS) {
            double amount = kpi(cost) / 1e6;
            if (Math.abs(amount) < 1e-9) {
                continue;
            }
            double next = level - amount;
            steps.add(step(KPI_NAMES.get(cost), -amount, amount > 0 ? "down" : "up", next, level));
            level = next;
        }
        double npv = kpi("npv") / 1e6;
        steps.add(step("NPV", npv, "total", 0, npv));
        return steps;
    }

    private static Map<String, Object> step(String name, double amount, String kind, double a, double b) {
        var s = new LinkedHashMap<String, Object>();
        s.put("name", name);
        s.put("amount", amount);
        s.put("kind", kind);
        s.put("low", Math.min(a, b));
        s.put("high", Math.max(a, b));
        return s;
    }

    private Map<String, Object> map() {
        var m = new LinkedHashMap<String, Object>();
        Map<String, Map<String, Object>> places = new LinkedHashMap<>();
        Map<String, String> roles = new LinkedHashMap<>();
        for (String kind : List.of("markets", "componentPlants", "plants")) {
            for (JsonNode row : plan.model().path(kind)) {
                JsonNode at = row.path("location");
                if (!at.path("lat").isNumber() || !at.path("lon").isNumber()) {
                    continue;
                }
                var place = new LinkedHashMap<String, Object>();
                String name = row.path("name").asText(row.path("id").asText());
                place.put("name", name.isEmpty() ? row.path("id").asText() : name);
                place.put(
                        "kind",
                        kind.equals("plants") ? "plant" : kind.equals("markets") ? "market" : "component plant");
                place.put("lat", at.path("lat").asDouble());
                place.put("lon", at.path("lon").asDouble());
                places.put(row.path("id").asText(), place);
                WorldMap.countryAt(at.path("lat").asDouble(), at.path("lon").asDouble())
                        .ifPresent(country -> roles.merge(
                                country,
                                kind.equals("plants") ? "plant" : "market",
                                (a, b) -> a.equals("plant") || b.equals("plant") ? "plant" : a));
            }
        }
        m.put("places", places);
        m.put(
                "regions",
                roles.entrySet().stream()
                        .map(e -> Map.of("name", e.getKey(), "role", e.getValue()))
                        .toList());
        m.put("markets", markets);
        m.put("bbox", bbox(places.values()));
        // one frame per year: the flows of the year (by product index) and each plant's status
        Map<Integer, List<Map<String, Object>>> flows = new TreeMap<>();
        Map<Integer, List<Map<String, Object>>> plantFrames = new TreeMap<>();
        years.forEach(y -> {
            flows.put(y, new ArrayList<>());
            plantFrames.put(y, new ArrayList<>());
        });
        double maxVolume = 0;
        Map<String, Map<String, Object>> merged = new LinkedHashMap<>();
        for (JsonNode f : plan.table("flows")) {
            double v = f.path("volume").asDouble();
            if (v <= 0 || !flows.containsKey(f.path("year").asInt())) {
                continue;
            }
            String key = f.path("year").asInt() + "|" + f.path("plant").asText() + "|"
                    + f.path("market").asText() + "|" + f.path("product").asText();
            var flow = merged.computeIfAbsent(key, k -> {
                var row = new LinkedHashMap<String, Object>();
                row.put("from", f.path("plant").asText());
                row.put("to", f.path("market").asText());
                row.put("product", products.indexOf(f.path("product").asText()));
                row.put("volume", 0.0);
                flows.get(f.path("year").asInt()).add(row);
                return row;
            });
            double total = (Double) flow.get("volume") + v;
            flow.put("volume", (double) Math.round(total));
            maxVolume = Math.max(maxVolume, total);
        }
        double maxCapacity = 0;
        for (JsonNode p : plan.table("plants")) {
            if (!plantFrames.containsKey(p.path("year").asInt())) {
                continue;
            }
            var row = new LinkedHashMap<String, Object>();
            row.put("id", p.path("plant").asText());
            row.put("status", p.path("status").asText("running"));
            row.put("output", (double) Math.round(p.path("output").asDouble()));
            row.put("capacity", (double) Math.round(p.path("capacity").asDouble()));
            maxCapacity = Math.max(maxCapacity, p.path("capacity").asDouble());
            plantFrames.get(p.path("year").asInt()).add(row);
        }
        List<Map<String, Object>> frames = new ArrayList<>();
        for (int y : years) {
            var frame = new LinkedHashMap<String, Object>();
            frame.put("year", y);
            frame.put("flows", flows.get(y));
            frame.put("plants", plantFrames.get(y));
            frames.add(frame);
        }
        if (frames.isEmpty()) {
            frames.add(Map.of("year", "", "flows", List.of(), "plants", List.of()));
        }
        m.put("frames", frames);
        m.put("maxVolume", maxVolume);
        m.put("maxCapacity", maxCapacity);
        return m;
    }

    /** Places without a location in the model section (they are not on the map). */
    List<String> unplaced() {
        List<String> missing = new ArrayList<>();
        for (String kind : List.of("plants", "markets")) {
            for (JsonNode row : plan.model().path(kind)) {
                if (!row.path("location").path("lat").isNumber()) {
                    missing.add(name(kind, row.path("id").asText()));
                }
            }
        }
        return missing;
    }

    /**
     * The map's view: the places with a margin (at least 50 by 30 degrees), or the whole world
     * when there are none. [[west, north], [east, south]].
     */
    static List<List<Double>> bbox(java.util.Collection<Map<String, Object>> places) {
        if (places.isEmpty()) {
            return List.of(List.of(-180.0, 84.0), List.of(180.0, -58.0));
        }
        double west = 180;
        double east = -180;
        double south = 90;
        double north = -90;
        for (Map<String, Object> p : places) {
            double lon = (Double) p.get("lon");
            double lat = (Double) p.get("lat");
            west = Math.min(west, lon);
            east = Math.max(east, lon);
            south = Math.min(south, lat);
            north = Math.max(north, lat);
        }
        double padLon = Math.max(10, (east - west) * 0.12);
        double padLat = Math.max(8, (north - south) * 0.15);
        west -= padLon;
        east += padLon;
        south -= padLat;
        north += padLat;
        if (east - west < 50) {
            double mid = (east + west) / 2;
            west = mid - 25;
            east = mid + 25;
        }
        if (north - south < 30) {
            double mid = (north + south) / 2;
            south = mid - 15;
            north = mid + 15;
        }
        return List.of(
                List.of(Math.max(-180, west), Math.min(84, north)), List.of(Math.min(180, east), Math.max(-58, south)));
    }

    private static List<Double> rounded(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add((double) Math.round(v));
        }
        return out;
    }
}
