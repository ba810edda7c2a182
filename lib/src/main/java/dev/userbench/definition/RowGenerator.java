package dev.userbench.definition;

import dev.userbench.model.ColumnDefinition;
import dev.userbench.model.ColumnKind;

import net.datafaker.Faker;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Fake rows for any table: row {@code i} is a pure function of (seed, i), as the user generator's users are.
 * A column's values come from a Datafaker provider chosen by its name (email, name, phone, city, url, text, ...)
 * and otherwise by its kind, drawn from pools made once per generator so a row is cheap. Text is sized to the
 * engine's measured width when the definition carries one, else to what the name suggests, never beyond the
 * declared length. Key and unique columns carry the row's index, so they never collide; an integer key is the
 * row number from 1.
 */
public final class RowGenerator implements TableRows {

    /** The year dates fall in, as the user generator's: a seed means the same data on any day. */
    private static final long YEAR_START = 1_735_689_600L; // 2025-01-01T00:00:00Z
    private static final long YEAR_SECONDS = 365L * 24 * 3600;

    private final TableDefinition table;
    private final long seed;
    private final String[] firstNames;
    private final String[] lastNames;
    private final String[] cities;
    private final String[] phones;
    private final String[] sentences;
    private final String[] words;
    private final String[] domains;
    private final String[] products;
    private final String[] companies;
    private final String[] streets;
    private final String[] countries;

    public RowGenerator(TableDefinition table, long seed) {
        this.table = table;
        this.seed = seed;
        Faker faker = new Faker(Locale.US, new Random(seed));
        firstNames = pool(512, () -> faker.name().firstName());
        lastNames = pool(512, () -> faker.name().lastName());
        cities = pool(256, () -> faker.address().city());
        phones = pool(512, () -> faker.phoneNumber().phoneNumber());
        sentences = pool(1024, () -> faker.lorem().sentence());
        words = pool(64, () -> faker.lorem().word());
        domains = pool(32, () -> faker.internet().domainName());
        products = pool(512, () -> faker.commerce().productName());
        companies = pool(256, () -> faker.company().name());
        streets = pool(256, () -> faker.address().streetAddress());
        countries = pool(64, () -> faker.address().country());
    }

    @Override
    public TableDefinition table() {
        return table;
    }

    public long seed() {
        return seed;
    }

    /** Every column's value of row {@code row}, in the definition's column order. */
    @Override
    public Object[] row(long row) {
        Object[] values = new Object[table.columns().size()];
        for (int c = 0; c < values.length; c++) {
            values[c] = value(c, row);
        }
        return values;
    }

    @Override
    public Object value(String column, long row) {
        return value(table.columnNames().indexOf(column), row);
    }

