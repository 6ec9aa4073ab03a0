package footprint.report;

import com.fasterxml.jackson.databind.JsonNode;
import footprint.io.ModelRead;
import footprint.io.SourceFile;
import footprint.model.Figure;
import footprint.model.Lane;
import footprint.model.Market;
import footprint.model.Network;
import footprint.model.Plant;
import footprint.model.check.Location;
import footprint.model.check.Problem;
import footprint.model.check.ProblemCode;
import footprint.model.check.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Whether a plan file belongs to a model: the plan's hash of its model and scenario chain against the
 * model's ({@link ModelRead#sha256()}), then the plan's content against the model itself (the
 * horizon; every plant, product, market, component plant and platform named exists; a row for every
 * plant in every year; flows only on lanes open that year, no more out of a plant than its capacity
 * and no more into a market than its demand, each at the top of its range, to {@link
 * PlanSchema#RELATIVE_TOLERANCE} plus {@link PlanSchema#ABSOLUTE_TOLERANCE}). The content is
 * checked even when the hash matches (a plan file can be edited) and when the plan names no hash (a
 * plan written before plans did, read with a warning).
 */
public final class PlanFit {
    private PlanFit() {}

    /** A file of the model's chain as a plan names it. */
    public record Source(String file, String sha256) {}

    /**
     * Every way the plan does not fit the model (errors), or the warning that it cannot be matched by
     * hash.
     *
     * @param model a model read without errors
     */
    public static List<Problem> check(PlanFile plan, ModelRead model) {
        Check c = new Check(plan, model);
        c.hash();
        if (c.problems.stream().noneMatch(Problem::isError)) {
            c.content(model.network().orElseThrow());
        }
        return c.done();
    }

    private static final class Check {
        private final PlanFile plan;
        private final ModelRead model;
        private final String file;
        private final List<Problem> problems = new ArrayList<>();
        private int unlisted;

        Check(PlanFile plan, ModelRead model) {
            this.plan = plan;
            this.model = model;
            this.file = plan.file().toString();
        }

        void hash() {
            String solveAgain = " Solve the model again: footprint solve " + model.file() + " --json " + file + ".";
            if (plan.modelSha256().isEmpty()) {
                problems.add(Problem.at(
                                ProblemCode.PLAN_OF_ANOTHER_MODEL,
                                new Location(file, 0, 0),
                                "model.sha256",
                                "the plan does not name its model by hash (it was written by a Footprint before"
                                        + " plans did), so it cannot be matched to " + model.file()
                                        + "; its plants, products, markets, years and volumes are checked against"
                                        + " it instead." + solveAgain)
                        .withSeverity(Severity.WARNING));
                return;
            }
            if (model.sha256().isEmpty()) {
                return; // the model's files could not be hashed (read from text): the content check stands alone
            }
            String planHash = plan.modelSha256().get();
            if (planHash.equals(model.sha256().get())) {
                return;
            }
            List<Source> was = plan.modelSources();
            List<SourceFile> now = model.sources();
            add(
                    "model.sha256",
                    "the plan was solved from "
                            + chain(was.stream().map(Source::file).toList()) + " (SHA-256 "
                            + planHash.substring(0, 12) + "…), but the model given is "
                            + chain(now.stream().map(f -> name(f.file())).toList()) + " (SHA-256 "
                            + model.sha256().get().substring(0, 12) + "…): " + difference(was, now)
                            + " Give the model the plan was solved from, or" + solveAgain.replace(" Solve", " solve"));
        }

        /** What differs between the plan's chain and the model's, in a planner's words. */
        private static String difference(List<Source> was, List<SourceFile> now) {
            if (was.size() != now.size()) {
                return "the plan's model is " + files(was.size()) + ", this one " + files(now.size())
                        + ", so it is another model or scenario.";
            }
            List<String> changed = new ArrayList<>();
            for (int i = 0; i < was.size(); i++) {
                if (!was.get(i).sha256().equals(now.get(i).sha256())) {
                    changed.add(name(now.get(i).file()) + " (the plan's "
                            + PlanSchema.quote(was.get(i).file()) + ")");
                }
            }
            return String.join(" and ", changed) + (changed.size() == 1 ? " differs" : " differ")
                    + ": it has changed since the plan was solved, or it is another file.";
        }

        private static String files(int n) {
            return n == 1 ? "one file" : "a chain of " + n + " files";
        }

        private static String chain(List<String> files) {
            if (files.isEmpty()) {
                return "an unnamed model";
            }
            String first = PlanSchema.quote(files.get(0));
            return files.size() == 1
                    ? first
                    : first + " extending "
                            + String.join(
                                    " extending ",
                                    files.subList(1, files.size()).stream()
                                            .map(PlanSchema::quote)
                                            .toList());
        }

        private static String name(Path f) {
            Path n = f.getFileName();
            return n == null ? f.toString() : n.toString();
        }

        void content(Network n) {
            JsonNode doc = plan.tree();
            int first = n.horizon().firstYear();
            int last = n.horizon().lastYear();
            JsonNode h = doc.path("model").path("horizon");
            if (h.isObject()
                    && (h.path("firstYear").asInt() != first
                            || h.path("lastYear").asInt() != last)) {
                add(
                        "model.horizon",
                        "the plan covers " + h.path("firstYear").asInt() + "-"
                                + h.path("lastYear").asInt() + ", the model " + first + "-" + last + ".");
                return;
            }
            Map<String, Plant> plants = new HashMap<>();
            n.plants().forEach(p -> plants.put(p.id(), p));
            Set<String> componentPlants = new HashSet<>();
            n.componentPlants().forEach(c -> componentPlants.add(c.id()));
            Map<String, Market> markets = new HashMap<>();
            n.markets().forEach(m -> markets.put(m.id(), m));
            Set<String> products = new HashSet<>();
            n.products().forEach(p -> products.add(p.id()));
            Set<String> platforms = new HashSet<>();
            n.platforms().forEach(p -> platforms.add(p.id()));
            Map<String, List<Lane>> lanes = new HashMap<>();
            for (Lane l : n.lanes()) {
                lanes.computeIfAbsent(l.from() + "->" + l.to(), k -> new ArrayList<>())
                        .add(l);
            }

            Set<String> plantYears = new HashSet<>();
            JsonNode rows = doc.path("plants");
            for (int i = 0; i < rows.size(); i++) {
                JsonNode r = rows.get(i);
                String at = "plants[" + i + "]";
                known(plants.keySet(), r.path("plant").asText(), "plant", at + ".plant");
                int year = r.path("year").asInt();
                inHorizon(year, first, last, at + ".year");
                plantYears.add(r.path("plant").asText() + "@" + year);
            }
            if (plan.hasPlan()) {
                for (Plant p : n.plants()) {
                    for (int y = first; y <= last; y++) {
                        if (!plantYears.contains(p.id() + "@" + y)) {
                            add(
                                    "plants",
                                    "the plan gives no status for the plant " + PlanSchema.quote(p.id()) + " in " + y
                                            + ".");
                            break;
                        }
                    }
                }
            }

            // the top of every range: a plan solved on any values the model allows stays below it
            ToDoubleFunction<Figure> top = f -> f.quantity().max();
            // in the order of the flows' rows, so problems are listed as the file runs
            Map<String, Double> out = new LinkedHashMap<>();
            Map<String, Double> into = new LinkedHashMap<>();
            Map<String, Integer> rowOf = new HashMap<>();
            JsonNode flows = doc.path("flows");
            for (int i = 0; i < flows.size(); i++) {
                JsonNode r = flows.get(i);
                String at = "flows[" + i + "]";
                String plant = r.path("plant").asText();
                String market = r.path("market").asText();
                String product = r.path("product").asText();
                int year = r.path("year").asInt();
                boolean ids = known(plants.keySet(), plant, "plant", at + ".plant")
                        & known(markets.keySet(), market, "market", at + ".market")
                        & known(products, product, "product", at + ".product");
                if (!ids || !inHorizon(year, first, last, at + ".year")) {
                    continue;
                }
                double v = r.path("volume").asDouble();
                if (v > PlanSchema.ABSOLUTE_TOLERANCE && !open(lanes, plant, market, year)) {
                    add(
                            at,
                            "no lane of the model runs from " + PlanSchema.quote(plant) + " to "
                                    + PlanSchema.quote(market) + " in " + year + ", yet the plan ships "
                                    + String.format(Locale.ROOT, "%,.1f", v) + " vehicles on it.");
                }
                String py = plant + "@" + year;
                out.merge(py, v, Double::sum);
                rowOf.putIfAbsent(py, i);
                String mky = market + "@" + product + "@" + year;
                into.merge(mky, v, Double::sum);
                rowOf.putIfAbsent(mky, i);
            }
            for (var e : out.entrySet()) {
                String[] k = e.getKey().split("@", -1);
                double capacity = plants.get(k[0]).capacity().valueAt(Integer.parseInt(k[1]), top);
                if (PlanSchema.above(e.getValue(), capacity)) {
                    add(
                            "flows[" + rowOf.get(e.getKey()) + "]",
                            String.format(
                                    Locale.ROOT,
                                    "the plan ships %,.1f vehicles out of %s in %s; the model's capacity there is"
                                            + " %,.1f at most.",
                                    e.getValue(),
                                    PlanSchema.quote(k[0]),
                                    k[1],
                                    capacity));
                }
            }
            for (var e : into.entrySet()) {
                String[] k = e.getKey().split("@", -1);
                double demand = Math.max(0, markets.get(k[0]).demandFor(k[1], Integer.parseInt(k[2]), top));
                if (PlanSchema.above(e.getValue(), demand)) {
                    add(
                            "flows[" + rowOf.get(e.getKey()) + "]",
                            String.format(
                                    Locale.ROOT,
                                    "the plan sells %,.1f of %s in %s in %s; the model's demand there is %,.1f at"
                                            + " most.",
                                    e.getValue(),
                                    PlanSchema.quote(k[1]),
                                    PlanSchema.quote(k[0]),
                                    k[2],
                                    demand));
                }
            }

            JsonNode lost = doc.path("lostSales");
            for (int i = 0; i < lost.size(); i++) {
                JsonNode r = lost.get(i);
                known(markets.keySet(), r.path("market").asText(), "market", "lostSales[" + i + "].market");
                known(products, r.path("product").asText(), "product", "lostSales[" + i + "].product");
                inHorizon(r.path("year").asInt(), first, last, "lostSales[" + i + "].year");
            }
            JsonNode supply = doc.path("componentFlows");
            for (int i = 0; i < supply.size(); i++) {
                JsonNode r = supply.get(i);
                String at = "componentFlows[" + i + "]";
                String from = r.path("componentPlant").asText();
                String to = r.path("plant").asText();
                int year = r.path("year").asInt();
                boolean ids = known(componentPlants, from, "component plant", at + ".componentPlant")
                        & known(plants.keySet(), to, "plant", at + ".plant");
                if (ids
                        && inHorizon(year, first, last, at + ".year")
                        && r.path("volume").asDouble() > PlanSchema.ABSOLUTE_TOLERANCE
                        && !open(lanes, from, to, year)) {
                    add(
                            at,
                            "no lane of the model runs from " + PlanSchema.quote(from) + " to " + PlanSchema.quote(to)
                                    + " in " + year + ", yet the plan carries components on it.");
                }
            }
            JsonNode tools = doc.path("investments");
            for (int i = 0; i < tools.size(); i++) {
                JsonNode r = tools.get(i);
                known(plants.keySet(), r.path("plant").asText(), "plant", "investments[" + i + "].plant");
                known(platforms, r.path("platform").asText(), "platform", "investments[" + i + "].platform");
                inHorizon(r.path("year").asInt(), first, last, "investments[" + i + "].year");
            }
            JsonNode decisions = doc.path("decisions");
            for (int i = 0; i < decisions.size(); i++) {
                known(plants.keySet(), decisions.get(i).path("plant").asText(), "plant", "decisions[" + i + "].plant");
            }
        }

        private static boolean open(Map<String, List<Lane>> lanes, String from, String to, int year) {
            return lanes.getOrDefault(from + "->" + to, List.of()).stream().anyMatch(l -> l.isOpen(year));
        }

        private boolean known(Set<String> ids, String id, String kind, String field) {
            if (ids.contains(id)) {
                return true;
            }
            add(field, PlanSchema.quote(id) + " is not a " + kind + " of the model.");
            return false;
        }

        private boolean inHorizon(int year, int first, int last, String field) {
            if (year >= first && year <= last) {
                return true;
            }
            add(field, "the year " + year + " is outside the model's horizon " + first + "-" + last + ".");
            return false;
        }

        private void add(String field, String message) {
            if (problems.size() >= PlanSchema.MAX_LISTED) {
                unlisted++;
                return;
            }
            problems.add(Problem.at(ProblemCode.PLAN_OF_ANOTHER_MODEL, new Location(file, 0, 0), field, message));
        }

        List<Problem> done() {
            if (unlisted > 0) {
                problems.add(Problem.at(
                        ProblemCode.PLAN_OF_ANOTHER_MODEL,
                        new Location(file, 0, 0),
                        "",
                        "... and " + unlisted + " more like these."));
            }
            return problems;
        }
    }
}
