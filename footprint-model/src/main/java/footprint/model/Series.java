package footprint.model;

import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * A number that may change from year to year. Three forms, which may be combined:
 *
 * <ul>
 *   <li><b>constant</b>: one figure for every year;
 *   <li><b>by year, step</b>: figures at anchor years, each holding until the next anchor (and the
 *       first one also holding before it);
 *   <li><b>by year, linear</b>: figures at anchor years, linearly interpolated between them and
 *       held flat outside them;
 *   <li>either by-year form may end with a <b>growth rate from a year on</b>: from year {@code g},
 *       the value grows by the rate each year from its value in {@code g - 1}.
 * </ul>
 *
 * The value in a year is computed from the figures' values, so the same series gives the nominal
 * plan (each figure at its nominal value) and a sampled future (each figure drawn).
 */
public sealed interface Series permits Series.Constant, Series.ByYear {

    /** The value in a year, with each figure valued by {@code valueOf}. */
    double valueAt(int year, ToDoubleFunction<Figure> valueOf);

    /** The nominal value in a year: every figure at its nominal value. */
    default double nominal(int year) {
        return valueAt(year, Figure::nominal);
    }

    /** Every figure this series is made of, anchors first, then a growth rate. */
    List<Figure> figures();

    /** Whether the value can differ between years. */
    boolean variesByYear();

    /** This series with every value multiplied by a factor (the growth rate is kept). */
    Series scaled(double factor);

    static Series constant(double value) {
        return new Constant(Figure.of(value));
    }

    static Series constant(Figure figure) {
        return new Constant(figure);
    }

    /** How values between anchor years are found. */
    enum Interpolation {
        /** Each anchor's value holds until the next anchor. */
        STEP,
        /** Straight lines between anchors. */
        LINEAR
    }

    /** Growth by a rate each year, from a year on. */
    record Growth(Figure rate, int fromYear) {
        public Growth {
            Objects.requireNonNull(rate, "rate");
        }
    }

    /** The same figure every year. */
    record Constant(Figure figure) implements Series {
        public Constant {
            Objects.requireNonNull(figure, "figure");
        }

        @Override
        public double valueAt(int year, ToDoubleFunction<Figure> valueOf) {
            return valueOf.applyAsDouble(figure);
        }

        @Override
        public List<Figure> figures() {
            return List.of(figure);
        }

        @Override
        public boolean variesByYear() {
            return false;
        }

        @Override
        public Series scaled(double factor) {
            return new Constant(figure.withQuantity(figure.quantity().scaled(factor)));
        }
    }

    /** Figures at anchor years, interpolated, optionally growing from a year on. */
    record ByYear(NavigableMap<Integer, Figure> anchors, Interpolation interpolation, Optional<Growth> growth)
            implements Series {
        public ByYear {
            if (anchors.isEmpty()) {
                throw new IllegalArgumentException("a series by year needs at least one year");
            }
            Objects.requireNonNull(interpolation, "interpolation");
            Objects.requireNonNull(growth, "growth");
            anchors = Collections.unmodifiableNavigableMap(new TreeMap<>(anchors));
            if (growth.isPresent() && anchors.lastKey() >= growth.get().fromYear()) {
                throw new IllegalArgumentException("the year " + anchors.lastKey() + " is given after growth starts in "
                        + growth.get().fromYear());
            }
        }

        @Override
        public double valueAt(int year, ToDoubleFunction<Figure> valueOf) {
            if (growth.isPresent() && year >= growth.get().fromYear()) {
                int base = growth.get().fromYear() - 1;
                double rate = valueOf.applyAsDouble(growth.get().rate());
                return anchored(base, valueOf) * Math.pow(1 + rate, year - base);
            }
            return anchored(year, valueOf);
        }

        private double anchored(int year, ToDoubleFunction<Figure> valueOf) {
            var below = anchors.floorEntry(year);
            var above = anchors.ceilingEntry(year);
            if (below == null) {
                return valueOf.applyAsDouble(above.getValue());
            }
            if (above == null
                    || interpolation == Interpolation.STEP
                    || below.getKey().equals(above.getKey())) {
                return valueOf.applyAsDouble(below.getValue());
            }
            double a = valueOf.applyAsDouble(below.getValue());
            double b = valueOf.applyAsDouble(above.getValue());
            double w = (double) (year - below.getKey()) / (above.getKey() - below.getKey());
            return a + w * (b - a);
        }

        @Override
        public List<Figure> figures() {
            return Stream.concat(anchors.values().stream(), growth.map(Growth::rate).stream())
                    .toList();
        }

        @Override
        public boolean variesByYear() {
            return anchors.size() > 1 || growth.isPresent();
        }

        @Override
        public Series scaled(double factor) {
            var scaled = new TreeMap<Integer, Figure>();
            anchors.forEach((y, f) -> scaled.put(y, f.withQuantity(f.quantity().scaled(factor))));
            return new ByYear(scaled, interpolation, growth);
        }
    }
}
