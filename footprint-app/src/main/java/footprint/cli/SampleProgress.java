package footprint.cli;

import footprint.risk.SampleExecutor;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a risk run on standard error: a progress bar with the time left on a terminal, else
 * (a file, a pipe, a test) a plain line at every tenth of the work, with the time left.
 */
abstract class SampleProgress implements SampleExecutor.Progress, AutoCloseable {
    /** A bar on the terminal when standard error is one, else plain lines on {@code err}. */
    static SampleProgress to(PrintWriter err, String task) {
        return System.console() != null && !Boolean.getBoolean("footprint.plainProgress")
                ? new Bar(task)
                : new Lines(err, task);
    }

    @Override
    public abstract void close();

    /** The terminal's bar (progressbar 0.10.2): percentage, count, elapsed and remaining time. */
    private static final class Bar extends SampleProgress {
        private final String task;
        private ProgressBar bar;

        Bar(String task) {
            this.task = task;
        }

        @Override
        public synchronized void done(int done, int total) {
            if (bar == null) {
                bar = new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .setUpdateIntervalMillis(250)
                        .build();
            }
            bar.maxHint(total);
            if (done > bar.getCurrent()) {
                bar.stepTo(done);
            }
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** A line at every tenth: "Samples: 300 of 1000 (30 %), 4.2 s, about 9.8 s left". */
    private static final class Lines extends SampleProgress {
        private final PrintWriter err;
        private final String task;
        private final long start = System.nanoTime();
        private int shown;

        Lines(PrintWriter err, String task) {
            this.err = err;
            this.task = task;
        }

        @Override
        public synchronized void done(int done, int total) {
            int tenth = (int) (10L * done / Math.max(1, total));
            if (tenth <= shown) {
                return;
            }
            shown = tenth;
            double seconds = (System.nanoTime() - start) / 1e9;
            double left = done > 0 ? seconds * (total - done) / done : Double.NaN;
            err.printf(
                    Locale.ROOT,
                    "%s: %d of %d (%d %%), %.1f s, about %.1f s left%n",
                    task,
                    done,
                    total,
                    100L * done / total,
                    seconds,
                    left);
            err.flush();
        }

        @Override
        public void close() {}
    }
}
