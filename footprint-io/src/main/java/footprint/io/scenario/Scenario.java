package footprint.io.scenario;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A scenario: the model it extends (a model or another scenario) and the changes it makes, in
 * order.
 *
 * @param file the scenario's own file
 * @param base the file it extends, resolved against the scenario's folder
 */
public record Scenario(
        String file, String base, Optional<String> name, Optional<String> description, List<Change> changes) {
    public Scenario {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        changes = List.copyOf(changes);
    }
}
