package footprint.report.html;

/** Escaping of text from user files into HTML and into inline script data. */
final class Html {
    private Html() {}

    /** Text for an element's content or a quoted attribute value. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * JSON made safe to sit inside a {@code <script>} element: no {@code <}, {@code >} or {@code &}
     * (so no {@code </script>} or {@code <!--}) and no line separators U+2028 / U+2029.
     */
    static String scriptSafeJson(String json) {
        return json.replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
    }
}
