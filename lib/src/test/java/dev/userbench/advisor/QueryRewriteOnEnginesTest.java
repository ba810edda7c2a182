package dev.userbench.advisor;

import dev.userbench.definition.ColumnGroups;
import dev.userbench.definition.DdlParser;
import dev.userbench.definition.EngineTypes;
import dev.userbench.definition.Examples;
import dev.userbench.definition.RowGenerator;
import dev.userbench.definition.SplitTable;
import dev.userbench.definition.SplitTableStore;
import dev.userbench.definition.StudyTable;
import dev.userbench.definition.TableDefinition;
import dev.userbench.schema.ConnectionSpec;
import dev.userbench.schema.Engine;
import dev.userbench.schema.Layouts;
import dev.userbench.schema.Namespace;
import dev.userbench.testing.KeywordTable;
import dev.userbench.testing.TestEngine;
import dev.userbench.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rewrite of a workload's queries for a split returns what the single table returns: every read the same rows,
 * every write the same table afterwards, on every layout the advisor proposes (and the study's own split), on each
 * engine.
 */
@Tag("engine")
class QueryRewriteOnEnginesTest {

    private static final String NAMESPACE = "userbench_t_advisor_rewrite";
    private static final int ROWS = 200;
    private static final int LOOKUPS = 15;

    /**
     * Statements beside each example's mix that take the rewrite's other paths: a scan with ORDER BY and LIMIT, an
     * UPDATE and a DELETE whose WHERE names a column another part may hold (found through a subquery on that part).
     */
    private static final Map<Examples, String> MORE = Map.of(
            Examples.USERS, """
                    -- weight: 1
                    SELECT name, bio, email FROM users WHERE role = ? ORDER BY uid LIMIT ?;
                    -- weight: 1
                    UPDATE users SET bio = ?, last_active = ? WHERE email = ?;
                    -- weight: 1
                    DELETE FROM users WHERE email = ?;
                    """,
            Examples.PRODUCTS, """
                    -- weight: 1
                    SELECT title, description FROM products WHERE price > ? AND stock >= 0 ORDER BY product_id LIMIT ?;
                    -- weight: 1
                    UPDATE products SET specifications = ? WHERE sku = ?;
                    -- weight: 1
                    DELETE FROM products WHERE sku = ?;
                    """);

    static Stream<Arguments> enginesAndTables() {
        return Stream.of(TestEngine.values()).flatMap(e -> Stream.of(Examples.values()).map(t -> Arguments.of(e, t)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndTables")
    void everyProposedLayoutAnswersEveryQueryAsTheSingleTableDoes(TestEngine engine, Examples example) throws SQLException {
        TableDefinition table = example.definition();
        List<WorkloadQuery> queries = QueryFile.parse(example.queriesSql());
        List<AnalyzedQuery> analyzed = AdviceRun.analyze(table, queries);
        RowGenerator generator = new RowGenerator(table, 7);
        List<Advisor.Candidate> candidates = Advisor.propose(CostModel.of(generator, ROWS, 8192), analyzed, 3);
        List<ColumnGroups> layouts = new ArrayList<>(candidates.stream().map(Advisor.Candidate::groups).toList());
        List<SplitTable.CoveringIndex> indexes = new ArrayList<>(candidates.stream().map(Advisor.Candidate::covering).toList());
        if (example == Examples.USERS) {
            layouts.add(StudyTable.groups(Layouts.FRAGMENTED));
            indexes.add(null);
        }
        analyzed = new ArrayList<>(analyzed);
        analyzed.addAll(AdviceRun.analyze(table, QueryFile.parse(MORE.get(example))));

        assertEveryLayoutAnswersAsTheSingleTable(engine.connection().withNamespace(new Namespace(NAMESPACE, false)),
                table, generator, analyzed, layouts, indexes);
    }

    /**
     * A table whose columns are SQL keywords ({@code order}, {@code key}, {@code desc}, {@code group}, ...), declared
     * and queried with the engine's own quoting: every layout the advisor proposes is created, loaded and queried on
     * the engine, and answers as the single table does.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(TestEngine.class)
    void columnsNamedByKeywordsAnswerEveryQueryOnEveryProposedLayoutAsTheSingleTableDoes(TestEngine engine)
            throws SQLException {
        ConnectionSpec spec = engine.connection().withNamespace(new Namespace(NAMESPACE, false));
        Engine kind = spec.dialect().engine();
        TableDefinition table = DdlParser.parse(KeywordTable.ddl(kind));
        List<AnalyzedQuery> analyzed = AdviceRun.analyze(table, QueryFile.parse(KeywordTable.queries(kind)));
        RowGenerator generator = new RowGenerator(table, 11);
        List<Advisor.Candidate> candidates = Advisor.propose(CostModel.of(generator, ROWS, 8192), analyzed, 3);
        List<ColumnGroups> layouts = new ArrayList<>(candidates.stream().map(Advisor.Candidate::groups).toList());
        List<SplitTable.CoveringIndex> indexes = new ArrayList<>(candidates.stream().map(Advisor.Candidate::covering).toList());
        // a split that parts every keyword column from the key's lookup, whatever the advisor chose
        layouts.add(ColumnGroups.of(table, List.of(List.of("order", "key", "status"),
                List.of("desc", "group", "user"), List.of("value", "type", "blob"))));
        indexes.add(new SplitTable.CoveringIndex("key", List.of("order", "status")));

        assertEveryLayoutAnswersAsTheSingleTable(spec, table, generator, analyzed, layouts, indexes);
    }

    private static void assertEveryLayoutAnswersAsTheSingleTable(ConnectionSpec spec, TableDefinition table,
                                                                 RowGenerator generator, List<AnalyzedQuery> analyzed,
                                                                 List<ColumnGroups> layouts,
                                                                 List<SplitTable.CoveringIndex> indexes)
            throws SQLException {
        assertThat(layouts.get(0).singleTable()).isTrue();
        assertThat(layouts).as("splits to compare with the single table").hasSizeGreaterThan(1);
        Engine kind = spec.dialect().engine();
        SplitTableStore store = new SplitTableStore(kind, 100);
        List<SplitTable> splits = new ArrayList<>();
        for (int i = 0; i < layouts.size(); i++) {
            splits.add(SplitTable.of("layout" + i, table, layouts.get(i), "rw_" + table.name() + "_" + i, indexes.get(i)));
        }
        AnalyzedQuery everything = AnalyzedQuery.of(table, new WorkloadQuery("all", "SELECT * FROM " + table.name(), 1));
        try (Connection connection = spec.open()) {
            for (SplitTable split : splits) {
                store.recreate(connection, split);
                store.load(connection, split, generator, ROWS);
            }
            for (AnalyzedQuery query : analyzed) {
                Map<String, List<String>> answers = new LinkedHashMap<>();
                for (SplitTable split : splits) {
                    List<String> rows = new ArrayList<>();
                    for (long row = 0; row < LOOKUPS; row++) {
                        Object[] values = QueryCall.values(query, generator, row * 13 % ROWS, ROWS + 1000 + row, ROWS + row);
                        rows.addAll(run(connection, query, split, kind, store.types(), table, values));
                    }
                    if (query.kind().writes()) {
                        rows = run(connection, everything, split, kind, store.types(), table, new Object[1]);
                    }
                    connection.commit();
                    answers.put(split.label() + " " + split.groups(), rows.stream().sorted().toList());
                }
                List<String> single = answers.get(splits.get(0).label() + " " + splits.get(0).groups());
                assertThat(single).as("%s on the single table", query.query().name()).isNotEmpty();
                answers.forEach((layout, rows) ->
                        assertThat(rows).as("%s on %s", query.query().name(), layout).isEqualTo(single));
            }
            for (SplitTable split : splits) {
                store.drop(connection, split);
            }
        }
    }

    private static List<String> run(Connection connection, AnalyzedQuery query, SplitTable split, Engine engine,
                                    EngineTypes types, TableDefinition table, Object[] values) throws SQLException {
        List<QueryRewriter.Rewritten> statements = QueryRewriter.rewrite(query, split, engine);
        List<PreparedStatement> prepared = new ArrayList<>();
        try {
            for (QueryRewriter.Rewritten statement : statements) {
                prepared.add(connection.prepareStatement(statement.sql()));
            }
            return QueryCall.run(prepared, statements, query, values, types, table, true);
        } finally {
            for (PreparedStatement statement : prepared) {
                statement.close();
            }
        }
    }

    @AfterAll
    static void dropTheNamespaces() throws SQLException {
        for (TestEngine engine : List.of(TestEngine.MARIADB, TestEngine.POSTGRESQL)) {
            TestServers.dropNamespace(engine, NAMESPACE);
        }
    }
}
