package footprint.model;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The few unit conversions Footprint makes: energy (Wh, kWh, MWh, GWh, TWh), with an optional
 * "/year" or " a year" suffix. Other units are informative and never converted.
 */
public final class Units {
    private static final Map<String, Double> ENERGY_IN_KWH =
            Map.of("wh", 1e-3, "kwh", 1.0, "mwh", 1e3, "gwh", 1e6, "twh", 1e9);

    private Units() {}

    private static String base(String unit) {
        String u = unit.strip().toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {"/year", "/yr", "/a", " a year", " per year"}) {
            if (u.endsWith(suffix)) {
                u = u.substring(0, u.length() - suffix.length()).strip();
            }
        }
        return u;
    }

    /** Whether the unit is one of the energy units that convert. */
    public static boolean isEnergy(String unit) {
        return ENERGY_IN_KWH.containsKey(base(unit));
    }

    /**
     * The factor turning an amount in {@code from} into {@code to}: 1e6 from GWh to kWh. Empty when
     * one is an energy unit and the other is not. Units that are not energy convert with factor 1
     * (they are informative).
     */
    public static OptionalDouble factor(String from, String to) {
        boolean fromEnergy = isEnergy(from);
        boolean toEnergy = isEnergy(to);
        if (fromEnergy && toEnergy) {
            return OptionalDouble.of(ENERGY_IN_KWH.get(base(from)) / ENERGY_IN_KWH.get(base(to)));
        }
        if (fromEnergy != toEnergy) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(1.0);
    }
}
