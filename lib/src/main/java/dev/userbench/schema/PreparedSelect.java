package dev.userbench.schema;

import dev.userbench.model.Field;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A {@link LayoutSql.Select} by one key prepared on one connection: its one statement, or, when the select first looks
 * the uid up ({@link LayoutSql.Select#uidLookup()}), the lookup and then the select by that uid, each answered by one
 * shard. Every caller that reads a user by a key goes through here, so no caller binds an email where a uid is due.
 */
public final class PreparedSelect implements AutoCloseable {

    private final Dialect dialect;
    private final PreparedStatement lookup;
    private final PreparedStatement select;

    private PreparedSelect(Dialect dialect, PreparedStatement lookup, PreparedStatement select) {
        this.dialect = dialect;
        this.lookup = lookup;
        this.select = select;
    }

    public static PreparedSelect prepare(Connection connection, Dialect dialect, LayoutSql.Select select)
            throws SQLException {
        PreparedStatement lookup = select.uidLookup() == null ? null : connection.prepareStatement(select.uidLookup());
        try {
            return new PreparedSelect(dialect, lookup, connection.prepareStatement(select.sql()));
        } catch (SQLException | RuntimeException e) {
            if (lookup != null) {
                lookup.close();
            }
            throw e;
        }
    }

    /** How many statements one read sends: 1, or 2 with a uid lookup. */
    public int statements() {
        return lookup == null ? 1 : 2;
    }

    /**
     * Runs the select for {@code key} (bound as {@code field}) and returns its rows, for the caller to close; null when
     * the uid lookup holds no such key (no user has it), so nothing is read by uid.
     */
    public ResultSet query(Field field, Object key) throws SQLException {
        if (lookup == null) {
            dialect.bind(select, 1, field, key);
            return select.executeQuery();
        }
        dialect.bind(lookup, 1, field, key);
        Object uid;
        try (ResultSet found = lookup.executeQuery()) {
            if (!found.next()) {
                return null;
            }
            uid = dialect.read(found, 1, Field.UID);
        }
        dialect.bind(select, 1, Field.UID, uid);
        return select.executeQuery();
    }

    @Override
    public void close() throws SQLException {
        try {
            select.close();
        } finally {
            if (lookup != null) {
                lookup.close();
            }
        }
    }
}
