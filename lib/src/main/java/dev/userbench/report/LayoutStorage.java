package dev.userbench.report;

import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * One layout's storage as the engine accounts for it: all its bytes, and the bytes of its login (root) table with
 * that table's indexes, the part a login reads. Sentences take these, not a table's columns by name.
 */
public record LayoutStorage(String layout, long bytes, long loginTableBytes) {

    /**
     * The entries of a storage table ({@link CheckTables#storagePerLayout} or {@link CheckTables#hotAndCold}).
     *
     * @throws IllegalArgumentException when the table lacks {@code layout}, {@code bytes} or {@code login_table_bytes}
     */
    public static List<LayoutStorage> fromTable(Table storage) {
        for (String column : List.of("layout", "bytes", "login_table_bytes")) {
            if (!storage.containsColumn(column)) {
                throw new IllegalArgumentException("the storage table \"" + storage.name() + "\" has no column "
                        + column + " (it has " + storage.columnNames() + "): build it with CheckTables.storagePerLayout");
            }
        }
        List<LayoutStorage> entries = new ArrayList<>();
        for (int row = 0; row < storage.rowCount(); row++) {
            entries.add(new LayoutStorage(storage.stringColumn("layout").get(row), storage.longColumn("bytes").get(row),
                    storage.longColumn("login_table_bytes").get(row)));
        }
        return List.copyOf(entries);
    }

    /** The login table's share of {@code other}'s whole storage. */
    public double loginTableShareOf(LayoutStorage other) {
        return (double) loginTableBytes / other.bytes();
    }
}
