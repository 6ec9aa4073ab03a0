package footprint.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code footprint} command and its subcommands. */
@Command(
        name = "footprint",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Footprint: an open strategic production-network planner.",
            "Describe plants, products, markets, lanes and trade rules in a model file; Footprint checks it,"
                    + " finds the best multi-year plan and explains it."
        },
        subcommands = {
            ValidateCommand.class,
            SolveCommand.class,
            RiskCommand.class,
            ExplainCommand.class,
            ReportCommand.class,
            CompareCommand.class,
            TraceCommand.class,
            CaseStudyCommand.class,
            ConvertCommand.class,
            ExportModelCommand.class,
            ImportModelCommand.class,
            ImportCommand.class,
            BenchCommand.class,
            DocsCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  done",
            "  1  internal error (a bug in Footprint: please report it, with --debug output)",
            "  2  wrong command line",
            "  3  the input has errors",
            "  4  no feasible plan",
            "",
            "Example:",
            "  footprint validate examples/kaluga/base.yaml"
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Shared by every command: show stack traces of internal errors. */
    @Option(
            names = "--debug",
            description = "Show the stack trace of internal errors.",
            scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output streams and returns the exit code (tests use this). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof UserError u) {
                err.println("footprint: " + Quote.text(u.getMessage()));
                return u.exitCode();
            }
            err.println("footprint: internal error: " + Quote.text(String.valueOf(e))
                    + ". This is a bug in Footprint; please report it with the"
                    + " command and the output of --debug.");
            if (main.debug) {
                e.printStackTrace(err);
            }
            return ExitCode.INTERNAL;
        });
        // picocli's own messages quote the user's words raw ("Unknown option: '...'"): escape them
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter err = c.getErr();
            err.println(Quote.text(String.valueOf(ex.getMessage())));
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
                c.usage(err, c.getColorScheme());
            }
            return ExitCode.USAGE;
        });
        cli.setExitCodeExceptionMapper(
                e -> e instanceof CommandLine.ParameterException ? ExitCode.USAGE : ExitCode.INTERNAL);
        return cli;
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {
                "footprint " + (v == null ? "development" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
