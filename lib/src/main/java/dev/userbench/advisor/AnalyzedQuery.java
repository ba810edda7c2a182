package dev.userbench.advisor;

import dev.userbench.definition.TableDefinition;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one statement of a workload does to the table, read by JSqlParser: its kind, the columns it reads and
 * writes, whether it touches one row (an equality on the whole key or on a unique column), and what each
 * {@code ?} stands for, so the proof can give it real values.
 */
public record AnalyzedQuery(WorkloadQuery query, Kind kind, Set<String> read, Set<String> written, boolean pointLookup,
                            List<Parameter> parameters, Set<String> pinned) {

    public enum Kind {
        SELECT, UPDATE, INSERT, DELETE;

        public boolean writes() {
            return this != SELECT;
        }
    }

    /** What a parameter's value is drawn from. */
    public enum Role {
        /** a value an existing row holds in {@code column} (a lookup) */
        EXISTING,
        /** a fresh value for {@code column} (an UPDATE's SET) */
        NEW_VALUE,
        /** the column's value of a row no table holds yet (an INSERT) */
        NEW_ROW,
        /** a row count (LIMIT, OFFSET) */
        COUNT
    }

    /** The parameter numbered {@code index} (from 1, in the statement's text order). */
    public record Parameter(int index, String column, Role role) {
    }

    public AnalyzedQuery {
        read = Set.copyOf(read);
        written = Set.copyOf(written);
        parameters = List.copyOf(parameters);
        pinned = Set.copyOf(pinned);
    }

    /** Every column the statement names, read or written. */
    public Set<String> columns() {
        Set<String> all = new LinkedHashSet<>(read);
        all.addAll(written);
        return all;
    }

    public static Statement parse(String sql, String name) {
        try {
            return CCJSqlParserUtil.parse(sql);
        } catch (JSQLParserException e) {
            throw new IllegalArgumentException("query " + name + " is not SQL the parser understands: "
                    + dev.userbench.definition.DdlParser.parserMessage(e));
        }
    }

    public static AnalyzedQuery of(TableDefinition table, WorkloadQuery query) {
        Statement statement = parse(query.sql(), query.name());
        Walk walk = new Walk(table, query.name());
        Kind kind;
        Set<String> written = new LinkedHashSet<>();
        Expression where;
        if (statement instanceof PlainSelect select) {
            kind = Kind.SELECT;
            walk.checkTable(select.getFromItem());
            if (select.getJoins() != null && !select.getJoins().isEmpty()) {
                throw walk.refuse("joins another table; give statements on " + table.name() + " alone");
            }
            for (SelectItem<?> item : select.getSelectItems()) {
                if (item.getExpression() instanceof AllColumns || item.getExpression() instanceof AllTableColumns) {
                    walk.read.addAll(table.columnNames());
                } else {
                    walk.scan(item.getExpression());
                }
            }
            where = select.getWhere();
            if (select.getGroupBy() != null) {
                walk.scan(select.getGroupBy().getGroupByExpressionList());
            }
            if (select.getHaving() != null) {
                walk.scan(select.getHaving());
            }
            if (select.getOrderByElements() != null) {
                for (OrderByElement order : select.getOrderByElements()) {
                    walk.scan(order.getExpression());
                }
            }
            if (select.getLimit() != null) {
                walk.count(select.getLimit().getRowCount());
                walk.count(select.getLimit().getOffset());
            }
            if (select.getOffset() != null) {
                walk.count(select.getOffset().getOffset());
            }
        } else if (statement instanceof Update update) {
            kind = Kind.UPDATE;
            walk.checkTable(update.getTable());
            for (UpdateSet set : update.getUpdateSets()) {
                for (int i = 0; i < set.getColumns().size(); i++) {
                    String column = walk.column(set.getColumns().get(i));
                    written.add(column);
                    Expression value = set.getValues().get(i);
                    if (value instanceof JdbcParameter parameter) {
                        walk.assign(parameter, column, Role.NEW_VALUE);
                    } else {
                        walk.valueOf(value, column);
                    }
                }
            }
            where = update.getWhere();
        } else if (statement instanceof Insert insert) {
            kind = Kind.INSERT;
            walk.checkTable(insert.getTable());
            List<String> columns = insert.getColumns() == null ? table.columnNames()
                    : insert.getColumns().stream().map(walk::column).toList();
            if (insert.getValues() == null || insert.getValues().getExpressions().size() != columns.size()) {
                throw walk.refuse("must be INSERT INTO " + table.name() + " (columns) VALUES (one value per column)");
            }
            for (String key : table.primaryKey()) {
                if (!columns.contains(key)) {
                    throw walk.refuse("does not give the key column " + key + ": a split table needs it in every part");
                }
            }
            List<?> values = insert.getValues().getExpressions();
            for (int i = 0; i < columns.size(); i++) {
                written.add(columns.get(i));
                Expression value = (Expression) values.get(i);
                if (value instanceof JdbcParameter parameter) {
                    walk.assign(parameter, columns.get(i), Role.NEW_ROW);
                } else {
                    walk.valueOf(value, columns.get(i));
                }
            }
            where = null;
        } else if (statement instanceof Delete delete) {
            kind = Kind.DELETE;
            walk.checkTable(delete.getTable());
            written.addAll(table.columnNames());
            where = delete.getWhere();
        } else {
            throw walk.refuse("is neither a SELECT, UPDATE, INSERT nor DELETE on " + table.name());
        }
        Set<String> pinned = new LinkedHashSet<>();
        if (where != null) {
            walk.scan(where);
            pinned = pinned(walk, where);
        }
        boolean point = pinned.containsAll(table.primaryKey()) || pinned.stream().anyMatch(table::isUnique);
        List<Parameter> parameters = walk.parameters();
        return new AnalyzedQuery(query, kind, walk.read, written, point || kind == Kind.INSERT, parameters, pinned);
    }

    /** The columns an AND of equalities pins to one value each. */
    private static Set<String> pinned(Walk walk, Expression where) {
        Set<String> pinned = new LinkedHashSet<>();
        List<Expression> conjuncts = new ArrayList<>();
        conjuncts(where, conjuncts);
        for (Expression conjunct : conjuncts) {
            if (conjunct instanceof EqualsTo equals) {
                String left = walk.plainColumn(equals.getLeftExpression());
                String right = walk.plainColumn(equals.getRightExpression());
                if (left != null && right == null) {
                    pinned.add(left);
                } else if (right != null && left == null) {
                    pinned.add(right);
                }
            }
        }
        return pinned;
    }

    private static void conjuncts(Expression expression, List<Expression> into) {
        if (expression instanceof AndExpression and) {
            conjuncts(and.getLeftExpression(), into);
            conjuncts(and.getRightExpression(), into);
        } else if (expression instanceof net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList<?> list
                && list.size() == 1) {
            conjuncts((Expression) list.get(0), into);
        } else {
            into.add(expression);
        }
    }

    /** Collects columns and gives every parameter its role from the column it is compared with or assigned to. */
    private static final class Walk extends ExpressionVisitorAdapter<Void> {
        private final TableDefinition table;
        private final String name;
        private final Set<String> read = new LinkedHashSet<>();
        private final TreeMap<Integer, Parameter> roles = new TreeMap<>();
        private final Set<Integer> seen = new java.util.TreeSet<>();

        Walk(TableDefinition table, String name) {
            this.table = table;
            this.name = name;
        }

        IllegalArgumentException refuse(String what) {
            return new IllegalArgumentException("query " + name + " " + what);
        }

        void checkTable(FromItem item) {
            if (!(item instanceof Table t) || !DdlName.same(t.getName(), table.name())) {
                throw refuse("does not read the table " + table.name() + " (found " + item + ")");
            }
        }

        String column(Column column) {
            String bare = DdlName.bare(column.getColumnName());
            if (table.find(bare).isEmpty()) {
                throw refuse("names " + column.getColumnName() + ", which is not a column of " + table.name()
                        + " (" + String.join(", ", table.columnNames()) + ")");
            }
            return bare;
        }

        void scan(Expression expression) {
            if (expression != null) {
                expression.accept(this, null);
            }
        }

        void count(Expression expression) {
            if (expression instanceof JdbcParameter parameter) {
                assign(parameter, null, Role.COUNT);
            }
        }

        void assign(JdbcParameter parameter, String column, Role role) {
            seen.add(parameter.getIndex());
            roles.putIfAbsent(parameter.getIndex(), new Parameter(parameter.getIndex(), column, role));
        }

        /** A value expression such as {@code stock - ?}: its parameters are values of the assigned column. */
        void valueOf(Expression value, String column) {
            value.accept(new ExpressionVisitorAdapter<Void>() {
                @Override
                public <S> Void visit(JdbcParameter parameter, S context) {
                    assign(parameter, column, Role.EXISTING);
                    return null;
                }

                @Override
                public <S> Void visit(Column c, S context) {
                    read.add(Walk.this.column(c));
                    return null;
                }
            }, null);
        }

        /** The column a side of a comparison stands for: a column, or a function of one column (lower(email)). */
        String plainColumn(Expression side) {
            if (side instanceof Column column) {
                return column(column);
            }
            if (side instanceof Function function && function.getParameters() != null) {
                List<String> inside = new ArrayList<>();
                for (Object parameter : function.getParameters()) {
                    if (parameter instanceof Column column) {
                        inside.add(column(column));
                    }
                }
                return inside.size() == 1 ? inside.get(0) : null;
            }
            return null;
        }

        @Override
        protected <S> Void visitBinaryExpression(BinaryExpression expression, S context) {
            pair(expression.getLeftExpression(), expression.getRightExpression());
            pair(expression.getRightExpression(), expression.getLeftExpression());
            return super.visitBinaryExpression(expression, context);
        }

        private void pair(Expression side, Expression other) {
            String column = plainColumn(side);
            if (column != null && other instanceof JdbcParameter parameter) {
                assign(parameter, column, Role.EXISTING);
            }
        }

        @Override
        public <S> Void visit(InExpression expression, S context) {
            String column = plainColumn(expression.getLeftExpression());
            if (column != null && expression.getRightExpression() instanceof ExpressionList<?> list) {
                for (Object item : list) {
                    if (item instanceof JdbcParameter parameter) {
                        assign(parameter, column, Role.EXISTING);
                    }
                }
            }
            return super.visit(expression, context);
        }

        @Override
        public <S> Void visit(Between expression, S context) {
            String column = plainColumn(expression.getLeftExpression());
            if (column != null) {
                for (Expression bound : List.of(expression.getBetweenExpressionStart(), expression.getBetweenExpressionEnd())) {
                    if (bound instanceof JdbcParameter parameter) {
                        assign(parameter, column, Role.EXISTING);
                    }
                }
            }
            return super.visit(expression, context);
        }

        @Override
        public <S> Void visit(JdbcParameter parameter, S context) {
            seen.add(parameter.getIndex());
            return null;
        }

        @Override
        public <S> Void visit(Column column, S context) {
            read.add(column(column));
            return null;
        }

        List<Parameter> parameters() {
            List<Parameter> list = new ArrayList<>();
            for (Integer index : seen) {
                Parameter parameter = roles.get(index);
                if (parameter == null) {
                    throw refuse("has a ? (number " + index + ") that is not compared with, or assigned to, one column, "
                            + "so no value can be chosen for it");
                }
                list.add(parameter);
            }
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).index() != i + 1) {
                    throw refuse("has parameters this tool could not number in order");
                }
            }
            return list;
        }
    }

    /** Identifier comparison as the engines do for unquoted names. */
    static final class DdlName {
        private DdlName() {
        }

        static String bare(String identifier) {
            String name = identifier.trim();
            if (name.length() >= 2 && "\"`[".indexOf(name.charAt(0)) >= 0) {
                name = name.substring(1, name.length() - 1);
            }
            return name.toLowerCase(Locale.ROOT);
        }

        static boolean same(String a, String b) {
            return bare(a).equals(bare(b));
        }
    }
}
