package dev.userbench.advisor;

import dev.userbench.definition.SplitTable;
import dev.userbench.definition.TableDefinition;
import dev.userbench.schema.Dialect;
import dev.userbench.schema.Dialects;
import dev.userbench.schema.Engine;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rewrites a statement on the single table for one split: a SELECT reads from the parts that hold the columns it
 * names, joined by the key; an UPDATE becomes one UPDATE per part it writes, finding its rows through the parts its
 * WHERE names; an INSERT one INSERT per part; a DELETE one DELETE per part. Every rewritten statement says which of
 * the original's parameters it takes, in its own order, so the same values run on every layout. Every column is
 * written quoted as the engine quotes an identifier, whatever quoting the original used: a user's column may be
 * called {@code order}, {@code key} or {@code desc}.
 */
public final class QueryRewriter {

    /** One statement of a rewrite and the original parameters (numbered from 1) it takes, in order. */
    public record Rewritten(String sql, List<Integer> parameters, boolean returnsRows) {
        public Rewritten {
            parameters = List.copyOf(parameters);
        }
    }

    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    private QueryRewriter() {
    }

    public static List<Rewritten> rewrite(AnalyzedQuery analyzed, SplitTable split, Engine engine) {
        Statement statement = AnalyzedQuery.parse(analyzed.query().sql(), analyzed.query().name());
        TableDefinition table = split.definition();
        Dialect dialect = Dialects.of(engine);
        return switch (analyzed.kind()) {
            case SELECT -> List.of(select((PlainSelect) statement, analyzed, split, dialect));
            case UPDATE -> update((Update) statement, analyzed, split, dialect);
            case INSERT -> insert((Insert) statement, split, table, dialect);
            case DELETE -> delete((Delete) statement, analyzed, split, dialect);
        };
    }

    private static Rewritten select(PlainSelect select, AnalyzedQuery analyzed, SplitTable split, Dialect dialect) {
        TableDefinition table = split.definition();
        List<SplitTable.Part> parts = partsFor(analyzed.read(), split);
        boolean join = parts.size() > 1;
        List<SelectItem<?>> items = new ArrayList<>();
        for (SelectItem<?> item : select.getSelectItems()) {
            if (item.getExpression() instanceof AllColumns || item.getExpression() instanceof AllTableColumns) {
                for (String column : table.columnNames()) {
                    items.add(SelectItem.from(new Column(column)));
                }
            } else {
                items.add(item);
            }
        }
        select.setSelectItems(items);
        ExpressionVisitorAdapter<Void> qualify = qualifier(split, parts, join, dialect);
        for (SelectItem<?> item : items) {
            item.getExpression().accept(qualify, null);
        }
        accept(select.getWhere(), qualify);
        if (select.getGroupBy() != null) {
            accept(select.getGroupBy().getGroupByExpressionList(), qualify);
        }
        accept(select.getHaving(), qualify);
        if (select.getOrderByElements() != null) {
            for (OrderByElement order : select.getOrderByElements()) {
                accept(order.getExpression(), qualify);
            }
        }
        if (select.getLimit() != null) {
            accept(select.getLimit().getRowCount(), qualify);
            accept(select.getLimit().getOffset(), qualify);
        }
        if (select.getOffset() != null) {
            accept(select.getOffset().getOffset(), qualify);
        }
        Table from = new Table(parts.get(0).table());
        if (join) {
            from.setAlias(new Alias("t0", false));
            List<Join> joins = new ArrayList<>();
            for (int i = 1; i < parts.size(); i++) {
                Table joined = new Table(parts.get(i).table()).withAlias(new Alias("t" + i, false));
                joins.add(new Join().withRightItem(joined).withOnExpression(keyEquality(table, "t0", "t" + i, dialect)));
            }
            select.setJoins(joins);
        }
        select.setFromItem(from);
        return numbered(select.toString(), true);
    }

