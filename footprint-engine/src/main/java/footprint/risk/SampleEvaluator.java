package footprint.risk;

/**
 * Turns tasks into results. An evaluator may keep state between tasks to go faster (an LP kept
 * from one sample to the next) but its results depend on the task alone, so any executor may give
 * any task to any evaluator. One evaluator is used by one thread at a time.
 */
public interface SampleEvaluator extends AutoCloseable {
    SampleResult evaluate(SampleTask task);

    /** Frees what the evaluator holds (native solver memory). */
    @Override
    void close();
}
