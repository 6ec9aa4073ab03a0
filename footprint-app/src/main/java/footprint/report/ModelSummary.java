package footprint.report;

import footprint.model.Figure;
import footprint.model.Market;
import footprint.model.Network;
import footprint.model.NetworkFigures;
import footprint.model.Product;
import footprint.model.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a planner checks at a glance about a model: its size, its horizon, demand against capacity
 * each year, and where its figures come from.
 */
public record ModelSummary(
        String name,
        int firstYear,
        int lastYear,
        String currency,
        String objective,
        double discountRate,
        Map<String, Integer> counts,
        List<YearBalance> years,
        Sources sources) {

    /** Nominal demand and capacity of one year. */
    public record YearBalance(int year, double demand, double capacity) {
        public double ratio() {
            return capacity == 0 ? Double.POSITIVE_INFINITY : demand / capacity;
        }
    }

    /** How many figures cite what. */
    public record Sources(
            int figures,
            int articles,
            Map<String, Integer> byArticle,
            int urls,
            int other,
            int assumptions,
            int assumptionsAsRanges,
            int withoutSource) {}

    private static final Pattern SEED = Pattern.compile("(?i)^(seeds? \\d{3})");

    public static ModelSummary of(Network n) {
        var counts = new LinkedHashMap<String, Integer>();
        counts.put("countries", n.countries().size());
        counts.put("platforms", n.platforms().size());
        counts.put("plants", n.plants().size());
        counts.put("products", n.products().size());
        counts.put("component plants", n.componentPlants().size());
        counts.put("markets", n.markets().size());
        counts.put("lanes", n.lanes().size());
        counts.put("duties", n.duties().size());
        counts.put("bans", n.bans().size());
        counts.put("local-content rules", n.localContent().size());
        counts.put("commitments", n.commitments().size());
        counts.put("decisions", n.decisions().size());
        List<YearBalance> years = new ArrayList<>();
        for (int y : n.horizon().years().toArray()) {
            double demand = 0;
            for (Market m : n.markets()) {
                for (Product p : n.products()) {
                    demand += m.demandFor(p.id(), y);
                }
            }
            final int year = y;
            double capacity = n.plants().stream()
                    .mapToDouble(p -> p.capacity().nominal(year))
                    .sum();
            years.add(new YearBalance(y, demand, capacity));
        }
        return new ModelSummary(
                n.name(),
                n.horizon().firstYear(),
                n.horizon().lastYear(),
                n.currency(),
                n.objective().name().toLowerCase(Locale.ROOT),
                n.discountRate().nominal(),
                counts,
                years,
                sources(n));
    }

    private static Sources sources(Network n) {
        int figures = 0;
        int articles = 0;
        int urls = 0;
        int other = 0;
        int assumptions = 0;
        int ranges = 0;
        int none = 0;
        var byArticle = new TreeMap<String, Integer>();
        for (NetworkFigures.Entry e : NetworkFigures.of(n)) {
            figures++;
            Figure f = e.figure();
            if (f.source().isEmpty()) {
                none++;
                continue;
            }
            Source s = f.source().get();
            switch (s.kind()) {
                case ARTICLE:
                    articles++;
                    Matcher m = SEED.matcher(s.text());
                    if (m.find()) {
                        byArticle.merge(m.group(1).toLowerCase(Locale.ROOT).replace("seeds", "seed"), 1, Integer::sum);
                    }
                    break;
                case URL:
                    urls++;
                    break;
                case ASSUMPTION:
                    assumptions++;
                    if (f.quantity().isUncertain()) {
                        ranges++;
                    }
                    break;
                default:
                    other++;
                    break;
            }
        }
        return new Sources(figures, articles, byArticle, urls, other, assumptions, ranges, none);
    }

    /** The summary as a few lines of text. */
    public String toText() {
        var b = new StringBuilder();
        b.append(name).append('\n');
        b.append(String.format(
                Locale.ROOT,
                "  horizon %d-%d (%d years), currency %s, objective %s, discount rate %s%n",
                firstYear,
                lastYear,
                lastYear - firstYear + 1,
                currency,
                objective,
                Format.percent(discountRate)));
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> {
            if (v > 0 || List.of("plants", "products", "markets").contains(k)) {
                parts.add(v + " " + (v == 1 ? singular(k) : k));
            }
        });
        b.append("  ").append(String.join(", ", parts)).append("\n\n");
        b.append(String.format(Locale.ROOT, "  %-6s %12s %12s %8s%n", "year", "demand", "capacity", "ratio"));
        for (YearBalance y : years) {
            b.append(String.format(
                    Locale.ROOT,
                    "  %-6d %12s %12s %8s%n",
                    y.year(),
                    Format.count(y.demand()),
                    Format.count(y.capacity()),
                    Double.isInfinite(y.ratio()) ? "-" : Format.percent(y.ratio())));
        }
        b.append("  (nominal values; demand of every market, capacity of every plant as if all ran)\n\n");
        Sources s = sources;
        b.append(String.format(
                Locale.ROOT,
                "  figures: %d; %d cite an article%s, %d a web address, %d another source;"
                        + " %d are assumptions (%d given as ranges); %d have no source%n",
                s.figures(),
                s.articles(),
                s.byArticle().isEmpty() ? "" : " (" + articleList(s.byArticle()) + ")",
                s.urls(),
                s.other(),
                s.assumptions(),
                s.assumptionsAsRanges(),
                s.withoutSource()));
        return b.toString();
    }

    private static String singular(String plural) {
        if (plural.endsWith("ies")) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    private static String articleList(Map<String, Integer> byArticle) {
        List<String> parts = new ArrayList<>();
        byArticle.forEach((k, v) -> parts.add(k + ": " + v));
        return String.join(", ", parts);
    }
}
