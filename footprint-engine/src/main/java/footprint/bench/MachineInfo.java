package footprint.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine a benchmark ran on, for the header of its tables: CPU model and cores (from
 * /proc/cpuinfo and the JVM), memory (/proc/meminfo), Java, the JVM's heap limit and the operating
 * system. Fields that cannot be read say "unknown".
 */
public record MachineInfo(
        String cpu, int cores, long memoryBytes, String java, long maxHeapBytes, String os, String solvers) {

    /** Reads the machine this JVM runs on; {@code solvers} names the solver versions. */
    public static MachineInfo read(String solvers) {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown");
        long memory = firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(v -> Long.parseLong(v.replaceAll("[^0-9]", "")) * 1024)
                .orElse(-1L);
        return new MachineInfo(
                cpu,
                Runtime.getRuntime().availableProcessors(),
                memory,
                System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                        + System.getProperty("java.vendor") + ")",
                Runtime.getRuntime().maxMemory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                solvers);
    }

    /** The header lines. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("machine: " + cpu + ", " + cores + " cores, "
                + (memoryBytes < 0 ? "memory unknown" : gib(memoryBytes) + " GiB memory") + ", " + os);
        out.add("java: " + java + ", max heap " + gib(maxHeapBytes) + " GiB");
        out.add("solvers: " + solvers);
        return out;
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (double) (1L << 30));
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
                    return Optional.of(line.substring(colon + 1).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
