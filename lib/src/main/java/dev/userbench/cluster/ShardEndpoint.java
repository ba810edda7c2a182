package dev.userbench.cluster;

import dev.userbench.schema.JdbcUrls;

import java.net.URI;
import java.util.Locale;

/**
 * One shard server: where it listens, the database the tool's schema lives in there, and who to connect as.
 * {@link #toString()} never shows the password.
 */
public record ShardEndpoint(String host, int port, String database, String user, String password) {

    /** A shard given with {@code --shard-url}, e.g. {@code jdbc:postgresql://10.0.0.2:5432/app?user=bench}. */
    public static ShardEndpoint parse(String jdbcUrl, String defaultUser, String defaultPassword) {
        String url = jdbcUrl.trim();
        if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            throw new IllegalArgumentException("--shard-url '" + JdbcUrls.mask(url) + "' is not a JDBC URL: write it as "
                    + "jdbc:postgresql://HOST:PORT/DB or jdbc:mariadb://HOST:PORT/DB");
        }
        URI uri = URI.create(url.substring(5));
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("--shard-url '" + JdbcUrls.mask(url) + "' names no host: write it as "
                    + "jdbc:postgresql://HOST:PORT/DB or jdbc:mariadb://HOST:PORT/DB");
        }
        String user = defaultUser;
        String password = defaultPassword;
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                if (key.equals("user")) {
                    user = value;
                } else if (key.equals("password")) {
                    password = value;
                }
            }
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        boolean postgres = uri.getScheme().equals("postgresql");
        int port = uri.getPort() > 0 ? uri.getPort() : postgres ? 5432 : 3306;
        return new ShardEndpoint(uri.getHost(), port, path.isEmpty() ? (postgres ? "postgres" : "test") : path, user,
                password);
    }

    @Override
    public String toString() {
        return (user == null ? "" : user + "@") + host + ":" + port + "/" + database;
    }
}
