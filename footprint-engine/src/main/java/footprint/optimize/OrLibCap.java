package footprint.optimize;

import footprint.model.Country;
import footprint.model.Figure;
import footprint.model.Horizon;
import footprint.model.Lane;
import footprint.model.LaneMode;
import footprint.model.Market;
import footprint.model.Network;
import footprint.model.Objective;
import footprint.model.PerKey;
import footprint.model.Plant;
import footprint.model.Platform;
import footprint.model.Product;
import footprint.model.Series;
import footprint.model.YearRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Beasley's OR-Library capacitated warehouse location problems ({@code cap41} ... {@code capc}) as
 * Footprint networks: the classic special case of the cost mode, with one product and one year.
 *
 * <p>The format, whitespace-separated: {@code m n}; then for each warehouse its capacity (or the
 * word {@code capacity}, for capa/b/c, replaced by one value for every warehouse) and its fixed
 * cost; then for each customer its demand followed by the cost of serving ALL of its demand from
 * each warehouse. The network: warehouse i is plant {@code w<i>} (capacity, fixed cost while
 * running, nothing while idle or closed, no closure cost), customer j is market {@code c<j>} with
 * demand d_j and no lost-sale penalty (all demand is served), and the lane from w_i to c_j costs
 * c_ij / d_j per unit. Demand may split between warehouses, as in the published optima. The year
 * is 1988, the year of Beasley's paper; money has no currency (XXX).
 *
 * <p>Parsing only: reading the file is the caller's business.
 */
public final class OrLibCap {
    /** The single year of the network. */
    public static final int YEAR = 1988;

    private static final String COUNTRY = "XX";
    private static final String PRODUCT = "unit";

    private OrLibCap() {}

    /**
     * Parses an instance.
     *
     * @param name the instance's name (cap41, capa, ...), used as the network's name
     * @param capacity the capacity of every warehouse, required where the file says {@code capacity}
     *     and overriding the file's capacities where given
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static Network parse(String text, String name, OptionalDouble capacity) {
        String[] tokens = text.strip().split("\\s+");
        int[] at = {0};
        int m = (int) number(tokens, at, "the number of warehouses");
        int n = (int) number(tokens, at, "the number of customers");
        if (m <= 0 || n <= 0) {
            throw new IllegalArgumentException(name + ": " + m + " warehouses and " + n + " customers");
        }
        double[] cap = new double[m];
        double[] fixed = new double[m];
        for (int i = 0; i < m; i++) {
            if (at[0] < tokens.length && tokens[at[0]].equalsIgnoreCase("capacity")) {
                at[0]++;
                if (capacity.isEmpty()) {
                    throw new IllegalArgumentException(
                            name + " gives no capacities (the word 'capacity'): give one for every warehouse");
                }
                cap[i] = capacity.getAsDouble();
            } else {
                cap[i] = number(tokens, at, "the capacity of warehouse " + (i + 1));
                if (capacity.isPresent()) {
                    cap[i] = capacity.getAsDouble();
                }
            }
            fixed[i] = number(tokens, at, "the fixed cost of warehouse " + (i + 1));
        }
        double[] demand = new double[n];
        double[][] cost = new double[m][n];
        for (int j = 0; j < n; j++) {
            demand[j] = number(tokens, at, "the demand of customer " + (j + 1));
            for (int i = 0; i < m; i++) {
                cost[i][j] = number(tokens, at, "the cost of customer " + (j + 1) + " at warehouse " + (i + 1));
            }
            if (demand[j] <= 0) {
                throw new IllegalArgumentException(name + ": customer " + (j + 1) + " has no demand");
            }
        }
        if (at[0] != tokens.length) {
            throw new IllegalArgumentException(
                    name + ": " + (tokens.length - at[0]) + " numbers after the last customer");
        }
        return network(name, cap, fixed, demand, cost);
    }

    private static double number(String[] tokens, int[] at, String what) {
        if (at[0] >= tokens.length) {
            throw new IllegalArgumentException("the file ends before " + what);
        }
        String t = tokens[at[0]++];
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' is not a number (" + what + ")", e);
        }
    }

    private static Network network(String name, double[] cap, double[] fixed, double[] demand, double[][] cost) {
        List<Plant> plants = new ArrayList<>();
        for (int i = 0; i < cap.length; i++) {
            plants.add(new Plant(
                    warehouse(i),
                    "warehouse " + (i + 1),
                    COUNTRY,
                    Optional.empty(),
                    Optional.empty(),
                    Series.constant(cap[i]),
                    Map.of(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(Series.constant(fixed[i])),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    PerKey.empty(),
                    List.of(PRODUCT),
                    List.of(),
                    List.of()));
        }
        List<Market> markets = new ArrayList<>();
        List<Lane> lanes = new ArrayList<>();
        for (int j = 0; j < demand.length; j++) {
            Map<String, Series> d = new LinkedHashMap<>();
            d.put(PRODUCT, Series.constant(demand[j]));
            markets.add(new Market(
                    customer(j), "customer " + (j + 1), COUNTRY, Optional.empty(), d, List.of(), Optional.empty()));
        }
        for (int i = 0; i < cap.length; i++) {
            for (int j = 0; j < demand.length; j++) {
                lanes.add(new Lane(
                        warehouse(i),
                        customer(j),
                        LaneMode.ROAD,
                        Optional.of(Series.constant(cost[i][j] / demand[j])),
                        Optional.empty(),
                        YearRange.ALL));
            }
        }
        return new Network(
                name,
                String.format(
                        Locale.ROOT,
                        "OR-Library capacitated warehouse location problem %s: %d warehouses, %d customers.",
                        name,
                        cap.length,
                        demand.length),
                new Horizon(YEAR, YEAR),
                "XXX",
                Figure.of(0),
                Objective.COST,
                Map.of(),
                List.of(new Country(COUNTRY, "Beasley", COUNTRY, Optional.empty())),
                List.of(new Platform(PRODUCT, PRODUCT)),
                List.of(),
                plants,
                List.of(new Product(PRODUCT, PRODUCT, "-", "-", PRODUCT, Map.of(), PerKey.empty())),
                List.of(),
                markets,
                lanes,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    /** The plant id of warehouse i (0-based): w1, w2, ... */
    public static String warehouse(int i) {
        return "w" + (i + 1);
    }

    /** The market id of customer j (0-based): c1, c2, ... */
    public static String customer(int j) {
        return "c" + (j + 1);
    }
}
