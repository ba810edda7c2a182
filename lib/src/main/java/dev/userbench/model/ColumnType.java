package dev.userbench.model;

/** What a field holds, independent of any engine; each dialect maps it to the engine's natural type. */
public enum ColumnType {
    UUID, EMAIL, SHA256_HEX, ROLE, BOOLEAN, SHORT_TEXT, PHONE, LONG_TEXT, URL, TIMESTAMP;

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
