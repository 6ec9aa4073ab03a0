package footprint.cli;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.io.excel.ModelWorkbook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code footprint export-model MODEL --xlsx WORKBOOK}: writes a model as an Excel workbook a planner can fill. */
@Command(
        name = "export-model",
        mixinStandardHelpOptions = true,
        description = {
            "Write a model as an Excel workbook a planner can fill: a README sheet, then one sheet per table"
                    + " (plants, plant-figures, products, prices, markets, demand, lanes, duties, ...), each figure"
                    + " over the columns value, low, high, mode, dist, mean, sd, source and unit, a figure by year"
                    + " one row per year. The model is checked first; a model with errors is not written."
                    + " import-model reads the workbook back into an equal model."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  footprint export-model examples/kaluga/base.yaml --xlsx kaluga.xlsx",
            "  footprint import-model kaluga.xlsx --yaml kaluga.yaml",
            "",
            "Exit codes: 0 written, 3 the model has errors, 2 wrong command line (or WORKBOOK exists:"
                    + " --force; is the model; is not a regular file)."
        })
final class ExportModelCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The model file (.yaml, .yml or .json) or model workbook (.xlsx).")
    Path model;

    @Option(
            names = {"--xlsx", "-o"},
            required = true,
            paramLabel = "WORKBOOK",
            description = "The workbook to write (.xlsx).")
    Path workbook;

    @Option(
            names = "--force",
            description = "Replace WORKBOOK if it exists (never the model or its base files, nor anything but a"
                    + " regular file).")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!workbook.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new UserError(
                    "the workbook's name must end in .xlsx (Excel refuses to open an .xlsx workbook under"
                            + " another name): " + Quote.of(workbook),
                    ExitCode.USAGE);
        }
        Outputs files = Outputs.of(force).output("--xlsx", workbook).input(model, "the model");
        files.check();
        ModelRead read = ModelReader.read(model);
        if (!read.ok()) {
            read.problems().forEach(out::println);
            out.println(Quote.of(read.file()) + ": " + read.errors().size()
                    + (read.errors().size() == 1 ? " error" : " errors") + "; nothing written.");
            return ExitCode.BAD_INPUT;
        }
        files.inputs(read, "the model").check();
        try {
            files.write(workbook, file -> ModelWorkbook.write(read.network().orElseThrow(), file));
        } catch (IllegalArgumentException e) {
            throw new UserError(Quote.text(String.valueOf(e.getMessage())));
        }
        out.println("wrote " + Quote.of(workbook));
        return ExitCode.OK;
    }
}
