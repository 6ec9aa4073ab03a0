package footprint.model;

import java.util.Objects;

/** A vehicle platform (architecture): a plant builds a product only where its platform is tooled. */
public record Platform(String id, String name) {
    public Platform {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
