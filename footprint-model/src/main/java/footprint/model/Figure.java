package footprint.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A number as a planner wrote it: its quantity (point, range or distribution), where it comes
 * from, and its unit if one was given.
 */
public record Figure(Quantity quantity, Optional<Source> source, Optional<String> unit) {
    public Figure {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(unit, "unit");
    }

    /** An exact number with no source. */
    public static Figure of(double value) {
        return new Figure(Quantity.point(value), Optional.empty(), Optional.empty());
    }

    /** An exact number with its source. */
    public static Figure of(double value, String source) {
        return new Figure(Quantity.point(value), Optional.of(new Source(source)), Optional.empty());
    }

    public static Figure of(Quantity quantity) {
        return new Figure(quantity, Optional.empty(), Optional.empty());
    }

    /** The value the optimiser uses (see {@link Quantity#nominal()}). */
    public double nominal() {
        return quantity.nominal();
    }

    public boolean isAssumption() {
        return source.map(Source::isAssumption).orElse(false);
    }

    public Figure withSource(Optional<Source> newSource) {
        return new Figure(quantity, newSource, unit);
    }

    public Figure withUnit(Optional<String> newUnit) {
        return new Figure(quantity, source, newUnit);
    }

    public Figure withQuantity(Quantity newQuantity) {
        return new Figure(newQuantity, source, unit);
    }
}
