package footprint.report.compare;

import footprint.model.Network;
import footprint.model.Plant;
import footprint.model.PlantStatus;
import footprint.optimize.Plan;
import footprint.report.Format;
import footprint.report.trace.Provenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The reference case study as Markdown, written from Footprint's own output: the scenarios of a
 * folder solved side by side, what each says about the focus plants (Kaluga, Hordain, Luton) and
 * how it differs from the scenario it extends, and a one-at-a-time sensitivity of a few scenarios
 * to each class of assumed figures.
 */
public final class CaseStudy {
    /** The command that regenerates docs/case-study.md (and the HTML report beside it). */
    public static final String COMMAND =
            "./footprint case-study examples/kaluga --out docs/case-study.md --html docs/case-study.html";

    /** The order scenarios are shown in; other files of the folder follow, by name. */
    public static final List<String> ORDER = List.of(
            "base",
            "russia-pause",
            "relocate-vans",
            "kaluga-restart",
            "russia-forecast-low",
            "russia-forecast-high",
            "china-zaragoza");

    /** The plants every scenario reports on. */
    public static final List<String> FOCUS = List.of("kaluga", "hordain", "luton");

    /** The scenarios re-solved in the sensitivity. */
    public static final List<String> SENSITIVE = List.of("base", "relocate-vans", "kaluga-restart");

    /** The heading of the sensitivity section (a test compares everything before it). */
    public static final String SENSITIVITY_HEADING = "## How much the answer depends on the assumptions";

    private static final String SENSITIVITY_SKIPPED = "The sensitivity was not run (--no-sensitivity).";

    private CaseStudy() {}

    /** The classes of assumed figures the sensitivity moves, one at a time. */
    public static List<Sensitivity.FigureClass> classes() {
        return List.of(
                Sensitivity.FigureClass.of(
                        "Kaluga's costs",
                        "^plants\\[kaluga\\]\\.(fixed-cost|idle-cost|closure-cost|reopening-cost|variable-cost)"
                                + "|^component-plants\\[kaluga-(engines|gearboxes)\\]\\.unit-cost"),
                Sensitivity.FigureClass.of(
                        "Hordain's and Luton's costs",
                        "^plants\\[(hordain|luton|hordain-shift2)\\]\\.(fixed-cost|idle-cost|closure-cost"
                                + "|reopening-cost|variable-cost)|^component-plants\\[(tremery|valenciennes)\\]"
                                + "\\.unit-cost"),
                Sensitivity.FigureClass.of(
                        "Hordain's and Luton's capacity", "^plants\\[(hordain|luton|hordain-shift2)\\]\\.capacity"),
                Sensitivity.FigureClass.of("European demand", "^markets\\[(FR|DE|ES|IT|UK)\\]\\.demand"),
                Sensitivity.FigureClass.of("The Russian market", "^markets\\[RU\\]\\."),
                Sensitivity.FigureClass.of("Prices", "^products\\[[^]]+\\]\\.price"),
                Sensitivity.FigureClass.of("Exchange rates", "^fx\\."),
                Sensitivity.FigureClass.of("Duties and local content", "^trade\\.(duties|local-content)"),
                Sensitivity.FigureClass.of("Freight", "^lanes\\["),
                Sensitivity.FigureClass.of("Discount rate", "^discount-rate$"),
                Sensitivity.FigureClass.of("Ownership of Kaluga", "^plants\\[kaluga\\]\\.ownership$"),
                Sensitivity.FigureClass.of("Kaluga's export tender", "^commitments\\["));
    }

