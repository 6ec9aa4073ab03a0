package footprint.cli;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.report.PlanFile;
import footprint.report.trace.Provenance;
import footprint.report.trace.Trace;
import footprint.report.trace.TraceTarget;
import footprint.report.trace.TraceText;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code footprint trace PLAN.json TARGET}: the input figures and rules behind a number of a plan. */
@Command(
        name = "trace",
        mixinStandardHelpOptions = true,
        description = {
            "List the input figures behind a number or decision of a plan: each with the value used, its range, its"
                    + " source, whether an article gives it or it is assumed, the file and line it was written at, and"
                    + " the scenario change that set it; then the rules (statuses, forced decisions, bans, lanes,"
                    + " commitments) that shape it. For money, each figure's effect: the amount with that figure at the"
                    + " low and high end of its range, the plan held fixed.",
            "",
            "TARGET is one of: " + TraceTarget.NAMES + "."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  footprint solve examples/kaluga/russia-pause.yaml --json pause.json",
            "  footprint trace pause.json 'cost(kaluga,2027)'",
            "  footprint trace pause.json npv",
            "  footprint trace pause.json 'flow(luton,vivaro,UK,2027)'",
            "  footprint trace pause.json 'running(kaluga,2027)'",
            "  footprint trace pause.json 'lost(RU,expert,2027)'",
            "",
            "The plan must belong to the model: the model's files hash as the plan says (a plan names its model and"
                    + " every file it extends by SHA-256), and the plan's plants, products, markets, years and volumes"
                    + " fit it.",
            "",
            "Exit codes: 0 done, 2 wrong command line or target, 3 the plan or its model cannot be read, or the plan"
                    + " does not belong to the model."
        })
final class TraceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLAN.json", description = "A plan written by footprint solve --json.")
    Path planFile;

    @Parameters(index = "1", paramLabel = "TARGET", description = "What to trace, e.g. 'cost(kaluga,2027)' or npv.")
    String target;

    @Option(
            names = "--model",
            paramLabel = "FILE",
            description = "The model or scenario the plan was solved from (default: the file the plan names).")
    Path model;

    @Option(names = "--all", description = "List every input figure (default: the 25 with the biggest effect).")
    boolean all;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TraceTarget t;
        try {
            t = TraceTarget.parse(target);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), ExitCode.USAGE);
        }
        PlanFile plan = PlanInput.read(planFile, err, "nothing traced");
        Path modelFile = model != null ? model : modelOf(plan);
        ModelRead read = ModelReader.read(modelFile);
        if (!read.ok()) {
            read.problems().forEach(err::println);
            err.println(Quote.of(read.file()) + ": " + read.errors().size() + " error"
                    + (read.errors().size() == 1 ? "" : "s") + "; nothing traced.");
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        PlanInput.fit(plan, read, err, "nothing traced");
        Provenance prov = Provenance.of(modelFile, read);
        Trace.Result result;
        try {
            result = Trace.of(prov, plan.plan(), t);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), ExitCode.USAGE);
        }
        String label = "the plan " + Quote.of(planFile) + " of " + Quote.of(modelFile) + " ("
                + prov.network().name() + ")";
        out.print(TraceText.of(result, label, prov.network().currency(), all ? 0 : 25));
        out.flush();
        return ExitCode.OK;
    }

    /** The model file a plan names: as written, else beside the plan file. */
    private Path modelOf(PlanFile plan) {
        String named = plan.modelFile()
                .orElseThrow(() -> new UserError(
                        Quote.of(planFile)
                                + " does not name its model file (plans written before model sections were added);"
                                + " give it with --model FILE",
                        ExitCode.USAGE));
        Path p = Path.of(named);
        if (Files.exists(p)) {
            return p;
        }
        Path parent = planFile.toAbsolutePath().getParent();
        if (!p.isAbsolute() && parent != null && Files.exists(parent.resolve(p.getFileName()))) {
            return parent.resolve(p.getFileName());
        }
        throw new UserError(Quote.of(planFile) + " was solved from " + Quote.of(named)
                + ", which does not exist here; give the model with --model FILE");
    }
}
