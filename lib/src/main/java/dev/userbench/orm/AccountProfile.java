package dev.userbench.orm;

import dev.userbench.model.User;
import dev.userbench.model.UserRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** {@code user_profile} as {@link Account}'s profile: the owning side, sharing its account's key. */
@Entity
@Table(name = "user_profile")
public class AccountProfile {
    @Id
    private UUID uid;
    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "uid")
    private Account account;
    private String name;
    private String phone;
    private String location;
    @Column(length = 65_535)
    private String bio;
    private String profileImage;
    private Instant createdAt;
    private Instant lastActive;

    protected AccountProfile() {
    }

    AccountProfile(Account account, User user) {
        this.account = account;
        name = user.name();
        phone = user.phone();
        location = user.location();
        bio = user.bio();
        profileImage = user.profileImage();
        createdAt = user.createdAt();
        lastActive = user.lastActive();
    }

    User toUser(UUID uid, String email, String passwordHash, UserRole role, boolean verified) {
        return new User(uid, email, passwordHash, role, verified, name, phone, location, bio, profileImage, createdAt,
                lastActive);
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
