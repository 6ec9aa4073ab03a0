package footprint.cli;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.io.ModelWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code footprint convert MODEL -o OUT}: reads a model and writes it back, as YAML or JSON. */
@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        description = {
            "Read a model and write it again, as YAML or JSON (by the output's extension). The model is checked"
                    + " first; a model with errors is not written. Every figure is written with its own source."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  footprint convert examples/kaluga/base.yaml -o base.json",
            "  footprint convert base.json -o base.yaml"
        })
final class ConvertCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The model file (.yaml, .yml or .json) or model workbook (.xlsx).")
    Path model;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "OUT",
            description = "Where to write (.json for JSON, else YAML).")
    Path output;

    @Option(names = "--force", description = "Overwrite OUT if it exists.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ModelRead read = ModelReader.read(model);
        if (!read.ok()) {
            read.problems().forEach(out::println);
            out.println(read.file() + ": " + read.errors().size()
                    + (read.errors().size() == 1 ? " error" : " errors") + "; nothing written.");
            return ExitCode.BAD_INPUT;
        }
        if (Files.exists(output) && !force) {
            throw new UserError(output + " exists; add --force to overwrite it.", ExitCode.USAGE);
        }
        if (output.toAbsolutePath().normalize().equals(model.toAbsolutePath().normalize())) {
            throw new UserError(
                    "the output is the input file; write to another file (comments would be lost).", ExitCode.USAGE);
        }
        try {
            ModelWriter.write(read.network().orElseThrow(), output);
        } catch (UncheckedIOException e) {
            throw new UserError(e.getMessage());
        }
        out.println("wrote " + output);
        return ExitCode.OK;
    }
}
