package dev.userbench.orm;

import dev.userbench.model.UserRole;

import java.util.UUID;

/** The login columns and nothing else: what {@code select new LoginView(...)} reads on every layout. */
public record LoginView(UUID uid, String email, String passwordHash, UserRole role, boolean verified) {
}
