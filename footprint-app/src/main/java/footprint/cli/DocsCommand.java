package footprint.cli;

import footprint.report.FormatDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code footprint docs --out docs}: regenerates the format and problem-code references. */
@Command(
        name = "docs",
        mixinStandardHelpOptions = true,
        description = "Write docs/model-format.md and docs/errors.md from the field catalogue and the problem codes.",
        footerHeading = "%nExample:%n",
        footer = "  footprint docs --out docs")
final class DocsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "docs",
            description = "Folder to write to (default: docs).")
    Path out;

    @Override
    public Integer call() {
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("model-format.md"), FormatDocs.modelFormat(), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("errors.md"), FormatDocs.errors(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot write to " + out + ": " + e.getMessage());
        }
        spec.commandLine()
                .getOut()
                .println("wrote " + out.resolve("model-format.md") + " and " + out.resolve("errors.md"));
        return ExitCode.OK;
    }
}
