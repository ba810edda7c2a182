package dev.userbench.schema;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * A database server the tool starts and stops itself ({@code embedded:postgres}, {@code embedded:mariadb}),
 * so a run on a real server needs nothing installed. The servers' binaries are large, so they live in the
 * optional module {@code embedded/}, found here through {@link ServiceLoader} when it is on the classpath.
 */
public interface EmbeddedServer extends AutoCloseable {

    String SCHEME = "embedded:";

    /** Where to connect, credentials included (the server trusts local connections). */
    String jdbcUrl();

    /** {@code embedded:postgres} or {@code embedded:mariadb}. */
    String embeddedUrl();

    /** Stops the server and starts it again on the same data and port with these settings. */
    void restart(Map<String, String> settings) throws IOException;

    /** Stops the server and waits until its processes are gone. */
    @Override
    void close() throws IOException;

    /** What the optional module provides. */
    interface Provider {
        EmbeddedServer start(String embeddedUrl, Map<String, String> settings) throws IOException;
    }

    static boolean isEmbedded(String url) {
        return url != null && url.trim().toLowerCase(Locale.ROOT).startsWith(SCHEME);
    }

    static EmbeddedServer start(String embeddedUrl, Map<String, String> settings) throws IOException {
        for (Provider provider : ServiceLoader.load(Provider.class)) {
            return provider.start(embeddedUrl, settings);
        }
        throw new IllegalArgumentException("embedded servers come with the optional module embedded/: run through "
                + "./userbench, which adds it, or put embedded/target/user-entity-bench-embedded.jar and "
                + "embedded/target/lib/* on the classpath");
    }
}
