package dev.userbench.schema;

import dev.userbench.model.Field;
import dev.userbench.model.User;
import dev.userbench.model.UserRole;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary COPY format, which the server takes without parsing text: uuid as its 16
 * bytes, boolean as one byte, timestamptz as microseconds since 2000-01-01 UTC, text (and char(n)) as
 * UTF-8. A stream is {@link #header()}, rows, {@link #trailer()}. The bytes accumulate in a growable
 * buffer that is reused between pieces.
 */
final class PostgresBinaryRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in Unix seconds. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

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

    void row(List<Field> columns, User user) {
        putShort(columns.size());
        for (Field field : columns) {
            Object value = field.of(user);
            if (value == null) {
                putInt(-1);
                continue;
            }
            switch (field.type()) {
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
                case ROLE -> text(((UserRole) value).name());
                default -> text((String) value);
            }
        }
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
