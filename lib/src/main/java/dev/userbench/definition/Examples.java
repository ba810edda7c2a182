package dev.userbench.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The definitions shipped with the tool: the study's {@code users} table ({@code users.sql}, with the study's mix
 * as {@code users.queries.sql}) and a second entity, a product catalogue ({@code products.sql},
 * {@code products.queries.sql}).
 */
public enum Examples {
    USERS("users"), PRODUCTS("products");

    private final String name;

    Examples(String name) {
        this.name = name;
    }

    public String tableSql() {
        return resource(name + ".sql");
    }

    public String queriesSql() {
        return resource(name + ".queries.sql");
    }

    public TableDefinition definition() {
        return DdlParser.parse(tableSql());
    }

    private static String resource(String file) {
        try (InputStream in = Examples.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
