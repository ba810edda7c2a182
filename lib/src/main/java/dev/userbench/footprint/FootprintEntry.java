package dev.userbench.footprint;

import java.util.Objects;

/**
 * Bytes one storage object of a layout takes, as the engine accounts for it. Written to results.json
 * as an element of the {@code footprint} list with the names {@code layout, object, kind, bytes}.
 *
 * @param layout the layout's name ({@code monolith}, {@code fragmented}, ...)
 * @param object the table or index name as the engine knows it (SQLite's {@code sqlite_autoindex_*}
 *               included, PostgreSQL's {@code pg_toast.pg_toast_<oid>} for TOAST)
 * @param kind   {@link #TABLE}, {@link #INDEX} or {@link #TOAST}
 * @param bytes  size on disk in bytes
 */
public record FootprintEntry(String layout, String object, String kind, long bytes) {

    /** The rows themselves: a heap, a rowid b-tree, or InnoDB's clustered index (which is the table). */
    public static final String TABLE = "table";
    /** A secondary index, or the separate primary-key index of a heap or rowid table. */
    public static final String INDEX = "index";
    /** PostgreSQL's out-of-line storage of wide values, its own index included. */
    public static final String TOAST = "toast";

    public FootprintEntry {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(object, "object");
        if (!TABLE.equals(kind) && !INDEX.equals(kind) && !TOAST.equals(kind)) {
            throw new IllegalArgumentException("kind is table, index or toast, got " + kind);
        }
        if (bytes < 0) {
            throw new IllegalArgumentException(object + ": bytes cannot be negative, got " + bytes);
        }
    }
}
