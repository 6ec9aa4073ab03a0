package footprint.cli;

import footprint.bench.OrLibCapFile;
import footprint.model.Network;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code footprint import FORMAT ...}: reads a model in another tool's format and writes a model file. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {"Read a model in another format and write it as a Footprint model file."},
        subcommands = {ImportCommand.OrLibCap.class})
final class ImportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a format: orlib-cap");
    }

    /** {@code footprint import orlib-cap FILE [--capacity C] -o model.yaml}. */
    @Command(
            name = "orlib-cap",
            mixinStandardHelpOptions = true,
            description = {
                "Read a capacitated warehouse location problem in Beasley's OR-Library format (cap41 ... cap134,"
                        + " capa, capb, capc) and write it as a model file: warehouse i is plant w<i> (its capacity,"
                        + " its fixed cost while running), customer j is market c<j> (its demand, all of it served),"
                        + " one product, one year (1988), in cost mode; the lane from w<i> to c<j> costs the file's"
                        + " cost of serving all of c<j>'s demand divided by that demand. A malformed file is"
                        + " reported with its line and column."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  footprint import orlib-cap data/orlib-cap/cap41.txt -o cap41.yaml",
                "  footprint import orlib-cap data/orlib-cap/capa.txt --capacity 8000 -o capa-8000.yaml",
                "",
                "Exit codes: 0 written, 3 the file is malformed or unreadable, 2 wrong command line (or the output"
                        + " exists: --force)."
            })
    static final class OrLibCap implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The OR-Library file (cap41.txt, capa.txt, ...).")
        Path file;

        @Option(
                names = "--capacity",
                paramLabel = "C",
                description = "Every warehouse's capacity: needed for capa, capb and capc (whose file says"
                        + " 'capacity'); elsewhere it replaces the file's capacities.")
        Double capacity;

        @Option(
                names = {"-o", "--output"},
                required = true,
                paramLabel = "MODEL",
                description = "The model file to write (.yaml or .yml; .json for JSON).")
        Path output;

        @Option(
                names = "--force",
                description = "Replace MODEL if it exists (never FILE, nor anything but a regular file).")
        boolean force;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
                throw new UserError(
                        "the output is a model file: name it .yaml, .yml or .json, not " + Quote.of(output),
                        ExitCode.USAGE);
            }
            if (capacity != null && !(capacity > 0 && Double.isFinite(capacity))) {
                throw new UserError("--capacity takes a number above 0, not " + capacity, ExitCode.USAGE);
            }
            Outputs files = Outputs.of(force).output("--output", output).input(file, "the OR-Library file");
            files.check();
            if (!Files.isRegularFile(file)) {
                throw new UserError("no such file: " + Quote.of(file));
            }
            Network network;
            try {
                network = OrLibCapFile.read(
                        file, capacity == null ? OptionalDouble.empty() : OptionalDouble.of(capacity));
            } catch (OrLibCapFile.Malformed e) {
                throw new UserError(e.located());
            } catch (UncheckedIOException e) {
                throw new UserError(Quote.text(String.valueOf(e.getMessage())));
            }
            files.write(output, ModelText.of(network, output));
            out.println("wrote " + Quote.of(output) + ": " + network.plants().size() + " warehouses, "
                    + network.markets().size() + " customers (footprint solve " + Quote.of(output) + ")");
            return ExitCode.OK;
        }
    }
}
