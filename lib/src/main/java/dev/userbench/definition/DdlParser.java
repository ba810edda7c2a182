package dev.userbench.definition;

import dev.userbench.model.ColumnKind;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one {@code CREATE TABLE} written for SQLite, MySQL/MariaDB or PostgreSQL into a {@link TableDefinition},
 * with JSqlParser: columns, their kinds and declared lengths, the primary key, unique columns, and the values an
 * {@code ENUM} or a {@code CHECK (c IN (...))} allows.
 */
public final class DdlParser {

    private static final Pattern TYPE = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_ ]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*(\\[\\])?\\s*");
    private static final Pattern CHECK_IN = Pattern.compile("(?is)\\(?\\s*\"?`?(\\w+)`?\"?\\s+IN\\s*\\((.*)\\)\\s*\\)?");
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");

    private DdlParser() {
    }

    /** Parses a script that holds exactly one CREATE TABLE (comments and other statements around it are refused). */
    public static TableDefinition parse(String script) {
        List<CreateTable> creates = new ArrayList<>();
        try {
            Statements statements = CCJSqlParserUtil.parseStatements(script);
            for (Statement statement : statements) {
                if (statement instanceof CreateTable create) {
                    creates.add(create);
                }
            }
        } catch (JSQLParserException e) {
            throw new IllegalArgumentException("the table definition is not SQL the parser understands: "
                    + firstLine(e) + "; give one CREATE TABLE statement");
        }
        if (creates.size() != 1) {
            throw new IllegalArgumentException("the table definition must hold exactly one CREATE TABLE, found " + creates.size());
        }
        return of(creates.get(0));
    }

    static TableDefinition of(CreateTable create) {
        String table = unquote(create.getTable().getName());
        List<dev.userbench.model.ColumnDefinition> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        Set<String> unique = new LinkedHashSet<>();
        for (ColumnDefinition column : create.getColumnDefinitions()) {
            String name = unquote(column.getColumnName());
            List<String> specs = column.getColumnSpecs() == null ? List.of() : column.getColumnSpecs();
            String specText = String.join(" ", specs);
            String upper = specText.toUpperCase(Locale.ROOT);
            if (upper.contains("PRIMARY KEY")) {
                primaryKey.add(name);
            } else if (upper.matches(".*\\bUNIQUE\\b.*")) {
                unique.add(name);
            }
            boolean nullable = !upper.contains("NOT NULL") && !upper.contains("PRIMARY KEY");
            columns.add(column(name, column.getColDataType().getDataType(),
                    column.getColDataType().getArgumentsStringList(), nullable, specText));
        }
        if (create.getIndexes() != null) {
            for (Index index : create.getIndexes()) {
                String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
                List<String> names = index.getColumnsNames().stream().map(DdlParser::unquote).toList();
                if (type.contains("PRIMARY")) {
                    primaryKey.clear();
                    primaryKey.addAll(names);
                } else if (type.contains("UNIQUE") && names.size() == 1) {
                    unique.add(names.get(0));
                }
            }
        }
        return new TableDefinition(table, columns, primaryKey, unique);
    }

    private static dev.userbench.model.ColumnDefinition column(String name, String dataType, List<String> arguments,
                                                                    boolean nullable, String specs) {
        Matcher type = TYPE.matcher(dataType);
        if (!type.matches()) {
            throw new IllegalArgumentException("column " + name + ": the type '" + dataType + "' is not one this tool reads");
        }
        String base = type.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Integer length = type.group(2) == null ? null : Integer.valueOf(type.group(2));
        Integer scale = type.group(3) == null ? null : Integer.valueOf(type.group(3));
        List<String> allowed = new ArrayList<>();
        if (base.equals("enum") && arguments != null) {
            arguments.forEach(a -> allowed.add(unquoteLiteral(a)));
        }
        Matcher check = CHECK_IN.matcher(specs.replaceFirst("(?is).*?CHECK\\s*", ""));
        if (specs.toUpperCase(Locale.ROOT).contains("CHECK") && check.find() && check.group(1).equalsIgnoreCase(name)) {
            Matcher literal = QUOTED.matcher(check.group(2));
            while (literal.find()) {
                allowed.add(literal.group(1).replace("''", "'"));
            }
        }
        ColumnKind kind = kind(name, base, length);
        if (kind == ColumnKind.TEXT && length == null && !allowed.isEmpty()) {
            length = allowed.stream().mapToInt(String::length).max().orElse(1);
        }
        String declared = dataType.replaceAll("\\s+\\(", "(") + (arguments == null ? "" : "(" + String.join(", ", arguments) + ")");
        return new dev.userbench.model.ColumnDefinition(name, kind, declared, length, scale, nullable, allowed, null);
    }

    /**
     * The kind of a declared type. A 16-byte binary (MySQL's BINARY(16)) and a BLOB column named like a key that
     * SQLite's study schema uses for a UUID are UUIDs; everything else follows the type name.
     */
    static ColumnKind kind(String column, String base, Integer length) {
        String type = base.replace("unsigned", "").trim();
        return switch (type) {
            case "uuid", "uniqueidentifier" -> ColumnKind.UUID;
            case "int", "integer", "int4", "smallint", "int2", "tinyint", "mediumint", "serial", "smallserial" ->
                    type.equals("tinyint") && length != null && length == 1 ? ColumnKind.BOOLEAN : ColumnKind.INTEGER;
            case "bigint", "int8", "bigserial" -> ColumnKind.BIGINT;
            case "decimal", "numeric", "real", "double", "double precision", "float", "float4", "float8", "money" -> ColumnKind.DECIMAL;
            case "bool", "boolean", "bit" -> ColumnKind.BOOLEAN;
            case "timestamp", "timestamptz", "timestamp with time zone", "timestamp without time zone", "datetime" -> ColumnKind.TIMESTAMP;
            case "date" -> ColumnKind.DATE;
            case "json", "jsonb" -> ColumnKind.JSON;
            case "binary" -> length != null && length == 16 ? ColumnKind.UUID : ColumnKind.BINARY;
            case "blob" -> looksLikeId(column) ? ColumnKind.UUID : ColumnKind.BINARY;
            case "bytea", "varbinary", "longblob", "mediumblob", "tinyblob" -> ColumnKind.BINARY;
            case "char", "character", "varchar", "character varying", "text", "tinytext", "mediumtext", "longtext",
                 "nvarchar", "nchar", "clob", "string", "enum", "citext" -> ColumnKind.TEXT;
            default -> throw new IllegalArgumentException("column " + column + ": the type '" + base
                    + "' is not one this tool reads; use a text, number, boolean, date/time, uuid, binary or json type");
        };
    }

    private static boolean looksLikeId(String column) {
        return column.equals("id") || column.equals("uid") || column.equals("uuid") || column.endsWith("_id")
                || column.endsWith("_uid") || column.endsWith("_uuid");
    }

    static String unquote(String identifier) {
        String name = identifier.trim();
        if (name.length() >= 2 && "\"`[".indexOf(name.charAt(0)) >= 0) {
            name = name.substring(1, name.length() - 1);
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static String unquoteLiteral(String literal) {
        String text = literal.trim();
        return text.startsWith("'") && text.endsWith("'") ? text.substring(1, text.length() - 1).replace("''", "'") : text;
    }

    private static String firstLine(Exception e) {
        return parserMessage(e);
    }

    /**
     * The parser's own words on what it could not read, first line only, without the class name of its exception
     * (a user reads "Encountered unexpected token ...", not {@code net.sf.jsqlparser.parser.ParseException}).
     */
    public static String parserMessage(Exception e) {
        String message = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        String first = message.lines().findFirst().orElse(message);
        return first.replaceFirst("^([a-zA-Z_]\\w*\\.)+\\w*(Exception|Error):\\s*", "");
    }
}