    private static List<Rewritten> update(Update update, AnalyzedQuery analyzed, SplitTable split, Dialect dialect) {
        TableDefinition table = split.definition();
        Map<SplitTable.Part, List<UpdateSet>> byPart = new LinkedHashMap<>();
        for (UpdateSet set : update.getUpdateSets()) {
            for (int i = 0; i < set.getColumns().size(); i++) {
                String column = AnalyzedQuery.DdlName.bare(set.getColumns().get(i).getColumnName());
                if (table.isKey(column)) {
                    throw new IllegalArgumentException("query " + analyzed.query().name() + " changes the key column "
                            + column + ", which every part of a split holds: the advisor does not rewrite that");
                }
                byPart.computeIfAbsent(split.partOf(column), p -> new ArrayList<>())
                        .add(new UpdateSet(new Column(dialect.quoteIdentifier(column)), set.getValues().get(i)));
            }
        }
        Set<String> whereColumns = columnsOf(update.getWhere(), table);
        List<Rewritten> statements = new ArrayList<>();
        for (Map.Entry<SplitTable.Part, List<UpdateSet>> entry : byPart.entrySet()) {
            SplitTable.Part part = entry.getKey();
            ExpressionVisitorAdapter<Void> bare = qualifier(split, List.of(part), false, dialect);
            for (UpdateSet set : entry.getValue()) {
                Set<String> used = columnsOf(set.getValues().get(0), table);
                used.removeIf(c -> table.isKey(c) || part.holds(c));
                if (!used.isEmpty()) {
                    throw new IllegalArgumentException("query " + analyzed.query().name() + " sets a column from "
                            + used + ", which this split keeps in another table: the advisor does not rewrite that");
                }
                set.getValues().get(0).accept(bare, null);
            }
            String sets = entry.getValue().stream().map(s -> s.getColumn(0).getColumnName() + " = " + s.getValue(0))
                    .collect(Collectors.joining(", "));
            String sql = "UPDATE " + part.table() + " SET " + sets + rowsOf(update.getWhere(), whereColumns, part,
                    analyzed, split, dialect);
            statements.add(numbered(sql, false));
        }
        return statements;
    }

    private static List<Rewritten> insert(Insert insert, SplitTable split, TableDefinition table, Dialect dialect) {
        List<String> columns = insert.getColumns() == null ? table.columnNames()
                : insert.getColumns().stream().map(c -> AnalyzedQuery.DdlName.bare(c.getColumnName())).toList();
        List<?> values = insert.getValues().getExpressions();
        List<Rewritten> statements = new ArrayList<>();
        for (SplitTable.Part part : split.parts()) {
            List<String> names = new ArrayList<>();
            List<String> exprs = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                if (part.holds(columns.get(i))) {
                    Expression value = (Expression) values.get(i);
                    value.accept(qualifier(split, List.of(part), false, dialect), null);
                    names.add(dialect.quoteIdentifier(columns.get(i)));
                    exprs.add(value.toString());
                }
            }
            statements.add(numbered("INSERT INTO " + part.table() + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", exprs) + ")", false));
        }
        return statements;
    }

    private static List<Rewritten> delete(Delete delete, AnalyzedQuery analyzed, SplitTable split, Dialect dialect) {
        TableDefinition table = split.definition();
        Set<String> whereColumns = columnsOf(delete.getWhere(), table);
        List<SplitTable.Part> whereParts = partsFor(nonKey(whereColumns, table), split);
        if (nonKey(whereColumns, table).isEmpty()) {
            whereParts = List.of();
        }
        if (whereParts.size() > 1) {
            throw new IllegalArgumentException("query " + analyzed.query().name() + " deletes by columns that this split "
                    + "keeps in several tables: the advisor rewrites a DELETE whose WHERE names one part's columns");
        }
        List<Rewritten> statements = new ArrayList<>();
        // the parts the WHERE does not name go first, while the rows that say which keys to delete still exist
        List<SplitTable.Part> order = new ArrayList<>(split.parts());
        order.removeAll(whereParts);
        order.addAll(whereParts);
        for (SplitTable.Part part : order) {
            Statement fresh = AnalyzedQuery.parse(analyzed.query().sql(), analyzed.query().name());
            Expression where = ((Delete) fresh).getWhere();
            statements.add(numbered("DELETE FROM " + part.table()
                    + rowsOf(where, whereColumns, part, analyzed, split, dialect), false));
        }
        return statements;
    }

