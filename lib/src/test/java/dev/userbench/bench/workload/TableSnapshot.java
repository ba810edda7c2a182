package dev.userbench.bench.workload;

import dev.userbench.model.Field;
import dev.userbench.schema.LayoutSql;
import dev.userbench.schema.TableDef;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every row of every table of a layout, read straight from each table, to see what a workload changed. */
record TableSnapshot(Map<String, Map<UUID, Map<Field, Object>>> tables) {

    /** One changed cell: which table, which user, which column. */
    record Change(String table, UUID uid, Field field) {
    }

    static TableSnapshot of(Connection connection, LayoutSql sql) throws SQLException {
        Map<String, Map<UUID, Map<Field, Object>>> tables = new LinkedHashMap<>();
        for (TableDef table : sql.layout().tables()) {
            String columns = table.columns().stream().map(Field::column).collect(Collectors.joining(", "));
            Map<UUID, Map<Field, Object>> rows = new HashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet resultSet = statement.executeQuery("SELECT " + columns + " FROM " + table.name())) {
                while (resultSet.next()) {
                    Map<Field, Object> row = new EnumMap<>(Field.class);
                    for (int i = 0; i < table.columns().size(); i++) {
                        row.put(table.columns().get(i), sql.dialect().read(resultSet, i + 1, table.columns().get(i)));
                    }
                    rows.put((UUID) row.get(Field.UID), row);
                }
            }
            tables.put(table.name(), rows);
        }
        connection.commit();
        return new TableSnapshot(tables);
    }

    int rows(String table) {
        return tables.get(table).size();
    }

    /** Cells that differ in rows both snapshots hold. */
    Set<Change> changesTo(TableSnapshot after) {
        Set<Change> changes = new HashSet<>();
        for (Map.Entry<String, Map<UUID, Map<Field, Object>>> table : tables.entrySet()) {
            Map<UUID, Map<Field, Object>> later = after.tables.get(table.getKey());
            for (Map.Entry<UUID, Map<Field, Object>> row : table.getValue().entrySet()) {
                Map<Field, Object> laterRow = later.get(row.getKey());
                if (laterRow == null) {
                    continue;
                }
                for (Map.Entry<Field, Object> cell : row.getValue().entrySet()) {
                    if (!Objects.equals(cell.getValue(), laterRow.get(cell.getKey()))) {
                        changes.add(new Change(table.getKey(), row.getKey(), cell.getKey()));
                    }
                }
            }
        }
        return changes;
    }

    /** Rows (by uid) in {@code after} that this snapshot does not hold, per table. */
    Map<String, Set<UUID>> addedIn(TableSnapshot after) {
        Map<String, Set<UUID>> added = new LinkedHashMap<>();
        for (Map.Entry<String, Map<UUID, Map<Field, Object>>> table : after.tables.entrySet()) {
            Set<UUID> uids = new HashSet<>(table.getValue().keySet());
            uids.removeAll(tables.get(table.getKey()).keySet());
            added.put(table.getKey(), uids);
        }
        return added;
    }

    Map<Field, Object> row(String table, UUID uid) {
        return tables.get(table).get(uid);
    }
}
