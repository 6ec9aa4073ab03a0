package footprint.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs tasks on threads of this machine: each thread makes one evaluator and takes the next block
 * of {@link #BLOCK} consecutive tasks until none is left, running each block in order after {@link
 * SampleEvaluator#startBlock}. Results land at their task's place. A block's tasks see the same
 * evaluator history whatever thread runs them, so the results are the same bit for bit on any
 * number of threads (a warm-started simplex may otherwise stop at another vertex of the same
 * optimum).
 */
public final class LocalExecutor implements SampleExecutor {
    /**
     * Tasks a thread runs in a row from a fresh evaluator state. Starting again costs one LP build
     * and one cold solve per block (on the M network a cold sample takes about 23 ms, a warm one 7:
     * some 5 % of a block's time) for results that do not depend on the thread count.
     */
    public static final int BLOCK = 64;

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
        AtomicInteger nextBlock = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            try (SampleEvaluator evaluator = evaluators.get()) {
                for (int b = nextBlock.getAndIncrement(); b * BLOCK < n; b = nextBlock.getAndIncrement()) {
                    evaluator.startBlock();
                    for (int i = b * BLOCK; i < Math.min(n, (b + 1) * BLOCK) && failure.get() == null; i++) {
                        results[i] = evaluator.evaluate(tasks.get(i));
                        progress.done(done.incrementAndGet(), n);
                    }
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        };
        int count = Math.max(1, Math.min(threads, (n + BLOCK - 1) / BLOCK));
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