    /**
     * The WHERE of a statement on one part: the original condition when the part holds every column it names;
     * otherwise the keys of the rows it selects, found by joining the parts it names.
     */
    private static String rowsOf(Expression where, Set<String> whereColumns, SplitTable.Part part,
                                 AnalyzedQuery analyzed, SplitTable split, Dialect dialect) {
        if (where == null) {
            return "";
        }
        TableDefinition table = split.definition();
        Set<String> outside = nonKey(whereColumns, table);
        outside.removeIf(part::holds);
        if (outside.isEmpty()) {
            where.accept(qualifier(split, List.of(part), false, dialect), null);
            return " WHERE " + where;
        }
        List<SplitTable.Part> parts = partsFor(nonKey(whereColumns, table), split);
        boolean join = parts.size() > 1;
        where.accept(qualifier(split, parts, join, dialect), null);
        String keys = table.primaryKey().stream().map(dialect::quoteIdentifier).map(k -> join ? "t0." + k : k)
                .collect(Collectors.joining(", "));
        StringBuilder sub = new StringBuilder("SELECT ").append(keys).append(" FROM ").append(parts.get(0).table());
        if (join) {
            sub.append(" t0");
            for (int i = 1; i < parts.size(); i++) {
                sub.append(" JOIN ").append(parts.get(i).table()).append(" t").append(i).append(" ON ")
                        .append(keyEquality(table, "t0", "t" + i, dialect));
            }
        }
        sub.append(" WHERE ").append(where);
        String subquery = sub.toString();
        if (dialect.engine() == Engine.MYSQL && parts.contains(part)) {
            // MySQL refuses a subquery on the table being changed unless it is materialized first
            subquery = "SELECT * FROM (" + subquery + ") AS k";
        }
        List<String> quotedKey = table.primaryKey().stream().map(dialect::quoteIdentifier).toList();
        String key = quotedKey.size() == 1 ? quotedKey.get(0) : "(" + String.join(", ", quotedKey) + ")";
        return " WHERE " + key + " IN (" + subquery + ")";
    }

    private static Set<String> nonKey(Set<String> columns, TableDefinition table) {
        Set<String> kept = new LinkedHashSet<>(columns);
        kept.removeIf(table::isKey);
        return kept;
    }

    /** The parts holding the columns, the first part first when none of them is named (a key-only query). */
    private static List<SplitTable.Part> partsFor(Set<String> columns, SplitTable split) {
        List<SplitTable.Part> parts = new ArrayList<>();
        for (SplitTable.Part part : split.parts()) {
            if (columns.stream().anyMatch(c -> !split.definition().isKey(c) && part.holds(c))) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            parts.add(split.parts().get(0));
        }
        return parts;
    }

    private static Set<String> columnsOf(Expression expression, TableDefinition table) {
        Set<String> columns = new LinkedHashSet<>();
        if (expression != null) {
            expression.accept(new ExpressionVisitorAdapter<Void>() {
                @Override
                public <S> Void visit(Column column, S context) {
                    columns.add(table.column(AnalyzedQuery.DdlName.bare(column.getColumnName())).name());
                    return null;
                }
            }, null);
        }
        return columns;
    }

    /**
     * Writes each column as the engine quotes it, qualified with the alias of its part (or with any qualifier
     * stripped), and numbers the parameters.
     */
    private static ExpressionVisitorAdapter<Void> qualifier(SplitTable split, List<SplitTable.Part> parts, boolean join,
                                                           Dialect dialect) {
        return new ExpressionVisitorAdapter<>() {
            @Override
            public <S> Void visit(Column column, S context) {
                String name = split.definition().column(AnalyzedQuery.DdlName.bare(column.getColumnName())).name();
                column.setColumnName(dialect.quoteIdentifier(name));
                if (join) {
                    SplitTable.Part owner = split.definition().isKey(name) ? parts.get(0) : split.partOf(name);
                    column.setTable(new Table("t" + parts.indexOf(owner)));
                } else {
                    column.setTable(null);
                }
                return null;
            }

            @Override
            public <S> Void visit(JdbcParameter parameter, S context) {
                parameter.setUseFixedIndex(true);
                return null;
            }
        };
    }

    private static void accept(Expression expression, ExpressionVisitorAdapter<Void> visitor) {
        if (expression != null) {
            expression.accept(visitor, null);
        }
    }

    private static Expression keyEquality(TableDefinition table, String left, String right, Dialect dialect) {
        Expression condition = null;
        for (String key : table.primaryKey()) {
            String quoted = dialect.quoteIdentifier(key);
            EqualsTo equals = new EqualsTo(new Column(new Table(right), quoted), new Column(new Table(left), quoted));
            condition = condition == null ? equals
                    : new net.sf.jsqlparser.expression.operators.conditional.AndExpression(condition, equals);
        }
        return condition;
    }

    /** Turns the numbered {@code ?N} marks back into {@code ?}, remembering N in order. */
    private static Rewritten numbered(String sql, boolean returnsRows) {
        List<Integer> parameters = new ArrayList<>();
        Matcher matcher = NUMBERED.matcher(sql);
        StringBuilder plain = new StringBuilder();
        while (matcher.find()) {
            parameters.add(Integer.valueOf(matcher.group(1)));
            matcher.appendReplacement(plain, "?");
        }
        matcher.appendTail(plain);
        return new Rewritten(plain.toString(), parameters, returnsRows);
    }
}
