package footprint.model.check;

import java.util.Objects;

/**
 * Where in a file a problem is: line and column (both from 1), or for a workbook, the sheet and
 * cell given in {@code place}.
 */
public record Location(String file, int line, int column) {
    public Location {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return file + ":" + line + (column > 0 ? ":" + column : "");
    }
}
