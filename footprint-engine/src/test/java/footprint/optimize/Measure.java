package footprint.optimize;

import footprint.io.ModelReader;
import footprint.model.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Times the backends on the OR-Library set and on model files (not a test: run by hand with the
 * test class path): {@code java footprint.optimize.Measure [gap] [timeLimit] [model.yaml...]}.
 */
final class Measure {
    private Measure() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("root")) {
            root(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            return;
        }
        if (args.length > 0 && args[0].equals("brute")) {
            for (int seed = 0; seed < Integer.parseInt(args[1]); seed++) {
                FrozenNetwork f = FrozenNetwork.of(Models.read(BruteForceTest.tiny(seed)));
                System.out.printf(Locale.ROOT, "seed %d: %s best %s%n", seed, f.mode, BruteForceTest.enumerate(f));
            }
            return;
        }
        if (args.length > 0 && args[0].equals("medium")) {
            medium(Double.parseDouble(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        if (args.length > 0 && args[0].equals("hard")) {
            hard(Double.parseDouble(args[1]), java.util.Arrays.copyOfRange(args, 2, args.length));
            return;
        }
        double gap = args.length > 0 ? Double.parseDouble(args[0]) : 1e-9;
        double limit = args.length > 1 ? Double.parseDouble(args[1]) : 60;
        List<String[]> cases = new ArrayList<>();
        for (String line : Files.readAllLines(OrLibCapTest.DIR.resolve("capopt.txt"))) {
            String[] f = line.strip().split("\\s+");
            if (!line.startsWith("#") && f.length == 3 && f[1].equals("-")) {
                cases.add(f);
            }
        }
        Optimizer.loadNatives();
        for (Backend b : Backend.values()) {
            double total = 0;
            double worst = 0;
            int optimal = 0;
            for (String[] c : cases) {
                Network n = OrLibCap.parse(
                        Files.readString(OrLibCapTest.DIR.resolve(c[0] + ".txt")), c[0], OptionalDouble.empty());
                Plan p = Optimizer.solve(
                        n,
                        SolveOptions.plain()
                                .withBackend(b)
                                .withGap(gap)
                                .withTimeLimit(limit)
                                .withShadowPrices(false),
                        SolveListener.NONE);
                double t = p.buildSeconds() + p.solveSeconds();
                total += t;
                worst = Math.max(worst, t);
                double opt = Double.parseDouble(c[2]);
                boolean ok = p.status() == SolveStatus.OPTIMAL && Math.abs(p.objective() - opt) <= 1e-6 * opt;
                optimal += ok ? 1 : 0;
                System.out.printf(
                        Locale.ROOT, "%-6s %-7s %-8s %14.3f %7.3f s%n", b.word(), c[0], p.status(), p.objective(), t);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-6s cap41-134: %d/%d optimal, total %.2f s, worst %.2f s%n",
                    b.word(),
                    optimal,
                    cases.size(),
                    total,
                    worst);
        }
        for (int i = 2; i < args.length; i++) {
            Network n = ModelReader.read(Path.of(args[i])).network().orElseThrow();
            for (Backend b : Backend.values()) {
                for (int rep = 0; rep < 3; rep++) {
                    Plan p = Optimizer.solve(
                            n, SolveOptions.plain().withBackend(b).withTimeLimit(limit), SolveListener.NONE);
                    System.out.printf(
                            Locale.ROOT,
                            "%-6s %s %-8s obj %.6e bound %.6e build %.3f s solve %.3f s size %s%n",
                            b.word(),
                            args[i],
                            p.status(),
                            p.objective(),
                            p.bestBound(),
                            p.buildSeconds(),
                            p.solveSeconds(),
                            p.size());
                }
            }
        }
    }

    /** capa/b/c with a capacity: {@code hard LIMIT capa:8000 capb:5000 ...}. */
    static void hard(double limit, String[] cases) throws Exception {
        Optimizer.loadNatives();
        for (String c : cases) {
            String[] nc = c.split(":");
            Network n = OrLibCap.parse(
                    Files.readString(OrLibCapTest.DIR.resolve(nc[0] + ".txt")),
                    nc[0],
                    OptionalDouble.of(Double.parseDouble(nc[1])));
            for (Backend b : Backend.values()) {
                Plan p = Optimizer.solve(
                        n,
                        SolveOptions.plain().withBackend(b).withTimeLimit(limit).withShadowPrices(false),
                        SolveListener.NONE);
                System.out.printf(
                        Locale.ROOT,
                        "%-6s %-11s %-10s obj %14.3f bound %14.3f gap %.5f build %.2f s solve %.2f s%n",
                        b.word(),
                        c,
                        p.status(),
                        p.objective(),
                        p.bestBound(),
                        p.gap(),
                        p.buildSeconds(),
                        p.solveSeconds());
            }
        }
    }

    /** Random multi-year networks of {@code plants} plants, solved by each backend. */
    static void medium(double limit, int plants, int seeds) {
        Optimizer.loadNatives();
        for (int seed = 0; seed < seeds; seed++) {
            String yaml = mediumModel(seed, plants);
            Network n =
                    footprint.io.ModelReader.read(yaml, "medium.yaml").network().orElseThrow();
            for (Backend b : Backend.values()) {
                Plan p = Optimizer.solve(
                        n,
                        SolveOptions.plain().withBackend(b).withTimeLimit(limit).withShadowPrices(false),
                        SolveListener.NONE);
                System.out.printf(
                        Locale.ROOT,
                        "%-6s medium-%d-%d %-10s obj %.6e bound %.6e gap %.5f build %.2f s solve %.2f s %s%n",
                        b.word(),
                        plants,
                        seed,
                        p.status(),
                        p.objective(),
                        p.bestBound(),
                        p.gap(),
                        p.buildSeconds(),
                        p.solveSeconds(),
                        p.size());
            }
        }
    }

    /** A planner-like network: plants with options, 8 products, 12 markets, 10 years, components. */
    static String mediumModel(int seed, int plants) {
        java.util.Random r = new java.util.Random(seed);
        String[] countries = {"FR", "DE", "ES", "IT", "UK", "RU", "CN"};
        StringBuilder s = new StringBuilder();
        s.append("footprint: 1\nname: medium\nhorizon: {from: 2025, to: 2034}\ncurrency: EUR\ndiscount-rate: 8%\n");
        s.append(
                "countries:\n  FR: {bloc: EU}\n  DE: {bloc: EU}\n  ES: {bloc: EU}\n  IT: {bloc: EU}\n  UK: {bloc: UK}\n"
                        + "  RU: {bloc: EAEU}\n  CN: {bloc: CN}\n");
        s.append("platforms:\n  a: {}\n  b: {}\n  c: {}\n  d: {}\n");
        s.append("components:\n  engine: {unit: engine}\n  battery: {unit: kWh}\n");
        s.append("plants:\n");
        String[] platforms = {"a", "b", "c", "d"};
        for (int p = 0; p < plants; p++) {
            String own = platforms[r.nextInt(4)];
            String option = platforms[r.nextInt(4)];
            s.append(String.format(
                    Locale.ROOT,
                    "  p%d: {country: %s, capacity: %d, workforce: %d, idle-workforce: %d, fixed-cost: %d, idle-cost: %d,"
                            + " closure-cost: %d, reopening-cost: %d, variable-cost: %d, platforms: [%s]%s}%n",
                    p,
                    countries[r.nextInt(countries.length)],
                    50_000 + r.nextInt(150_000),
                    1000 + r.nextInt(3000),
                    r.nextInt(500),
                    50_000_000 + r.nextInt(150_000_000),
                    10_000_000 + r.nextInt(30_000_000),
                    100_000_000 + r.nextInt(300_000_000),
                    20_000_000 + r.nextInt(60_000_000),
                    15_000 + r.nextInt(8_000),
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
                    "  k%d: {brand: B%d, segment: s, platform: %s, bom: {%s}, price: %d}%n",
                    k,
                    k % 3,
                    platforms[k % 4],
                    k % 2 == 0 ? "engine: 1" : "battery: 60",
                    25_000 + r.nextInt(15_000)));
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
            s.append("  m")
                    .append(m)
                    .append(": {country: ")
                    .append(countries[m % countries.length])
                    .append(", demand: {");
            for (int k = 0; k < 8; k++) {
                if (r.nextInt(3) > 0) {
                    s.append(k == 0 ? "" : ", ")
                            .append("k")
                            .append(k)
                            .append(": {2025: ")
                            .append(2000 + r.nextInt(30_000))
                            .append(", 2034: ")
                            .append(2000 + r.nextInt(30_000))
                            .append(", interpolate: linear}");
                }
            }
            s.append("}}\n");
        }
        s.append("lanes:\n");
        for (int p = 0; p < plants; p++) {
            for (int m = 0; m < 12; m++) {
                if (r.nextInt(3) > 0) {
                    s.append("  - {from: p")
                            .append(p)
                            .append(", to: m")
                            .append(m)
                            .append(", cost: ")
                            .append(200 + r.nextInt(2000))
                            .append("}\n");
                }
            }
            for (int q = 0; q < 4; q++) {
                s.append("  - {from: q")
                        .append(q)
                        .append(", to: p")
                        .append(p)
                        .append(", cost: ")
                        .append(q % 2 == 0 ? 50 + r.nextInt(200) : 1 + r.nextInt(5))
                        .append("}\n");
            }
        }
        s.append("trade:\n  duties:\n    - {from: [CN, EAEU], to: [EU, UK], rate: 10%}\n"
                + "    - {from: [EU, UK, CN], to: EAEU, rate: 18%}\n  bans:\n"
                + "    - {from: EAEU, to: [EU, UK], brands: [B1], years: 2027-}\n"
                + "  local-content:\n    - {to: EAEU, min-share: 30%}\n");
        return s.toString().replace("{, ", "{");
    }

    /** The LP relaxation with and without the rows for strength, on a medium network. */
    static void root(int seed, int plants) {
        Optimizer.loadNatives();
        Network n = Models.read(mediumModel(seed, plants));
        FrozenNetwork f = FrozenNetwork.of(n);
        for (boolean strength : new boolean[] {true, false}) {
            Formulation.Settings s = Formulation.Settings.milp();
            if (!strength) {
                s = s.without(Formulation.Family.STRENGTH);
            }
            System.out.printf(
                    Locale.ROOT, "LP relaxation, strength %s: %.6e%n", strength, ConstraintFamilyTest.relaxation(f, s));
        }
    }
}
