package footprint.explain;

import footprint.model.LaneMode;
import footprint.model.PlantStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decision a planner names to ask what forcing it the other way would cost:
 *
 * <pre>
 *   running(kaluga,2027)   idle(kaluga,2027)   closed(kaluga,2027)
 *   tooled(zaragoza,leap-c,2026)
 *   lane(kaluga->FR:rail,2023)                 a vehicle lane (the mode may be left out when one lane joins the two)
 *   sourcing(kaluga-engines->hordain:rail,2024) a component lane
 * </pre>
 */
public sealed interface NamedDecision permits NamedDecision.PlantState, NamedDecision.Tooled, NamedDecision.LaneUse {
    /** What a planner may write, for error messages. */
    String FORMS = "running(PLANT,YEAR), idle(PLANT,YEAR), closed(PLANT,YEAR), tooled(PLANT,PLATFORM,YEAR),"
            + " lane(PLANT->MARKET:MODE,YEAR) or sourcing(COMPONENT-PLANT->PLANT:MODE,YEAR)";

    /** The year the decision is about. */
    int year();

    /** The decision as written, in canonical form: {@code running(kaluga,2027)}. */
    String text();

    /** A plant running, idle or closed in a year. */
    record PlantState(String plant, PlantStatus status, int year) implements NamedDecision {
        public PlantState {
            Objects.requireNonNull(plant, "plant");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String text() {
            return word(status) + "(" + plant + "," + year + ")";
        }

        static String word(PlantStatus s) {
            return s.name().toLowerCase(Locale.ROOT);
        }
    }

    /** A platform tooled (usable) at a plant in a year. */
    record Tooled(String plant, String platform, int year) implements NamedDecision {
        public Tooled {
            Objects.requireNonNull(plant, "plant");
            Objects.requireNonNull(platform, "platform");
        }

        @Override
        public String text() {
            return "tooled(" + plant + "," + platform + "," + year + ")";
        }
    }

    /**
     * A lane carrying flow in a year: vehicles from a plant to a market, or ({@code sourcing})
     * components from a component plant to a plant.
     */
    record LaneUse(String from, String to, Optional<LaneMode> mode, int year, boolean sourcing)
            implements NamedDecision {
        public LaneUse {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(mode, "mode");
        }

        /** The lane's name as the model writes it: {@code kaluga->FR:rail} (without a mode if none was given). */
        public String lane() {
            return from + "->" + to
                    + mode.map(m -> ":" + m.name().toLowerCase(Locale.ROOT)).orElse("");
        }

        @Override
        public String text() {
            return (sourcing ? "sourcing(" : "lane(") + lane() + "," + year + ")";
        }
    }

    /**
     * Reads a decision as a planner writes it.
     *
     * @throws BadDecision (malformed) with what would be valid
     */
    static NamedDecision parse(String text) {
        Matcher m = Pattern.compile("^\\s*([A-Za-z]+)\\s*\\((.*)\\)\\s*$").matcher(text);
        if (!m.matches()) {
            throw BadDecision.malformed("'" + text + "' is not a decision: write " + FORMS + ".");
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        List<String> args =
                Arrays.stream(m.group(2).split(",", -1)).map(String::strip).toList();
        switch (name) {
            case "running", "idle", "closed" -> {
                arity(text, name + "(PLANT,YEAR)", args, 2);
                PlantStatus s = name.equals("running")
                        ? PlantStatus.RUNNING
                        : name.equals("idle") ? PlantStatus.IDLE : PlantStatus.CLOSED;
                return new PlantState(id(text, args.get(0), "plant"), s, year(text, args.get(1)));
            }
            case "tooled" -> {
                arity(text, "tooled(PLANT,PLATFORM,YEAR)", args, 3);
                return new Tooled(
                        id(text, args.get(0), "plant"), id(text, args.get(1), "platform"), year(text, args.get(2)));
            }
            case "lane", "sourcing" -> {
                boolean sourcing = name.equals("sourcing");
                String form = sourcing ? "sourcing(COMPONENT-PLANT->PLANT:MODE,YEAR)" : "lane(PLANT->MARKET:MODE,YEAR)";
                arity(text, form, args, 2);
                String lane = args.get(0);
                int arrow = lane.indexOf("->");
                if (arrow < 0) {
                    throw BadDecision.malformed("'" + text + "': name the lane as FROM->TO:MODE, as in " + form + ".");
                }
                String from = lane.substring(0, arrow).strip();
                String rest = lane.substring(arrow + 2).strip();
                Optional<LaneMode> mode = Optional.empty();
                int colon = rest.lastIndexOf(':');
                if (colon >= 0) {
                    String word = rest.substring(colon + 1).strip();
                    try {
                        mode = Optional.of(LaneMode.valueOf(word.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw BadDecision.malformed("'" + text + "': '" + word + "' is not a lane mode: write road,"
                                + " rail, sea or air.");
                    }
                    rest = rest.substring(0, colon).strip();
                }
                return new LaneUse(
                        id(text, from, "lane's origin"),
                        id(text, rest, "lane's end"),
                        mode,
                        year(text, args.get(1)),
                        sourcing);
            }
            default ->
                throw BadDecision.malformed(
                        "'" + text + "': '" + m.group(1) + "' is not a kind of decision: write " + FORMS + ".");
        }
    }

    private static void arity(String text, String form, List<String> args, int n) {
        if (args.size() != n) {
            throw BadDecision.malformed("'" + text + "' needs " + n + " arguments: write " + form + ".");
        }
    }

    private static String id(String text, String id, String what) {
        if (id.isEmpty()) {
            throw BadDecision.malformed("'" + text + "': the " + what + " is missing.");
        }
        return id;
    }

    private static int year(String text, String year) {
        if (!year.matches("\\d{4}")) {
            throw BadDecision.malformed("'" + text + "': '" + year + "' is not a year; write it as 2027.");
        }
        return Integer.parseInt(year);
    }
}
