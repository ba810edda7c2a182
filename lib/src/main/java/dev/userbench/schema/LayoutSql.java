package dev.userbench.schema;

import dev.userbench.model.Field;
import dev.userbench.model.User;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The statements of one layout in one dialect, derived from the layout's definition: DDL, inserts,
 * selects by email or uid (joining tables when the fields asked for live in several), updates and
 * counts. Every statement that takes a value takes it as a {@code ?} parameter.
 */
public final class LayoutSql {

    /**
     * A SELECT and the fields its columns hold, in column order.
     *
     * @param uidLookup null when {@code sql} takes the key itself; else the statement that finds the uid for the key
     *                  (its one parameter), which {@code sql} then takes in its place: on a sharded layout with an email
     *                  lookup table, a read by email asks the lookup's shard for the uid, then the user's shard by
     *                  uid, as a router with a lookup vindex does ({@link PreparedSelect} runs both)
     */
    public record Select(String sql, List<Field> fields, String uidLookup) {
        public Select(String sql, List<Field> fields) {
            this(sql, fields, null);
        }

        /** The statement, or both of them (the lookup first), as a script. */
        public String script() {
            return uidLookup == null ? sql + ";" : uidLookup + ";\n" + sql + ";";
        }
    }

    /** An UPDATE of one table and the fields it sets, in parameter order (the uid parameter follows). */
    public record Update(String table, String sql, List<Field> fields) {
    }

    private final Dialect dialect;
    private final Layout layout;

    LayoutSql(Dialect dialect, Layout layout) {
        this.dialect = dialect;
        this.layout = layout;
    }

