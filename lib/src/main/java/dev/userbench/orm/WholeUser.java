package dev.userbench.orm;

import dev.userbench.model.User;

import java.time.Instant;
import java.util.UUID;

/**
 * An entity that holds every column of a user, whichever tables it spans ({@link MonolithUser} over one table,
 * {@link SplitUser} over two): the workloads read and change it the same way.
 */
public interface WholeUser {

    UUID getUid();

    Instant getLastActive();

    void setLastActive(Instant lastActive);

    void setBio(String bio);

    void setLocation(String location);

    User toUser();
}
