package dev.userbench.orm;

import dev.userbench.model.User;
import dev.userbench.model.UserRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.UUID;

/**
 * The split's hot side, {@code user_auth}, knowing nothing of its profile: the profile points at it
 * ({@link Profile#getAuth()}), so loading it for a login loads nothing else.
 */
@Entity
@Table(name = "user_auth")
public class AuthUser {
    @Id
    private UUID uid;
    private String email;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 64)
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    private UserRole role;
    @Column(name = "is_verified")
    private boolean verified;

    protected AuthUser() {
    }

    public AuthUser(User user) {
        uid = user.uid();
        email = user.email();
        passwordHash = user.passwordHash();
        role = user.role();
        verified = user.verified();
    }

    public UUID getUid() {
        return uid;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public UserRole getRole() {
        return role;
    }

    public boolean isVerified() {
        return verified;
    }
}
