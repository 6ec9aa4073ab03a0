package footprint.cli;

import footprint.io.ModelWriter;
import footprint.model.Network;
import java.nio.file.Path;
import java.util.Locale;

/** A model as the text of the file it is written to: JSON for a {@code .json} name, else YAML. */
final class ModelText {
    private ModelText() {}

    static String of(Network network, Path file) {
        Path name = file.getFileName();
        boolean json = name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".json");
        return json ? ModelWriter.toJson(network) : ModelWriter.toYaml(network);
    }
}
