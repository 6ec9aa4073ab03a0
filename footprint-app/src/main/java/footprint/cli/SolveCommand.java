package footprint.cli;

import footprint.explain.Conflicts;
import footprint.io.ModelRead;
import footprint.model.Network;
import footprint.optimize.Backend;
import footprint.optimize.Optimizer;
import footprint.optimize.Plan;
import footprint.optimize.SolveOptions;
import footprint.optimize.SolveStatus;
import footprint.report.ConflictText;
import footprint.report.PlanJson;
import footprint.report.PlanText;
import footprint.risk.StochasticAnalysis;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code footprint solve MODEL}: finds the best plan and prints what a planner reads in a minute. */
@Command(
        name = "solve",
        mixinStandardHelpOptions = true,
        description = {
            "Find the best multi-year plan of a model: which plant runs, idles or closes, which platform is"
                    + " tooled where, how many of each product each plant builds for each market. Prints the NPV and"
                    + " its parts, output, utilisation and jobs per plant and year, lost sales and the decisions;"
                    + " progress goes to standard error."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  footprint solve examples/kaluga/base.yaml",
            "  footprint solve model.yaml --json plan.json --time-limit 60 --gap 0.001",
            "  footprint solve model.yaml --solver scip --mps model.mps",
            "",
            "Exit codes: 0 solved (or stopped by the time limit), 3 the model has errors, 4 no plan satisfies"
                    + " every rule of the model, 2 wrong command line (also an output that exists without --force, is one of the inputs, or is not a regular file), 1 the solver failed."
        })
final class SolveCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The model file (.yaml, .yml or .json) or model workbook (.xlsx).")
    Path model;

    @Option(names = "--json", paramLabel = "PLAN.json", description = "Also write the plan as JSON.")
    Path json;

    @Option(
            names = "--force",
            description = "Replace output files that exist (never the model or its base files, nor anything"
                    + " but a regular file).")
    boolean force;

    @Option(
            names = "--time-limit",
            paramLabel = "S",
            defaultValue = "0",
            description = "Stop after S seconds with the best plan found (default: no limit).")
    double timeLimit;

    @Option(
            names = "--gap",
            paramLabel = "G",
            defaultValue = "1e-4",
            description = "Stop when the plan is proved within this fraction of the best possible, from 0 up to (not"
                    + " including) 1 (default: 1e-4).")
    double gap;

    @Option(
            names = "--solver",
            paramLabel = "NAME",
            description = "scip, highs or cbc (default: ${DEFAULT-VALUE}).",
            defaultValue = Backend.DEFAULT_WORD)
    String solver;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "0",
            description = "Solver threads (default: the solver's own; only HiGHS uses more than one), at most 4 per"
                    + " processor.")
    int threads;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "0",
            description = "The solver's random seed, 0 or more: the same seed and threads give the same plan.")
    int seed;

    @Option(
            names = "--techniques",
            paramLabel = "LIST",
            defaultValue = "auto",
            description = TechniqueOption.DESCRIPTION)
    String techniques;

    @Option(
            names = "--mps",
            paramLabel = "FILE",
            description = "Also write the MILP in free MPS format, rows and columns named after the model.")
    Path mps;

    @Option(
            names = "--stochastic",
            paramLabel = "N",
            defaultValue = "0",
            description = "Choose the strategic decisions over N sampled futures at once (sample average"
                    + " approximation; --seed seeds the draws) and report the value of the stochastic solution"
                    + " and of perfect information, on fresh futures, with confidence intervals. 1 to 1,000.")
    int stochastic;

    @Option(
            names = "--check-samples",
            paramLabel = "M",
            defaultValue = "50",
            description = "With --stochastic: the fresh futures VSS and EVPI are measured on, 2 to 100,000 (default:"
                    + " ${DEFAULT-VALUE}).")
    int checkSamples;

    @Option(
            names = "--decomposition",
            paramLabel = "METHOD",
            defaultValue = "extensive",
            description = "With --stochastic: extensive (one MILP holding every future; the default) or benders (a"
                    + " master of the decisions and one LP per future, tied by cuts: it does not grow with the"
                    + " futures, but converges slowly where capacity is tied to running a plant; see"
                    + " docs/benchmarks.md).")
    String decomposition;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SolveOptions options = options();
        Outputs files =
                Outputs.of(force).output("--json", json).output("--mps", mps).input(model, "the model");
        files.check();
        ModelRead read = footprint.io.ModelReader.read(model);
        if (!read.ok()) {
            read.problems().forEach(p -> err.println(p));
            err.println(Quote.of(read.file()) + ": " + read.errors().size() + " error"
                    + (read.errors().size() == 1 ? "" : "s") + "; nothing solved. See docs/errors.md for every code.");
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        files.inputs(read, "the model").check();
        if (!read.warnings().isEmpty()) {
            err.println(Quote.of(read.file()) + ": " + read.warnings().size() + " warning"
                    + (read.warnings().size() == 1 ? "" : "s") + " (footprint validate shows them)");
        }
        Network network = read.network().orElseThrow();
        if (mps != null) {
            files.write(mps, Optimizer.mps(network));
            err.println("wrote the MILP to " + Quote.of(mps));
        }
        if (stochastic > 0) {
            StochasticAnalysis.Method method;
            try {
                method = StochasticAnalysis.Method.parse(decomposition);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage(), ExitCode.USAGE);
            }
            return StochasticSolve.run(
                    network,
                    read,
                    options,
                    stochastic,
                    checkSamples,
                    seed,
                    method,
                    json,
                    files,
                    out,
                    err,
                    CommandOutput.progress(err));
        }
        Plan plan = Optimizer.solve(network, options, CommandOutput.progress(err));
        out.print(PlanText.of(network, plan));
        out.flush();
        if (json != null) {
            files.write(json, PlanJson.of(plan, network, model.toString(), read.sources()) + "\n");
            err.println("wrote the plan to " + Quote.of(json));
        }
        err.flush();
        if (plan.status() == SolveStatus.INFEASIBLE) {
            out.print("\n"
                    + ConflictText.of(Conflicts.find(network, options, CommandOutput.progress(err)), read::placeOf));
            out.flush();
            return ExitCode.INFEASIBLE;
        }
        return plan.status() == SolveStatus.ERROR ? ExitCode.INTERNAL : ExitCode.OK;
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
        Flags.threads("--threads", threads);
        Flags.solverSeed("--seed", seed);
        if (Flags.given(spec, "--stochastic") || stochastic != 0) {
            Flags.count("--stochastic", stochastic, 1, Flags.MAX_FUTURES, "futures in one stochastic programme");
        } else {
            for (String o : new String[] {"--check-samples", "--decomposition"}) {
                if (Flags.given(spec, o)) {
                    throw new UserError(o + " goes with --stochastic N; give both or neither", ExitCode.USAGE);
                }
            }
        }
        Flags.count("--check-samples", checkSamples, 2, Flags.MAX_CHECK_SAMPLES, "fresh futures");
        return TechniqueOption.apply(
                SolveOptions.defaults()
                        .withBackend(backend)
                        .withThreads(threads)
                        .withSeed(seed),
                techniques,
                spec,
                gap,
                timeLimit);
    }
}
