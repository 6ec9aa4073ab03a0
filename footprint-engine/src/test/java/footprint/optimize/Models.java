package footprint.optimize;

import footprint.io.ModelRead;
import footprint.io.ModelReader;
import footprint.model.Network;
import java.util.stream.Collectors;

/** Small networks for tests, read from YAML text. */
final class Models {
    private Models() {}

    /** Reads a model; fails with every error if it has any. */
    static Network read(String yaml) {
        ModelRead read = ModelReader.read(yaml, "test.yaml");
        if (read.network().isEmpty()) {
            throw new AssertionError("the test model has errors:\n"
                    + read.errors().stream().map(Object::toString).collect(Collectors.joining("\n")) + "\n" + yaml);
        }
        return read.network().get();
    }
}
