package dev.userbench.schema;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JDBC URLs as they may be shown: with every password replaced by {@code ***}. */
public final class JdbcUrls {

    public static final String MASK = "***";

    /** {@code password=...} or {@code pwd=...} in a query string or in ;key=value pairs. */
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;](?:password|pwd|sslpassword)=)([^&;]*)");
    /** {@code //user:secret@host} */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?;&]*:)([^@/]*)(@)");

    private JdbcUrls() {
    }

    public static String mask(String url) {
        if (url == null) {
            return "";
        }
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return USER_INFO.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + m.group(3)));
    }
}
