package footprint.model;

import java.util.Objects;

/** A kind of component a vehicle consumes (an engine, a gearbox, battery energy), counted in its unit. */
public record Component(String id, String name, String unit) {
    public Component {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
    }
}
