package dev.userbench.schema;

import dev.userbench.model.Field;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * A sharded layout on a MariaDB head with Spider: on every shard an ordinary InnoDB table in a database of the head's
 * database's name; on the head an {@code ENGINE=SPIDER} table {@code PARTITION BY RANGE COLUMNS} of the shard key, one
 * partition per shard, split at the key's quantiles (MariaDB's {@code KEY()} partitioning put every email of a test
 * in one of two partitions): uids are random, so their quantiles are even cuts of the 16-byte space; emails' come from
 * {@link #EMAIL_QUANTILES}. The shards are the head's servers {@value #SERVER_PREFIX}{@code 1..N} in
 * {@code mysql.servers}; their tables are created over connections of their own (Spider has no remote DDL). The
 * head's keys must include the partition key (ERROR 1503), so the head declares the shard key's index and plain
 * indexes for the rest; uniqueness lives on each shard.
 */
final class SpiderTables implements ShardedTables {

    static final String SERVER_PREFIX = "userbench_shard_";

    /**
     * Where the generated emails fall, as 64 cut points in sorted order: read from 20,000 generated users (any seed
     * gives names and domains alike). Cut {@code i} of {@code n} shards is the quantile {@code i/n}.
     */
    static final IntFunction<String> EMAIL_QUANTILES = EmailQuantiles::at;

    private final MySqlDialect dialect;

    SpiderTables(MySqlDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public List<String> create(LayoutSql sql) {
        throw new UnsupportedOperationException("Spider tables are created through the head's connection: recreate()");
    }

    @Override
    public List<String> drop(LayoutSql sql) {
        throw new UnsupportedOperationException("Spider tables are dropped through the head's connection: drop()");
    }

    @Override
    public List<String> settle(LayoutSql sql) {
        throw new UnsupportedOperationException("Spider tables are settled through the head's connection: settle()");
    }

    /** A shard as the head's {@code mysql.servers} names it. */
    private record Shard(String server, String host, int port, String user, String password) {
        Connection open() throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            if (password != null && !password.isEmpty()) {
                properties.setProperty("password", password);
            }
            properties.setProperty("connectTimeout", "10000");
            return DriverManager.getConnection("jdbc:mariadb://" + host + ":" + port + "/", properties);
        }
    }

    private static List<Shard> shards(Connection head) throws SQLException {
        List<Shard> shards = new ArrayList<>();
        try (Statement statement = head.createStatement();
             ResultSet rows = statement.executeQuery("SELECT Server_name, Host, Port, Username, Password FROM mysql.servers "
                     + "WHERE Server_name LIKE 'userbench\\_shard\\_%' ORDER BY CAST(SUBSTRING(Server_name, "
                     + (SERVER_PREFIX.length() + 1) + ") AS UNSIGNED)")) {
            while (rows.next()) {
                shards.add(new Shard(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getString(4), rows.getString(5)));
            }
        }
        if (shards.isEmpty()) {
            throw new SQLException("sharded layouts need a cluster head with Spider servers " + SERVER_PREFIX
                    + "1..N: use --jdbc-url cluster:mariadb");
        }
        return shards;
    }

    private static String database(Connection head) throws SQLException {
        try (Statement statement = head.createStatement(); ResultSet row = statement.executeQuery("SELECT DATABASE()")) {
            row.next();
            return row.getString(1);
        }
    }

    @Override
    public void recreate(Connection head, LayoutSql sql) throws SQLException {
        drop(head, sql);
        List<Shard> shards = shards(head);
        String database = database(head);
        for (Shard shard : shards) {
            try (Connection connection = shard.open(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE IF NOT EXISTS " + dialect.quoteIdentifier(database));
                statement.execute("USE " + dialect.quoteIdentifier(database));
                for (TableDef table : sql.writtenTables()) {
                    statement.execute(onShard(sql.layout(), table));
                    for (IndexDef index : sql.layout().indexes()) {
                        if (index.table().equals(table.name())) {
                            statement.execute(dialect.createIndex(index));
                        }
                    }
                }
            }
        }
        try (Statement statement = head.createStatement()) {
            for (TableDef table : sql.writtenTables()) {
                statement.execute(onHead(sql.layout(), table, database, shards));
            }
        }
        head.commit();
    }

    @Override
    public void drop(Connection head, LayoutSql sql) throws SQLException {
        List<TableDef> tables = new ArrayList<>(sql.writtenTables());
        java.util.Collections.reverse(tables);
        try (Statement statement = head.createStatement()) {
            for (TableDef table : tables) {
                statement.execute("DROP TABLE IF EXISTS " + table.name());
            }
        }
        head.commit();
        String database = database(head);
        for (Shard shard : shards(head)) {
            try (Connection connection = shard.open(); Statement statement = connection.createStatement()) {
                for (TableDef table : tables) {
                    statement.execute("DROP TABLE IF EXISTS " + dialect.quoteIdentifier(database) + "." + table.name());
                }
            }
        }
    }

    @Override
    public void settle(Connection head, LayoutSql sql) throws SQLException {
        String database = database(head);
        for (Shard shard : shards(head)) {
            try (Connection connection = shard.open(); Statement statement = connection.createStatement()) {
                for (TableDef table : sql.writtenTables()) {
                    statement.execute("ANALYZE TABLE " + dialect.quoteIdentifier(database) + "." + table.name());
                }
            }
        }
        head.commit();
    }

    private String columns(TableDef table) {
        return table.columns().stream().map(f -> f.column() + " " + dialect.columnDefinition(f))
                .collect(Collectors.joining(", "));
    }

    private String onShard(Layout layout, TableDef table) {
        return "CREATE TABLE " + table.name() + " (" + columns(table) + ", PRIMARY KEY ("
                + layout.sharding().primaryKeyOf(table).column() + "))" + dialect.tableOptions();
    }

    private String onHead(Layout layout, TableDef table, String database, List<Shard> shards) {
        Field key = layout.sharding().keyOf(table);
        Field primary = layout.sharding().primaryKeyOf(table);
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(table.name()).append(" (").append(columns(table));
        ddl.append(primary == key ? ", PRIMARY KEY (" + primary.column() + ")" : ", KEY (" + primary.column() + ")");
        for (IndexDef index : layout.indexes()) {
            if (index.table().equals(table.name()) && !(index.keys().size() == 1 && index.keys().get(0) == key)) {
                ddl.append(", KEY ").append(index.name()).append(" (")
                        .append(index.keys().stream().map(Field::column).collect(Collectors.joining(", "))).append(")");
            }
        }
        if (key != primary && key != Field.EMAIL) {
            ddl.append(", KEY (").append(key.column()).append(")");
        }
        ddl.append(") ENGINE=SPIDER COMMENT='wrapper \"mysql\", database \"").append(database.replace("'", "''")
                        .replace("\"", "\\\"")).append("\", table \"").append(table.name()).append("\"'")
                .append(" PARTITION BY RANGE COLUMNS (").append(key.column()).append(") (");
        for (int i = 0; i < shards.size(); i++) {
            String bound = i == shards.size() - 1 ? "MAXVALUE" : cut(key, i + 1, shards.size());
            ddl.append(i == 0 ? "" : ", ").append("PARTITION p").append(i + 1).append(" VALUES LESS THAN (").append(bound)
                    .append(") COMMENT='srv \"").append(shards.get(i).server()).append("\"'");
        }
        return ddl.append(")").toString();
    }

    /** The {@code i}-th of {@code n} cut points of the key: even cuts of the uid space, quantiles of the emails. */
    static String cut(Field key, int i, int n) {
        if (key == Field.UID) {
            // the high 64 bits at i/n of the unsigned range, the low ones zero
            long high = Long.divideUnsigned(-1L, n) * i;
            byte[] bytes = ByteBuffer.allocate(16).putLong(high).putLong(0).array();
            return "X'" + HexFormat.of().formatHex(bytes) + "'";
        }
        if (key == Field.EMAIL) {
            return "'" + EMAIL_QUANTILES.apply(i * EmailQuantiles.COUNT / n).replace("'", "''") + "'";
        }
        throw new IllegalArgumentException("no range cuts for shard key " + key.column());
    }
}
