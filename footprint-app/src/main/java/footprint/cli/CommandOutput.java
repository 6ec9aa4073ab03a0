package footprint.cli;

import footprint.optimize.SolveListener;
import java.io.PrintWriter;
import java.util.Locale;

/** What the solving commands share: progress on the error stream (output files: {@link Outputs}). */
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
}
