package dev.userbench.model;

/**
 * What a column of a user's table holds, independent of the dialect its {@code CREATE TABLE} was written in:
 * each engine's declared types map onto one kind, and each kind onto one natural type per engine.
 */
public enum ColumnKind {
    UUID, INTEGER, BIGINT, DECIMAL, BOOLEAN, TEXT, TIMESTAMP, DATE, BINARY, JSON;

    /** Fixed bytes one value takes on disk, or 0 when its width depends on the value (text, binary, json). */
    public int fixedBytes() {
        return switch (this) {
            case UUID -> 16;
            case INTEGER, DATE -> 4;
            case BIGINT, TIMESTAMP, DECIMAL -> 8;
            case BOOLEAN -> 1;
            case TEXT, BINARY, JSON -> 0;
        };
    }
}
