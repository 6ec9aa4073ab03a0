package footprint.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs tasks on threads of this machine: each thread makes one evaluator and takes the next task
 * until none is left. Results land at their task's place. Whatever the thread count, a task's
 * numbers are drawn the same bit for bit; its LP values agree to the solver's tolerance (about
 * 1e-9 relative), since a warm-started simplex may stop at another vertex of the same optimum.
 */
public final class LocalExecutor implements SampleExecutor {
    private final int threads;

    /** An executor with {@code threads} threads (0: one per available processor). */
    public LocalExecutor(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (all processors) or more, not " + threads);
        }
        this.threads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    public int threads() {
        return threads;
    }

    @Override
    public List<SampleResult> run(List<SampleTask> tasks, Supplier<SampleEvaluator> evaluators, Progress progress) {
        int n = tasks.size();
        SampleResult[] results = new SampleResult[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            try (SampleEvaluator evaluator = evaluators.get()) {
                for (int i = next.getAndIncrement(); i < n && failure.get() == null; i = next.getAndIncrement()) {
                    results[i] = evaluator.evaluate(tasks.get(i));
                    progress.done(done.incrementAndGet(), n);
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        };
        int count = Math.max(1, Math.min(threads, n));
        List<Thread> pool = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            Thread thread = new Thread(work, "footprint-risk-" + (t + 1));
            thread.setDaemon(true);
            pool.add(thread);
            thread.start();
        }
        for (Thread thread : pool) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pool.forEach(Thread::interrupt);
                throw new IllegalStateException("interrupted while running the samples", e);
            }
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        return Arrays.asList(results);
    }
}
