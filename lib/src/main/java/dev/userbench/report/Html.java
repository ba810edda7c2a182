package dev.userbench.report;

/** Escaping for text put into HTML/SVG and for JavaScript put into a {@code <script>} element. */
final class Html {
    private Html() {
    }

    /** Escapes text for element content and quoted attribute values alike. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
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
     * Makes generated JavaScript safe to place inside a script element: the HTML parser ends a script at the first
     * {@code </script}, whatever JavaScript string it sits in, and {@code <!--} or {@code <script} change how it
     * looks for that end, so data such as a category named {@code "</script><script>..."} could break out. These
     * sequences only occur inside string literals of our scripts, where {@code \x3C} and {@code <\/} mean the same.
     */
    static String scriptSafe(String javascript) {
        return javascript.replaceAll("(?i)<(/?script|!--)", "\\\\x3C$1").replace("</", "<\\/");
    }

    /**
     * The same protection for a third-party bundle, touching only {@code </script} (case-insensitively), so code
     * outside string literals is never rewritten.
     */
    static String bundleSafe(String javascript) {
        return javascript.replaceAll("(?i)</(script)", "<\\\\/$1");
    }
}
