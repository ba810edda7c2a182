package dev.userbench.advisor;

import dev.userbench.definition.EngineTypes;
import dev.userbench.definition.TableRows;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One call of a workload query on one layout: its parameters' values, then its rewritten statements run. */
public final class QueryCall {

    /** The row count a LIMIT or OFFSET parameter gets. */
    public static final int COUNT_PARAMETER = 10;

    private QueryCall() {
    }

    /**
     * The values of a query's parameters, indexed from 1: an existing row's for a lookup, the row {@code freshRow}'s
     * for an UPDATE's SET (past the seeded rows, so unique columns never collide), the row {@code newRow}'s for an
     * INSERT.
     */
    public static Object[] values(AnalyzedQuery query, TableRows generator, long row, long freshRow, long newRow) {
        Object[] values = new Object[query.parameters().size() + 1];
        for (AnalyzedQuery.Parameter parameter : query.parameters()) {
            values[parameter.index()] = switch (parameter.role()) {
                case EXISTING -> generator.value(parameter.column(), row);
                case NEW_VALUE -> generator.value(parameter.column(), freshRow);
                case NEW_ROW -> generator.value(parameter.column(), newRow);
                case COUNT -> COUNT_PARAMETER;
            };
        }
        return values;
    }

    /**
     * Binds and runs each statement (prepared from {@code statements}, in order); returns the rows the reads gave
     * as normalized text when {@code keep}, else reads every column and keeps nothing. Does not commit.
     */
    public static List<String> run(List<PreparedStatement> prepared, List<QueryRewriter.Rewritten> statements,
                                   AnalyzedQuery query, Object[] values, EngineTypes types,
                                   dev.userbench.definition.TableDefinition table, boolean keep) throws SQLException {
        List<String> rows = keep ? new ArrayList<>() : List.of();
        for (int s = 0; s < statements.size(); s++) {
            QueryRewriter.Rewritten rewritten = statements.get(s);
            PreparedStatement statement = prepared.get(s);
            for (int p = 0; p < rewritten.parameters().size(); p++) {
                AnalyzedQuery.Parameter parameter = query.parameters().get(rewritten.parameters().get(p) - 1);
                Object value = values[parameter.index()];
                if (parameter.role() == AnalyzedQuery.Role.COUNT) {
                    statement.setInt(p + 1, (Integer) value);
                } else {
                    types.bind(statement, p + 1, table.column(parameter.column()), value);
                }
            }
            if (rewritten.returnsRows()) {
                try (ResultSet result = statement.executeQuery()) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = keep ? new StringBuilder() : null;
                        for (int c = 1; c <= columns; c++) {
                            Object value = result.getObject(c);
                            if (keep) {
                                row.append(c == 1 ? "" : " | ").append(EngineTypes.normalized(value));
                            }
                        }
                        if (keep) {
                            rows.add(row.toString());
                        }
                    }
                }
            } else {
                statement.executeUpdate();
            }
        }
        return rows;
    }
}
