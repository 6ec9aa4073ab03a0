package footprint.cli;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import java.io.PrintWriter;
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

    @Option(
            names = "--force",
            description = "Replace OUT if it exists (never the model or its base files, nor anything but a regular"
                    + " file).")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Outputs files = Outputs.of(force).output("--output", output).input(model, "the model");
        files.check();
        ModelRead read = ModelReader.read(model);
        if (!read.ok()) {
            read.problems().forEach(out::println);
            out.println(Quote.of(read.file()) + ": " + read.errors().size()
                    + (read.errors().size() == 1 ? " error" : " errors") + "; nothing written.");
            return ExitCode.BAD_INPUT;
        }
        files.inputs(read, "the model").check();
        files.write(output, ModelText.of(read.network().orElseThrow(), output));
        out.println("wrote " + Quote.of(output));
        return ExitCode.OK;
    }
}
