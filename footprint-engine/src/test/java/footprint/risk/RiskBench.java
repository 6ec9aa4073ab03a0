package footprint.risk;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.model.Network;
import footprint.optimize.FixedPlanLp;
import footprint.optimize.Optimizer;
import footprint.optimize.Plan;
import footprint.optimize.SolveListener;
import footprint.optimize.SolveOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Risk benchmark, run by hand (not a test): samples per second of a plan valued over sampled
 * futures, keeping one LP per thread ({@link FixedPlanLp#resolve}) against building one per
 * sample, on 1 and 2 threads; on the reference case and on a generated mid-size network. Prints
 * the LP's size (deterministic) beside wall and CPU times (CPU time of the sampling threads, which
 * holds still when other processes share the machine).
 *
 * <pre>
 *   mvn -q -pl footprint-engine -am test-compile
 *   java -cp "footprint-engine/target/test-classes:footprint-engine/target/classes:$(cat cp.txt)" \
 *       footprint.risk.RiskBench [samples] [plants]
 * </pre>
 */
public final class RiskBench {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int WARM_UP = 300;

    private RiskBench() {}

    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int plants = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        System.out.printf(
                Locale.ROOT,
                "%d processors, load average %.1f%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        bench("kaluga/russia-pause", read(Path.of("examples", "kaluga", "russia-pause.yaml")), samples);
        bench("generated M (" + plants + " plants)", read(midSize(1, plants)), samples);
    }

    static void bench(String name, Network n, int samples) {
        long t = System.nanoTime();
        Plan plan = Optimizer.solve(n, SolveOptions.plain().withShadowPrices(false), SolveListener.NONE);
        double solve = (System.nanoTime() - t) / 1e9;
        Sampler sampler = Sampler.of(n, 0.5);
        Plan.Size size;
        try (FixedPlanLp lp = FixedPlanLp.of(n, plan)) {
            size = lp.size();
        }
        System.out.printf(
                Locale.ROOT,
                "%n%s: %d inputs; MILP solved in %.1f s; fixed-plan LP %d columns, %d rows, %d nonzeros%n",
                name,
                sampler.inputs().size(),
                solve,
                size.variables(),
                size.rows(),
                size.nonzeros());
        // warm the JIT on both paths: the family methods and the freezing are large and compile
        // late; measured on the M network, a reused sample took 10.5 ms of CPU after 20 warm-up
        // samples and 7.2 ms after 200, the steady state of a run of a thousand samples
        List<SampleTask> warm = tasks(WARM_UP, 99);
        List<SampleTask> tasks = tasks(samples, 7);
        run(new LocalExecutor(1), warm, () -> PlanEvaluator.of(n, plan, sampler));
        run(new LocalExecutor(1), warm, () -> PlanEvaluator.rebuilding(n, plan, sampler));
        System.out.println("  mode      threads  samples/s (wall)  CPU ms/sample");
        for (int threads : new int[] {1, 2}) {
            for (boolean reuse : new boolean[] {true, false}) {
                Supplier<SampleEvaluator> make = reuse
                        ? () -> PlanEvaluator.of(n, plan, sampler)
                        : () -> PlanEvaluator.rebuilding(n, plan, sampler);
                double[] r = run(new LocalExecutor(threads), tasks, make);
                System.out.printf(
                        Locale.ROOT,
                        "  %-8s  %7d  %16.1f  %13.2f%n",
                        reuse ? "reuse" : "rebuild",
                        threads,
                        tasks.size() / r[0],
                        r[1] / tasks.size() * 1e3);
            }
        }
    }

    static List<SampleTask> tasks(int n, long seed) {
        List<SampleTask> t = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            t.add(SampleTask.draw(seed, i));
        }
        return t;
    }

    /** Wall seconds and CPU seconds of the sampling threads. */
    static double[] run(SampleExecutor executor, List<SampleTask> tasks, Supplier<SampleEvaluator> make) {
        AtomicLong cpu = new AtomicLong();
        Supplier<SampleEvaluator> timed = () -> {
            long start = CPU.getCurrentThreadCpuTime();
            SampleEvaluator e = make.get();
            long[] spent = {CPU.getCurrentThreadCpuTime() - start};
            return new SampleEvaluator() {
                @Override
                public SampleResult evaluate(SampleTask task) {
                    long a = CPU.getCurrentThreadCpuTime();
                    SampleResult r = e.evaluate(task);
                    spent[0] += CPU.getCurrentThreadCpuTime() - a;
                    return r;
                }

                @Override
                public void close() {
                    long a = CPU.getCurrentThreadCpuTime();
                    e.close();
                    cpu.addAndGet(spent[0] + CPU.getCurrentThreadCpuTime() - a);
                }
            };
        };
        long t = System.nanoTime();
        executor.run(tasks, timed, SampleExecutor.Progress.NONE);
        return new double[] {(System.nanoTime() - t) / 1e9, cpu.get() / 1e9};
    }

    static Network read(Path file) {
        ModelRead r = ModelReader.read(file);
        return r.network().orElseThrow(() -> new IllegalStateException(file + ": " + r.errors()));
    }

    static Network read(String yaml) {
        ModelRead r = ModelReader.read(yaml, "generated.yaml");
        return r.network()
                .orElseThrow(() -> new IllegalStateException(r.errors().toString()));
    }

    /**
     * A mid-size network: {@code plants} plants (some with a tooling option), 8 products on 4
     * platforms, 12 markets in 7 countries, 10 years, engines and batteries from 4 component
     * plants, a ban and duties; every demand, price, variable and fixed cost is a range of ±10-25 %.
     */
    static String midSize(int seed, int plants) {
        Random r = new Random(seed);
        String[] countries = {"FR", "DE", "ES", "IT", "UK", "RU", "CN"};
        String[] platforms = {"a", "b", "c", "d"};
        StringBuilder s = new StringBuilder();
        s.append("footprint: 1\nname: generated M\nhorizon: {from: 2025, to: 2034}\ncurrency: EUR\n");
        s.append("discount-rate: {low: 6%, high: 10%, mode: 8%}\n");
        s.append("countries:\n  FR: {bloc: EU}\n  DE: {bloc: EU}\n  ES: {bloc: EU}\n  IT: {bloc: EU}\n"
                + "  UK: {bloc: UK}\n  RU: {bloc: EAEU}\n  CN: {bloc: CN}\n");
        s.append("platforms:\n  a: {}\n  b: {}\n  c: {}\n  d: {}\n");
        s.append("components:\n  engine: {unit: engine}\n  battery: {unit: kWh}\n");
        s.append("plants:\n");
        for (int p = 0; p < plants; p++) {
            String own = platforms[r.nextInt(4)];
            String option = platforms[r.nextInt(4)];
            s.append(String.format(
                    Locale.ROOT,
                    "  p%d: {country: %s, capacity: %d, workforce: %d, fixed-cost: %s, idle-cost: %d,"
                            + " closure-cost: %d, reopening-cost: %d, variable-cost: %s, platforms: [%s]%s}%n",
                    p,
                    countries[r.nextInt(countries.length)],
                    50_000 + r.nextInt(150_000),
                    1000 + r.nextInt(3000),
                    range(r, 50_000_000 + r.nextInt(150_000_000), 0.2),
                    10_000_000 + r.nextInt(30_000_000),
                    100_000_000 + r.nextInt(300_000_000),
                    20_000_000 + r.nextInt(60_000_000),
                    range(r, 15_000 + r.nextInt(8_000), 0.1),
                    own,
                    option.equals(own)
                            ? ""
                            : ", tooling: {" + option + ": {investment: " + (100_000_000 + r.nextInt(300_000_000))
                                    + ", lead-time: " + r.nextInt(3) + "}}"));
        }
        s.append("products:\n");
        for (int k = 0; k < 8; k++) {
            s.append(String.format(
                    Locale.ROOT,
                    "  k%d: {brand: B%d, segment: s, platform: %s, bom: {%s}, price: %s}%n",
                    k,
                    k % 3,
                    platforms[k % 4],
                    k % 2 == 0 ? "engine: 1" : "battery: 60",
                    range(r, 25_000 + r.nextInt(15_000), 0.1)));
        }
        s.append("component-plants:\n");
        for (int q = 0; q < 4; q++) {
            boolean engine = q % 2 == 0;
            s.append(String.format(
                    Locale.ROOT,
                    "  q%d: {country: %s, component: %s, capacity: %d, unit-cost: %d}%n",
                    q,
                    countries[r.nextInt(countries.length)],
                    engine ? "engine" : "battery",
                    engine ? 200_000 + r.nextInt(400_000) : 10_000_000 + r.nextInt(30_000_000),
                    engine ? 2000 + r.nextInt(1500) : 60 + r.nextInt(40)));
        }
        s.append("markets:\n");
        for (int m = 0; m < 12; m++) {
            s.append("  m").append(m).append(": {country: ").append(countries[m % countries.length]);
            s.append(", demand: {");
            String sep = "";
            for (int k = 0; k < 8; k++) {
                if (r.nextInt(3) > 0) {
                    s.append(sep)
                            .append("k")
                            .append(k)
                            .append(": {2025: ")
                            .append(range(r, 2000 + r.nextInt(30_000), 0.25))
                            .append(", 2034: ")
                            .append(range(r, 2000 + r.nextInt(30_000), 0.25))
                            .append(", interpolate: linear}");
                    sep = ", ";
                }
            }
            s.append("}}\n");
        }
        s.append("lanes:\n");
        for (int p = 0; p < plants; p++) {
            for (int m = 0; m < 12; m++) {
                if (r.nextInt(3) > 0) {
                    s.append("  - {from: p").append(p).append(", to: m").append(m);
                    s.append(", cost: ").append(200 + r.nextInt(2000)).append("}\n");
                }
            }
            for (int q = 0; q < 4; q++) {
                s.append("  - {from: q").append(q).append(", to: p").append(p);
                s.append(", cost: ")
                        .append(q % 2 == 0 ? 50 + r.nextInt(200) : 1 + r.nextInt(5))
                        .append("}\n");
            }
        }
        s.append("trade:\n  duties:\n    - {from: [CN, EAEU], to: [EU, UK], rate: 10%}\n"
                + "    - {from: [EU, UK, CN], to: EAEU, rate: 18%}\n  bans:\n"
                + "    - {from: EAEU, to: [EU, UK], brands: [B1], years: 2027-}\n");
        return s.toString();
    }

    /** A range of ± {@code spread} around a value, its mode the value. */
    private static String range(Random r, int value, double spread) {
        double w = spread * (0.5 + r.nextDouble());
        return String.format(
                Locale.ROOT,
                "{low: %d, high: %d, mode: %d}",
                Math.round(value * (1 - w)),
                Math.round(value * (1 + w)),
                value);
    }
}
