package dev.userbench.orm;

import dev.userbench.model.User;
import dev.userbench.model.UserRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.UUID;

/**
 * The same split navigated from the auth side: {@code user_auth} with its profile as a field, the side of the
 * one-to-one that holds no foreign key ({@code mappedBy}). The {@code LAZY} is a wish Hibernate cannot grant here
 * without bytecode enhancement: to know whether the field is null it must look for the profile, so every login
 * loads it too. That is the trap this mapping measures.
 */
@Entity
@Table(name = "user_auth")
public class Account {
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
    @OneToOne(mappedBy = "account", fetch = FetchType.LAZY)
    private AccountProfile profile;

    protected Account() {
    }

    public Account(User user) {
        uid = user.uid();
        email = user.email();
        passwordHash = user.passwordHash();
        role = user.role();
        verified = user.verified();
        profile = new AccountProfile(this, user);
    }

    public UUID getUid() {
        return uid;
    }

    public AccountProfile getProfile() {
        return profile;
    }

    public User toUser() {
        return profile.toUser(uid, email, passwordHash, role, verified);
    }
}
