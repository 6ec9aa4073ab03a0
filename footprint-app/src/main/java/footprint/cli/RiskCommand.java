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
import footprint.report.PlanFile;
import footprint.report.risk.RiskExcel;
import footprint.report.risk.RiskHtml;
import footprint.report.risk.RiskJson;
import footprint.report.risk.RiskText;
import footprint.risk.LocalExecutor;
import footprint.risk.RiskAnalysis;
import footprint.risk.RiskReport;
import footprint.risk.Sampler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
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
                    + " 2 wrong command line (also an output that exists without --force, is one of the inputs, or is not a regular file), 1 internal error."
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
            description = "Futures to draw, 2 or more (default: ${DEFAULT-VALUE}); at most what the Java heap holds"
                    + " (each sample's result is kept: about 210 bytes plus 17 per uncertain input, and about"
                    + " 900 per cell of the workbook's sheet of samples with --xlsx), and 1,048,575 with --xlsx"
                    + " (a sheet's rows).")
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
            description = "Threads for the samples (default: every processor), at most 4 per processor.")
    int threads;

    @Option(
            names = "--level",
            paramLabel = "L",
            defaultValue = "0.95",
            description = "Level of the value at risk and conditional value at risk, between 0 and 1 (default:"
                    + " ${DEFAULT-VALUE}).")
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
            names = "--force",
            description = "Replace output files that exist (never the model, its base files or the plan, nor"
                    + " anything but a regular file).")
    boolean force;

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
        if (samples < 2) {
            throw new UserError("--samples takes 2 or more; not " + samples, ExitCode.USAGE);
        }
        Flags.threads("--threads", threads);
        if (!(level > 0 && level < 1)) {
            throw new UserError(
                    "--level takes a number between 0 and 1 (not included), such as 0.95; not " + level,
                    ExitCode.USAGE);
        }
        if (!(correlation >= 0 && correlation <= 1)) {
            throw new UserError(
                    "--correlation takes a rank correlation from 0 to 1 (the demands of a market move together"
                            + " or independently); not " + correlation,
                    ExitCode.USAGE);
        }
        if (xlsx != null && samples > MAX_SHEET_SAMPLES) {
            throw new UserError(
                    String.format(
                            Locale.ROOT,
                            "--samples %,d do not fit in a workbook's sheet with --xlsx: at most %,d (1,048,576"
                                    + " rows, one a sample, one the header)",
                            samples,
                            MAX_SHEET_SAMPLES),
                    ExitCode.USAGE);
        }
        Outputs files = Outputs.of(force)
                .output("--json", json)
                .output("--html", html)
                .output("--xlsx", xlsx)
                .input(model, "the model")
                .input(planFile, "the plan");
        files.check();
        Backend backend;
        try {
            backend = Backend.parse(solver);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), ExitCode.USAGE);
        }
        ModelRead modelRead = ModelReader.read(model);
        Network network = report(modelRead, err);
        if (network == null) {
            return ExitCode.BAD_INPUT;
        }
        files.inputs(modelRead, "the model").check();
        checkMemory(network);
        Plan plan;
        String planFrom;
        if (planFile != null) {
            PlanFile read = PlanInput.read(planFile, err, "nothing run");
            if (!read.hasPlan()) {
                throw new UserError(Quote.of(planFile) + " holds no plan (status "
                        + Quote.text(read.tree().path("status").asText())
                        + "): only an optimal or feasible plan has decisions to value");
            }
            PlanInput.fit(read, modelRead, err, "nothing run");
            plan = read.plan();
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
            files.write(json, RiskJson.of(network, report) + "\n");
            err.println("wrote the results to " + Quote.of(json));
        }
        if (html != null) {
            files.write(html, RiskHtml.render(network, report, planFrom));
            err.println("wrote the report to " + Quote.of(html));
        }
        if (xlsx != null) {
            String from = planFrom;
            files.write(xlsx, file -> RiskExcel.write(network, report, from, file));
            err.println("wrote the workbook to " + Quote.of(xlsx));
        }
        err.flush();
        return ExitCode.OK;
    }

    /** Prints a read's problems (or the count of its warnings); its network, or null when it has errors. */
    static Network report(ModelRead read, PrintWriter err) {
        if (!read.ok()) {
            read.problems().forEach(err::println);
            err.println(Quote.of(read.file()) + ": " + read.errors().size() + " error"
                    + (read.errors().size() == 1 ? "" : "s") + "; nothing run. See docs/errors.md for every code.");
            err.flush();
            return null;
        }
        if (!read.warnings().isEmpty()) {
            err.println(Quote.of(read.file()) + ": " + read.warnings().size() + " warning"
                    + (read.warnings().size() == 1 ? "" : "s") + " (footprint validate shows them)");
        }
        return read.network().orElseThrow();
    }

    /** The most samples a workbook's sheet holds: 1,048,576 rows less the header. */
    static final int MAX_SHEET_SAMPLES = 1_048_575;

    /**
     * Bytes a sample keeps until the end of a run, besides {@link #BYTES_PER_INPUT} per uncertain
     * input and disruption: its task, its result record, its places in the lists, and its entries in
     * the columns (and their sorted copies) of NPV, lost sales and utilisation. Measured on Java 17
     * with a million samples built as RiskAnalysis.run keeps them: 209 bytes with no input, 373
     * with 10, 1,848 with 100 (so 16.4 bytes per input).
     */
    static final long BYTES_PER_SAMPLE = 210;

    /** Bytes per sample and input: the drawn value in the result, and again in its rank column. */
    static final long BYTES_PER_INPUT = 17;

    /**
     * Bytes per cell of the workbook's sheet of samples, which XSSF keeps in memory until it writes
     * (measured: 5,100 bytes per row of 6 cells); a row has 6 cells and one per disruption.
     */
    static final long BYTES_PER_SHEET_CELL = 900;

    /** Of the Java heap, the share the samples may take (the rest: the model, the LPs, the reports). */
    static final double HEAP_SHARE = 0.5;

    /**
     * The most samples whose results a Java heap of {@code heapBytes} holds, for a model with {@code
     * inputs} uncertain inputs and {@code disruptions} disruptions, with or without the workbook.
     */
    static long maxSamples(long inputs, long disruptions, boolean workbook, long heapBytes) {
        long perSample = BYTES_PER_SAMPLE
                + BYTES_PER_INPUT * (inputs + disruptions)
                + (workbook ? BYTES_PER_SHEET_CELL * (6 + disruptions) : 0);
        return (long) (HEAP_SHARE * heapBytes / perSample);
    }

    private void checkMemory(Network network) {
        long inputs = Sampler.of(network, correlation).inputs().size();
        long events = network.disruptions().size();
        long heap = Runtime.getRuntime().maxMemory();
        long max = maxSamples(inputs, events, xlsx != null, heap);
        if (samples > max) {
            throw new UserError(
                    String.format(
                            Locale.ROOT,
                            "--samples %,d is more than this Java heap (%,.1f GB) holds for this model (%,d uncertain"
                                    + " inputs and disruptions%s): at most %,d samples. Ask for fewer, or give Java"
                                    + " more memory (FOOTPRINT_JAVA_OPTS=-Xmx16g ./footprint ...)",
                            samples,
                            heap / 1e9,
                            inputs + events,
                            xlsx != null ? ", with the workbook's sheet of samples" : "",
                            max),
                    ExitCode.USAGE);
        }
    }
}
