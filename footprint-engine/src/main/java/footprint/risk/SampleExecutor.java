package footprint.risk;

import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a risk run's tasks: pure tasks in, results out, in task order. {@link LocalExecutor} runs
 * them on this machine's threads; a distributed engine (Apache Spark) can run them across a
 * cluster by shipping the tasks and making one evaluator per partition, without touching the
 * model or the optimiser.
 */
public interface SampleExecutor {
    /** Told after each task; called from the executor's threads. */
    interface Progress {
        Progress NONE = (done, total) -> {};

        void done(int done, int total);
    }

    /**
     * Runs every task with evaluators from {@code evaluators} (each used by one thread) and
     * returns the results in the order of {@code tasks}.
     */
    List<SampleResult> run(List<SampleTask> tasks, Supplier<SampleEvaluator> evaluators, Progress progress);
}