    public Layout layout() {
        return layout;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * CREATE TABLE for each table in reference order, then the indexes; on a sharded layout the engine's statements
     * that create the tables on every shard and the routing tables on the head ({@link Dialect#shardedTables()}).
     */
    public List<String> create() {
        if (layout.sharded()) {
            return dialect.shardedTables().create(this);
        }
        List<String> ddl = new ArrayList<>();
        for (TableDef table : layout.tables()) {
            ddl.add(createTable(table));
        }
        for (IndexDef index : layout.indexes()) {
            ddl.add(dialect.createIndex(index));
        }
        return List.copyOf(ddl);
    }

    /** DROP TABLE IF EXISTS for each table, referencing tables first. */
    public List<String> drop() {
        if (layout.sharded()) {
            return dialect.shardedTables().drop(this);
        }
        List<String> ddl = new ArrayList<>();
        List<TableDef> tables = layout.tables();
        for (int i = tables.size() - 1; i >= 0; i--) {
            ddl.add("DROP TABLE IF EXISTS " + tables.get(i).name());
        }
        return List.copyOf(ddl);
    }

    /** The DDL as one printable script. */
    public String createScript() {
        return create().stream().map(s -> s + ";").collect(Collectors.joining("\n\n"));
    }

    private String createTable(TableDef table) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(table.name()).append(" (\n");
        for (Field field : table.columns()) {
            sql.append("    ").append(field.column()).append(' ').append(dialect.columnDefinition(field)).append(",\n");
        }
        sql.append("    PRIMARY KEY (uid)");
        if (table != layout.root()) {
            sql.append(",\n    FOREIGN KEY (uid) REFERENCES ").append(layout.root().name()).append(" (uid)");
        }
        return sql.append("\n)").append(dialect.tableOptions()).toString();
    }

    /**
     * The tables a new user is written to, in order: the layout's, preceded on a sharded layout with an email lookup
     * by that lookup table (so a duplicate email is refused before anything else is written).
     */
    public List<TableDef> writtenTables() {
        if (!layout.sharded() || layout.sharding().lookup() == null) {
            return layout.tables();
        }
        List<TableDef> tables = new ArrayList<>();
        tables.add(layout.sharding().lookup());
        tables.addAll(layout.tables());
        return List.copyOf(tables);
    }

    /**
     * How many users go into the empty tables fastest: the dialect's bulk path, or batched INSERTs through the head
     * on a sharded layout (the head batches them per shard; a bulk path such as COPY would go row by row).
     */
    public BulkLoader bulkLoader() {
        return layout.sharded() ? BulkLoader.batchedInserts() : dialect.bulkLoader();
    }

    /** The tables a load fills, in {@link #writtenTables()} order, each column read from a user. */
    public List<LoadTable<User>> loadTables() {
        return writtenTables().stream().map(table -> new LoadTable<User>(table.name(), table.columns().stream()
                .map(field -> new LoadTable.Column<User>(field.column(), field.kind(), field::columnValue)).toList()))
                .toList();
    }

    public String insert(TableDef table) {
        String columns = table.columns().stream().map(Field::column).collect(Collectors.joining(", "));
        String marks = table.columns().stream().map(f -> "?").collect(Collectors.joining(", "));
        return "INSERT INTO " + table.name() + " (" + columns + ") VALUES (" + marks + ")";
    }

    /** Selects the given fields of the user whose {@code key} equals the one parameter. */
    public Select selectBy(Field key, Collection<Field> wanted) {
        return select(wanted, key);
    }

    /** Selects the given fields of every user (no parameter). */
    public Select selectAll(Collection<Field> wanted) {
        return select(wanted, null);
    }

    /** The study's login: every column of the table that holds the email. */
    public Select loginWholeRow() {
        return selectBy(Field.EMAIL, layout.root().columns());
    }

    /** The fair login: only the login columns, wherever they live. */
    public Select loginProjected() {
        return selectBy(Field.EMAIL, Field.AUTH);
    }

    /** One UPDATE per table that holds any of the fields, each ending in {@code WHERE uid = ?}. */
    public List<Update> updateByUid(Collection<Field> fields) {
        Map<TableDef, List<Field>> byTable = new LinkedHashMap<>();
        for (Field field : ordered(fields)) {
            byTable.computeIfAbsent(layout.tableOf(field), t -> new ArrayList<>()).add(field);
        }
        return byTable.entrySet().stream().map(e -> new Update(e.getKey().name(),
                "UPDATE " + e.getKey().name() + " SET "
                        + e.getValue().stream().map(f -> f.column() + " = ?").collect(Collectors.joining(", "))
                        + " WHERE uid = ?", List.copyOf(e.getValue()))).toList();
    }

    public String count(TableDef table) {
        return "SELECT COUNT(*) FROM " + table.name();
    }

    /** Counts the rows of a table that is not the root whose uid has no row in the root table. */
    public String countOrphans(TableDef table) {
        if (table == layout.root()) {
            throw new IllegalArgumentException(table.name() + " is the root table of " + layout.name() + ": it cannot be orphaned");
        }
        return "SELECT COUNT(*) FROM " + table.name() + " t WHERE NOT EXISTS (SELECT 1 FROM "
                + layout.root().name() + " r WHERE r.uid = t.uid)";
    }

    private Select select(Collection<Field> wanted, Field key) {
        List<Field> fields = ordered(wanted);
        List<TableDef> needed = new ArrayList<>();
        needed.add(layout.root());
        for (Field field : fields) {
            TableDef table = layout.tableOf(field);
            if (!needed.contains(table)) {
                needed.add(table);
            }
        }
        if (key != null && !needed.contains(layout.tableOf(key))) {
            needed.add(layout.tableOf(key));
        }
        boolean join = needed.size() > 1;
        String columns = fields.stream().map(f -> qualified(f, needed, join)).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM ").append(needed.get(0).name());
        if (join) {
            sql.append(" t0");
            for (int i = 1; i < needed.size(); i++) {
                sql.append(" JOIN ").append(needed.get(i).name()).append(" t").append(i)
                        .append(" ON t").append(i).append(".uid = t0.uid");
            }
        }
        String uidLookup = null;
        if (key == Field.EMAIL && layout.sharded() && layout.sharding().lookup() != null) {
            // two statements, not a subquery: the lookup's one shard gives the uid, and the uid bound as a parameter
            // lets the head prune to the user's one shard before it begins any (a subquery's value prunes only at run
            // time, after postgres_fdw has opened a remote transaction on every shard)
            uidLookup = "SELECT uid FROM " + layout.sharding().lookup().name() + " WHERE email = ?";
            sql.append(" WHERE ").append(qualified(Field.UID, needed, join)).append(" = ?");
        } else if (key != null) {
            sql.append(" WHERE ").append(qualified(key, needed, join)).append(" = ?");
        }
        return new Select(sql.toString(), fields, uidLookup);
    }

    private String qualified(Field field, List<TableDef> tables, boolean join) {
        if (!join) {
            return field.column();
        }
        TableDef owner = field == Field.UID ? tables.get(0) : layout.tableOf(field);
        return "t" + tables.indexOf(owner) + "." + field.column();
    }

    private static List<Field> ordered(Collection<Field> fields) {
        Set<Field> set = fields.isEmpty() ? EnumSet.noneOf(Field.class) : EnumSet.copyOf(fields);
        return List.copyOf(set);
    }
}
