package footprint.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The peak memory of one measured stretch of this process (a model build and solve).
 *
 * <ul>
 *   <li><b>Java heap</b>: the largest heap in use, from two sources: a thread that samples the
 *       heap in use every 10 ms, and every garbage collection's "heap in use before the
 *       collection" (GC notifications of the GC MXBeans), which catches the peaks between
 *       samples. A full GC runs before the stretch starts.
 *   <li><b>Process resident set</b>: Linux's high-water mark VmHWM (/proc/self/status), reset at
 *       the start by writing 5 to /proc/self/clear_refs. It counts what the native solvers
 *       (OR-Tools, SCIP, HiGHS, CBC) allocate outside the heap, plus the heap the JVM has committed
 *       (which it may keep from earlier work). Where the reset is refused, the sampled VmRSS.
 * </ul>
 *
 * Use as {@code try (PeakMemory m = PeakMemory.start()) { ...; peak = m.stop(); }}.
 */
public final class PeakMemory implements AutoCloseable {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    /** Peak bytes (-1 where not known) and whether the resident set is Linux's exact high-water mark. */
    public record Peak(long heapBytes, long residentBytes, boolean residentExact) {
        public double heapMiB() {
            return heapBytes < 0 ? Double.NaN : heapBytes / (double) (1 << 20);
        }

        public double residentMiB() {
            return residentBytes < 0 ? Double.NaN : residentBytes / (double) (1 << 20);
        }
    }

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong heapPeak = new AtomicLong();
    private final AtomicLong rssPeak = new AtomicLong(-1);
    private final boolean resetWorked;
    private final Thread sampler;
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private volatile boolean running = true;

    private PeakMemory() {
        System.gc();
        resetWorked = resetHighWaterMark();
        heapPeak.set(memory.getHeapMemoryUsage().getUsed());
        NotificationListener onGc = this::onGc;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(onGc, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(onGc);
                    } catch (javax.management.ListenerNotFoundException e) {
                        // already gone
                    }
                });
            }
        }
        sampler = new Thread(this::sample, "footprint-bench-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts measuring (after a full GC and a reset of the resident high-water mark). */
    public static PeakMemory start() {
        return new PeakMemory();
    }

    /** Stops measuring and returns the peaks. */
    public Peak stop() {
        close();
        long heap = Math.max(heapPeak.get(), memory.getHeapMemoryUsage().getUsed());
        if (resetWorked) {
            long hwm = statusKiB(STATUS, "VmHWM");
            return new Peak(heap, hwm < 0 ? -1 : hwm * 1024, hwm >= 0);
        }
        return new Peak(heap, rssPeak.get(), false);
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        unsubscribe.forEach(Runnable::run);
    }

    private void sample() {
        while (running) {
            heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            if (!resetWorked) {
                long rss = statusKiB(STATUS, "VmRSS");
                if (rss >= 0) {
                    rssPeak.accumulateAndGet(rss * 1024, Math::max);
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long before = 0;
        for (MemoryUsage u : info.getGcInfo().getMemoryUsageBeforeGc().values()) {
            before += u.getUsed();
        }
        // the map holds non-heap pools too (metaspace, code cache): count the heap pools only
        long nonHeap = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.NON_HEAP) {
                MemoryUsage u = info.getGcInfo().getMemoryUsageBeforeGc().get(pool.getName());
                if (u != null) {
                    nonHeap += u.getUsed();
                }
            }
        }
        heapPeak.accumulateAndGet(before - nonHeap, Math::max);
    }

    private static boolean resetHighWaterMark() {
        try {
            Files.writeString(CLEAR_REFS, "5", StandardCharsets.US_ASCII);
            return statusKiB(STATUS, "VmHWM") >= 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A kB figure of a /proc/.../status file (VmHWM, VmRSS), or -1. Used for child processes too:
     * their VmHWM only grows, so the last reading before they exit is their peak (to within the
     * sampling interval).
     */
    static long statusKiB(Path status, String key) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.substring(key.length() + 1).replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
