package dev.userbench.schema;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JDBC URLs as they may be shown: with every password replaced by {@code ***}. Also removes a known
 * password from any text, because drivers like to quote the URL or the login back in their messages.
 */
public final class JdbcUrls {

    public static final String MASK = "***";

    /**
     * A password-like parameter in a query string, in ;key=value pairs, or in MySQL's
     * {@code address=(host=h)(password=p)} form: any key ending in password, pwd or secret
     * (password, sslpassword, trustCertificateKeyStorePassword, ...). The value ends at white space too, so
     * that masking a message that quotes a URL does not swallow the rest of the sentence.
     */
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;(]\\s*[a-z_.-]*(?:password|pwd|secret)\\s*=)([^&;)\\s]*)");
    /**
     * {@code //user:secret@host}: the secret runs to the last {@code @} before the path, so a password
     * holding an {@code @} is masked whole.
     */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?;&\\s]*:)([^/?#\\s]*)(@)");

    private JdbcUrls() {
    }

    public static String mask(String url) {
        if (url == null) {
            return "";
        }
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return USER_INFO.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + m.group(3)));
    }

    /** The passwords a URL carries, as written and as a driver decodes them. */
    public static List<String> passwords(String url) {
        Set<String> found = new LinkedHashSet<>();
        if (url == null) {
            return List.of();
        }
        for (Pattern pattern : List.of(PASSWORD_PARAMETER, USER_INFO)) {
            Matcher matcher = pattern.matcher(url);
            while (matcher.find()) {
                addWithDecoded(found, matcher.group(2));
            }
        }
        return List.copyOf(found);
    }

    /**
     * The text with URLs masked and every given secret removed, whether written plainly or
     * percent-encoded. Longer secrets go first, so one that contains another is removed whole.
     */
    public static String redact(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String result = mask(text);
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                forms.add(secret);
                forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
                forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        List<String> longestFirst = new ArrayList<>(forms);
        longestFirst.sort((a, b) -> Integer.compare(b.length(), a.length()));
        for (String form : longestFirst) {
            result = result.replace(form, MASK);
        }
        return result;
    }

    private static void addWithDecoded(Set<String> found, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        found.add(value);
        try {
            found.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notEncoded) {
            // a stray % that is not an escape: the plain form above is what the driver sees
        }
    }
}
