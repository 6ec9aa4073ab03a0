package footprint.cli;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.io.excel.ModelWorkbook;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
            "Exit codes: 0 written, 3 the model has errors, 2 wrong command line (or WORKBOOK exists: --force)."
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

    @Option(names = "--force", description = "Overwrite WORKBOOK if it exists.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!workbook.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new UserError(
                    "the workbook's name must end in .xlsx (Excel refuses to open an .xlsx workbook under"
                            + " another name): " + workbook,
                    ExitCode.USAGE);
        }
        if (Files.exists(workbook) && !force) {
            throw new UserError(workbook + " exists; add --force to overwrite it.", ExitCode.USAGE);
        }
        ModelRead read = ModelReader.read(model);
        if (!read.ok()) {
            read.problems().forEach(out::println);
            out.println(read.file() + ": " + read.errors().size()
                    + (read.errors().size() == 1 ? " error" : " errors") + "; nothing written.");
            return ExitCode.BAD_INPUT;
        }
        try {
            ModelWorkbook.write(read.network().orElseThrow(), workbook);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        out.println("wrote " + workbook);
        return ExitCode.OK;
    }
}
