package footprint.cli;

import footprint.io.ModelRead;
import footprint.io.excel.ModelWorkbook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code footprint import-model WORKBOOK --yaml MODEL}: reads a model workbook and writes it as a model file. */
@Command(
        name = "import-model",
        mixinStandardHelpOptions = true,
        description = {
            "Read a model workbook (as export-model writes it, filled or changed in Excel), check it as validate"
                    + " does, and write it as a model file: YAML, or JSON for a .json name. Every problem is"
                    + " reported by sheet and cell (model.xlsx, sheet plants, cell C4); a workbook with errors is"
                    + " not written. A file that is not an .xlsx workbook, or a zip bomb, is refused."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  footprint import-model kaluga.xlsx --yaml kaluga.yaml",
            "  footprint import-model kaluga.xlsx --yaml kaluga.json",
            "",
            "Exit codes: 0 written, 3 the workbook has errors, 2 wrong command line (or MODEL exists:"
                    + " --force; is the workbook; is not a regular file)."
        })
final class ImportModelCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "WORKBOOK", description = "The model workbook (.xlsx).")
    Path workbook;

    @Option(
            names = {"--yaml", "-o"},
            required = true,
            paramLabel = "MODEL",
            description = "The model file to write (.yaml or .yml; .json for JSON).")
    Path output;

    @Option(
            names = "--force",
            description = "Replace MODEL if it exists (never the workbook read, nor anything but a regular file).")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            throw new UserError(
                    "the output is a model file (.yaml or .json), not a workbook: " + Quote.of(output), ExitCode.USAGE);
        }
        Outputs files = Outputs.of(force).output("--yaml", output).input(workbook, "the workbook");
        files.check();
        ModelRead read = ModelWorkbook.read(workbook);
        if (!read.ok()) {
            read.problems().forEach(out::println);
            out.println(Quote.of(read.file()) + ": " + read.errors().size() + " error"
                    + (read.errors().size() == 1 ? "" : "s") + "; nothing written. See docs/errors.md for every code.");
            return ExitCode.BAD_INPUT;
        }
        files.write(output, ModelText.of(read.network().orElseThrow(), output));
        int warnings = read.warnings().size();
        out.println("wrote " + Quote.of(output)
                + (warnings == 0
                        ? ""
                        : " (" + warnings + " warning" + (warnings == 1 ? "" : "s") + ": footprint validate "
                                + Quote.of(output) + " lists them)"));
        return ExitCode.OK;
    }
}
