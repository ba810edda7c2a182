package dev.userbench.model;

/** What a field holds, independent of any engine; each dialect maps it to the engine's natural type. */
public enum ColumnType {
    UUID, EMAIL, SHA256_HEX, ROLE, BOOLEAN, SHORT_TEXT, PHONE, LONG_TEXT, URL, TIMESTAMP
}
