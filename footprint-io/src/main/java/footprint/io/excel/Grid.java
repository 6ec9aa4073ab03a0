package footprint.io.excel;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/** The cells of one sheet that hold something, by row and column (both from 1). */
final class Grid {
    /** One cell: its text as typed (a number as the shortest text that reads back exactly). */
    record Cell(int row, int column, String text, boolean number) {
        Cell {
            Objects.requireNonNull(text, "text");
        }
    }

    private final String name;
    private final NavigableMap<Integer, NavigableMap<Integer, Cell>> rows = new TreeMap<>();

    Grid(String name) {
        this.name = name;
    }

    /** The sheet's name as the workbook spells it. */
    String name() {
        return name;
    }

    void put(Cell cell) {
        rows.computeIfAbsent(cell.row(), r -> new TreeMap<>()).put(cell.column(), cell);
    }

    /** Rows in order, each a map of column to cell. */
    NavigableMap<Integer, NavigableMap<Integer, Cell>> rows() {
        return Collections.unmodifiableNavigableMap(rows);
    }

    /**
     * A number as text that reads back to the same double: whole numbers without a decimal point,
     * others in Java's shortest form ({@code 0.0115}, {@code 1.5E-7}).
     */
    static String numberText(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
