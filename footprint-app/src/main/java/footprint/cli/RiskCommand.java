package footprint.cli;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.model.Network;
import footprint.optimize.Backend;
import footprint.optimize.Optimizer;
import footprint.optimize.Plan;
import footprint.optimize.SolveListener;
import footprint.optimize.SolveOptions;
import footprint.optimize.SolveStatus;
import footprint.report.risk.PlanFile;
import footprint.report.risk.RiskExcel;
import footprint.report.risk.RiskHtml;
import footprint.report.risk.RiskJson;
import footprint.report.risk.RiskText;
import footprint.risk.LocalExecutor;
import footprint.risk.RiskAnalysis;
import footprint.risk.RiskReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code footprint risk MODEL}: how a plan holds up when the numbers move. */
@Command(
        name = "risk",
        mixinStandardHelpOptions = true,
        description = {
            "Value a plan over sampled futures: every range or distribution of the model is drawn, the plan's"
                    + " strategic decisions (running, idle, closed, tooling) are kept and its flows re-solved for each"
                    + " sample. Prints the spread of NPV, lost sales and utilisation (mean, P5, P50, P95), the value at"
                    + " risk and conditional value at risk, the probability of a loss, and the inputs that drive the"
                    + " NPV (rank correlation and one-at-a-time swings). The model's disruptions (a plant, lane or trade"
                    + " relation out for a year with a probability) are drawn too, with how often each struck and"
                    + " what it cost. Progress goes to standard error."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  footprint risk examples/kaluga/russia-pause.yaml --samples 1000 --seed 7",
            "  footprint risk model.yaml --plan plan.json --samples 5000 --html risk.html --json risk.json",
            "  footprint risk model.yaml --samples 500 --xlsx risk.xlsx",
            "",
            "Exit codes: 0 done, 3 the model or plan has errors, 4 no plan satisfies the model's rules,"
                    + " 2 wrong command line, 1 internal error."
        })
final class RiskCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The model or scenario file (.yaml, .yml, .json or .xlsx).")
    Path model;

    @Option(
            names = "--plan",
            paramLabel = "PLAN.json",
            description = "The plan to value, as written by footprint solve --json (default: solve the model first).")
    Path planFile;

    @Option(
            names = "--samples",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Futures to draw (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "The run's seed: sample i depends only on it and i, whatever the threads (default: 1).")
    long seed;

    @Option(
            names = "--threads",
            paramLabel = "T",
            defaultValue = "0",
            description = "Threads for the samples (default: every processor).")
    int threads;

    @Option(
            names = "--level",
            paramLabel = "L",
            defaultValue = "0.95",
            description = "Level of the value at risk and conditional value at risk (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(
            names = "--correlation",
            paramLabel = "R",
            defaultValue = "0",
            description = "Spearman rank correlation between the demands of one market, 0 to 1 (default: 0,"
                    + " independent).")
    double correlation;

    @Option(
            names = "--no-swings",
            negatable = true,
            defaultValue = "true",
            description = "Skip the one-at-a-time swings of the tornado (two LPs per input).")
    boolean swings;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a page with a histogram and a tornado.")
    Path html;

    @Option(
            names = "--xlsx",
            paramLabel = "FILE",
            description = "Also write a workbook: summary, histogram and tornado (with Excel charts), disruptions,"
                    + " every sample.")
    Path xlsx;

    @Option(
            names = "--techniques",
            paramLabel = "LIST",
            defaultValue = "auto",
            description = "For solving the plan when no --plan is given. " + TechniqueOption.DESCRIPTION)
    String techniques;

    @Option(
            names = "--solver",
            paramLabel = "NAME",
            description =
                    "scip, highs or cbc, for solving the plan when no --plan is given (default: ${DEFAULT-VALUE}).",
            defaultValue = Backend.DEFAULT_WORD)
    String solver;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (samples < 2 || threads < 0 || !(level > 0 && level < 1) || !(correlation >= 0 && correlation <= 1)) {
            throw new UserError(
                    "--samples takes 2 or more, --threads 0 or more, --level a number between 0 and 1,"
                            + " --correlation a number from 0 to 1",
                    ExitCode.USAGE);
        }
        Backend backend;
        try {
            backend = Backend.parse(solver);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), ExitCode.USAGE);
        }
        Network network = read(model, err);
        if (network == null) {
            return ExitCode.BAD_INPUT;
        }
        Plan plan;
        String planFrom;
        if (planFile != null) {
            try {
                plan = PlanFile.read(planFile);
            } catch (IOException e) {
                throw new UserError("cannot read " + planFile + ": " + e.getMessage(), ExitCode.BAD_INPUT);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage(), ExitCode.BAD_INPUT);
            }
            planFrom = "from " + planFile.getFileName();
        } else {
            err.println("Solving the model on its nominal values for the plan to value");
            err.flush();
            SolveOptions solve = TechniqueOption.apply(
                    SolveOptions.defaults().withBackend(backend).withShadowPrices(false),
                    techniques,
                    spec,
                    Double.NaN,
                    Double.NaN);
            plan = Optimizer.solve(network, solve, SolveListener.NONE);
            if (plan.status() == SolveStatus.INFEASIBLE) {
                err.println("footprint: no plan satisfies every rule of the model; nothing to value");
                return ExitCode.INFEASIBLE;
            }
            if (!plan.hasPlan()) {
                err.println("footprint: the solver found no plan (" + plan.status() + ")");
                return ExitCode.INTERNAL;
            }
            planFrom = "solved on the nominal values";
        }
        RiskAnalysis.Options options = new RiskAnalysis.Options(samples, seed, level, correlation, swings);
        LocalExecutor executor = new LocalExecutor(threads);
        RiskReport report;
        try (SampleProgress progress = SampleProgress.to(err, "Samples and swings")) {
            report = RiskAnalysis.run(network, plan, options, executor, progress);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), ExitCode.BAD_INPUT);
        }
        out.print(RiskText.of(network, report, planFrom));
        out.flush();
        if (json != null) {
            write(json, RiskJson.of(network, report) + "\n");
            err.println("wrote the results to " + json);
        }
        if (html != null) {
            write(html, RiskHtml.render(network, report, planFrom));
            err.println("wrote the report to " + html);
        }
        if (xlsx != null) {
            try {
                RiskExcel.write(network, report, planFrom, xlsx);
            } catch (IOException e) {
                throw new UserError("cannot write " + xlsx + ": " + e.getMessage(), ExitCode.BAD_INPUT);
            }
            err.println("wrote the workbook to " + xlsx);
        }
        err.flush();
        return ExitCode.OK;
    }

    /** Reads a model, printing its problems; null when it has errors. */
    static Network read(Path model, PrintWriter err) {
        ModelRead read = ModelReader.read(model);
        if (!read.ok()) {
            read.problems().forEach(err::println);
            err.println(read.file() + ": " + read.errors().size() + " error"
                    + (read.errors().size() == 1 ? "" : "s") + "; nothing run. See docs/errors.md for every code.");
            err.flush();
            return null;
        }
        if (!read.warnings().isEmpty()) {
            err.println(read.file() + ": " + read.warnings().size() + " warning"
                    + (read.warnings().size() == 1 ? "" : "s") + " (footprint validate shows them)");
        }
        return read.network().orElseThrow();
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage(), ExitCode.BAD_INPUT);
        }
    }
}
