package dev.userbench.footprint;

import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Layout;
import dev.userbench.schema.LayoutSql;
import dev.userbench.seed.Progress;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserGenerator;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Seeds layouts for a test and drops them afterwards. */
final class Seeded implements AutoCloseable {

    final ConnectionSpec spec;
    final Connection connection;
    final UserGenerator generator;
    final long users;
    private final List<Layout> layouts;

    Seeded(ConnectionSpec spec, List<Layout> layouts, long users, int bioChars) throws SQLException {
        this.spec = spec;
        this.layouts = List.copyOf(layouts);
        this.users = users;
        this.generator = new UserGenerator(7, bioChars);
        this.connection = spec.open();
        try {
            for (Layout layout : layouts) {
                LayoutSql sql = spec.dialect().sql(layout);
                Seeder.recreate(connection, sql);
                new Seeder().load(connection, sql, generator, users, Progress.NONE);
            }
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    LayoutSql sql(Layout layout) {
        return spec.dialect().sql(layout);
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            connection.rollback();
            for (Layout layout : layouts) {
                Seeder.drop(connection, sql(layout));
            }
        }
    }
}
