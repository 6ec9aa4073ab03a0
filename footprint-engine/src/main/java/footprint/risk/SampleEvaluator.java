package footprint.risk;

/**
 * Turns tasks into results. An evaluator may keep state between tasks to go faster (an LP kept
 * from one sample to the next): its results depend on the task alone up to the solver's tolerance,
 * so any executor may give any task to any evaluator. Bit for bit, a result depends on the task
 * and on the tasks the evaluator ran since its last {@link #startBlock}: an executor that runs
 * fixed blocks of consecutive tasks, in order, each after {@code startBlock}, gives the same bits
 * whatever the number of threads or machines ({@link LocalExecutor#BLOCK}). One evaluator is used
 * by one thread at a time.
 */
public interface SampleEvaluator extends AutoCloseable {
    SampleResult evaluate(SampleTask task);

    /** Forgets what earlier tasks left behind (a warm start), as if the evaluator were new. */
    default void startBlock() {}

    /** Frees what the evaluator holds (native solver memory). */
    @Override
    void close();
}
