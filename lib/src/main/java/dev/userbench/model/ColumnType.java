package dev.userbench.model;

/** What a field holds, independent of any engine; each dialect maps it to the engine's natural type. */
public enum ColumnType {
    UUID, EMAIL, SHA256_HEX, ROLE, BOOLEAN, SHORT_TEXT, PHONE, LONG_TEXT, URL, TIMESTAMP;

    /** How {@code users.sql} declares it (PostgreSQL's spelling); each engine spells the kind and length its way. */
    public String declaredType() {
        return switch (this) {
            case UUID -> "uuid";
            case EMAIL, SHORT_TEXT -> "varchar(255)";
            case SHA256_HEX -> "char(64)";
            case ROLE -> "varchar(6)";
            case BOOLEAN -> "boolean";
            case PHONE -> "varchar(64)";
            case LONG_TEXT -> "text";
            case URL -> "varchar(512)";
            case TIMESTAMP -> "timestamptz";
        };
    }

    /** The declared length of its text, or null when it has none. */
    public Integer length() {
        return switch (this) {
            case EMAIL, SHORT_TEXT -> 255;
            case SHA256_HEX -> 64;
            case ROLE -> 6;
            case PHONE -> 64;
            case URL -> 512;
            case UUID, BOOLEAN, LONG_TEXT, TIMESTAMP -> null;
        };
    }

    /** The kind of column it is, as any table definition's columns are: the study's fields are no special case. */
    public ColumnKind kind() {
        return switch (this) {
            case UUID -> ColumnKind.UUID;
            case BOOLEAN -> ColumnKind.BOOLEAN;
            case TIMESTAMP -> ColumnKind.TIMESTAMP;
            case EMAIL, SHA256_HEX, ROLE, SHORT_TEXT, PHONE, LONG_TEXT, URL -> ColumnKind.TEXT;
        };
    }
}
