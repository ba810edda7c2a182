package dev.userbench.embedded;

import dev.userbench.bench.LoginSample;
import dev.userbench.footprint.CacheSweep;
import dev.userbench.footprint.InnodbBufferPoolSize;
import dev.userbench.footprint.SharedBuffersControl;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Layout;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.Layouts;
import dev.userbench.seed.Progress;
import dev.userbench.seed.Seeder;
import dev.userbench.seed.UserGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Tag("engine")
class EmbeddedServersTest {

    private static final List<Layout> LAYOUTS = List.of(Layouts.MONOLITH, Layouts.FRAGMENTED);

    @ParameterizedTest
    @ValueSource(strings = {EmbeddedServers.POSTGRES, EmbeddedServers.MARIADB})
    void anEmbeddedServerStartsSeedsLogsInAndStopsLeavingNoProcessBehind(String embeddedUrl) throws Exception {
        Path data;
        EmbeddedServers.Running server = EmbeddedServers.start(embeddedUrl, Map.of());
        try (server) {
            data = server.dataDirectory();
            assertThat(server.serverProcesses()).isNotEmpty();
            ConnectionSpec spec = ConnectionSpec.of(server.jdbcUrl());
            UserGenerator generator = new UserGenerator(5);
            try (Connection connection = spec.open()) {
                for (Layout layout : LAYOUTS) {
                    LayoutSql sql = spec.dialect().sql(layout);
                    Seeder.recreate(connection, sql);
                    new Seeder().load(connection, sql, generator, 300, Progress.NONE);
                    for (String email : LoginSample.emails(generator, 300, 20, 1)) {
                        try (PreparedStatement login = connection.prepareStatement(sql.loginProjected().sql())) {
                            login.setString(1, email);
                            try (ResultSet row = login.executeQuery()) {
                                assertThat(row.next()).as("login of %s on %s", email, layout.name()).isTrue();
                            }
                        }
                    }
                    Seeder.drop(connection, sql);
                }
            }
        }
        assertThat(EmbeddedServers.processesUsing(data)).isEmpty();
        assertThat(Files.exists(data)).isFalse();
    }

    @Test
    void theBufferPoolOfADedicatedMariadbIsRestoredWhenTheSweepMeasurementThrows() throws Exception {
        try (EmbeddedServers.Running server = EmbeddedServers.start(EmbeddedServers.MARIADB,
                Map.of("innodb_buffer_pool_size", "64M"));
             Connection connection = ConnectionSpec.of(server.jdbcUrl()).open()) {
            InnodbBufferPoolSize control = new InnodbBufferPoolSize(ConnectionSpec.of(server.jdbcUrl()), connection);
            long original = control.currentBytes();
            long[] seenDuringTheSweep = new long[1];

            // a size above the original: a grow always happens, while a shrink may be kept back by pages in use
            // (the server then keeps 64 MiB, and there would be nothing to restore)
            assertThatThrownBy(() -> CacheSweep.run(control, List.of(128L << 20),
                    (cacheBytes, on) -> {
                        seenDuringTheSweep[0] = cacheBytes;
                        throw new SQLException("the measurement failed");
                    })).hasMessage("the measurement failed");

            assertThat(original).isEqualTo(64L << 20);
            assertThat(seenDuringTheSweep[0]).isGreaterThan(original);
            assertThat(new InnodbBufferPoolSize(ConnectionSpec.of(server.jdbcUrl()), connection).currentBytes())
                    .isEqualTo(original);
        }
    }

    @Test
    void sharedBuffersChangesByRestartKeepsTheDataAndIsRestoredWhenTheMeasurementThrows() throws Exception {
        try (EmbeddedServers.Running server = EmbeddedServers.start(EmbeddedServers.POSTGRES,
                Map.of("shared_buffers", "32MB"))) {
            ConnectionSpec spec = ConnectionSpec.of(server.jdbcUrl());
            LayoutSql sql = spec.dialect().sql(Layouts.MONOLITH);
            try (Connection connection = spec.open()) {
                Seeder.recreate(connection, sql);
                new Seeder().load(connection, sql, new UserGenerator(5), 200, Progress.NONE);
            }
            SharedBuffersControl control = new SharedBuffersControl(server);
            List<Long> counted = new java.util.ArrayList<>();

            assertThatThrownBy(() -> CacheSweep.run(control, List.of(16L << 20, 48L << 20),
                    (cacheBytes, on) -> {
                        counted.add(count(on, sql));
                        if (cacheBytes == 48L << 20) {
                            throw new SQLException("the measurement failed");
                        }
                        return cacheBytes;
                    })).hasMessage("the measurement failed");

            assertThat(counted).containsExactly(200L, 200L);
            try (Connection connection = spec.open()) {
                assertThat(new SharedBuffersControlProbe(connection).sharedBuffersBytes()).isEqualTo(32L << 20);
                Seeder.drop(connection, sql);
            }
        }
    }

    private static long count(Connection connection, LayoutSql sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.count(sql.layout().root()));
             ResultSet row = statement.executeQuery()) {
            row.next();
            long count = row.getLong(1);
            connection.commit();
            return count;
        }
    }

    /** shared_buffers read independently of the control under test. */
    private record SharedBuffersControlProbe(Connection connection) {
        long sharedBuffersBytes() throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_size_bytes(current_setting('shared_buffers'))");
                 ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
