package footprint.cli;

import footprint.explain.BadDecision;
import footprint.explain.Explainer;
import footprint.explain.Explanation;
import footprint.explain.NamedDecision;
import footprint.io.ModelRead;
import footprint.model.Network;
import footprint.optimize.Backend;
import footprint.optimize.SolveOptions;
import footprint.optimize.SolveStatus;
import footprint.report.ExplanationJson;
import footprint.report.ExplanationText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code footprint explain MODEL --decision D}: what forcing one decision of the plan the other way
 * would cost, and what else would change.
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = {
            "Ask why: solve the model, then solve it again with one decision forced the other way (a plant that"
                    + " runs is kept from running, an empty lane must carry flow, ...), and print what that would"
                    + " cost (the NPV or cost difference, with its sign) and what else would change: plant states,"
                    + " tooling, volumes moved between plants, lost sales. When the forced model has no plan, it"
                    + " names the rules that conflict, with their file and line."
        },
        footerHeading = "%nDecisions:%n",
        footer = {
            "  running(PLANT,YEAR)  idle(PLANT,YEAR)  closed(PLANT,YEAR)   a plant's state in a year",
            "  tooled(PLANT,PLATFORM,YEAR)                                  a platform usable at a plant",
            "  lane(PLANT->MARKET:MODE,YEAR)                                a vehicle lane (used: closed that year;"
                    + " empty: --volume vehicles forced onto it)",
            "  sourcing(COMPONENT-PLANT->PLANT:MODE,YEAR)                   a component lane, likewise",
            "",
            "Examples:",
            "  footprint explain examples/kaluga/base.yaml --decision 'running(kaluga,2027)'",
            "  footprint explain examples/kaluga/base.yaml --decision 'lane(kaluga->FR:rail,2023)' --json why.json",
            "",
            "Exit codes: 0 explained (also when the forced model has no plan: the conflict is the answer),"
                    + " 2 a malformed decision or option (or the --json file exists without --force, is the model or is not a"
                    + " regular file), 3 the model has errors or the decision names something it"
                    + " does not have, 4 the model itself has no plan (its conflict is printed), 1 the solver failed."
        })
final class ExplainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The model file (.yaml, .yml or .json) or model workbook (.xlsx).")
    Path model;

    @Option(
            names = "--decision",
            required = true,
            paramLabel = "D",
            description = "The decision to force the other way, as running(kaluga,2027); see below.")
    String decision;

    @Option(
            names = "--volume",
            paramLabel = "V",
            defaultValue = "1",
            description = "For a lane the plan leaves empty: the vehicles (or component units) forced onto it"
                    + " (default: ${DEFAULT-VALUE}).")
    double volume;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the explanation as JSON.")
    Path json;

    @Option(
            names = "--force",
            description = "Replace the --json file if it exists (never the model or its base files, nor anything"
                    + " but a regular file).")
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
            description = "Stop each solve when proved within this fraction of the best possible, from 0 up to (not"
                    + " including) 1 (default: 1e-4).")
    double gap;

    @Option(
            names = "--solver",
            paramLabel = "NAME",
            description = "scip, highs or cbc (default: ${DEFAULT-VALUE}).",
            defaultValue = Backend.DEFAULT_WORD)
    String solver;

    @Option(
            names = "--techniques",
            paramLabel = "LIST",
            defaultValue = "auto",
            description = TechniqueOption.DESCRIPTION)
    String techniques;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "0",
            description = "Solver threads (HiGHS only), at most 4 per processor.")
    int threads;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "0",
            description = "The solver's random seed, 0 or more.")
    int seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SolveOptions options = options();
        NamedDecision named;
        try {
            named = NamedDecision.parse(decision);
        } catch (BadDecision e) {
            throw new UserError(e.getMessage(), ExitCode.USAGE);
        }
        Outputs files = Outputs.of(force).output("--json", json).input(model, "the model");
        files.check();
        ModelRead read = footprint.io.ModelReader.read(model);
        if (!read.ok()) {
            read.problems().forEach(p -> err.println(p));
            err.println(Quote.of(read.file()) + ": " + read.errors().size() + " error"
                    + (read.errors().size() == 1 ? "" : "s")
                    + "; nothing explained. See docs/errors.md for every code.");
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        files.inputs(read, "the model").check();
        Network network = read.network().orElseThrow();
        Explanation e;
        try {
            e = Explainer.explain(network, named, volume, options, CommandOutput.progress(err));
        } catch (BadDecision x) {
            throw new UserError(x.getMessage(), x.malformed() ? ExitCode.USAGE : ExitCode.BAD_INPUT);
        }
        out.print(ExplanationText.of(network, e, read::placeOf));
        out.flush();
        if (json != null) {
            files.write(json, ExplanationJson.of(network, e, read::placeOf) + "\n");
            err.println("wrote the explanation to " + Quote.of(json));
        }
        err.flush();
        if (e.plan().status() == SolveStatus.INFEASIBLE) {
            return ExitCode.INFEASIBLE;
        }
        boolean failed = e.plan().status() == SolveStatus.ERROR
                || e.forced().map(f -> f.status() == SolveStatus.ERROR).orElse(false);
        return failed ? ExitCode.INTERNAL : ExitCode.OK;
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
        if (!(volume > 0) || Double.isInfinite(volume)) {
            throw new UserError("--volume takes a number above 0; not " + volume, ExitCode.USAGE);
        }
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
