package footprint.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.model.check.Problem;
import footprint.report.ModelSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code footprint validate MODEL}: checks a model file and prints a summary and every problem. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Check a model file and print what a planner checks at a glance: counts, horizon, demand and capacity"
                    + " per year, sources cited and assumptions, and every problem with its file, line and field."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  footprint validate examples/kaluga/base.yaml",
            "  footprint validate model.json --format json > check.json",
            "  footprint validate model.yaml --strict      (warnings count as errors)",
            "",
            "Exit codes: 0 valid, 3 the model has errors (or warnings with --strict), 2 wrong command line."
        })
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The model file (.yaml, .yml or .json) or model workbook (.xlsx).")
    Path model;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    OutputFormat format;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    enum OutputFormat {
        text,
        json
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ModelRead read = ModelReader.read(model);
        if (strict) {
            read = read.strict();
        }
        if (format == OutputFormat.json) {
            out.println(json(read));
        } else {
            text(read, out);
        }
        out.flush();
        return read.ok() ? ExitCode.OK : ExitCode.BAD_INPUT;
    }

    private static void text(ModelRead read, PrintWriter out) {
        read.network().ifPresent(n -> out.print(ModelSummary.of(n).toText()));
        List<Problem> errors = read.errors();
        List<Problem> warnings = read.warnings();
        if (!read.problems().isEmpty()) {
            out.println();
            read.problems().forEach(p -> out.println(p));
        }
        out.println();
        if (errors.isEmpty()) {
            out.println(Quote.of(read.file()) + ": valid"
                    + (warnings.isEmpty()
                            ? ""
                            : ", with " + warnings.size() + " warning" + (warnings.size() == 1 ? "" : "s"))
                    + ".");
        } else {
            out.println(Quote.of(read.file()) + ": " + errors.size() + " error" + (errors.size() == 1 ? "" : "s")
                    + (warnings.isEmpty()
                            ? ""
                            : " and " + warnings.size() + " warning" + (warnings.size() == 1 ? "" : "s"))
                    + "; see docs/errors.md for every code.");
        }
    }

    private static String json(ModelRead read) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("file", read.file());
        doc.put("valid", read.ok());
        read.network().ifPresent(n -> doc.put("summary", ModelSummary.of(n)));
        doc.put(
                "problems",
                read.problems().stream().map(ValidateCommand::problem).toList());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> problem(Problem p) {
        var m = new LinkedHashMap<String, Object>();
        m.put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT));
        m.put("code", p.code().id());
        p.location().ifPresent(l -> {
            m.put("file", l.file());
            m.put("line", l.line());
            m.put("column", l.column());
        });
        m.put("field", p.field());
        m.put("message", p.message());
        return m;
    }
}
