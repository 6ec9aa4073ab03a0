package footprint.report.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to trace, as a planner writes it: a KPI ({@code npv}, {@code revenue(2027)}, {@code
 * cost(kaluga,2027)}, {@code fixed-cost(kaluga)}), a flow ({@code flow(kaluga,expert,FR,2027)}), lost
 * sales ({@code lost(RU,expert,2027)}), demand ({@code demand(RU,expert,2027)}), a plant's state
 * ({@code running(kaluga,2027)}, {@code status(kaluga,2027)}), its output or jobs ({@code
 * output(kaluga,2027)}, {@code jobs(kaluga,2027)}).
 *
 * @param kind what is traced
 * @param name the function name as written (lower case), e.g. {@code cost}, {@code fixed-cost}
 * @param args the arguments as written
 */
public record TraceTarget(Kind kind, String name, List<String> args) {
    /** The kinds of things a trace follows. */
    public enum Kind {
        /** Money: the NPV, revenue, cost or one of their parts. */
        MONEY,
        FLOW,
        LOST,
        DEMAND,
        STATUS,
        OUTPUT,
        JOBS
    }

    /** Every name a target may have, for the help and for hints. */
    public static final String NAMES = "npv, revenue, cost, variable-cost, freight, duties, components, fixed-cost,"
            + " idle-cost, investment, closure, reopening (with no arguments, (YEAR), (PLANT) or (PLANT,YEAR));"
            + " flow(PLANT,PRODUCT,MARKET,YEAR); lost(MARKET,PRODUCT,YEAR); demand(MARKET,PRODUCT,YEAR);"
            + " running, idle, closed or status(PLANT,YEAR); output(PLANT,YEAR); jobs(PLANT,YEAR)";

    private static final Pattern SHAPE =
            Pattern.compile("\\s*([A-Za-z][A-Za-z_-]*)\\s*(?:\\((.*)\\))?\\s*", Pattern.DOTALL);

    public TraceTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
    }

    /**
     * Parses a target.
     *
     * @throws IllegalArgumentException with what is wrong and what would be valid
     */
    public static TraceTarget parse(String text) {
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a target; write one of " + NAMES);
        }
        String name = m.group(1).toLowerCase(Locale.ROOT).replace('_', '-');
        List<String> args = new ArrayList<>();
        if (m.group(2) != null && !m.group(2).isBlank()) {
            for (String a : m.group(2).split(",", -1)) {
                if (a.isBlank()) {
                    throw new IllegalArgumentException("'" + text + "' has an empty argument");
                }
                args.add(a.strip());
            }
        }
        Kind kind = kindOf(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "'" + name + "' is not something a trace follows; write one of " + NAMES));
        int[] allowed = switch (kind) {
            case MONEY -> new int[] {0, 1, 2};
            case FLOW -> new int[] {4};
            case LOST, DEMAND -> new int[] {3};
            case STATUS, OUTPUT, JOBS -> new int[] {2};
        };
        boolean ok = false;
        for (int a : allowed) {
            ok |= a == args.size();
        }
        if (!ok) {
            throw new IllegalArgumentException("'" + text + "' has " + args.size() + " argument"
                    + (args.size() == 1 ? "" : "s") + "; write " + usage(kind, name));
        }
        TraceTarget t = new TraceTarget(kind, name, args);
        if (kind != Kind.MONEY || args.size() == 2) {
            t.year(); // checks the year
        }
        return t;
    }

    private static Optional<Kind> kindOf(String name) {
        switch (name) {
            case "npv":
            case "revenue":
            case "cost":
            case "costs":
                return Optional.of(Kind.MONEY);
            case "flow":
                return Optional.of(Kind.FLOW);
            case "lost":
            case "lost-sales":
                return Optional.of(Kind.LOST);
            case "demand":
                return Optional.of(Kind.DEMAND);
            case "running":
            case "idle":
            case "closed":
            case "status":
                return Optional.of(Kind.STATUS);
            case "output":
                return Optional.of(Kind.OUTPUT);
            case "jobs":
                return Optional.of(Kind.JOBS);
            default:
                return Ledger.Item.parse(name).map(i -> Kind.MONEY);
        }
    }

    private static String usage(Kind kind, String name) {
        return switch (kind) {
            case MONEY -> name + ", " + name + "(YEAR), " + name + "(PLANT) or " + name + "(PLANT,YEAR)";
            case FLOW -> "flow(PLANT,PRODUCT,MARKET,YEAR)";
            case LOST, DEMAND -> name + "(MARKET,PRODUCT,YEAR)";
            case STATUS, OUTPUT, JOBS -> name + "(PLANT,YEAR)";
        };
    }

    /** The year argument (the last one), if the target has one. */
    public Optional<Integer> year() {
        if (args.isEmpty()) {
            return Optional.empty();
        }
        String last = args.get(args.size() - 1);
        if (last.matches("\\d{4}")) {
            return Optional.of(Integer.parseInt(last));
        }
        if (kind == Kind.MONEY && args.size() == 1) {
            return Optional.empty(); // a plant
        }
        throw new IllegalArgumentException("'" + last + "' is not a year; write four digits such as 2027");
    }

    /** The plant argument of money, status, output, jobs and flow targets. */
    public Optional<String> plant() {
        if (kind == Kind.MONEY) {
            if (args.size() == 2 || (args.size() == 1 && year().isEmpty())) {
                return Optional.of(args.get(0));
            }
            return Optional.empty();
        }
        return kind == Kind.LOST || kind == Kind.DEMAND ? Optional.empty() : Optional.of(args.get(0));
    }

    /** The product argument of flow, lost and demand targets. */
    public Optional<String> product() {
        return switch (kind) {
            case FLOW, LOST, DEMAND -> Optional.of(args.get(1));
            default -> Optional.empty();
        };
    }

    /** The market argument of flow, lost and demand targets. */
    public Optional<String> market() {
        return switch (kind) {
            case FLOW -> Optional.of(args.get(2));
            case LOST, DEMAND -> Optional.of(args.get(0));
            default -> Optional.empty();
        };
    }

    /** The money items a money target adds up (revenue positive, costs negative for npv). */
    public List<Ledger.Item> items() {
        if (kind != Kind.MONEY) {
            return List.of();
        }
        return switch (name) {
            case "npv" -> List.of(Ledger.Item.values());
            case "revenue" -> List.of(Ledger.Item.REVENUE);
            case "cost", "costs" -> List.of(Ledger.Item.values()).subList(1, Ledger.Item.values().length);
            default -> List.of(Ledger.Item.parse(name).orElseThrow());
        };
    }

    /** Whether the target is the NPV (revenue less costs) rather than a sum of amounts of one sign. */
    public boolean isNpv() {
        return name.equals("npv");
    }

    @Override
    public String toString() {
        return args.isEmpty() ? name : name + "(" + String.join(",", args) + ")";
    }
}
