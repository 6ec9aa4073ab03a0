package footprint.cli;

import footprint.optimize.Backend;
import footprint.optimize.SolveOptions;
import footprint.report.compare.CaseStudy;
import footprint.report.compare.ScenarioPlan;
import footprint.report.compare.ScenarioSolver;
import footprint.report.compare.Sensitivity;
import footprint.report.html.HtmlReport;
import footprint.report.html.LabeledPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code footprint case-study DIR --out case-study.md}: writes the reference case study from Footprint's output. */
@Command(
        name = "case-study",
        mixinStandardHelpOptions = true,
        description = {
            "Write the reference case study (docs/case-study.md) from Footprint's own output: solve every scenario of a"
                    + " folder, say what each means for Kaluga, Hordain and Luton and how it differs from the scenario it"
                    + " extends, and re-solve a few scenarios with each class of assumed figures at the low and high"
                    + " ends of their ranges. Progress goes to standard error."
        },
        footerHeading = "%nExample:%n",
        footer = {
            "  " + CaseStudy.COMMAND,
            "",
            "Exit codes: 0 written, 3 a scenario has errors, 4 a scenario has no feasible plan, 2 wrong command line."
        })
final class CaseStudyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(
            paramLabel = "DIR",
            defaultValue = "examples/kaluga",
            description = "The folder of the model and its scenarios (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            required = true,
            description = "Where to write the Markdown (docs/case-study.md).")
    Path out;

    @Option(
            names = "--html",
            paramLabel = "FILE",
            description = "Also write the HTML report of every plan there, linked from the Markdown.")
    Path html;

    @Option(names = "--no-sensitivity", description = "Leave out the sensitivity (only the plans: about a minute).")
    boolean noSensitivity;

    @Option(
            names = "--time-limit",
            paramLabel = "S",
            defaultValue = "0",
            description = "Stop each solve after S seconds (default: no limit).")
    double timeLimit;

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
        PrintWriter err = spec.commandLine().getErr();
        Backend backend;
        try {
            backend = Backend.parse(solver);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), ExitCode.USAGE);
        }
        if (!Files.isDirectory(dir)) {
            throw new UserError(dir + " is not a folder of scenarios", ExitCode.USAGE);
        }
        SolveOptions options = TechniqueOption.apply(
                SolveOptions.defaults().withBackend(backend).withThreads(1), techniques, spec, Double.NaN, timeLimit);
        Consumer<String> progress = line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        };
        List<Path> files = CaseStudy.files(dir);
        if (files.isEmpty()) {
            throw new UserError(dir + " holds no model or scenario file", ExitCode.USAGE);
        }
        List<ScenarioPlan> runs = ScenarioSolver.solveAll(files, options, progress);
        int code = ExitCode.OK;
        for (ScenarioPlan r : runs) {
            if (r.badInput()) {
                r.read().problems().forEach(err::println);
                code = ExitCode.BAD_INPUT;
            } else if (!r.hasPlan() && code == ExitCode.OK) {
                code = ExitCode.INFEASIBLE;
            }
        }
        List<Sensitivity.Outcome> sensitivity = List.of();
        if (!noSensitivity) {
            List<ScenarioPlan> sensitive = runs.stream()
                    .filter(r -> CaseStudy.SENSITIVE.contains(r.label()) && r.hasPlan())
                    .toList();
            sensitivity = Sensitivity.run(sensitive, CaseStudy.classes(), options.withShadowPrices(false), progress);
        }
        String kept = "";
        if (Files.exists(out)) {
            try {
                kept = CaseStudy.kept(Files.readString(out, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UserError("cannot read " + out + ": " + e.getMessage());
            }
        }
        String page = CaseStudy.markdown(runs, sensitivity, out, Optional.ofNullable(html));
        write(out, kept.isEmpty() ? page : page + "\n" + kept);
        err.println("wrote the case study to " + out);
        if (html != null) {
            List<LabeledPlan> plans = new ArrayList<>();
            for (ScenarioPlan r : runs) {
                if (r.hasPlan()) {
                    plans.add(LabeledPlan.of(
                            r.label(), r.solved(), r.network(), r.file().toString()));
                }
            }
            write(html, HtmlReport.render(plans));
            err.println("wrote the report to " + html);
        }
        err.flush();
        return code;
    }

    private static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage());
        }
    }
}
