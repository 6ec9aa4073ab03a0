package footprint.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Solvers that read the exported MPS file, as references beside Footprint's own solves of the same
 * network: the CBC command-line solver (Debian's coinor-cbc, run as a child process) and HiGHS
 * through OR-Tools' model builder (the MPS text parsed into a model, then solved: no Footprint code
 * in between).
 *
 * <p>Both run as child processes and report through their log. CBC's answer is read from its
 * standard output ({@link #parseCbc}). OR-Tools 9.15 drops HiGHS's incumbent when a time limit stops
 * it (status UNKNOWN, no solution: google/or-tools issue 5016, fixed after 9.15 by pull request
 * 5020), so the HiGHS row then reads the status, primal bound and dual bound from HiGHS's own
 * solving report ({@link #parseHighsReport}). Its dual bound is read from that report in every
 * case: OR-Tools returns the objective as HiGHS's bound.
 */
public final class ReferenceSolvers {
    /** What a reference solver answered; NaN where it gave no figure. */
    public record Outcome(
            String status,
            double objective,
            double bound,
            double buildSeconds,
            double solveSeconds,
            double cpuSeconds,
            PeakMemory.Peak memory,
            String note) {}

    private ReferenceSolvers() {}

    // ---- CBC --------------------------------------------------------------------------------------

    /** The version line of the cbc command ("CBC 2.10.8"), if the command is on the PATH. */
    public static Optional<String> cbcVersion() {
        if (findOnPath("cbc").isEmpty()) {
            return Optional.empty();
        }
        try {
            Process p =
                    new ProcessBuilder("cbc", "-quit").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            Matcher m = Pattern.compile("Version:\\s*(\\S+)").matcher(out);
            return Optional.of("CBC " + (m.find() ? m.group(1) : "(version unknown)"));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Solves an MPS file with {@code cbc FILE [-max] -sec T -timeMode elapsed -ratio G -threads N
     * -solve -quit}. CBC ignores OBJSENSE in free MPS, hence {@code -max} for a maximisation. The
     * time is the child's wall-clock time, reading the file included; its peak resident set is its
     * VmHWM, sampled every 20 ms. A child still running at three times the limit plus a minute is
     * killed.
     */
    public static Outcome cbc(Path mps, boolean maximise, double timeLimitSeconds, double gap, int threads) {
        List<String> cmd = new ArrayList<>(List.of("cbc", mps.toAbsolutePath().toString()));
        if (maximise) {
            cmd.add("-max");
        }
        if (timeLimitSeconds > 0) {
            cmd.addAll(List.of("-sec", number(timeLimitSeconds), "-timeMode", "elapsed"));
        }
        cmd.addAll(List.of("-ratio", number(gap)));
        if (threads > 0) {
            cmd.addAll(List.of("-threads", Integer.toString(threads)));
        }
        cmd.addAll(List.of("-solve", "-quit"));
        Child child = runChild(cmd, timeLimitSeconds);
        if (child.killed()) {
            return new Outcome(
                    "ERROR",
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    child.seconds(),
                    Double.NaN,
                    child.memory(),
                    "killed: still running");
        }
        Outcome parsed = parseCbc(child.output());
        return new Outcome(
                parsed.status(),
                parsed.objective(),
                parsed.bound(),
                Double.NaN,
                child.seconds(),
                parsed.cpuSeconds(),
                child.memory(),
                parsed.note());
    }

    private static final Pattern CBC_RESULT = Pattern.compile("Result - (.*)");
    private static final Pattern CBC_OBJECTIVE = Pattern.compile("\\nObjective value:\\s+(\\S+)");
    private static final Pattern CBC_CPU = Pattern.compile("Total time \\(CPU seconds\\):\\s+(\\S+)");
    private static final Pattern CBC_BOUND = Pattern.compile("\\n(?:Lower|Upper) bound:\\s+(\\S+)");

    /**
     * CBC's answer from its output: the "Result - ..." line, "Objective value:" and, when it
     * stopped early, the bound ("Lower bound:" when minimising, "Upper bound:" when maximising, in
     * the model's own sense).
     */
    public static Outcome parseCbc(String out) {
        Matcher r = CBC_RESULT.matcher(out);
        String result = r.find() ? r.group(1).strip() : "";
        double objective = find(CBC_OBJECTIVE, out);
        double bound = find(CBC_BOUND, out);
        String lower = result.toLowerCase(Locale.ROOT);
        String status;
        String note = "";
        if (lower.startsWith("optimal solution found")) {
            status = "OPTIMAL";
            bound = Double.isNaN(bound) ? objective : bound;
        } else if (lower.contains("infeasible")) {
            status = "INFEASIBLE";
            note = "cbc: " + result;
        } else if (lower.contains("unbounded")) {
            status = "UNBOUNDED";
        } else if (lower.startsWith("stopped")) {
            boolean plan = !Double.isNaN(objective) && !out.contains("No feasible solution found");
            status = plan ? "FEASIBLE" : "TIME_LIMIT";
            if (!plan) {
                objective = Double.NaN;
            }
        } else if (out.contains("Pre-processing says infeasible")) {
            status = "INFEASIBLE";
            note = "cbc: pre-processing says infeasible or unbounded";
        } else {
            status = "ERROR";
            String[] lines = out.strip().split("\\R");
            note = "cbc: " + (lines.length == 0 ? "no output" : lines[lines.length - 1].strip());
        }
        return new Outcome(status, objective, bound, Double.NaN, Double.NaN, find(CBC_CPU, out), noMemory(), note);
    }

    // ---- HiGHS through OR-Tools' model builder ---------------------------------------------------

    /**
     * Reads an MPS file into OR-Tools' model builder and solves it with HiGHS (threads, gap, seed 0,
     * time limit), in a child JVM ({@link HighsMps}) whose standard output carries HiGHS's log. Build
     * time: reading and parsing the MPS; solve time: the solve call; memory: the child's peak
     * resident set (a JVM's own 100 MB or so included), sampled like CBC's.
     */
    public static Outcome highs(Path mps, double timeLimitSeconds, double gap, int threads) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(
                java,
                "-Xmx" + Runtime.getRuntime().maxMemory() / (1 << 20) + "m",
                "-cp",
                System.getProperty("java.class.path"),
                HighsMps.class.getName(),
                mps.toAbsolutePath().toString(),
                Double.toString(timeLimitSeconds),
                Double.toString(gap),
                Integer.toString(threads));
        Child child = runChild(cmd, timeLimitSeconds);
        if (child.killed()) {
            return new Outcome(
                    "ERROR", Double.NaN, Double.NaN, Double.NaN, child.seconds(), Double.NaN, child.memory(), "killed");
        }
        String out = child.output();
        int at = out.lastIndexOf(HighsMps.RESULT + " ");
        if (at < 0) {
            String[] lines = out.strip().split("\\R");
            return new Outcome(
                    "ERROR",
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    child.seconds(),
                    Double.NaN,
                    child.memory(),
                    "highs-mps: " + (lines.length == 0 ? "no output" : lines[lines.length - 1].strip()));
        }
        String[] f = out.substring(at).strip().split("\\s+");
        double read = Double.parseDouble(f[4]);
        double solve = Double.parseDouble(f[5]);
        double cpu = Double.parseDouble(f[6]);
        if (f[1].equals("UNREADABLE")) {
            return new Outcome(
                    "ERROR", Double.NaN, Double.NaN, read, 0, cpu, child.memory(), "OR-Tools could not read the MPS");
        }
        Outcome report = parseHighsReport(out.substring(0, at));
        if (f[1].equals("OPTIMAL") || f[1].equals("FEASIBLE")) {
            // the bound from HiGHS's own report: OR-Tools 9.15 returns the objective as the bound
            return new Outcome(f[1], Double.parseDouble(f[2]), report.bound(), read, solve, cpu, child.memory(), "");
        }
        String note = report.status().equals("ERROR") ? "highs: " + f[1] : report.note();
        return new Outcome(report.status(), report.objective(), report.bound(), read, solve, cpu, child.memory(), note);
    }

    /** HiGHS's version from its log ("HiGHS 1.12.0"): a child JVM solves an empty model. */
    public static Optional<String> highsVersion() {
        Path mps = null;
        try {
            mps = Files.createTempFile("footprint-empty", ".mps");
            Files.writeString(
                    mps, "NAME empty\nROWS\n N  COST\nCOLUMNS\n    x  COST  1\nBOUNDS\n UP BND x 1\nENDATA\n");
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Child child = runChild(
                    List.of(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            HighsMps.class.getName(),
                            mps.toString(),
                            "10",
                            "0",
                            "1"),
                    10);
            Matcher m = Pattern.compile("Running HiGHS (\\S+)").matcher(child.output());
            return m.find() ? Optional.of("HiGHS " + m.group(1)) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        } finally {
            if (mps != null) {
                try {
                    Files.deleteIfExists(mps);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }
    }

    /** A finished child process: its output, wall time and peak resident set. */
    private record Child(String output, double seconds, PeakMemory.Peak memory, boolean killed) {}

    /**
     * Runs a child process with its output in a temporary file, sampling its VmHWM every 20 ms;
     * kills it at three times the time limit plus a minute.
     */
    private static Child runChild(List<String> cmd, double timeLimitSeconds) {
        Path log = null;
        try {
            log = Files.createTempFile("footprint-bench", ".log");
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Path status = Path.of("/proc", Long.toString(p.pid()), "status");
            long peakKiB = -1;
            long deadline = timeLimitSeconds > 0 ? (long) ((3 * timeLimitSeconds + 60) * 1e9) : Long.MAX_VALUE;
            boolean killed = false;
            while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
                peakKiB = Math.max(peakKiB, PeakMemory.statusKiB(status, "VmHWM"));
                if (System.nanoTime() - start > deadline) {
                    p.destroyForcibly();
                    p.waitFor();
                    killed = true;
                    break;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String out = Files.readString(log, StandardCharsets.UTF_8);
            return new Child(out, seconds, new PeakMemory.Peak(-1, peakKiB < 0 ? -1 : peakKiB * 1024, false), killed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Child("interrupted", Double.NaN, noMemory(), true);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }
    }

    private static final Pattern HIGHS_STATUS = Pattern.compile("\\n\\s*Status\\s+(.+)");
    private static final Pattern HIGHS_PRIMAL = Pattern.compile("\\n\\s*Primal bound\\s+(\\S+)");
    private static final Pattern HIGHS_DUAL = Pattern.compile("\\n\\s*Dual bound\\s+(\\S+)");

    /**
     * The status, primal bound (the incumbent's objective) and dual bound of HiGHS's MIP solving
     * report. "Time limit reached" with a finite primal bound is a plan found but not proved.
     */
    public static Outcome parseHighsReport(String log) {
        int at = log.lastIndexOf("Solving report");
        String report = at < 0 ? "" : log.substring(at);
        Matcher s = HIGHS_STATUS.matcher(report);
        String status = s.find() ? s.group(1).strip() : "";
        double primal = find(HIGHS_PRIMAL, report);
        double dual = find(HIGHS_DUAL, report);
        boolean plan = Double.isFinite(primal);
        String lower = status.toLowerCase(Locale.ROOT);
        String word;
        String note = "";
        if (lower.equals("optimal")) {
            word = "OPTIMAL";
        } else if (lower.contains("time limit")) {
            word = plan ? "FEASIBLE" : "TIME_LIMIT";
            note = plan ? "highs: time limit; plan and bound from its log (OR-Tools 9.15 returns none)" : "";
        } else if (lower.contains("infeasible")) {
            word = "INFEASIBLE";
        } else if (lower.contains("unbounded")) {
            word = "UNBOUNDED";
        } else {
            word = "ERROR";
            note = "highs: " + (status.isEmpty() ? "no solving report" : status);
        }
        return new Outcome(
                word,
                plan ? primal : Double.NaN,
                Double.isFinite(dual) ? dual : Double.NaN,
                0,
                0,
                Double.NaN,
                noMemory(),
                note);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static PeakMemory.Peak noMemory() {
        return new PeakMemory.Peak(-1, -1, false);
    }

    private static double find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        double value = Double.NaN;
        while (m.find()) {
            try {
                value = Double.parseDouble(m.group(1));
            } catch (NumberFormatException e) {
                value = Double.NaN;
            }
        }
        return value;
    }

    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    private static Optional<Path> findOnPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
