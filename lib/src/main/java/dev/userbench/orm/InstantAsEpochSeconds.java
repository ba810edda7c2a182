package dev.userbench.orm;

import jakarta.persistence.AttributeConverter;

import java.time.Instant;

/**
 * SQLite has no timestamp type: the tool keeps {@code created_at} and {@code last_active} as INTEGER seconds since
 * the epoch (SqliteDialect), where Hibernate's SQLite dialect would read and write a timestamp. Applied to every
 * {@link Instant} on SQLite only ({@link OrmSessions#boot}); the servers map Instant natively.
 */
final class InstantAsEpochSeconds implements AttributeConverter<Instant, Long> {

    @Override
    public Long convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }

    @Override
    public Instant convertToEntityAttribute(Long seconds) {
        return seconds == null ? null : Instant.ofEpochSecond(seconds);
    }
}
