package dev.userbench.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One user of the study's entity: the hot login columns first, then the cold profile columns.
 * Optional profile values are {@code null} when absent, as the study's {@code Optional[str]} fields.
 * Timestamps are whole seconds in UTC, so every engine stores them exactly.
 */
public record User(
        UUID uid,
        String email,
        String passwordHash,
        UserRole role,
        boolean verified,
        String name,
        String phone,
        String location,
        String bio,
        String profileImage,
        Instant createdAt,
        Instant lastActive) {

    public User {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastActive, "lastActive");
    }
}
