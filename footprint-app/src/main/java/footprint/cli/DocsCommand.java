package footprint.cli;

import footprint.report.FormatDocs;
import java.io.IOException;
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
        description = {
            "Write docs/model-format.md and docs/errors.md from the field catalogue and the problem codes.",
            "DIR is made when it does not exist. The two files are replaced without --force when they are ones this"
                    + " command wrote (their 'Generated from ... by `./footprint docs`' line), so regenerating the"
                    + " docs needs no flag; any other file of those names is replaced only with --force, and"
                    + " nothing but a regular file ever is."
        },
        footerHeading = "%nExample:%n",
        footer = "  footprint docs --out docs")
final class DocsCommand implements Callable<Integer> {
    /** What the generated files carry near their top (FormatDocs writes it). */
    static final String GENERATED_MARK = "by `./footprint docs";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "docs",
            description = "Folder to write to (default: docs).")
    Path out;

    @Option(
            names = "--force",
            description = "Replace model-format.md and errors.md in DIR even when they are not generated ones.")
    boolean force;

    @Override
    public Integer call() {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError(
                    Quote.of(out) + " is not a folder: --out names the folder the docs go to", ExitCode.USAGE);
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserError("cannot make the folder " + Quote.of(out) + ": " + Quote.text(String.valueOf(e)));
        }
        Path format = out.resolve("model-format.md");
        Path errors = out.resolve("errors.md");
        Outputs files = Outputs.of(force)
                .regenerated("--out", format, head -> head.contains(GENERATED_MARK))
                .regenerated("--out", errors, head -> head.contains(GENERATED_MARK));
        files.check();
        files.write(format, FormatDocs.modelFormat());
        files.write(errors, FormatDocs.errors());
        spec.commandLine().getOut().println("wrote " + Quote.of(format) + " and " + Quote.of(errors));
        return ExitCode.OK;
    }
}
