package footprint.report.trace;

import footprint.model.Figure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Values figures at their nominal value (one of them, optionally, at another value) and remembers,
 * in order, every figure it was asked for: what a computation used.
 */
final class Recorder implements ToDoubleFunction<Figure> {
    private final Set<Figure> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Figure> used = new ArrayList<>();
    private final Figure override;
    private final double overrideValue;

    Recorder() {
        this(null, Double.NaN);
    }

    private Recorder(Figure override, double overrideValue) {
        this.override = override;
        this.overrideValue = overrideValue;
    }

    /** A recorder that values {@code figure} at {@code value} and every other figure at its nominal. */
    static Recorder with(Figure figure, double value) {
        return new Recorder(figure, value);
    }

    @Override
    public double applyAsDouble(Figure f) {
        if (seen.add(f)) {
            used.add(f);
        }
        return f == override ? overrideValue : f.nominal();
    }

    /** The figures asked for, first use first. */
    List<Figure> used() {
        return List.copyOf(used);
    }
}
