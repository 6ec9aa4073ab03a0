package footprint.model.check;

import java.util.Locale;

/**
 * Text from a user's file made safe to print on one terminal line: characters that would move the
 * cursor, colour the terminal, reverse the reading direction or break the line are shown escaped
 * (the escape character as backslash-u001b, a line break as backslash-n), and a long value is cut with an ellipsis and its length. Every
 * {@link Problem} passes its message and field through here when it is made, so no reader or check
 * can echo a hostile value raw.
 */
public final class SafeText {
    /** A quoted value longer than this (in characters) is cut. */
    public static final int MAX_QUOTED = 60;

    /** A run of text without a space longer than this is cut (an id or path is far shorter). */
    public static final int MAX_RUN = 120;

    /** A whole message longer than this is cut. */
    public static final int MAX_MESSAGE = 2_000;

    private static final String ELLIPSIS = "\u2026";

    private SafeText() {}

    /**
     * The text with every control character (C0, DEL, C1), invisible format character (the
     * bidirectional overrides and isolates, zero-width characters, the byte order mark), line and
     * paragraph separator and lone surrogate written as an escape: {@code \n}, {@code \r}, {@code \t},
     * else backslash-u and four hex digits.
     */
    public static String escape(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                int cp = text.codePointAt(i);
                if (unsafe(cp)) {
                    b = started(b, text, i);
                    b.append(String.format(Locale.ROOT, "\\U%08x", cp));
                } else if (b != null) {
                    b.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (unsafe(c) || Character.isSurrogate(c)) {
                b = started(b, text, i);
                b.append(escaped(c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }

    private static StringBuilder started(StringBuilder b, String text, int upTo) {
        return b != null ? b : new StringBuilder(text.length() + 16).append(text, 0, upTo);
    }

    private static String escaped(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                return String.format(Locale.ROOT, "\\u%04x", (int) c);
        }
    }

    /** Whether a code point may not be printed as it is. */
    static boolean unsafe(int cp) {
        if (Character.isISOControl(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }

    /**
     * A value for a message, in single quotes, escaped and cut to {@link #MAX_QUOTED} characters:
     * an escape character shown as backslash-u001b, and a whole file as {@code 'OR-Library capacitated…' (12,044 characters)}.
     */
    public static String quote(String value) {
        return "'" + quotedContent(value, escape(value)) + "'" + lengthNote(value, escape(value));
    }

    /**
     * A problem's message made safe: values in quotes ({@code '...'} or {@code "..."}) longer than
     * {@link #MAX_QUOTED} characters are cut and their length given, any other run of text without a
     * space longer than {@link #MAX_RUN} is cut in its middle, the whole is at most {@link
     * #MAX_MESSAGE} characters, and nothing unsafe is left unescaped.
     */
    public static String message(String text) {
        int n = text.length();
        int[] nextSingle = closings(text, '\'');
        int[] nextDouble = closings(text, '"');
        StringBuilder out = new StringBuilder(Math.min(n, MAX_MESSAGE) + 64);
        int i = 0;
        int plainFrom = 0;
        while (i < n && out.length() <= MAX_MESSAGE + 64) {
            char c = text.charAt(i);
            int close = -1;
            if ((c == '\'' || c == '"') && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                close = (c == '\'' ? nextSingle : nextDouble)[i + 1];
            }
            if (close < 0) {
                i++;
                continue;
            }
            out.append(shortenRuns(escape(text.substring(plainFrom, i))));
            String inside = text.substring(i + 1, close);
            String escaped = escape(inside);
            out.append(c).append(quotedContent(inside, escaped)).append(c).append(lengthNote(inside, escaped));
            i = close + 1;
            plainFrom = i;
        }
        if (plainFrom < i) {
            out.append(shortenRuns(escape(text.substring(plainFrom, Math.min(i, n)))));
        }
        return capped(out.toString(), text.codePointCount(0, n), i < n);
    }

    /** A field path made safe: escaped, and an overlong id in it cut in its middle. */
    public static String field(String path) {
        String safe = shortenRuns(escape(path));
        return safe.length() <= MAX_MESSAGE ? safe : cutAt(safe, MAX_MESSAGE - 80) + ELLIPSIS;
    }

    /**
     * For each place in the text, where the next quote {@code q} that closes a value is (one not
     * followed by a letter or digit), or -1; computed once, so scanning stays linear.
     */
    private static int[] closings(String text, char q) {
        int[] next = new int[text.length() + 2];
        int found = -1;
        next[text.length() + 1] = -1;
        next[text.length()] = -1;
        for (int j = text.length() - 1; j >= 0; j--) {
            if (text.charAt(j) == q && (j + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(j + 1)))) {
                found = j;
            }
            next[j] = found;
        }
        return next;
    }

    private static String quotedContent(String raw, String escaped) {
        return escaped.length() <= MAX_QUOTED ? escaped : cutAt(escaped, MAX_QUOTED - 10) + ELLIPSIS;
    }

    private static String lengthNote(String raw, String escaped) {
        if (escaped.length() <= MAX_QUOTED) {
            return "";
        }
        return String.format(Locale.ROOT, " (%,d characters)", raw.codePointCount(0, raw.length()));
    }

    /** Every run of (escaped) text without white space longer than {@link #MAX_RUN}, cut in its middle. */
    private static String shortenRuns(String text) {
        if (text.length() <= MAX_RUN) {
            return text;
        }
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            boolean space = Character.isWhitespace(text.charAt(i));
            while (i < text.length() && Character.isWhitespace(text.charAt(i)) == space) {
                i++;
            }
            if (i - start <= MAX_RUN) {
                b.append(text, start, i);
            } else if (space) {
                b.append(' ');
            } else {
                String run = text.substring(start, i);
                b.append(cutAt(run, MAX_RUN / 2))
                        .append(ELLIPSIS)
                        .append(run, tailFrom(run, MAX_RUN / 6), run.length());
            }
        }
        return b.toString();
    }

    /** The first {@code keep} characters of escaped text, never ending inside an escape or a surrogate pair. */
    private static String cutAt(String escaped, int keep) {
        int at = Math.min(keep, escaped.length());
        int slash = escaped.lastIndexOf('\\', at - 1);
        if (slash >= 0 && slash + escapeLength(escaped, slash) > at) {
            at = slash;
        }
        if (at > 0 && Character.isHighSurrogate(escaped.charAt(at - 1))) {
            at--;
        }
        return escaped.substring(0, at);
    }

    /** Where the last {@code keep} characters of escaped text start, never inside an escape or a pair. */
    private static int tailFrom(String escaped, int keep) {
        int from = escaped.length() - keep;
        int slash = escaped.lastIndexOf('\\', from - 1);
        if (slash >= 0 && slash + escapeLength(escaped, slash) > from) {
            from = slash;
        }
        if (Character.isLowSurrogate(escaped.charAt(from))) {
            from--;
        }
        return from;
    }

    private static int escapeLength(String text, int slash) {
        if (slash + 1 >= text.length()) {
            return 1;
        }
        switch (text.charAt(slash + 1)) {
            case 'u':
                return 6;
            case 'U':
                return 10;
            default:
                return 2;
        }
    }

    /** The message cut to {@link #MAX_MESSAGE} characters, never inside an escape. */
    private static String capped(String text, int originalLength, boolean stoppedEarly) {
        if (text.length() <= MAX_MESSAGE && !stoppedEarly) {
            return text;
        }
        return cutAt(text, MAX_MESSAGE - 80)
                + ELLIPSIS
                + String.format(Locale.ROOT, " (message cut; %,d characters in all)", originalLength);
    }
}
