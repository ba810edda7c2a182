package dev.userbench.schema;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary COPY format, which the server takes without parsing text, by column kind (the
 * dialect's natural type of each): uuid as its 16 bytes, boolean as one byte, timestamptz as microseconds since
 * 2000-01-01 UTC, integer and bigint big-endian, date as days since 2000-01-01, numeric in base 10000, bytea raw,
 * jsonb as version 1 and its text, text (and char(n), varchar(n)) as UTF-8. A stream is {@link #header()}, rows,
 * {@link #trailer()}. The bytes accumulate in a growable buffer that is reused between pieces.
 */
final class PostgresBinaryRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in Unix seconds. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    /** The same day in days since 1970-01-01. */
    private static final long POSTGRES_EPOCH_DAYS = 10_957L;

    private byte[] bytes = new byte[1 << 17];
    private int size;

    int size() {
        return size;
    }

    byte[] bytes() {
        return bytes;
    }

    void clear() {
        size = 0;
    }

    void header() {
        put(SIGNATURE);
        putInt(0); // flags: no OIDs
        putInt(0); // no header extension
    }

    void trailer() {
        putShort(-1);
    }

    <R> void row(List<LoadTable.Column<R>> columns, R row) {
        putShort(columns.size());
        for (LoadTable.Column<R> column : columns) {
            Object value = column.value().apply(row);
            if (value == null) {
                putInt(-1);
                continue;
            }
            switch (column.kind()) {
                case UUID -> {
                    UUID uid = (UUID) value;
                    putInt(16);
                    putLong(uid.getMostSignificantBits());
                    putLong(uid.getLeastSignificantBits());
                }
                case BOOLEAN -> {
                    putInt(1);
                    ensure(1);
                    bytes[size++] = (byte) ((Boolean) value ? 1 : 0);
                }
                case TIMESTAMP -> {
                    Instant instant = (Instant) value;
                    putInt(8);
                    putLong((instant.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + instant.getNano() / 1_000);
                }
                case INTEGER -> {
                    putInt(4);
                    putInt(((Number) value).intValue());
                }
                case BIGINT -> {
                    putInt(8);
                    putLong(((Number) value).longValue());
                }
                case DATE -> {
                    putInt(4);
                    putInt((int) (((LocalDate) value).toEpochDay() - POSTGRES_EPOCH_DAYS));
                }
                case DECIMAL -> numeric((BigDecimal) value);
                case BINARY -> {
                    byte[] data = (byte[]) value;
                    putInt(data.length);
                    put(data);
                }
                case JSON -> jsonb((String) value);
                case TEXT -> text((String) value);
            }
        }
    }

    /**
     * numeric's binary form: digit count, weight (of the first digit, in powers of 10000), sign, display scale, then
     * base-10000 digits, leading and trailing zero digits left out.
     */
    private void numeric(BigDecimal value) {
        int scale = Math.max(0, value.scale());
        String plain = value.abs().setScale(scale).toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        String fraction = point < 0 ? "" : plain.substring(point + 1);
        whole = "0".repeat((4 - whole.length() % 4) % 4) + whole;
        fraction = fraction + "0".repeat((4 - fraction.length() % 4) % 4);
        String all = whole + fraction;
        int[] digits = new int[all.length() / 4];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = Integer.parseInt(all.substring(4 * i, 4 * i + 4));
        }
        int weight = whole.length() / 4 - 1;
        int first = 0;
        while (first < digits.length && digits[first] == 0) {
            first++;
            weight--;
        }
        int last = digits.length;
        while (last > first && digits[last - 1] == 0) {
            last--;
        }
        int count = last - first;
        if (count == 0) {
            weight = 0;
        }
        putInt(8 + 2 * count);
        putShort(count);
        putShort(weight);
        putShort(value.signum() < 0 && count > 0 ? 0x4000 : 0);
        putShort(scale);
        for (int i = first; i < last; i++) {
            putShort(digits[i]);
        }
    }

    /** jsonb's binary form: a version byte (1), then the text. */
    private void jsonb(String json) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        putInt(1 + utf8.length);
        ensure(1);
        bytes[size++] = 1;
        put(utf8);
    }

    private void text(String text) {
        int length = text.length();
        ensure(4 + length);
        int start = size + 4;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // not ASCII: let the JDK encode it
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                putInt(utf8.length);
                put(utf8);
                return;
            }
            bytes[start + i] = (byte) c;
        }
        putInt(length);
        size += length;
    }

    private void put(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, bytes, size, data.length);
        size += data.length;
    }

    private void putShort(int value) {
        ensure(2);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    private void putInt(int value) {
        ensure(4);
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    private void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
