package footprint.model.check;

import java.util.Objects;
import java.util.Optional;

/**
 * Where in a file a problem is: line and column (both from 1; 0 when unknown) of a text file, or
 * the sheet, row and column of a workbook.
 */
public record Location(String file, Optional<String> sheet, int line, int column) {
    public Location {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sheet, "sheet");
    }

    /** A place in a text file. */
    public Location(String file, int line, int column) {
        this(file, Optional.empty(), line, column);
    }

    /** A cell of a workbook: row and column from 1. */
    public static Location cell(String file, String sheet, int row, int column) {
        return new Location(file, Optional.of(sheet), row, column);
    }

    /** The column letters of a workbook column: 1 is A, 27 is AA. */
    public static String columnLetters(int column) {
        StringBuilder b = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) {
            b.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return b.toString();
    }

    /** {@code model.yaml:12:5}, or {@code model.xlsx, sheet plants, cell C4}. */
    @Override
    public String toString() {
        if (sheet.isPresent()) {
            String where = file + ", sheet " + sheet.get();
            return line <= 0 ? where : where + ", cell " + (column > 0 ? columnLetters(column) : "row ") + line;
        }
        if (line <= 0) {
            return file;
        }
        return file + ":" + line + (column > 0 ? ":" + column : "");
    }
}
