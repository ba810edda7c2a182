package dev.userbench.definition;

import dev.userbench.model.ColumnDefinition;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Engine;
import dev.userbench.schema.Namespace;
import dev.userbench.testing.KeywordTable;
import dev.userbench.testing.TestEngine;
import dev.userbench.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A table read from a live catalog is the table that was created, with the widths its rows have. */
@Tag("engine")
class CatalogReaderOnEnginesTest {

    private static final String NAMESPACE = "userbench_t_advisor_catalog";

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void theCatalogGivesBackTheColumnsKeysAndMeasuredWidthsOfATable(TestEngine engine) throws SQLException {
        TableDefinition products = Examples.PRODUCTS.definition();
        RowGenerator generator = new RowGenerator(products, 5);
        ConnectionSpec spec = engine.connection().withNamespace(new Namespace(NAMESPACE, false));
        Engine kind = spec.dialect().engine();
        SplitTable single = SplitTable.of("single", products, ColumnGroups.single(products), "cat_products");
        SplitTableStore store = new SplitTableStore(kind, 100);
        try (Connection connection = spec.open()) {
            store.recreate(connection, single);
            store.load(connection, single, generator, 400);
            store.settle(connection, single);

            TableDefinition read = CatalogReader.read(connection, kind, "cat_products");

            assertThat(read.name()).isEqualTo("cat_products");
            assertThat(read.columnNames()).isEqualTo(products.columnNames());
            assertThat(read.primaryKey()).isEqualTo(List.of("product_id"));
            assertThat(read.uniqueColumns()).containsExactly("sku");
            if (kind != Engine.SQLITE) {
                for (ColumnDefinition column : products.columns()) {
                    assertThat(read.column(column.name()).kind()).as(column.name()).isEqualTo(column.kind());
                }
            }
            double generated = generator.expectedBytes("description");
            assertThat(read.column("description").averageBytes()).as("measured width of description")
                    .isCloseTo(generated, within(generated * 0.5));
            store.drop(connection, single);
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void columnsNamedByKeywordsReadBackFromTheCatalogWithTheirWidths(TestEngine engine) throws SQLException {
        ConnectionSpec spec = engine.connection().withNamespace(new Namespace(NAMESPACE, false));
        Engine kind = spec.dialect().engine();
        TableDefinition table = DdlParser.parse(KeywordTable.ddl(kind));
        RowGenerator generator = new RowGenerator(table, 5);
        SplitTable single = SplitTable.of("single", table, ColumnGroups.single(table), "cat_t_quoting");
        SplitTableStore store = new SplitTableStore(kind, 100);
        try (Connection connection = spec.open()) {
            store.recreate(connection, single);
            store.load(connection, single, generator, 400);
            store.settle(connection, single);

            TableDefinition read = CatalogReader.read(connection, kind, "cat_t_quoting");

            assertThat(read.columnNames()).isEqualTo(KeywordTable.COLUMNS);
            assertThat(read.primaryKey()).containsExactly("id");
            assertThat(read.uniqueColumns()).containsExactly("key");
            double generated = generator.expectedBytes("desc");
            assertThat(read.column("desc").averageBytes()).as("measured width of desc")
                    .isCloseTo(generated, within(generated * 0.5));
            store.drop(connection, single);
        }
    }

    /**
     * PostgreSQL keeps the case of a quoted name ({@code "userId"}); the definition names it in lower case, as every
     * name advise reads, and its width is still sampled from the column the catalog names.
     */
    @Test
    void aMixedCaseQuotedColumnOnPostgresqlReadsInLowerCaseWithItsSampledWidth() throws SQLException {
        ConnectionSpec spec = TestEngine.POSTGRESQL.connection().withNamespace(new Namespace(NAMESPACE, false));
        try (Connection connection = spec.open(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS cat_mixed");
            statement.execute("CREATE TABLE cat_mixed (id bigint PRIMARY KEY, \"userId\" text NOT NULL)");
            statement.execute("INSERT INTO cat_mixed SELECT g, repeat('x', 20) FROM generate_series(1, 200) g");
            connection.commit();

            TableDefinition read = CatalogReader.read(connection, Engine.POSTGRESQL, "cat_mixed");

            assertThat(read.columnNames()).containsExactly("id", "userid");
            assertThat(read.column("userid").averageBytes()).isCloseTo(20.0, within(0.01));
            statement.execute("DROP TABLE cat_mixed");
            connection.commit();
        }
    }

    @AfterAll
    static void dropTheNamespaces() throws SQLException {
        for (TestEngine engine : List.of(TestEngine.MARIADB, TestEngine.POSTGRESQL)) {
            TestServers.dropNamespace(engine, NAMESPACE);
        }
    }
}
