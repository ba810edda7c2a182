package dev.userbench.orm;

import dev.userbench.model.User;
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

/**
 * The split's cold side, {@code user_profile}, owning the one-to-one: its key is its auth row's key
 * ({@code @MapsId}), and the auth row is LAZY, loaded only when the profile's code reads it.
 */
@Entity
@Table(name = "user_profile")
public class Profile {
    @Id
    private UUID uid;
    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "uid")
    private AuthUser auth;
    private String name;
    private String phone;
    private String location;
    @Column(length = 65_535)
    private String bio;
    private String profileImage;
    private Instant createdAt;
    private Instant lastActive;

    protected Profile() {
    }

    public Profile(AuthUser auth, User user) {
        this.auth = auth;
        name = user.name();
        phone = user.phone();
        location = user.location();
        bio = user.bio();
        profileImage = user.profileImage();
        createdAt = user.createdAt();
        lastActive = user.lastActive();
    }

    public AuthUser getAuth() {
        return auth;
    }

    /** The whole user: reads the auth row too (a second statement unless it was fetched with the profile). */
    public User toUser() {
        return new User(auth.getUid(), auth.getEmail(), auth.getPasswordHash(), auth.getRole(), auth.isVerified(), name,
                phone, location, bio, profileImage, createdAt, lastActive);
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