    private Object value(int index, long row) {
        ColumnDefinition column = table.columns().get(index);
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + row * 0xBF58476D1CE4E5B9L
                + (index + 1) * 0x94D049BB133111EBL);
        if (column.nullable() && !table.isUnique(column.name()) && random.nextInt(10) == 0) {
            return null;
        }
        boolean distinct = table.isUnique(column.name()) || table.isKey(column.name());
        return switch (column.kind()) {
            case UUID -> new UUID(random.nextLong() ^ row, random.nextLong());
            case INTEGER -> distinct ? (int) (row + 1) : random.nextInt(1_000_000);
            case BIGINT -> distinct ? row + 1 : random.nextLong(1_000_000_000L);
            case DECIMAL -> decimal(column, random);
            case BOOLEAN -> random.nextBoolean();
            case TIMESTAMP -> Instant.ofEpochSecond(YEAR_START + random.nextLong(YEAR_SECONDS));
            case DATE -> LocalDate.ofEpochDay(YEAR_START / 86_400 + random.nextInt(365));
            case BINARY -> bytes(random, column.length() == null ? 16 : Math.min(column.length(), 64));
            case JSON -> "{\"id\": " + row + ", \"tag\": \"" + words[random.nextInt(words.length)] + "\"}";
            case TEXT -> text(column, row, random, distinct);
        };
    }

    /** The average bytes a value of the column takes as generated (or as measured, when the definition has it). */
    @Override
    public double expectedBytes(String name) {
        ColumnDefinition column = table.column(name);
        if (column.averageBytes() != null) {
            return column.averageBytes();
        }
        if (column.kind().fixedBytes() > 0) {
            return column.kind().fixedBytes();
        }
        if (column.kind() == ColumnKind.BINARY) {
            return column.length() == null ? 16 : Math.min(column.length(), 64);
        }
        if (column.kind() == ColumnKind.JSON) {
            return 30;
        }
        double sum = 0;
        int samples = 64;
        for (int row = 0; row < samples; row++) {
            Object value = value(name, row);
            sum += value == null ? 0 : value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        return sum / samples;
    }

    private String text(ColumnDefinition column, long row, SplittableRandom random, boolean distinct) {
        int limit = column.length() == null ? Integer.MAX_VALUE : column.length();
        if (!column.allowed().isEmpty()) {
            return column.allowed().get(random.nextInt(column.allowed().size()));
        }
        String name = column.name();
        String value;
        if (name.contains("email") || name.contains("mail")) {
            value = firstNames[random.nextInt(firstNames.length)].toLowerCase(Locale.ROOT) + "."
                    + lastNames[random.nextInt(lastNames.length)].toLowerCase(Locale.ROOT) + "." + row + "@"
                    + domains[random.nextInt(domains.length)];
            return clip(value.replaceAll("[^a-z0-9.@-]", ""), limit);
        } else if (name.contains("password") || name.contains("hash") || name.contains("token") || name.contains("secret")) {
            value = HexFormat.of().formatHex(bytes(random, 32));
        } else if (name.contains("first")) {
            value = firstNames[random.nextInt(firstNames.length)];
        } else if (name.contains("last_name") || name.contains("surname")) {
            value = lastNames[random.nextInt(lastNames.length)];
        } else if (name.contains("phone") || name.contains("mobile")) {
            value = phones[random.nextInt(phones.length)];
        } else if (name.contains("city") || name.contains("location") || name.contains("town")) {
            value = cities[random.nextInt(cities.length)];
        } else if (name.contains("country")) {
            value = countries[random.nextInt(countries.length)];
        } else if (name.contains("street") || name.contains("address")) {
            value = streets[random.nextInt(streets.length)];
        } else if (name.contains("url") || name.contains("image") || name.contains("avatar") || name.contains("link")
                || name.contains("website")) {
            value = "https://" + domains[random.nextInt(domains.length)] + "/" + words[random.nextInt(words.length)]
                    + "/" + Long.toString(row, 36) + ".png";
        } else if (name.contains("company") || name.contains("brand") || name.contains("vendor") || name.contains("supplier")) {
            value = companies[random.nextInt(companies.length)];
        } else if (name.contains("product") || name.equals("title")) {
            value = products[random.nextInt(products.length)];
        } else if (name.contains("name")) {
            value = name.contains("user") ? firstNames[random.nextInt(firstNames.length)].toLowerCase(Locale.ROOT)
                    : firstNames[random.nextInt(firstNames.length)] + " " + lastNames[random.nextInt(lastNames.length)];
        } else if (name.contains("sku") || name.contains("code") || name.contains("slug")) {
            value = words[random.nextInt(words.length)] + "-" + Long.toString(row, 36);
        } else if (name.contains("status") || name.contains("role") || name.contains("category") || name.contains("type")
                || name.contains("tag") || name.contains("currency")) {
            value = words[random.nextInt(words.length)];
        } else {
            value = paragraph(random, targetLength(column));
        }
        if (distinct) {
            value = Long.toString(row, 36) + "-" + value;
        }
        return clip(value, limit);
    }

    /**
     * The length a free text aims at: the measured average when known, else a long-text name's (description, bio,
     * body) paragraph of up to 200 characters as the study's bio, else a short phrase, within the declared length.
     */
    private static int targetLength(ColumnDefinition column) {
        int declared = column.length() == null ? Integer.MAX_VALUE : column.length();
        if (column.averageBytes() != null) {
            return (int) Math.max(1, Math.min(declared, Math.round(column.averageBytes() * 2)));
        }
        String name = column.name();
        boolean longText = column.length() == null || column.length() > 255 || name.contains("description")
                || name.contains("bio") || name.contains("body") || name.contains("text") || name.contains("content")
                || name.contains("notes") || name.contains("comment") || name.contains("about") || name.contains("summary");
        return Math.min(declared, longText ? 200 : 40);
    }

    /** Sentences up to a length drawn uniformly up to {@code longest}, as the study's fake.text() bio. */
    private String paragraph(SplittableRandom random, int longest) {
        int wanted = 1 + random.nextInt(Math.max(1, longest));
        StringBuilder text = new StringBuilder();
        while (text.length() < wanted) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(sentences[random.nextInt(sentences.length)]);
        }
        return text.substring(0, wanted).trim();
    }

    private static BigDecimal decimal(ColumnDefinition column, SplittableRandom random) {
        int scale = column.scale() == null ? 2 : column.scale();
        int precision = column.length() == null ? 10 : column.length();
        double max = Math.pow(10, Math.min(6, precision - scale));
        return BigDecimal.valueOf(random.nextDouble() * max).setScale(scale, RoundingMode.HALF_UP);
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String clip(String value, int limit) {
        return value.length() <= limit ? value : value.substring(0, limit);
    }

    private static String[] pool(int size, Supplier<String> supplier) {
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(supplier.get());
        }
        return values.toArray(String[]::new);
    }
}
