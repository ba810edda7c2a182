package dev.userbench.orm;

import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Engine;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A Hibernate {@link SessionFactory} for one mapping over the tables the tool created, and sessions on a connection
 * the harness opened. Hibernate validates the tables against the entities ({@code hbm2ddl.auto=validate}) and never
 * creates or alters one. Sessions are opened on the client's own connection, one per operation, as an application
 * opens one per request: the measured path is the ORM's, the connection handling the harness's.
 */
public final class OrmSessions implements AutoCloseable {

    /**
     * Hibernate logs its boot at INFO through java.util.logging here (slf4j-nop silences only SLF4J): warnings and
     * errors stay, the rest would bury the run's own output. Held, because JUL keeps its loggers weakly.
     */
    private static final java.util.logging.Logger HIBERNATE_LOG = quietHibernate();
    /**
     * Hibernate warns that MariaDBDialect need not be named, yet without it, through mysql-connector-j, it writes
     * MySQL 8's upsert for a secondary table's row, which MariaDB refuses (MappingsOnEnginesTest shows it).
     */
    private static final java.util.logging.Logger DIALECT_LOG = quiet("org.hibernate.engine.jdbc.dialect.internal");

    private final Mapping mapping;
    private final SessionFactory factory;

    private static java.util.logging.Logger quietHibernate() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.hibernate");
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    private OrmSessions(Mapping mapping, SessionFactory factory) {
        this.mapping = mapping;
        this.factory = factory;
    }

    /**
     * Boots Hibernate for {@code mapping} on the engine {@code spec} points at, validating its tables (which must
     * exist: the run creates them first).
     *
     * <p>On SQLite the validation checks that every mapped table and column exists, not its type: SQLite's columns
     * have a type affinity, not a type, and its driver reports the declared names (BLOB, INTEGER, TEXT), which
     * Hibernate's SQLite dialect would declare differently (a uuid as a BLOB is fine, an Instant as INTEGER seconds
     * is the tool's choice, see {@link InstantAsEpochSeconds}). The data check through the ORM (the checksums equal
     * the generator's) is what shows that the types read and write right there.
     */
    public static OrmSessions boot(ConnectionSpec spec, Mapping mapping) {
        Configuration configuration = new Configuration();
        mapping.entities().forEach(configuration::addAnnotatedClass);
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "validate");
        configuration.setProperty(AvailableSettings.PHYSICAL_NAMING_STRATEGY,
                CamelCaseToUnderscoresNamingStrategy.class.getName());
        configuration.getProperties().put(AvailableSettings.CONNECTION_PROVIDER, new SpecConnections(spec));
        configuration.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "0");
        Engine engine = spec.dialect().engine();
        switch (engine) {
            case SQLITE -> {
                configuration.setProperty(AvailableSettings.DIALECT, "org.hibernate.community.dialect.SQLiteDialect");
                configuration.setProperty(AvailableSettings.PREFERRED_UUID_JDBC_TYPE, "BINARY");
                configuration.addAttributeConverter(InstantAsEpochSeconds.class, true);
                // type affinity: see the comment above
                configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
            }
            case MYSQL -> {
                if (mariadb(spec)) {
                    // mysql-connector-j calls MariaDB "MySQL": Hibernate would write MySQL 8's upsert syntax
                    configuration.setProperty(AvailableSettings.DIALECT, "org.hibernate.dialect.MariaDBDialect");
                }
                // BINARY(16) uids and DATETIME columns holding UTC, as the tool's own SQL writes them
                configuration.setProperty(AvailableSettings.PREFERRED_UUID_JDBC_TYPE, "BINARY");
                configuration.setProperty(AvailableSettings.PREFERRED_INSTANT_JDBC_TYPE, "TIMESTAMP");
                configuration.setProperty(AvailableSettings.JDBC_TIME_ZONE, "UTC");
                // the validator looks for the tables in no database at all unless told which one: the namespace
                configuration.setProperty(AvailableSettings.DEFAULT_CATALOG, "`" + spec.namespace().name() + "`");
            }
            case POSTGRESQL -> configuration.setProperty(AvailableSettings.PREFERRED_UUID_JDBC_TYPE, "UUID");
        }
        try {
            SessionFactory factory = configuration.buildSessionFactory();
            OrmSessions sessions = new OrmSessions(mapping, factory);
            if (engine == Engine.SQLITE) {
                SqliteTables.check(spec, factory);
            }
            return sessions;
        } catch (RuntimeException e) {
            throw new IllegalStateException("Hibernate refused the tables of " + mapping.layout().name() + " for mapping "
                    + mapping.name() + ": " + e.getMessage(), e);
        }
    }

    private static boolean mariadb(ConnectionSpec spec) {
        try (Connection connection = spec.open()) {
            return connection.getMetaData().getDatabaseProductVersion().contains("MariaDB");
        } catch (SQLException e) {
            throw new IllegalStateException("reading the server's version: " + e.getMessage(), e);
        }
    }

    public Mapping mapping() {
        return mapping;
    }

    /** A session on {@code connection}, which stays open when the session closes. */
    public Session on(Connection connection) {
        return factory.withOptions().connection(connection).openSession();
    }

    SessionFactory factory() {
        return factory;
    }

    @Override
    public void close() {
        factory.close();
    }

    /** Hibernate's own connections (for reading the tables' metadata at boot) come from the tool's spec. */
    private record SpecConnections(ConnectionSpec spec) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return spec.open();
        }

        @Override
        public void closeConnection(Connection connection) throws SQLException {
            connection.close();
        }

        @Override
        public boolean supportsAggressiveRelease() {
            return false;
        }

        @Override
        public boolean isUnwrappableAs(Class<?> type) {
            return false;
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException("not unwrappable as " + type.getName());
        }
    }
}
