package footprint.cli;

import footprint.optimize.Backend;
import footprint.optimize.SolveOptions;
import footprint.report.compare.Comparison;
import footprint.report.compare.ComparisonJson;
import footprint.report.compare.ComparisonText;
import footprint.report.compare.ScenarioPlan;
import footprint.report.compare.ScenarioSolver;
import footprint.report.excel.ExcelReport;
import footprint.report.html.HtmlReport;
import footprint.report.html.LabeledPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code footprint compare A B C ...}: solves several models or scenarios and says how their plans differ. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Solve several models or scenarios (in parallel; progress on standard error) and print their KPIs side by"
                    + " side, then how each plan differs from the first one's: plants that run, idle or close in other"
                    + " years, platforms tooled elsewhere, vehicles that move from plant to plant (biggest first), sales"
                    + " lost or won, and each plant's part of the NPV.",
            "A model with errors is reported and left out (exit 3); a model with no feasible plan is named and left"
                    + " out (exit 4); the others are still compared."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  footprint compare examples/kaluga/base.yaml examples/kaluga/russia-pause.yaml",
            "  footprint compare examples/kaluga/*.yaml --html compare.html --xlsx compare.xlsx --json compare.json",
            "",
            "Exit codes: 0 every plan found, 3 a model has errors, 4 a model has no feasible plan, 2 wrong command line"
                    + " (also an output that exists without --force, is one of the inputs, or is not a regular file)."
        })
final class CompareCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(
            paramLabel = "MODEL",
            arity = "1..*",
            description = "Models or scenarios (.yaml, .yml, .json, .xlsx); the first is the reference.")
    List<Path> models = new ArrayList<>();

    @Option(names = "--html", paramLabel = "FILE", description = "Also write an HTML report of the plans.")
    Path html;

    @Option(names = "--xlsx", paramLabel = "FILE", description = "Also write an Excel workbook of the plans.")
    Path xlsx;

    @Option(
            names = "--json",
            paramLabel = "FILE",
            description = "Also write the comparison as JSON (every plan, the table and the differences).")
    Path json;

    @Option(
            names = "--force",
            description = "Replace output files that exist (never a model or its base files, nor anything but a"
                    + " regular file).")
    boolean force;

    @Option(
            names = "--time-limit",
            paramLabel = "S",
            defaultValue = "0",
            description = "Stop each solve after S seconds with the best plan found (default: no limit).")
    double timeLimit;

    @Option(
            names = "--gap",
            paramLabel = "G",
            defaultValue = "1e-4",
            description = "Stop each solve within this fraction of the best possible, from 0 up to (not including) 1"
                    + " (default: 1e-4).")
    double gap;

    @Option(
            names = "--techniques",
            paramLabel = "LIST",
            defaultValue = "auto",
            description = TechniqueOption.DESCRIPTION)
    String techniques;

    @Option(
            names = "--solver",
            paramLabel = "NAME",
            description = "scip, highs or cbc (default: ${DEFAULT-VALUE}).",
            defaultValue = Backend.DEFAULT_WORD)
    String solver;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SolveOptions options = options();
        Outputs files =
                Outputs.of(force).output("--json", json).output("--html", html).output("--xlsx", xlsx);
        models.forEach(m -> files.input(m, "a model to compare"));
        files.check();
        if (files.any()) {
            // the files each scenario extends are inputs too: read them (quickly) before the solves
            models.forEach(m -> files.inputs(footprint.io.ModelReader.read(m), "a model to compare"));
            files.check();
        }
        Consumer<String> progress = line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        };
        List<ScenarioPlan> runs = ScenarioSolver.solveAll(models, options, progress);
        boolean bad = false;
        boolean infeasible = false;
        for (ScenarioPlan r : runs) {
            if (r.badInput()) {
                bad = true;
                r.read().problems().forEach(err::println);
                err.println(Quote.of(r.file()) + ": " + r.read().errors().size() + " error"
                        + (r.read().errors().size() == 1 ? "" : "s") + "; left out of the comparison.");
            } else if (!r.hasPlan()) {
                infeasible = true;
                err.println(Quote.of(r.file()) + ": no plan ("
                        + r.solved().status().name().toLowerCase(java.util.Locale.ROOT)
                        + "); left out of the comparison.");
            }
        }
        Comparison c = Comparison.of(runs);
        out.print(ComparisonText.of(c));
        out.flush();
        if (json != null) {
            files.write(json, ComparisonJson.of(c) + "\n");
            err.println("wrote the comparison to " + Quote.of(json));
        }
        List<LabeledPlan> plans = new ArrayList<>();
        for (ScenarioPlan r : runs) {
            if (r.hasPlan()) {
                plans.add(LabeledPlan.of(
                        r.label(), r.solved(), r.network(), r.file().toString()));
            }
        }
        if ((html != null || xlsx != null) && plans.isEmpty()) {
            err.println("no plan to report: nothing written to " + Quote.of(html != null ? html : xlsx));
        } else {
            if (html != null) {
                files.write(html, HtmlReport.render(plans));
                err.println("wrote the report to " + Quote.of(html));
            }
            if (xlsx != null) {
                files.write(xlsx, file -> ExcelReport.write(plans, file));
                err.println("wrote the workbook to " + Quote.of(xlsx));
            }
        }
        err.flush();
        if (bad) {
            return ExitCode.BAD_INPUT;
        }
        return infeasible ? ExitCode.INFEASIBLE : ExitCode.OK;
    }

    private SolveOptions options() {
        Backend backend;
        try {
            backend = Backend.parse(solver);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), ExitCode.USAGE);
        }
        Flags.gap("--gap", gap);
        Flags.timeLimit("--time-limit", timeLimit);
        return TechniqueOption.apply(
                SolveOptions.defaults().withBackend(backend).withThreads(1), techniques, spec, gap, timeLimit);
    }
}
