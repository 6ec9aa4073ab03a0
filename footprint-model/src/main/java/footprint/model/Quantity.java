package footprint.model;

import java.util.OptionalDouble;
import java.util.random.RandomGenerator;

/**
 * An uncertain number: a point, a range or a distribution.
 *
 * <p>Every quantity has one {@linkplain #nominal() nominal value}, the number the optimiser uses:
 * the stated mode where there is one, else the midpoint of the low and high bounds, else the mean
 * of the distribution. Risk analysis draws from {@link #sample(RandomGenerator)} instead.
 */
public sealed interface Quantity
        permits Quantity.Point,
                Quantity.Range,
                Quantity.Triangular,
                Quantity.Uniform,
                Quantity.Normal,
                Quantity.LogNormal {

    /** The value the optimiser uses: the mode, else the midpoint, else the mean. */
    double nominal();

    /** The smallest value a draw can take ({@code -infinity} if unbounded). */
    double min();

    /** The largest value a draw can take ({@code +infinity} if unbounded). */
    double max();

    /** One independent draw. */
    double sample(RandomGenerator random);

    /** The form's name as written in a model file: point, range, triangular, uniform, normal, lognormal. */
    String form();

    /** Whether this quantity carries any uncertainty. */
    default boolean isUncertain() {
        return !(this instanceof Point);
    }

    /** This quantity with every value multiplied by a positive factor (used for unit conversion). */
    Quantity scaled(double factor);

    static Point point(double value) {
        return new Point(value);
    }

    /** A number in a message: whole numbers without a decimal point. */
    private static String show(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, not " + show(value));
        }
        return value;
    }

    /** An exact number. */
    record Point(double value) implements Quantity {
        public Point {
            finite(value, "value");
        }

        @Override
        public double nominal() {
            return value;
        }

        @Override
        public double min() {
            return value;
        }

        @Override
        public double max() {
            return value;
        }

        @Override
        public double sample(RandomGenerator random) {
            return value;
        }

        @Override
        public String form() {
            return "point";
        }

        @Override
        public Point scaled(double factor) {
            return new Point(value * factor);
        }
    }

    /**
     * A value known only to lie between two bounds, with an optional most likely value. Nominal:
     * the mode if given, else the midpoint. Sampled: triangular when a mode is given, else uniform.
     */
    record Range(double low, double high, OptionalDouble mode) implements Quantity {
        public Range {
            finite(low, "low");
            finite(high, "high");
            if (low > high) {
                throw new IllegalArgumentException("low " + show(low) + " is above high " + show(high));
            }
            if (mode.isPresent() && (mode.getAsDouble() < low || mode.getAsDouble() > high)) {
                throw new IllegalArgumentException(
                        "mode " + show(mode.getAsDouble()) + " is outside [" + show(low) + ", " + show(high) + "]");
            }
        }

        public static Range of(double low, double high) {
            return new Range(low, high, OptionalDouble.empty());
        }

        @Override
        public double nominal() {
            return mode.orElse((low + high) / 2);
        }

        @Override
        public double min() {
            return low;
        }

        @Override
        public double max() {
            return high;
        }

        @Override
        public double sample(RandomGenerator random) {
            return mode.isPresent()
                    ? Triangular.draw(low, mode.getAsDouble(), high, random)
                    : low + (high - low) * random.nextDouble();
        }

        @Override
        public String form() {
            return "range";
        }

        @Override
        public Range scaled(double factor) {
            return new Range(
                    low * factor,
                    high * factor,
                    mode.isPresent() ? OptionalDouble.of(mode.getAsDouble() * factor) : mode);
        }
    }

    /** A triangular distribution; nominal is its mode. */
    record Triangular(double low, double mode, double high) implements Quantity {
        public Triangular {
            finite(low, "low");
            finite(mode, "mode");
            finite(high, "high");
            if (!(low <= mode && mode <= high)) {
                throw new IllegalArgumentException("triangular needs low <= mode <= high, not " + show(low) + ", "
                        + show(mode) + ", " + show(high));
            }
        }

        static double draw(double low, double mode, double high, RandomGenerator random) {
            double u = random.nextDouble();
            double width = high - low;
            if (width == 0) {
                return low;
            }
            double cut = (mode - low) / width;
            return u < cut
                    ? low + Math.sqrt(u * width * (mode - low))
                    : high - Math.sqrt((1 - u) * width * (high - mode));
        }

        @Override
        public double nominal() {
            return mode;
        }

        @Override
        public double min() {
            return low;
        }

        @Override
        public double max() {
            return high;
        }

        @Override
        public double sample(RandomGenerator random) {
            return draw(low, mode, high, random);
        }

        @Override
        public String form() {
            return "triangular";
        }

        @Override
        public Triangular scaled(double factor) {
            return new Triangular(low * factor, mode * factor, high * factor);
        }
    }

    /** A uniform distribution; nominal is its midpoint. */
    record Uniform(double low, double high) implements Quantity {
        public Uniform {
            finite(low, "low");
            finite(high, "high");
            if (low > high) {
                throw new IllegalArgumentException("low " + show(low) + " is above high " + show(high));
            }
        }

        @Override
        public double nominal() {
            return (low + high) / 2;
        }

        @Override
        public double min() {
            return low;
        }

        @Override
        public double max() {
            return high;
        }

        @Override
        public double sample(RandomGenerator random) {
            return low + (high - low) * random.nextDouble();
        }

        @Override
        public String form() {
            return "uniform";
        }

        @Override
        public Uniform scaled(double factor) {
            return new Uniform(low * factor, high * factor);
        }
    }

    /** A normal distribution given by its mean and standard deviation; nominal is the mean. */
    record Normal(double mean, double sd) implements Quantity {
        public Normal {
            finite(mean, "mean");
            finite(sd, "sd");
            if (sd < 0) {
                throw new IllegalArgumentException("sd must not be negative, not " + show(sd));
            }
        }

        @Override
        public double nominal() {
            return mean;
        }

        @Override
        public double min() {
            return sd == 0 ? mean : Double.NEGATIVE_INFINITY;
        }

        @Override
        public double max() {
            return sd == 0 ? mean : Double.POSITIVE_INFINITY;
        }

        @Override
        public double sample(RandomGenerator random) {
            return mean + sd * random.nextGaussian();
        }

        @Override
        public String form() {
            return "normal";
        }

        @Override
        public Normal scaled(double factor) {
            return new Normal(mean * factor, sd * factor);
        }
    }

    /**
     * A lognormal distribution given by the mean and standard deviation of the value itself (not of
     * its logarithm), so that a planner writes it in the field's own unit; nominal is the mean.
     */
    record LogNormal(double mean, double sd) implements Quantity {
        public LogNormal {
            finite(mean, "mean");
            finite(sd, "sd");
            if (mean <= 0) {
                throw new IllegalArgumentException("a lognormal mean must be above zero, not " + show(mean));
            }
            if (sd < 0) {
                throw new IllegalArgumentException("sd must not be negative, not " + show(sd));
            }
        }

        /** The standard deviation of the logarithm. */
        public double sigma() {
            return Math.sqrt(Math.log1p((sd * sd) / (mean * mean)));
        }

        /** The mean of the logarithm. */
        public double mu() {
            double s = sigma();
            return Math.log(mean) - s * s / 2;
        }

        @Override
        public double nominal() {
            return mean;
        }

        @Override
        public double min() {
            return sd == 0 ? mean : 0;
        }

        @Override
        public double max() {
            return sd == 0 ? mean : Double.POSITIVE_INFINITY;
        }

        @Override
        public double sample(RandomGenerator random) {
            return Math.exp(mu() + sigma() * random.nextGaussian());
        }

        @Override
        public String form() {
            return "lognormal";
        }

        @Override
        public LogNormal scaled(double factor) {
            return new LogNormal(mean * factor, sd * factor);
        }
    }
}
