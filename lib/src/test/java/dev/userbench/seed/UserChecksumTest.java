package dev.userbench.seed;

import dev.userbench.model.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserChecksumTest {

    private final UserGenerator generator = new UserGenerator(5);

    @Test
    void anAbsentPhoneAndAnEmptyPhoneGiveDifferentChecksums() {
        User user = generator.user(0);
        assertThat(of(withPhone(user, null))).isNotEqualTo(of(withPhone(user, "")));
    }

    @Test
    void theSameUsersInAnotherOrderGiveTheSameChecksum() {
        assertThat(of(generator.user(0), generator.user(1), generator.user(2)))
                .isEqualTo(of(generator.user(2), generator.user(0), generator.user(1)));
    }

    @Test
    void aUserCountedTwiceInsteadOfAnotherChangesTheChecksum() {
        assertThat(of(generator.user(0), generator.user(0))).isNotEqualTo(of(generator.user(0), generator.user(1)));
    }

    private static User withPhone(User user, String phone) {
        return new User(user.uid(), user.email(), user.passwordHash(), user.role(), user.verified(), user.name(), phone,
                user.location(), user.bio(), user.profileImage(), user.createdAt(), user.lastActive());
    }

    private static String of(User... users) {
        UserChecksum checksum = new UserChecksum();
        for (User user : users) {
            checksum.add(user);
        }
        return checksum.value();
    }
}
