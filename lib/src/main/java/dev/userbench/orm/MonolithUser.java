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

import java.time.Instant;
import java.util.UUID;

/** The monolith as one entity: every column of {@code user_monolith}. */
@Entity
@Table(name = "user_monolith")
public class MonolithUser implements WholeUser {
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
    private String name;
    private String phone;
    private String location;
    @Column(length = 65_535)
    private String bio;
    private String profileImage;
    private Instant createdAt;
    private Instant lastActive;

    protected MonolithUser() {
    }

    public MonolithUser(User user) {
        uid = user.uid();
        email = user.email();
        passwordHash = user.passwordHash();
        role = user.role();
        verified = user.verified();
        name = user.name();
        phone = user.phone();
        location = user.location();
        bio = user.bio();
        profileImage = user.profileImage();
        createdAt = user.createdAt();
        lastActive = user.lastActive();
    }

    public User toUser() {
        return new User(uid, email, passwordHash, role, verified, name, phone, location, bio, profileImage, createdAt,
                lastActive);
    }

    public UUID getUid() {
        return uid;
    }

    public Instant getLastActive() {
        return lastActive;
    }

    public void setLastActive(Instant lastActive) {
        this.lastActive = lastActive;
    }

    public void setBio(String bio) {
        this.bio = bio;
    }

    public void setLocation(String location) {
        this.location = location;
    }
}
