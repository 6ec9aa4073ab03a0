package footprint.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The size of a free-format MPS file, counted from the file itself (so that a reference solver's
 * row in the table says what it read): columns, integer columns (between INTORG and INTEND
 * markers, as OR-Tools writes them), rows (the objective row apart), nonzeros (objective
 * coefficients apart), and whether OBJSENSE says MAX.
 */
public record MpsStats(int columns, int integers, int rows, long nonzeros, boolean maximise) {

    /** Reads a file written by OR-Tools' MPS exporter (free format, integer markers). */
    public static MpsStats of(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String section = "";
            String objective = null;
            boolean maximise = false;
            boolean integer = false;
            int rows = 0;
            long nonzeros = 0;
            int columns = 0;
            int integers = 0;
            String column = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty() || line.charAt(0) == '*') {
                    continue;
                }
                if (!Character.isWhitespace(line.charAt(0))) {
                    String[] words = line.strip().split("\\s+");
                    section = words[0];
                    maximise |= section.equals("OBJSENSE") && words.length > 1 && words[1].startsWith("MAX");
                    continue;
                }
                String[] f = line.strip().split("\\s+");
                switch (section) {
                    case "OBJSENSE" -> maximise |= f[0].equalsIgnoreCase("MAX") || f[0].equalsIgnoreCase("MAXIMIZE");
                    case "ROWS" -> {
                        if (f[0].equals("N")) {
                            if (objective == null) {
                                objective = f[1];
                            }
                        } else {
                            rows++;
                        }
                    }
                    case "COLUMNS" -> {
                        if (f.length >= 3 && f[1].equals("'MARKER'")) {
                            integer = f[2].equals("'INTORG'");
                            continue;
                        }
                        if (!f[0].equals(column)) {
                            // a column's entries are contiguous in MPS
                            column = f[0];
                            columns++;
                            integers += integer ? 1 : 0;
                        }
                        for (int i = 1; i + 1 < f.length; i += 2) {
                            if (!f[i].equals(objective)) {
                                nonzeros++;
                            }
                        }
                    }
                    default -> {
                        // NAME, RHS, RANGES, BOUNDS, ENDATA: nothing to count
                    }
                }
            }
            return new MpsStats(columns, integers, rows, nonzeros, maximise);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
