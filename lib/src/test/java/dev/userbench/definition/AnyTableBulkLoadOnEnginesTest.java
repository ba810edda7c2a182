package dev.userbench.definition;

import dev.userbench.model.ColumnKind;
import dev.userbench.schema.BulkLoader;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Dialect;
import dev.userbench.schema.LoadTable;
import dev.userbench.testing.KeywordTable;
import dev.userbench.testing.TestEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Any table's rows go through the engine's bulk path, the one the study's users take, and arrive as plain INSERTs put them. */
@Tag("engine")
class AnyTableBulkLoadOnEnginesTest {

    /** More than one COPY chunk and not a multiple of the batch size, so every boundary is crossed. */
    private static final int ROWS = 10_321;

    private static final TableDefinition EVERY_KIND = DdlParser.parse("""
            CREATE TABLE every_kind (
                id     bigint PRIMARY KEY,
                ref    uuid NOT NULL,
                qty    integer,
                price  numeric(12,4),
                flag   boolean,
                label  varchar(40) NOT NULL UNIQUE,
                body   text,
                seen   timestamptz,
                born   date,
                payload bytea,
                doc    jsonb
            )""");

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void everyKindOfColumnArrivesThroughTheEnginesBulkPathAsThroughPlainInserts(TestEngine engine) throws SQLException {
        ConnectionSpec spec = engine.connection();
        SplitTableStore store = new SplitTableStore(spec.dialect().engine(), 1000);
        RowGenerator generator = new RowGenerator(EVERY_KIND, 5);
        SplitTable split = SplitTable.of("two parts", EVERY_KIND, ColumnGroups.of(EVERY_KIND, List.of(
                List.of("ref", "qty", "price", "flag", "label"), List.of("body", "seen", "born", "payload", "doc"))),
                "t_anyload");
        try (Connection connection = spec.open()) {
            connection.setAutoCommit(false);
            store.recreate(connection, split);
            store.load(connection, split, generator, ROWS, BulkLoader.batchedInserts());
            List<String> plain = rows(connection, split);

            store.recreate(connection, split);
            store.load(connection, split, generator, ROWS);
            List<String> bulk = rows(connection, split);

            assertThat(bulk).hasSize(ROWS).isEqualTo(plain);
            store.drop(connection, split);
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void columnsNamedByKeywordsLoadThroughTheBulkPathAndThroughPlainInserts(TestEngine engine) throws SQLException {
        ConnectionSpec spec = engine.connection();
        TableDefinition table = DdlParser.parse(KeywordTable.ddl(spec.dialect().engine()));
        SplitTableStore store = new SplitTableStore(spec.dialect().engine(), 1000);
        RowGenerator generator = new RowGenerator(table, 5);
        SplitTable split = SplitTable.of("two parts", table, ColumnGroups.of(table, List.of(
                List.of("order", "key", "desc", "group"), List.of("user", "value", "status", "type", "blob"))),
                KeywordTable.NAME + "_load");
        int rows = 2_500;
        try (Connection connection = spec.open()) {
            connection.setAutoCommit(false);
            store.recreate(connection, split);
            store.load(connection, split, generator, rows, BulkLoader.batchedInserts());
            List<String> plain = rows(connection, split);

            store.recreate(connection, split);
            store.load(connection, split, generator, rows);
            List<String> bulk = rows(connection, split);

            assertThat(plain).hasSize(rows);
            assertThat(bulk).isEqualTo(plain);
            store.drop(connection, split);
        }
    }

    @Test
    void numericsOfEverySignAndScaleCopyExactlyOnPostgresql() throws SQLException {
        ConnectionSpec spec = TestEngine.POSTGRESQL.connection();
        Dialect dialect = spec.dialect();
        List<BigDecimal> values = List.of(new BigDecimal("-12.34"), BigDecimal.ZERO, new BigDecimal("0.05"),
                new BigDecimal("10000.5"), new BigDecimal("123456789.0001"), new BigDecimal("-0.0001"),
                new BigDecimal("99999999.9999"), new BigDecimal("1E+4"), new BigDecimal("7"));
        LoadTable<BigDecimal> table = new LoadTable<>("t_anyload_numeric",
                List.of(new LoadTable.Column<BigDecimal>("n", ColumnKind.DECIMAL, value -> value)));
        try (Connection connection = spec.open(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("DROP TABLE IF EXISTS t_anyload_numeric");
            statement.execute("CREATE TABLE t_anyload_numeric (n numeric)");
            try (BulkLoader.Load<BigDecimal> load = dialect.bulkLoader().start(connection, dialect, List.of(table))) {
                load.write(values);
                load.finish();
            }
            List<BigDecimal> read = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT n FROM t_anyload_numeric")) {
                while (result.next()) {
                    read.add(result.getBigDecimal(1));
                }
            }
            statement.execute("DROP TABLE t_anyload_numeric");
            connection.commit();

            assertThat(read).usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(values);
        }
    }

    /** Every row of the split, its parts joined by the key, as comparable text. */
    private static List<String> rows(Connection connection, SplitTable split) throws SQLException {
        String first = split.parts().get(0).table();
        String second = split.parts().get(1).table();
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + first + " a JOIN " + second
                     + " b ON a.id = b.id ORDER BY a.id")) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(c == 1 ? "" : " | ").append(EngineTypes.normalized(result.getObject(c)));
                }
                rows.add(row.toString());
            }
        }
        connection.commit();
        return rows;
    }
}
