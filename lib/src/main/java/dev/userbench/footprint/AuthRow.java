package dev.userbench.footprint;

import dev.userbench.model.User;
import dev.userbench.model.UserRole;

import java.util.Objects;
import java.util.UUID;

/**
 * What a login on the split layout fetches: the five columns of {@code user_auth}. The application-side
 * counterpart of {@link User}, the monolith's whole row, for comparing the heap each one retains.
 */
public record AuthRow(UUID uid, String email, String passwordHash, UserRole role, boolean verified) {

    public AuthRow {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
    }

    /** The login columns of a user, as new objects (not shared with the user), as a fetch would build them. */
    public static AuthRow of(User user) {
        return new AuthRow(new UUID(user.uid().getMostSignificantBits(), user.uid().getLeastSignificantBits()),
                new String(user.email()), new String(user.passwordHash()), user.role(), user.verified());
    }
}
