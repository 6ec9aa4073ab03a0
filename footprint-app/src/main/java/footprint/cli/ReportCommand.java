package footprint.cli;

import footprint.report.PlanFile;
import footprint.report.excel.ExcelReport;
import footprint.report.html.HtmlReport;
import footprint.report.html.LabeledPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code footprint report PLAN.json ...}: an HTML page and an Excel workbook of solved plans. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Turn plans written by `footprint solve MODEL --json PLAN.json` into a report: an HTML page that works"
                    + " offline (KPI cards, a map of plants and flows, utilisation by plant and year, volumes, lost"
                    + " sales, an NPV waterfall, the decisions; with several plans, comparison charts first) and an"
                    + " Excel workbook with one sheet per table."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  footprint solve examples/kaluga/base.yaml --json base.plan.json",
            "  footprint report base.plan.json --html report.html --xlsx report.xlsx",
            "  footprint report base.plan.json pause.plan.json --label base --label pause --html compare.html",
            "",
            "Exit codes: 0 written, 2 wrong command line (no output asked for, or an output exists without --force),"
                    + " 3 a plan file cannot be read or is not a plan."
        })
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PLAN.json", arity = "1..*", description = "Plans written by footprint solve --json.")
    List<Path> plans;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the HTML report (one self-contained file).")
    Path html;

    @Option(names = "--xlsx", paramLabel = "FILE", description = "Write the Excel report.")
    Path xlsx;

    @Option(
            names = "--label",
            paramLabel = "NAME",
            description = "The plans' names in the report, one per plan in order (default: the file names).")
    List<String> labels = new ArrayList<>();

    @Option(
            names = "--force",
            description = "Replace output files that exist (never a plan this command reads, nor anything but a"
                    + " regular file).")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (html == null && xlsx == null) {
            throw new UserError("say what to write: --html FILE, --xlsx FILE or both", ExitCode.USAGE);
        }
        if (!labels.isEmpty() && labels.size() != plans.size()) {
            throw new UserError(
                    "--label is given " + labels.size() + " times for " + plans.size() + " plans: give one per plan",
                    ExitCode.USAGE);
        }
        Outputs files = Outputs.of(force).output("--html", html).output("--xlsx", xlsx);
        plans.forEach(p -> files.input(p, "a plan"));
        files.check();
        List<String> names = labels.isEmpty() ? defaultLabels(plans) : labels;
        List<LabeledPlan> read = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            read.add(read(plans.get(i), names.get(i), err));
        }
        if (html != null) {
            String page = HtmlReport.render(read);
            files.write(html, page);
            err.printf(Locale.ROOT, "wrote the HTML report to %s (%.1f MB)%n", Quote.of(html), page.length() / 1e6);
        }
        if (xlsx != null) {
            files.write(xlsx, file -> ExcelReport.write(read, file));
            err.println("wrote the Excel report to " + Quote.of(xlsx));
        }
        err.flush();
        return ExitCode.OK;
    }

    /** A plan file as a report reads it, checked ({@link PlanInput}); its problems printed. */
    private static LabeledPlan read(Path file, String label, PrintWriter err) {
        PlanFile plan = PlanInput.read(file, err, "nothing written");
        try {
            return new LabeledPlan(label, plan.tree());
        } catch (IllegalArgumentException e) {
            throw new UserError(Quote.of(file) + ": " + Quote.text(String.valueOf(e.getMessage())));
        }
    }

    /**
     * Each plan's file name without .json (and .plan); where two plans share one, their paths
     * instead.
     */
    static List<String> defaultLabels(List<Path> files) {
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            Path name = f.getFileName();
            String n = name == null ? f.toString() : name.toString();
            n = n.replaceFirst("(?i)\\.json$", "").replaceFirst("(?i)\\.plan$", "");
            names.add(n.isEmpty() ? f.toString() : n);
        }
        Set<String> seen = new HashSet<>();
        Set<String> twice = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                twice.add(n);
            }
        }
        for (int i = 0; i < names.size(); i++) {
            if (twice.contains(names.get(i))) {
                names.set(i, files.get(i).toString());
            }
        }
        return names;
    }
}
