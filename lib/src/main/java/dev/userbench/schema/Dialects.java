package dev.userbench.schema;

import java.util.Locale;

/** Picks the dialect from a JDBC URL's scheme. */
public final class Dialects {

    private Dialects() {
    }

    /** The dialect of an engine. */
    public static Dialect of(Engine engine) {
        return switch (engine) {
            case SQLITE -> new SqliteDialect();
            case MYSQL -> new MySqlDialect();
            case POSTGRESQL -> new PostgresDialect();
        };
    }

    public static Dialect forUrl(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.trim().toLowerCase(Locale.ROOT);
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("'" + JdbcUrls.mask(jdbcUrl)
                    + "' is not a JDBC URL: write it as jdbc:sqlite:FILE, jdbc:mysql://HOST:PORT/DB, "
                    + "jdbc:mariadb://HOST:PORT/DB or jdbc:postgresql://HOST:PORT/DB");
        }
        if (url.startsWith("jdbc:sqlite:")) {
            return new SqliteDialect();
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            return new MySqlDialect();
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgresDialect();
        }
        String scheme = url.substring(5, Math.max(5, url.indexOf(':', 5)));
        throw new IllegalArgumentException("engine '" + scheme + "' is not supported: use a jdbc:sqlite:, "
                + "jdbc:mysql:, jdbc:mariadb: or jdbc:postgresql: URL");
    }
}
