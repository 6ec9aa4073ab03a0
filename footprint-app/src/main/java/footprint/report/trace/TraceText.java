package footprint.report.trace;

import footprint.model.Figure;
import footprint.model.Quantity;
import footprint.model.Source;
import footprint.report.Format;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A trace as a planner reads it. */
public final class TraceText {
    private TraceText() {}

    /**
     * The trace as text.
     *
     * @param limit how many figures to list (the rest are counted); 0 for all
     */
    public static String of(Trace.Result r, String planLabel, String currency, int limit) {
        StringBuilder s = new StringBuilder();
        s.append(r.target()).append(" = ").append(r.valueText()).append('\n');
        s.append("  in ").append(planLabel).append('\n');
        r.notes().forEach(note -> s.append("  note: ").append(note).append('\n'));
        if (!r.facts().isEmpty()) {
            s.append('\n');
            r.facts().forEach(f -> s.append("  ").append(f).append('\n'));
        }
        if (!r.parts().isEmpty()) {
            s.append('\n')
                    .append(String.format(
                            Locale.ROOT,
                            "  %-16s %18s %18s%n",
                            "part (M " + currency + ")",
                            "money of its year",
                            "NPV"));
            for (Trace.Part p : r.parts()) {
                s.append(String.format(
                        Locale.ROOT, "  %-16s %18s %18s%n", p.label(), m(p.amount()), m(p.presentValue())));
            }
        }
        List<Trace.FigureUse> figures = r.figures();
        long articles = figures.stream()
                .filter(f -> f.kind().orElse(null) == Source.Kind.ARTICLE)
                .count();
        long assumptions = figures.stream()
                .filter(f -> f.kind().orElse(null) == Source.Kind.ASSUMPTION)
                .count();
        long changed = figures.stream().filter(f -> f.change().isPresent()).count();
        s.append('\n')
                .append("Input figures: ")
                .append(figures.size())
                .append(" (")
                .append(articles)
                .append(" from the articles, ")
                .append(assumptions)
                .append(" assumed, ")
                .append(figures.size() - articles - assumptions)
                .append(" other or without a source; ")
                .append(changed)
                .append(" set by a scenario)");
        boolean effects = figures.stream().anyMatch(f -> f.atLow().isPresent());
        if (effects) {
            s.append(", biggest effect first.\n  effect: the traced amount (M ")
                    .append(currency)
                    .append(", NPV) with the figure at the low and high end of its range, the plan held fixed\n");
        } else {
            s.append(".\n");
        }
        int shown = limit <= 0 ? figures.size() : Math.min(limit, figures.size());
        for (Trace.FigureUse f : figures.subList(0, shown)) {
            s.append('\n');
            s.append("  ").append(f.path()).append(" = ").append(value(f.figure()));
            range(f.figure().quantity())
                    .ifPresent(x -> s.append("  (").append(x).append(')'));
            f.figure().unit().ifPresent(u -> s.append(' ').append(u));
            s.append('\n');
            s.append("      ").append(source(kind(f), f.figure().source())).append('\n');
            f.place()
                    .ifPresent(p -> s.append("      at ")
                            .append(shortPlace(p.toString()))
                            .append('\n'));
            f.change()
                    .ifPresent(c -> s.append("      set by the scenario change at ")
                            .append(shortPlace(c.describe()))
                            .append('\n'));
            if (f.atLow().isPresent()) {
                s.append("      effect: ")
                        .append(m(f.atLow().getAsDouble()))
                        .append(" at the low end, ")
                        .append(m(f.atHigh().getAsDouble()))
                        .append(" at the high end\n");
            }
        }
        if (shown < figures.size()) {
            s.append("\n  ... and ").append(figures.size() - shown).append(" more figures (--all lists them)\n");
        }
        if (!r.rules().isEmpty()) {
            s.append("\nRules\n");
            for (Trace.RuleUse rule : r.rules()) {
                s.append("  ")
                        .append(rule.path())
                        .append(": ")
                        .append(rule.text())
                        .append('\n');
                rule.source()
                        .ifPresent(src -> s.append("      ")
                                .append(source(
                                        src.kind() == Source.Kind.ARTICLE ? "from an article" : word(src.kind()),
                                        rule.source()))
                                .append('\n'));
                rule.place()
                        .ifPresent(p -> s.append("      at ")
                                .append(shortPlace(p.toString()))
                                .append('\n'));
                rule.change()
                        .ifPresent(c -> s.append("      set by the scenario change at ")
                                .append(shortPlace(c.describe()))
                                .append('\n'));
            }
        }
        return s.toString();
    }

    /** "assumption: why", "fact from an article: seed 001: ...": the kind, then the source as written. */
    private static String source(String kind, Optional<Source> src) {
        if (src.isEmpty()) {
            return kind;
        }
        String text = src.get().text();
        if (text.toLowerCase(Locale.ROOT).startsWith(kind)) {
            return text;
        }
        return kind + ": " + text;
    }

    private static String kind(Trace.FigureUse f) {
        if (f.kind().isEmpty()) {
            return "no source";
        }
        return switch (f.kind().get()) {
            case ARTICLE -> "fact from an article";
            case ASSUMPTION -> "assumption";
            case URL -> "from the web";
            case OTHER -> "cited";
        };
    }

    private static String word(Source.Kind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }

    private static String m(double v) {
        return String.format(Locale.ROOT, "%,.1f", v / 1e6 + 0.0);
    }

    /** A figure's nominal value, readable: 125,000; 0.0108; 8%. */
    static String value(Figure f) {
        return number(f.nominal());
    }

    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 1000) {
            return Format.count(v);
        }
        if (a == Math.rint(a)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.4g", v)
                .replaceAll("(\\.\\d*?)0+$", "$1")
                .replaceAll("\\.$", "");
    }

    private static Optional<String> range(Quantity q) {
        if (!q.isUncertain()) {
            return Optional.empty();
        }
        String form = q.form();
        if (Double.isFinite(q.min()) && Double.isFinite(q.max())) {
            return Optional.of(form + " " + number(q.min()) + " to " + number(q.max()));
        }
        return Optional.of(form);
    }

    /** A place relative to the working folder when it is under it. */
    static String shortPlace(String text) {
        String here = Path.of("").toAbsolutePath().toString();
        return text.replace(here + "/", "");
    }
}
