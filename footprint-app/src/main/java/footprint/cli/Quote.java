package footprint.cli;

/**
 * A user's string (a file name, an id, a word given on the command line) made safe to print in
 * the command line's own messages: control characters (an escape sequence would recolour the
 * terminal), line breaks and invisible formatting characters (a right-to-left override would
 * reorder the message) are shown as visible escapes ({@code \e}, {@code \n}, {@code \u202E}), a long
 * value is cut with an ellipsis, and a value with spaces or escapes is put in single quotes so that
 * it reads as one thing.
 */
final class Quote {
    /** The longest value shown whole, in characters; a longer one shows its first {@link #SHOWN}. */
    static final int LONGEST = 200;

    /** Characters of a long value shown before the ellipsis. */
    static final int SHOWN = 120;

    private Quote() {}

    /** The value escaped, cut and, where it needs them, quoted: {@code plan.json}, {@code 'my plan.json'}. */
    static String of(Object value) {
        String s = String.valueOf(value);
        String shown = escape(s, true);
        return plain(s) && shown.equals(s) ? s : "'" + shown + "'";
    }

    /**
     * A whole message whose parts were not quoted where it was made (a library's message that
     * embeds the user's word): control and formatting characters escaped, nothing cut.
     */
    static String text(String message) {
        return escape(message, false);
    }

    private static boolean plain(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "._/-+~@%:,=()[]>".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String escape(String s, boolean cut) {
        int length = s.codePointCount(0, s.length());
        int keep = cut && length > LONGEST ? SHOWN : length;
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < s.length() && shown < keep; shown++) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            b.append(visible(c));
        }
        if (keep < length) {
            b.append("… (")
                    .append(String.format(java.util.Locale.ROOT, "%,d", length))
                    .append(" characters)");
        }
        return b.toString();
    }

    /** One character as it is shown: itself, or an escape when it would act rather than show. */
    static String visible(int c) {
        String named = switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 0x1b -> "\\e";
            default -> "";
        };
        if (!named.isEmpty()) {
            return named;
        }
        int type = Character.getType(c);
        boolean hidden = type == Character.CONTROL
                || type == Character.FORMAT // bidi overrides and isolates, zero-width characters
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE // a lone half of a pair
                || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE;
        if (!hidden) {
            return new String(Character.toChars(c));
        }
        return c <= 0xff
                ? String.format(java.util.Locale.ROOT, "\\x%02x", c)
                : String.format(java.util.Locale.ROOT, "\\u%04X", c);
    }
}