    /** The model and scenario files of a folder (.yaml, .yml, .json), in the case's order. */
    public static List<Path> files(Path dir) {
        List<Path> all;
        try (Stream<Path> s = Files.list(dir)) {
            all = s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> out = new ArrayList<>();
        for (String name : ORDER) {
            all.stream().filter(p -> stem(p).equals(name)).findFirst().ifPresent(out::add);
        }
        all.stream().filter(p -> !out.contains(p)).forEach(out::add);
        return out;
    }

    /**
     * The case study.
     *
     * @param runs the scenarios solved, the reference first
     * @param sensitivity the re-solves of the sensitivity (empty when it was not run)
     * @param out where the Markdown goes (links are relative to its folder)
     * @param html the HTML report written beside it, if any
     */
    public static String markdown(
            List<ScenarioPlan> runs, List<Sensitivity.Outcome> sensitivity, Path out, Optional<Path> html) {
        return new Writer(runs, sensitivity, out, html).write();
    }

    /**
     * The line after which the page is written by hand (sections from other commands, such as the
     * risk analysis): {@code footprint case-study} keeps everything from it on.
     */
    public static final String KEPT_MARKER =
            "<!-- Written by hand from here on: footprint case-study keeps this part when it regenerates the page. -->";

    /** The hand-written end of an existing page, from {@link #KEPT_MARKER} on ("" when it has none). */
    public static String kept(String existing) {
        int i = existing.indexOf(KEPT_MARKER);
        return i < 0 ? "" : existing.substring(i);
    }

    /** Everything before the sensitivity section: what a test regenerates and compares. */
    public static String beforeSensitivity(String markdown) {
        int i = markdown.indexOf(SENSITIVITY_HEADING);
        return i < 0 ? markdown : markdown.substring(0, i);
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static final class Writer {
        private final List<ScenarioPlan> runs;
        private final List<Sensitivity.Outcome> sensitivity;
        private final Path dir;
        private final Optional<Path> html;
        private final Comparison comparison;
        private final StringBuilder s = new StringBuilder();

        Writer(List<ScenarioPlan> runs, List<Sensitivity.Outcome> sensitivity, Path out, Optional<Path> html) {
            this.runs = runs;
            this.sensitivity = sensitivity;
            Path parent = out.toAbsolutePath().normalize().getParent();
            this.dir = parent == null ? Path.of("").toAbsolutePath() : parent;
            this.html = html;
            this.comparison = Comparison.of(runs);
        }

        String write() {
            intro();
            scenarios();
            brief();
            table();
            each();
            sensitivity();
            return s.toString();
        }

        private void intro() {
            s.append("# Case study: Kaluga, Hordain and Luton under geopolitical pressure\n\n");
            s.append("<!-- Generated by `")
                    .append(COMMAND)
                    .append("`. Do not edit: change the scenarios in")
                    .append(" examples/kaluga/ or the generator (footprint.report.compare.CaseStudy) and run the")
                    .append(" command again. -->\n\n");
            s.append(
                            "Stellantis' Kaluga plant (PSMA Rus) built vans, minibuses and cars for Russia and, from 2022, was")
                    .append(" to export compact vans to Europe (seed 002). Then exports and imports to and from Russia")
                    .append(" were paused (seed 000) and the plant stopped (seed 001); its vans could move to Hordain")
                    .append(" (France) and Luton (UK) (seed 000); a local partner may restart it for the Russian")
                    .append(" market (seed 001); and the group brings Leapmotor cars and a CATL battery plant to")
                    .append(" Zaragoza (seed 003). Each of these is a scenario file in")
                    .append(" [")
                    .append(folderName())
                    .append("](")
                    .append(link(folder()))
                    .append("), citing its article; every figure the articles do not give is an assumption, given")
                    .append(" as a range.\n\n");
            s.append("Every number below is Footprint's own output: the plans are solved to optimality at the")
                    .append(" nominal value of every figure (the mode of a range, else its midpoint), and the text is")
                    .append(" written by the generator from the plans. Money is the net present value to the group,")
                    .append(" in millions of ")
                    .append(currency())
                    .append(", discounted at the model's rate and counted at the group's share of each plant.")
                    .append(" To regenerate this page (about a minute for the plans, a few more for the sensitivity):")
                    .append("\n\n");
            s.append("```sh\n").append(COMMAND).append("\n```\n\n");
            html.ifPresent(h -> s.append("The same plans as an interactive report (map, utilisation, volumes, NPV")
                    .append(" waterfall, comparison charts): [")
                    .append(h.getFileName())
                    .append("](")
                    .append(link(h))
                    .append(").\n\n"));
            s.append("To look at one plan, or to follow a number back to its figures and their sources:\n\n");
            s.append("```sh\n")
                    .append("./footprint compare examples/kaluga/base.yaml examples/kaluga/russia-pause.yaml\n")
                    .append("./footprint solve examples/kaluga/russia-pause.yaml --json pause.json\n")
                    .append("./footprint trace pause.json 'cost(kaluga,2027)'\n")
                    .append("```\n\n");
        }

        private void scenarios() {
            s.append("## The scenarios\n\n");
            s.append("| scenario | extends | what it asks | articles cited |\n|---|---|---|---|\n");
            for (ScenarioPlan r : runs) {
                s.append("| [")
                        .append(r.label())
                        .append("](")
                        .append(link(r.file()))
                        .append(") | ");
                s.append(parent(r).map(ScenarioPlan::label).orElse("-")).append(" | ");
                s.append(
                                r.badInput()
                                        ? "(the file has errors)"
                                        : cell(r.network().description()))
                        .append(" | ");
                s.append(String.join(", ", articles(r))).append(" |\n");
            }
            s.append('\n');
        }

        /** Each scenario against the one it extends, in one line: the NPV, the first state change, the biggest move. */
        private void brief() {
            s.append("## In brief\n\n");
            for (ScenarioPlan r : runs) {
                Optional<ScenarioPlan> parent = parent(r);
                if (!r.hasPlan() || parent.isEmpty()) {
                    continue;
                }
                List<Finding> findings = Comparison.differences(parent.get(), r);
                double d =
                        r.solved().kpis().npv() - parent.get().solved().kpis().npv();
                List<String> parts = new ArrayList<>();
                parts.add("NPV " + Comparison.signedMillions(d) + " " + currency());
                findings.stream()
                        .filter(f -> f.kind() == Finding.Kind.STATUS)
                        .findFirst()
                        .ifPresent(f -> parts.add(firstClause(f.text())));
                findings.stream()
                        .filter(f -> f.kind() == Finding.Kind.MOVE || f.kind() == Finding.Kind.LOST)
                        .findFirst()
                        .ifPresent(f -> parts.add(shorten(f.text())));
                if (parts.size() == 1) {
                    parts.add("the same decisions and volumes");
                }
                s.append("- **")
                        .append(r.label())
                        .append("** against ")
                        .append(parent.get().label())
                        .append(": ")
                        .append(String.join("; ", parts))
                        .append(".\n");
            }
            s.append('\n');
        }

        private static String firstClause(String text) {
            int cut = text.indexOf(';');
            return cut > 0 ? text.substring(0, cut) : text;
        }

        private void table() {
            s.append("## The plans side by side\n\n");
            s.append("M ")
                    .append(currency())
                    .append(" of net present value (revenue positive, costs negative); output and lost sales in")
                    .append(" thousand vehicles over the horizon; jobs in its last year.\n\n");
            s.append("| |");
            for (ScenarioPlan r : runs) {
                s.append(' ').append(r.label()).append(" |");
            }
            s.append("\n|---|");
            runs.forEach(r -> s.append("---:|"));
            s.append('\n');
            s.append("| status |");
            for (ScenarioPlan r : runs) {
                s.append(' ').append(ComparisonText.state(r)).append(" |");
            }
            s.append('\n');
            for (Comparison.Row row : comparison.rows()) {
                String label = row.label().startsWith(" ")
                        ? "&nbsp;&nbsp;" + row.label().strip()
                        : row.label();
                s.append("| ").append(label).append(" |");
                for (int i = 0; i < runs.size(); i++) {
                    s.append(' ').append(row.cell(i)).append(" |");
                }
                s.append('\n');
            }
            s.append('\n');
        }

        private void each() {
            s.append("## What each scenario says\n\n");
            for (ScenarioPlan r : runs) {
                s.append("### ").append(r.label());
                if (!r.badInput()) {
                    s.append(": ").append(r.network().name());
                }
                s.append("\n\n");
                if (!r.hasPlan()) {
                    s.append("No plan: ").append(ComparisonText.state(r)).append(".\n\n");
                    continue;
                }
                s.append(r.network().description()).append("\n\n");
                Optional<ScenarioPlan> parent = parent(r);
                List<Finding> findings =
                        parent.map(p -> Comparison.differences(p, r)).orElse(List.of());
                s.append("NPV ")
                        .append(Format.millions(r.solved().kpis().npv()))
                        .append(' ')
                        .append(currency())
                        .append(".\n\n");
                for (String plant : plantsToShow(r, findings)) {
                    s.append("- **")
                            .append(Comparison.Names.plant(plant))
                            .append("**: ")
                            .append(plantLine(r, plant))
                            .append('\n');
                }
                s.append('\n');
                if (parent.isPresent()) {
                    s.append("Against ").append(parent.get().label()).append(", the scenario it extends:\n\n");
                    if (findings.size() <= 1 && !findings.isEmpty()) {
                        s.append("- ").append(findings.get(0).text()).append("; the same decisions and volumes\n");
                    }
                    for (Finding f : findings.size() > 1 ? findings : List.<Finding>of()) {
                        s.append("- ").append(f.text()).append('\n');
                    }
                    s.append('\n');
                }
            }
        }

        /** The focus plants, then any other plant this scenario decides differently or adds. */
        private List<String> plantsToShow(ScenarioPlan r, List<Finding> findings) {
            Set<String> out = new LinkedHashSet<>();
            for (String p : FOCUS) {
                if (r.network().plant(p).isPresent()) {
                    out.add(p);
                }
            }
            for (Finding f : findings) {
                if (f.kind() == Finding.Kind.STATUS || f.kind() == Finding.Kind.TOOLING) {
                    out.addAll(f.plants());
                }
            }
            return List.copyOf(out);
        }

        /** "running 2021 (15,000 vehicles), 2022-2030 (35,000 a year, 20,000 exported); 1,800 jobs". */
        private String plantLine(ScenarioPlan r, String plant) {
            Plan plan = r.solved();
            Network n = r.network();
            String country = n.plant(plant).map(Plant::country).orElse("");
            List<Integer> years = n.horizon().years().boxed().toList();
            List<String> parts = new ArrayList<>();
            PlantStatus prev = null;
            int i = 0;
            while (i < years.size()) {
                int y0 = years.get(i);
                Plan.PlantYear first = plan.plant(plant, y0).orElseThrow();
                int j = i;
                while (j + 1 < years.size()) {
                    Plan.PlantYear next = plan.plant(plant, years.get(j + 1)).orElseThrow();
                    if (next.status() != first.status() || !close(next.output(), first.output())) {
                        break;
                    }
                    j++;
                }
                List<Integer> span = years.subList(i, j + 1);
                double output = span.stream()
                                .mapToDouble(
                                        y -> plan.plant(plant, y).orElseThrow().output())
                                .sum()
                        / span.size();
                double exported = span.stream()
                                .mapToDouble(y -> exported(plan, n, plant, country, y))
                                .sum()
                        / span.size();
                double jobs = span.stream()
                                .mapToDouble(
                                        y -> plan.plant(plant, y).orElseThrow().jobs())
                                .sum()
                        / span.size();
                String when = span.size() == 1
                        ? Integer.toString(span.get(0))
                        : span.get(0) + "-" + span.get(span.size() - 1);
                boolean sameAsBefore = prev == first.status();
                prev = first.status();
                String text = (sameAsBefore ? "" : word(first.status()) + " ") + when;
                if (first.status() == PlantStatus.RUNNING) {
                    text += " (" + Format.count(round(output)) + (span.size() == 1 ? " vehicles" : " a year")
                            + (exported >= 0.5 ? ", " + Format.count(round(exported)) + " exported" : "")
                            + ", " + Format.count(jobs) + " jobs)";
                } else if (first.status() == PlantStatus.IDLE && jobs > 0) {
                    text += " (" + Format.count(jobs) + " jobs kept)";
                }
                parts.add((sameAsBefore ? ", " : parts.isEmpty() ? "" : "; ") + text);
                i = j + 1;
            }
            return String.join("", parts);
        }

        private static boolean close(double a, double b) {
            return Math.abs(a - b) <= 0.15 * Math.max(Math.abs(a), Math.abs(b)) + 0.5;
        }

        private static double exported(Plan plan, Network n, String plant, String country, int year) {
            double sum = 0;
            for (Plan.Flow f : plan.flows()) {
                if (f.plant().equals(plant) && f.year() == year) {
                    String to = n.market(f.market()).map(m -> m.country()).orElse(country);
                    if (!to.equals(country)) {
                        sum += f.volume();
                    }
                }
            }
            return sum;
        }

        private static double round(double v) {
            if (Math.abs(v) < 1000) {
                return Math.round(v / 10.0) * 10.0;
            }
            return Math.round(v / 100.0) * 100.0;
        }

        private static String word(PlantStatus s) {
            return s.name().toLowerCase(Locale.ROOT);
        }

        // ---- sensitivity

        private void sensitivity() {
            s.append(SENSITIVITY_HEADING).append("\n\n");
            if (sensitivity.isEmpty()) {
                s.append(SENSITIVITY_SKIPPED).append('\n');
                return;
            }
            s.append("One class of assumed figures at a time is set to the low end of every range in it, then to")
                    .append(" the high end, every other figure staying at its nominal value, and the scenario is")
                    .append(" solved again. Facts from the articles never move. The table gives the NPV and how it")
                    .append(" differs from the nominal plan, and what changes in the plan's decisions and volumes")
                    .append(" (\"the same\" when nothing beyond the money does).\n\n");
            Map<String, List<Sensitivity.Outcome>> byScenario = new LinkedHashMap<>();
            for (Sensitivity.Outcome o : sensitivity) {
                byScenario.computeIfAbsent(o.scenario(), k -> new ArrayList<>()).add(o);
            }
            List<String> summary = new ArrayList<>();
            byScenario.forEach((label, outcomes) -> {
                ScenarioPlan nominal = runs.stream()
                        .filter(r -> r.label().equals(label))
                        .findFirst()
                        .orElseThrow();
                double npv = nominal.solved().kpis().npv();
                s.append("### ")
                        .append(label)
                        .append(" (nominal NPV ")
                        .append(Format.millions(npv))
                        .append(' ')
                        .append(currency())
                        .append(")\n\n");
                s.append(
                        "| assumed figures (how many) | low end: NPV | what changes | high end: NPV | what changes |\n");
                s.append("|---|---:|---|---:|---|\n");
                Map<String, Sensitivity.Outcome[]> byClass = new LinkedHashMap<>();
                for (Sensitivity.Outcome o : outcomes) {
                    byClass.computeIfAbsent(o.figureClass().name(), k -> new Sensitivity.Outcome[2])[o.high() ? 1 : 0] =
                            o;
                }
                ScenarioPlan asNominal =
                        new ScenarioPlan("the nominal plan", nominal.file(), nominal.read(), nominal.plan());
                List<String> flips = new ArrayList<>();
                String widest = "";
                double widestSwing = -1;
                double[] widestEnds = new double[2];
                for (Map.Entry<String, Sensitivity.Outcome[]> e : byClass.entrySet()) {
                    Sensitivity.Outcome low = e.getValue()[0];
                    Sensitivity.Outcome high = e.getValue()[1];
                    int count = low != null ? low.figures() : high.figures();
                    s.append("| ").append(e.getKey()).append(" (").append(count).append(") |");
                    String[] changes = new String[2];
                    double[] ends = new double[2];
                    for (int k = 0; k < 2; k++) {
                        Sensitivity.Outcome o = e.getValue()[k];
                        if (o == null || !o.plan().hasPlan()) {
                            s.append(" no plan | ")
                                    .append(
                                            o == null
                                                    ? "-"
                                                    : o.plan().status().name().toLowerCase(Locale.ROOT))
                                    .append(" |");
                            changes[k] = "";
                            ends[k] = Double.NaN;
                            continue;
                        }
                        double v = o.plan().kpis().npv();
                        ends[k] = v;
                        s.append(' ')
                                .append(Format.millions(v))
                                .append(" (")
                                .append(Comparison.signedMillions(v - npv))
                                .append(") | ");
                        ScenarioPlan moved = new ScenarioPlan(
                                label + (k == 0 ? " low" : " high"),
                                nominal.file(),
                                nominal.read(),
                                Optional.of(o.plan()));
                        changes[k] = changes(asNominal, moved);
                        for (Finding f : Comparison.differences(asNominal, moved)) {
                            if (f.kind() == Finding.Kind.STATUS || f.kind() == Finding.Kind.TOOLING) {
                                String text = f.text();
                                int cut = text.indexOf(';');
                                flips.add(e.getKey() + ", " + (k == 0 ? "low" : "high") + " end: "
                                        + (cut > 0 ? text.substring(0, cut) : text));
                            }
                        }
                        s.append(changes[k].isEmpty() ? "the same" : changes[k]).append(" |");
                    }
                    s.append('\n');

                    double swing = Math.abs(ends[1] - ends[0]);
                    if (Double.isFinite(swing) && swing > widestSwing) {
                        widestSwing = swing;
                        widest = e.getKey();
                        widestEnds = ends;
                    }
                }
                s.append('\n');
                StringBuilder line = new StringBuilder("**" + label + "**: the NPV moves most with "
                        + widest.toLowerCase(Locale.ROOT) + " (" + Format.millions(widestEnds[0]) + " to "
                        + Format.millions(widestEnds[1]) + " " + currency() + " at the low and high ends). ");
                if (flips.isEmpty()) {
                    line.append("No class of assumptions on its own makes a plant run, idle or close in other years;")
                            .append(" they only shift volumes.");
                } else {
                    line.append("A plant runs, idles or closes in other years with:");
                    flips.forEach(f -> line.append("\n  - ").append(f));
                    line.append("\n\n  With the other classes, every plant keeps its states; at most volumes shift.");
                }
                summary.add(line.toString());
            });
            s.append("### In short\n\n");
            summary.forEach(line -> s.append("- ").append(line).append('\n'));
            s.append('\n');
        }

        /** The decisions and volumes that differ from the nominal plan, short. */
        private static String changes(ScenarioPlan nominal, ScenarioPlan moved) {
            List<String> out = new ArrayList<>();
            for (Finding f : Comparison.differences(nominal, moved)) {
                switch (f.kind()) {
                    case STATUS, TOOLING, MOVE, LOST -> out.add(shorten(f.text()));
                    default -> {}
                }
            }
            if (out.size() > 3) {
                int more = out.size() - 3;
                out = new ArrayList<>(out.subList(0, 3));
                out.add("and " + more + " more");
            }
            return String.join("; ", out);
        }

        /** A finding without its product breakdown. */
        private static String shorten(String text) {
            int open = text.lastIndexOf(" (");
            if (open > 0 && text.endsWith(")") && text.substring(open).matches(" \\((?:[^()]|\\([^()]*\\))*\\)")) {
                String inside = text.substring(open + 2, text.length() - 1);
                if (inside.matches(".*\\d.*") && !inside.startsWith("about")) {
                    return text.substring(0, open);
                }
            }
            return text;
        }

        // ---- helpers

        /** The scenario a run extends, when it is one of the runs (else the reference). */
        private Optional<ScenarioPlan> parent(ScenarioPlan r) {
            List<footprint.io.scenario.Scenario> chain = Provenance.chain(r.file());
            if (chain.isEmpty()) {
                return Optional.empty();
            }
            Path base = Path.of(chain.get(0).base()).toAbsolutePath().normalize();
            for (ScenarioPlan other : runs) {
                if (other != r
                        && other.hasPlan()
                        && other.file().toAbsolutePath().normalize().equals(base)) {
                    return Optional.of(other);
                }
            }
            return comparison.reference().filter(ref -> ref != r);
        }

        private static final Pattern SEED = Pattern.compile("seed (\\d{3})");

        /** The articles a scenario file cites: seed 000 ... in its text. */
        private static List<String> articles(ScenarioPlan r) {
            Set<String> seeds = new TreeSet<>();
            try {
                Matcher m = SEED.matcher(Files.readString(r.file(), StandardCharsets.UTF_8));
                while (m.find()) {
                    seeds.add("seed " + m.group(1));
                }
            } catch (IOException | UncheckedIOException e) {
                return List.of();
            }
            return List.copyOf(seeds);
        }

        /** The folder of the scenarios. */
        private Path folder() {
            Path parent = runs.get(0).file().toAbsolutePath().normalize().getParent();
            return parent == null ? Path.of("").toAbsolutePath() : parent;
        }

        /** The folder as the repository names it: examples/kaluga/. */
        private String folderName() {
            Path f = folder();
            int n = f.getNameCount();
            return (n >= 2 ? f.subpath(n - 2, n) : f.getFileName()).toString().replace('\\', '/') + "/";
        }

        private String currency() {
            return comparison.reference().map(r -> r.network().currency()).orElse("");
        }

        /** A path relative to the Markdown file's folder, with forward slashes. */
        private String link(Path p) {
            Path abs = p.toAbsolutePath().normalize();
            return dir.relativize(abs).toString().replace('\\', '/');
        }

        private static String cell(String text) {
            return text.replace("|", "\\|").replace("\n", " ");
        }
    }
}
