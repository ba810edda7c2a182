package dev.userbench.schema;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever characters a password holds, no form of it survives masking or redaction. */
class JdbcUrlsPropertyTest {

    @Provide
    Arbitrary<String> passwords() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("aZ09&;=@:/?#%+'\"()[] \\!$*,~").ofMinLength(4).ofMaxLength(24),
                Arbitraries.strings().alpha().numeric().ofMinLength(4).ofMaxLength(24),
                Arbitraries.strings().all().ofMinLength(4).ofMaxLength(16))
                // a lone surrogate has no UTF-8 form: no driver could send such a password
                .filter(p -> new String(p.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(p))
                // a password that is itself part of the masked URL's fixed text cannot be told apart from it
                .filter(p -> !"jdbc:mysql://db.example:3306/app?user=app&password=***;".contains(p));
    }

    /** The forms a driver accepts: percent-encoded in a query, in ;key=value pairs, in user info. */
    private static List<String> urls(String password) {
        String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);
        return List.of(
                "jdbc:mysql://db.example:3306/app?user=app&password=" + encoded,
                "jdbc:postgresql://db.example/app?password=" + encoded + "&user=app",
                "jdbc:mariadb://app:" + encoded + "@db.example:3306/app",
                "jdbc:mysql://db.example/app?sslMode=REQUIRED&trustCertificateKeyStorePassword=" + encoded,
                "jdbc:sqlserver://db.example;user=app;password=" + encoded + ";databaseName=app",
                "jdbc:mysql://address=(host=db.example)(port=3306)(user=app)(password=" + encoded + ")/app");
    }

    @Property(tries = 500)
    void noEncodedPasswordSurvivesMasking(@ForAll("passwords") String password) {
        String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);
        for (String url : urls(password)) {
            String masked = JdbcUrls.mask(url);
            assertThat(masked).as(url).contains(JdbcUrls.MASK).doesNotContain(encoded);
            assertThat(JdbcUrls.passwords(url)).as(url).contains(password);
        }
    }

    @Property(tries = 500)
    void redactingRemovesThePasswordFromAnyMessageThatQuotesIt(@ForAll("passwords") String password) {
        for (String url : urls(password)) {
            ConnectionSpec spec = new ConnectionSpec(url, "app", password);
            String message = "Access denied for user 'app' (using password: " + password + ") at " + url
                    + " [" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "]";
            assertThat(spec.redact(message)).as(url).doesNotContain(password)
                    .doesNotContain(URLEncoder.encode(password, StandardCharsets.UTF_8));
            assertThat(spec.toString()).doesNotContain(password);
        }
    }
}
