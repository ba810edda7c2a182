package dev.userbench.seed;

import dev.userbench.model.Field;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * An order-independent checksum over every field of a set of users: the wrapping sum of a 64-bit
 * digest per user. Two layouts (or two engines) hold the same logical users exactly when their
 * counts and checksums agree. Values are encoded canonically (uid as text, times as epoch seconds,
 * null apart from empty), so the figure does not depend on how an engine stores a type.
 */
public final class UserChecksum {

    private final MessageDigest digest;
    private final StringBuilder line = new StringBuilder(512);
    private long sum;
    private long count;

    public UserChecksum() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Adds one user given as its field values. */
    public void add(Map<Field, Object> values) {
        line.setLength(0);
        for (Field field : Field.ALL) {
            Object value = values.get(field);
            if (value == null) {
                line.append('\u0000');
            } else if (value instanceof Instant instant) {
                line.append(instant.getEpochSecond());
            } else if (value instanceof Enum<?> e) {
                line.append(e.name());
            } else {
                line.append(value);
            }
            line.append('\u001f');
        }
        byte[] hash = digest.digest(line.toString().getBytes(StandardCharsets.UTF_8));
        long head = 0;
        for (int i = 0; i < 8; i++) {
            head = (head << 8) | (hash[i] & 0xFF);
        }
        sum += head;
        count++;
    }

    public void add(dev.userbench.model.User user) {
        java.util.EnumMap<Field, Object> values = new java.util.EnumMap<>(Field.class);
        for (Field field : Field.ALL) {
            values.put(field, field.of(user));
        }
        add(values);
    }

    public long count() {
        return count;
    }

    /** The checksum as 16 hex digits. */
    public String value() {
        return HexFormat.of().toHexDigits(sum);
    }
}
