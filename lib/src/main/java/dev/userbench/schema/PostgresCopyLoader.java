package dev.userbench.schema;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's own bulk path, {@code COPY table (columns) FROM STDIN (FORMAT binary)} through pgjdbc's
 * {@link CopyManager}, in the caller's transaction, with the table's constraints and indexes as they
 * are. Binary rather than CSV: the server then converts no text to uuid, timestamptz or boolean, which
 * on a machine with few cores leaves more of them to the server. Rows are held in chunks of {@link #CHUNK_ROWS}; each chunk is copied table by table (the
 * referenced table first, so the foreign key holds), its rows streamed to the server in pieces as they
 * are encoded, so the server parses while the client encodes. Memory is one chunk, whatever the load.
 */
final class PostgresCopyLoader implements BulkLoader {

    static final PostgresCopyLoader INSTANCE = new PostgresCopyLoader();

    /** Rows per COPY statement: large enough that starting a COPY costs nothing, small enough to hold. */
    static final int CHUNK_ROWS = 8192;
    /** Bytes encoded before they are handed to the connection. */
    private static final int PIECE_BYTES = 64 * 1024;

    private PostgresCopyLoader() {
    }

    @Override
    public String description() {
        return "COPY FROM STDIN (binary)";
    }

    @Override
    public <R> Load<R> start(Connection connection, Dialect dialect, List<LoadTable<R>> tables) throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<String> statements = tables.stream().map(t -> copyStatement(t, dialect)).toList();
        return new Load<>() {
            private final List<R> pending = new ArrayList<>(CHUNK_ROWS);
            private final PostgresBinaryRows piece = new PostgresBinaryRows();
            private CopyIn active;

            @Override
            public void write(List<R> rows) throws SQLException {
                for (R row : rows) {
                    pending.add(row);
                    if (pending.size() == CHUNK_ROWS) {
                        flush();
                    }
                }
            }

            @Override
            public void finish() throws SQLException {
                if (!pending.isEmpty()) {
                    flush();
                }
            }

            private void flush() throws SQLException {
                for (int t = 0; t < tables.size(); t++) {
                    List<LoadTable.Column<R>> columns = tables.get(t).columns();
                    active = copy.copyIn(statements.get(t));
                    piece.clear();
                    piece.header();
                    for (R row : pending) {
                        piece.row(columns, row);
                        if (piece.size() >= PIECE_BYTES) {
                            send();
                        }
                    }
                    piece.trailer();
                    send();
                    CopyIn done = active;
                    active = null;
                    done.endCopy();
                }
                pending.clear();
            }

            private void send() throws SQLException {
                if (piece.size() > 0) {
                    active.writeToCopy(piece.bytes(), 0, piece.size());
                    piece.clear();
                }
            }

            @Override
            public void close() throws SQLException {
                pending.clear();
                if (active != null && active.isActive()) {
                    CopyIn abandoned = active;
                    active = null;
                    abandoned.cancelCopy();
                }
            }
        };
    }

    static String copyStatement(LoadTable<?> table, Dialect dialect) {
        return "COPY " + table.name() + " (" + table.columnList(dialect) + ") FROM STDIN WITH (FORMAT binary)";
    }
}
