package footprint.bench;

import footprint.model.Network;
import footprint.optimize.OrLibCap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Reads a file in Beasley's OR-Library {@code cap} format (see {@link OrLibCap}) and checks its
 * structure token by token first, so that a malformed file is reported with the line and column of
 * the first thing wrong and what was expected there.
 */
public final class OrLibCapFile {
    /** A malformed file: where and what. */
    public static final class Malformed extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String file;
        private final int line;
        private final int column;

        Malformed(String file, int line, int column, String message) {
            super(message);
            this.file = file;
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        /** {@code file:line:column: message}, as compilers and the model reader print problems. */
        public String located() {
            return file + ":" + line + ":" + column + ": " + getMessage();
        }
    }

    private record Token(String text, int line, int column) {}

    private OrLibCapFile() {}

    /**
     * Reads an instance; its name is the file name without {@code .txt}.
     *
     * @param capacity every warehouse's capacity: required where the file says {@code capacity}
     *     (capa, capb, capc), and replacing the file's capacities where given
     * @throws Malformed with the line and column of the first problem
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Network read(Path file, OptionalDouble capacity) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String name = file.getFileName().toString().replaceFirst("(?i)\\.txt$", "");
        return parse(text, file.toString(), name, capacity);
    }

    /** Parses the text of an instance ({@code where} names it in messages). */
    public static Network parse(String text, String where, String name, OptionalDouble capacity) {
        List<Token> tokens = tokens(text);
        new Check(tokens, where, capacity, text).run();
        return OrLibCap.parse(text, name, capacity);
    }

    private static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int column = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                i++;
            } else if (Character.isWhitespace(c)) {
                column++;
                i++;
            } else {
                int startColumn = column;
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                    column++;
                }
                out.add(new Token(text.substring(start, i), line, startColumn));
            }
        }
        return out;
    }

    /** Walks the expected structure over the tokens. */
    private static final class Check {
        final List<Token> tokens;
        final String where;
        final OptionalDouble capacity;
        final int lastLine;
        int at;

        Check(List<Token> tokens, String where, OptionalDouble capacity, String text) {
            this.tokens = tokens;
            this.where = where;
            this.capacity = capacity;
            this.lastLine = (int) text.chars().filter(ch -> ch == '\n').count() + 1;
        }

        void run() {
            int m = count("the number of warehouses (m, the first number of the file)");
            int n = count("the number of customers (n, after m)");
            for (int i = 1; i <= m; i++) {
                Token t = next("the capacity of warehouse " + i + " (a number, or the word 'capacity')");
                if (t.text().equalsIgnoreCase("capacity")) {
                    if (capacity.isEmpty()) {
                        throw error(
                                t,
                                "warehouse " + i + "'s capacity is the word 'capacity' (as in capa, capb, capc):"
                                        + " give every warehouse's capacity with --capacity C");
                    }
                } else {
                    positive(t, "the capacity of warehouse " + i);
                }
                nonNegative(next("the fixed cost of warehouse " + i), "the fixed cost of warehouse " + i);
            }
            for (int j = 1; j <= n; j++) {
                positive(
                        next("the demand of customer " + j + " (after the " + m + " warehouses' capacities and costs)"),
                        "the demand of customer " + j);
                for (int i = 1; i <= m; i++) {
                    nonNegative(
                            next("the cost of serving customer " + j + " from warehouse " + i),
                            "the cost of serving customer " + j + " from warehouse " + i);
                }
            }
            if (at < tokens.size()) {
                Token t = tokens.get(at);
                throw error(
                        t,
                        "'" + t.text() + "' after the last customer: the file has " + (tokens.size() - at)
                                + " numbers more than " + m + " warehouses and " + n + " customers need");
            }
        }

        Token next(String what) {
            if (at >= tokens.size()) {
                throw new Malformed(where, lastLine, 1, "the file ends before " + what);
            }
            return tokens.get(at++);
        }

        int count(String what) {
            Token t = next(what);
            double v = number(t, what);
            if (v < 1 || v != Math.rint(v) || v > 1e7) {
                throw error(t, what + " must be a whole number of 1 or more, not " + t.text());
            }
            return (int) v;
        }

        void positive(Token t, String what) {
            if (!(number(t, what) > 0)) {
                throw error(t, what + " must be above 0, not " + t.text());
            }
        }

        void nonNegative(Token t, String what) {
            if (!(number(t, what) >= 0)) {
                throw error(t, what + " must be 0 or more, not " + t.text());
            }
        }

        double number(Token t, String what) {
            try {
                double v = Double.parseDouble(t.text());
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error(t, "'" + t.text() + "' is not a number; expected " + what);
        }

        Malformed error(Token t, String message) {
            return new Malformed(where, t.line(), t.column(), message);
        }
    }
}
