package footprint.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made plans for the report tests: two plants on either side of the Pacific, two products,
 * markets from Tromsø to Auckland (so the map shows most of the world, the 180th meridian and the
 * latitudes of Chukotka included), two
 * years, one lost sale, and names that try to inject HTML.
 */
public final class PlanFixtures {
    /** A plant name that would run script if a report put it into the page as HTML. */
    public static final String EVIL = "<img src=x onerror=\"window.__xss=1\">Evil & Co's \"plant\"</script>";

    private PlanFixtures() {}

    public static LabeledPlan plan(String label, double npv) {
        return LabeledPlan.of(label, tree(npv));
    }

    public static Map<String, Object> tree(double npv) {
        var doc = new LinkedHashMap<String, Object>();
        var model = new LinkedHashMap<String, Object>();
        model.put("name", "Pacific test network");
        model.put("file", "pacific.yaml");
        model.put("currency", "EUR");
        model.put("horizon", Map.of("firstYear", 2030, "lastYear", 2031));
        model.put(
                "plants",
                List.of(place("vlad", "Vladivostok", "RU", 43.12, 131.89), place("evil", EVIL, "US", 47.61, -122.33)));
        model.put("componentPlants", List.of());
        model.put(
                "markets",
                List.of(
                        place("ES", "Spain", "ES", 40.42, -3.7),
                        place("NZ", "New Zealand", "NZ", -36.85, 174.76),
                        place("CL", "Chile", "CL", -33.45, -70.67),
                        place("NO", "Norway", "NO", 69.65, 18.96)));
        model.put(
                "countries",
                List.of(
                        country("RU", "Russia", 55.76, 37.62),
                        country("US", "United States", 38.9, -77.04),
                        country("ES", "Spain", 40.42, -3.7),
                        country("NZ", "New Zealand", -41.29, 174.78),
                        country("CL", "Chile", -33.45, -70.67)));
        model.put(
                "products",
                List.of(
                        Map.of("id", "van", "name", "Van <b>bold</b>", "brand", "B", "segment", "van", "platform", "p"),
                        Map.of("id", "car", "name", "Car", "brand", "B", "segment", "car", "platform", "p")));
        doc.put("model", model);
        doc.put("status", "optimal");
        doc.put("mode", "npv");
        doc.put("backend", "highs");
        doc.put("objective", npv);
        doc.put("bestBound", npv);
        doc.put("gap", 0.0);
        var kpis = new LinkedHashMap<String, Object>();
        kpis.put("revenue", 100e6);
        kpis.put("variableCost", 40e6);
        kpis.put("freight", 5e6);
        kpis.put("duties", 2e6);
        kpis.put("componentCost", 10e6);
        kpis.put("fixedCost", 20e6);
        kpis.put("idleCost", 0.0);
        kpis.put("investment", 3e6);
        kpis.put("closureCost", 0.0);
        kpis.put("reopeningCost", 0.0);
        kpis.put("lostSalePenalty", 0.0);
        kpis.put("npv", npv);
        doc.put("kpis", kpis);
        List<Object> plants = new ArrayList<>();
        plants.add(plantYear("vlad", 2030, "running", 800, 1000));
        plants.add(plantYear("vlad", 2031, "running", 900, 1000));
        plants.add(plantYear("evil", 2030, "running", 500, 600));
        plants.add(plantYear("evil", 2031, "idle", 0, 600));
        doc.put("plants", plants);
        doc.put(
                "flows",
                List.of(
                        flow("vlad", "van", "NZ", 2030, 500),
                        flow("vlad", "car", "CL", 2030, 300),
                        flow("vlad", "van", "NZ", 2031, 600),
                        flow("vlad", "car", "ES", 2031, 300),
                        flow("evil", "van", "ES", 2030, 250),
                        flow("evil", "car", "CL", 2030, 250)));
        doc.put("lostSales", List.of(Map.of("market", "CL", "product", "car", "year", 2031, "volume", 120.0)));
        doc.put("componentFlows", List.of());
        doc.put("investments", List.of(Map.of("plant", "vlad", "platform", "p", "year", 2030, "amount", 3e6)));
        doc.put(
                "decisions",
                List.of(
                        Map.of(
                                "plant",
                                "evil",
                                "year",
                                2031,
                                "action",
                                "idle",
                                "given",
                                false,
                                "text",
                                "evil idles from 2031 <script>alert(1)</script>"),
                        Map.of(
                                "plant",
                                "vlad",
                                "year",
                                2030,
                                "action",
                                "tool",
                                "platform",
                                "p",
                                "given",
                                true,
                                "text",
                                "vlad is tooled for p from 2030 (given)")));
        doc.put("notes", List.of("a note with <b>markup</b>"));
        return doc;
    }

    private static Map<String, Object> place(String id, String name, String country, double lat, double lon) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", id);
        m.put("name", name);
        m.put("country", country);
        m.put("location", Map.of("lat", lat, "lon", lon));
        return m;
    }

    private static Map<String, Object> country(String code, String name, double lat, double lon) {
        return Map.of("code", code, "name", name, "bloc", code, "location", Map.of("lat", lat, "lon", lon));
    }

    private static Map<String, Object> plantYear(String plant, int year, String status, double output, double cap) {
        var m = new LinkedHashMap<String, Object>();
        m.put("plant", plant);
        m.put("year", year);
        m.put("status", status);
        m.put("running", status.equals("running"));
        m.put("output", output);
        m.put("capacity", cap);
        m.put("utilisation", status.equals("running") ? output / cap : 0.0);
        m.put("jobs", status.equals("running") ? 1000.0 : 100.0);
        m.put("capacityShadowPrice", 0.0);
        return m;
    }

    private static Map<String, Object> flow(String plant, String product, String market, int year, double v) {
        return Map.of("plant", plant, "product", product, "market", market, "year", year, "volume", v);
    }
}
