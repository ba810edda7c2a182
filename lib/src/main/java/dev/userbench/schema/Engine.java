package dev.userbench.schema;

/** The database engines this tool speaks to; one {@link Dialect} each. */
public enum Engine {
    SQLITE("sqlite"), MYSQL("mysql"), POSTGRESQL("postgresql");

    private final String label;

    Engine(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
