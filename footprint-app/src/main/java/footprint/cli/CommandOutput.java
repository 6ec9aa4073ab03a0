package footprint.cli;

import footprint.optimize.SolveListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the solving commands share: progress on the error stream, and output files. */
final class CommandOutput {
    private CommandOutput() {}

    /** Stage messages and an "still solving" line every few seconds, on the error stream. */
    static SolveListener progress(PrintWriter err) {
        return new SolveListener() {
            @Override
            public void message(String text) {
                err.println(text);
                err.flush();
            }

            @Override
            public void elapsed(double seconds) {
                err.printf(Locale.ROOT, "  still solving after %.0f s%n", seconds);
                err.flush();
            }
        };
    }

    /** Writes a text file; a failure is the user's (a folder that does not exist, no permission). */
    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage(), ExitCode.BAD_INPUT);
        }
    }
}
