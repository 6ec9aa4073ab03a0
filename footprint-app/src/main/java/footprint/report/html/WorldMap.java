package footprint.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The world's countries for the report's map: Natural Earth 1:110m from the world-atlas npm package
 * (bundled at build time), decoded from TopoJSON and cut at the 180th meridian.
 *
 * <p>world-atlas keeps polygons whole on the sphere: Russia's Chukotka, Wrangel Island and Fiji are
 * rings that step from longitude 180 to -180 and back, and Antarctica's ring goes round the pole. A
 * flat map joins those steps with edges across the whole world, which fill as horizontal stripes.
 * {@link #cut} unwraps such a ring into continuous longitudes, closes a ring that goes round a pole
 * along the pole, and clips it to [-180, 180] once per 360-degree shift, so every piece is drawn on
 * its own side of the map.
 */
final class WorldMap {
    /** A country: ISO 3166 numeric id, Natural Earth name and its polygons (rings of [lon, lat]). */
    record Country(String id, String name, List<List<List<double[]>>> polygons) {}

    private static final String RESOURCE = "/footprint/report/html/vendor/world-atlas/countries-110m.json";
    private static volatile List<Country> countries;

    private WorldMap() {}

    /** Every country of the bundled atlas, cut at the antimeridian. */
    static List<Country> countries() {
        List<Country> c = countries;
        if (c == null) {
            try (InputStream in = WorldMap.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the world map " + RESOURCE + " is not on the class path: build"
                            + " footprint-app with Maven, which installs it from npm");
                }
                c = decode(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            countries = c;
        }
        return c;
    }

    /**
     * The countries as a GeoJSON FeatureCollection for ECharts, coordinates to 0.01 degree,
     * Antarctica left out (no plant or market there, and it would take a fifth of the map).
     */
    static String geoJson() {
        StringBuilder out = new StringBuilder(200_000);
        out.append("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean firstFeature = true;
        for (Country c : countries()) {
            if (c.id().equals("010")) {
                continue;
            }
            out.append(firstFeature ? "" : ",");
            firstFeature = false;
            out.append("{\"type\":\"Feature\",\"id\":\"").append(c.id()).append("\",\"properties\":{\"name\":");
            out.append(jsonString(c.name())).append("},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int p = 0; p < c.polygons().size(); p++) {
                out.append(p == 0 ? "[" : ",[");
                List<List<double[]>> polygon = c.polygons().get(p);
                for (int r = 0; r < polygon.size(); r++) {
                    out.append(r == 0 ? "[" : ",[");
                    List<double[]> ring = polygon.get(r);
                    for (int i = 0; i < ring.size(); i++) {
                        double[] pt = ring.get(i);
                        out.append(i == 0 ? "[" : ",[")
                                .append(round(pt[0]))
                                .append(',')
                                .append(round(pt[1]))
                                .append(']');
                    }
                    out.append(']');
                }
                out.append(']');
            }
            out.append("]}}");
        }
        return out.append("]}").toString();
    }

    /** The name of the country whose polygons contain a point, if any. */
    static Optional<String> countryAt(double lat, double lon) {
        for (Country c : countries()) {
            for (List<List<double[]>> polygon : c.polygons()) {
                boolean inside = false;
                for (List<double[]> ring : polygon) {
                    inside ^= contains(ring, lon, lat);
                }
                if (inside) {
                    return Optional.of(c.name());
                }
            }
        }
        return Optional.empty();
    }

    /** Decodes a world-atlas TopoJSON document (quantized, delta-encoded arcs). */
    static List<Country> decode(JsonNode topo) {
        JsonNode transform = topo.path("transform");
        double sx = transform.path("scale").path(0).asDouble(1);
        double sy = transform.path("scale").path(1).asDouble(1);
        double tx = transform.path("translate").path(0).asDouble(0);
        double ty = transform.path("translate").path(1).asDouble(0);
        boolean quantized = transform.isObject();
        List<List<double[]>> arcs = new ArrayList<>();
        for (JsonNode arc : topo.path("arcs")) {
            List<double[]> points = new ArrayList<>(arc.size());
            double x = 0;
            double y = 0;
            for (JsonNode pt : arc) {
                if (quantized) {
                    x += pt.get(0).asDouble();
                    y += pt.get(1).asDouble();
                    points.add(new double[] {x * sx + tx, y * sy + ty});
                } else {
                    points.add(new double[] {pt.get(0).asDouble(), pt.get(1).asDouble()});
                }
            }
            arcs.add(points);
        }
        List<Country> result = new ArrayList<>();
        for (JsonNode g : topo.path("objects").path("countries").path("geometries")) {
            List<JsonNode> polygons = new ArrayList<>();
            switch (g.path("type").asText()) {
                case "Polygon" -> polygons.add(g.path("arcs"));
                case "MultiPolygon" -> g.path("arcs").forEach(polygons::add);
                default -> {
                    continue;
                }
            }
            List<List<List<double[]>>> cutPolygons = new ArrayList<>();
            for (JsonNode polygon : polygons) {
                List<List<double[]>> rings = new ArrayList<>();
                for (JsonNode ringArcs : polygon) {
                    rings.add(ring(ringArcs, arcs));
                }
                cutPolygons.addAll(cut(rings));
            }
            result.add(new Country(
                    g.path("id").asText(), g.path("properties").path("name").asText(), cutPolygons));
        }
        return List.copyOf(result);
    }

    private static List<double[]> ring(JsonNode ringArcs, List<List<double[]>> arcs) {
        List<double[]> ring = new ArrayList<>();
        for (JsonNode index : ringArcs) {
            int i = index.asInt();
            List<double[]> arc = arcs.get(i >= 0 ? i : ~i);
            int n = arc.size();
            for (int k = 0; k < n; k++) {
                double[] pt = arc.get(i >= 0 ? k : n - 1 - k);
                if (k > 0 || ring.isEmpty()) {
                    ring.add(pt);
                }
            }
        }
        return ring;
    }

    /**
     * A polygon (outer ring, then holes) as polygons that a flat map draws without stripes: the
     * polygon itself when no edge steps more than 180 degrees of longitude, else its pieces on
     * either side of the 180th meridian. Holes go with the piece of their outer ring (world-atlas's
     * antimeridian countries have none).
     */
    static List<List<List<double[]>>> cut(List<List<double[]>> polygon) {
        List<double[]> outer = polygon.get(0);
        if (!crosses(outer)) {
            return List.of(polygon);
        }
        List<double[]> unwrapped = unwrap(outer);
        List<List<List<double[]>>> pieces = new ArrayList<>();
        for (int shift = -2; shift <= 2; shift++) {
            List<double[]> shifted = new ArrayList<>(unwrapped.size());
            for (double[] p : unwrapped) {
                shifted.add(new double[] {p[0] + 360.0 * shift, p[1]});
            }
            List<double[]> piece = clip(clip(shifted, -180, true), 180, false);
            if (piece.size() >= 4 && Math.abs(area(piece)) > 1e-9) {
                close(piece);
                pieces.add(List.of(piece));
            }
        }
        return pieces;
    }

    /** Whether a ring has an edge longer than 180 degrees of longitude. */
    static boolean crosses(List<double[]> ring) {
        for (int i = 1; i < ring.size(); i++) {
            if (Math.abs(ring.get(i)[0] - ring.get(i - 1)[0]) > 180) {
                return true;
            }
        }
        return false;
    }

    /**
     * Longitudes made continuous (each step under 180 degrees). A ring that goes round a pole ends
     * 360 degrees from where it started: it is closed along that pole.
     */
    private static List<double[]> unwrap(List<double[]> ring) {
        List<double[]> out = new ArrayList<>(ring.size() + 3);
        double offset = 0;
        double meanLat = 0;
        for (int i = 0; i < ring.size(); i++) {
            double[] p = ring.get(i);
            if (i > 0) {
                double step = p[0] - ring.get(i - 1)[0];
                if (step > 180) {
                    offset -= 360;
                } else if (step < -180) {
                    offset += 360;
                }
            }
            out.add(new double[] {p[0] + offset, p[1]});
            meanLat += p[1] / ring.size();
        }
        if (offset != 0) {
            double pole = meanLat < 0 ? -90 : 90;
            double[] first = out.get(0);
            double[] last = out.get(out.size() - 1);
            // along the pole in steps of at most 90 degrees, so no edge spans the map
            int steps = (int) Math.ceil(Math.abs(last[0] - first[0]) / 90);
            for (int k = 0; k <= steps; k++) {
                out.add(new double[] {last[0] + (first[0] - last[0]) * k / steps, pole});
            }
            out.add(new double[] {first[0], first[1]});
        }
        return out;
    }

    /** Sutherland-Hodgman: the part of a closed ring with x >= edge (keepAbove) or x <= edge. */
    private static List<double[]> clip(List<double[]> ring, double edge, boolean keepAbove) {
        List<double[]> out = new ArrayList<>();
        int n = ring.size();
        for (int i = 0; i < n; i++) {
            double[] a = ring.get(i);
            double[] b = ring.get((i + 1) % n);
            boolean ina = keepAbove ? a[0] >= edge : a[0] <= edge;
            boolean inb = keepAbove ? b[0] >= edge : b[0] <= edge;
            if (ina) {
                out.add(a);
            }
            if (ina != inb) {
                double t = (edge - a[0]) / (b[0] - a[0]);
                out.add(new double[] {edge, a[1] + t * (b[1] - a[1])});
            }
        }
        return out;
    }

    private static void close(List<double[]> ring) {
        double[] first = ring.get(0);
        double[] last = ring.get(ring.size() - 1);
        if (first[0] != last[0] || first[1] != last[1]) {
            ring.add(new double[] {first[0], first[1]});
        }
    }

    private static double area(List<double[]> ring) {
        double a = 0;
        for (int i = 0; i < ring.size(); i++) {
            double[] p = ring.get(i);
            double[] q = ring.get((i + 1) % ring.size());
            a += p[0] * q[1] - q[0] * p[1];
        }
        return a / 2;
    }

    private static boolean contains(List<double[]> ring, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double[] p = ring.get(i);
            double[] q = ring.get(j);
            if ((p[1] > y) != (q[1] > y) && x < (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]) + p[0]) {
                inside = !inside;
            }
        }
        return inside;
    }

    private static String round(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    private static String jsonString(String s) {
        try {
            return new ObjectMapper().writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
