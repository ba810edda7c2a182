package dev.userbench.definition;

import dev.userbench.model.ColumnKind;

import dev.userbench.schema.Dialects;
import dev.userbench.schema.Engine;
import dev.userbench.schema.Layouts;
import dev.userbench.testing.KeywordTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DdlParserTest {

    private static final List<String> USER_COLUMNS = List.of("uid", "email", "password_hash", "role", "is_verified", "name",
            "phone", "location", "bio", "profile_image", "created_at", "last_active");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theStudysTableAsEachDialectDeclaresItReadsAsTheShippedDefinition(Engine engine) {
        String url = switch (engine) {
            case SQLITE -> "jdbc:sqlite:x.db";
            case MYSQL -> "jdbc:mysql://h/db";
            case POSTGRESQL -> "jdbc:postgresql://h/db";
        };
        String ddl = Dialects.forUrl(url).sql(Layouts.MONOLITH).create().get(0);

        TableDefinition table = DdlParser.parse(ddl);

        TableDefinition shipped = Examples.USERS.definition();
        assertThat(table.columnNames()).isEqualTo(USER_COLUMNS).isEqualTo(shipped.columnNames());
        assertThat(table.primaryKey()).containsExactly("uid").isEqualTo(shipped.primaryKey());
        assertThat(table.column("uid").kind()).isEqualTo(ColumnKind.UUID);
        assertThat(table.column("role").allowed()).containsExactly("GUEST", "MEMBER", "ADMIN");
        assertThat(table.column("bio").nullable()).isTrue();
        assertThat(table.column("email").nullable()).isFalse();
        assertThat(table.column("email").kind()).isEqualTo(ColumnKind.TEXT);
    }

    @Test
    void theShippedUsersDefinitionHasTheStudysKindsAndUniqueEmail() {
        TableDefinition table = Examples.USERS.definition();

        assertThat(table.uniqueColumns()).containsExactly("email");
        assertThat(table.column("created_at").kind()).isEqualTo(ColumnKind.TIMESTAMP);
        assertThat(table.column("is_verified").kind()).isEqualTo(ColumnKind.BOOLEAN);
        assertThat(table.column("password_hash").length()).isEqualTo(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // MySQL/MariaDB, as shipped
            "MYSQL",
            // PostgreSQL
            """
            CREATE TABLE products (
                product_id bigint PRIMARY KEY, sku varchar(32) NOT NULL UNIQUE, title varchar(200) NOT NULL,
                price numeric(10,2) NOT NULL, stock integer NOT NULL, category varchar(40) NOT NULL, brand varchar(80),
                image_url varchar(300), description text, specifications text, updated_at timestamptz NOT NULL)""",
            // SQLite
            """
            CREATE TABLE "products" (
                "product_id" INTEGER NOT NULL, "sku" TEXT NOT NULL, "title" TEXT NOT NULL, "price" NUMERIC(10,2) NOT NULL,
                "stock" INTEGER NOT NULL, "category" TEXT NOT NULL, "brand" TEXT, "image_url" TEXT, "description" TEXT,
                "specifications" TEXT, "updated_at" INTEGER NOT NULL, PRIMARY KEY ("product_id"), UNIQUE ("sku"))"""})
    void theExampleTableReadsTheSameInEveryDialect(String ddl) {
        TableDefinition table = DdlParser.parse(ddl.equals("MYSQL") ? Examples.PRODUCTS.tableSql() : ddl);

        assertThat(table.name()).isEqualTo("products");
        assertThat(table.columnNames()).containsExactly("product_id", "sku", "title", "price", "stock", "category",
                "brand", "image_url", "description", "specifications", "updated_at");
        assertThat(table.primaryKey()).containsExactly("product_id");
        assertThat(table.uniqueColumns()).containsExactly("sku");
        assertThat(table.column("price").kind()).isEqualTo(ColumnKind.DECIMAL);
        assertThat(table.column("price").scale()).isEqualTo(2);
        assertThat(table.column("description").kind()).isEqualTo(ColumnKind.TEXT);
        assertThat(table.column("brand").nullable()).isTrue();
    }

    @Test
    void aTableWithoutAPrimaryKeyIsRefusedNamingTheFix() {
        assertThatThrownBy(() -> DdlParser.parse("CREATE TABLE t (a int, b text)"))
                .hasMessageContaining("no primary key").hasMessageContaining("PRIMARY KEY");
    }

    @Test
    void aScriptWithoutExactlyOneCreateTableIsRefused() {
        assertThatThrownBy(() -> DdlParser.parse("CREATE TABLE a (x int PRIMARY KEY); CREATE TABLE b (y int PRIMARY KEY);"))
                .hasMessageContaining("exactly one CREATE TABLE");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void columnsNamedByKeywordsReadUnquotedWhateverTheDialectsQuoting(Engine engine) {
        TableDefinition table = DdlParser.parse(KeywordTable.ddl(engine));

        assertThat(table.name()).isEqualTo(KeywordTable.NAME);
        assertThat(table.columnNames()).isEqualTo(KeywordTable.COLUMNS);
        assertThat(table.primaryKey()).containsExactly("id");
        assertThat(table.uniqueColumns()).containsExactly("key");
        assertThat(table.column("order").nullable()).isFalse();
        assertThat(table.column("group").allowed()).containsExactly("red", "green", "blue");
        assertThat(table.column("blob").kind()).isEqualTo(ColumnKind.BINARY);
        assertThat(table.column("value").kind()).isEqualTo(ColumnKind.DECIMAL);
    }
}
