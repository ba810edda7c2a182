package dev.userbench.cluster;

import java.util.Locale;

/**
 * A cluster the tool starts itself, written like a URL: {@code cluster:postgres?shards=N} (a PostgreSQL head reaching N
 * PostgreSQL shards through postgres_fdw) or {@code cluster:mariadb?shards=N} (a MariaDB head with Spider).
 */
public record ClusterUrl(String engine, int shards) {

    public static final String SCHEME = "cluster:";
    public static final String POSTGRES = "postgres";
    public static final String MARIADB = "mariadb";

    public ClusterUrl {
        if (shards < 1 || shards > 16) {
            throw new IllegalArgumentException("a cluster has 1 to 16 shards, got " + shards + ": write cluster:" + engine
                    + "?shards=2");
        }
    }

    public static boolean isCluster(String url) {
        return url != null && url.trim().toLowerCase(Locale.ROOT).startsWith(SCHEME);
    }

    public static ClusterUrl parse(String url) {
        String text = url.trim().toLowerCase(Locale.ROOT).substring(SCHEME.length());
        String engine = text.contains("?") ? text.substring(0, text.indexOf('?')) : text;
        if (!engine.equals(POSTGRES) && !engine.equals(MARIADB)) {
            throw new IllegalArgumentException("unknown cluster '" + engine + "': write cluster:postgres?shards=N or "
                    + "cluster:mariadb?shards=N");
        }
        int shards = 2;
        if (text.contains("?")) {
            for (String pair : text.substring(text.indexOf('?') + 1).split("&")) {
                if (pair.startsWith("shards=")) {
                    try {
                        shards = Integer.parseInt(pair.substring("shards=".length()));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("shards must be a whole number in '" + url + "', e.g. cluster:"
                                + engine + "?shards=2");
                    }
                } else if (!pair.isEmpty()) {
                    throw new IllegalArgumentException("unknown cluster setting '" + pair + "': only shards=N");
                }
            }
        }
        return new ClusterUrl(engine, shards);
    }

    public ClusterUrl withShards(int count) {
        return new ClusterUrl(engine, count);
    }

    @Override
    public String toString() {
        return SCHEME + engine + "?shards=" + shards;
    }
}
