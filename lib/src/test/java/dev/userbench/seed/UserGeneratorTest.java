package dev.userbench.seed;

import dev.userbench.model.User;
import dev.userbench.model.UserRole;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserGeneratorTest {

    private static final Instant YEAR_START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant YEAR_END = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theSameSeedGivesTheSameUsersFieldForField() {
        List<User> first = new UserGenerator(7).stream(2_000).toList();
        List<User> second = new UserGenerator(7).stream(2_000).toList();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aUserDependsOnlyOnTheSeedAndItsIndex() {
        UserGenerator generator = new UserGenerator(7);
        List<User> inOrder = generator.stream(100).toList();
        assertThat(generator.user(99)).isEqualTo(inOrder.get(99));
        assertThat(new UserGenerator(7).user(42)).isEqualTo(inOrder.get(42));
    }

    @Test
    void anotherSeedGivesOtherUsers() {
        assertThat(new UserGenerator(1).user(0)).isNotEqualTo(new UserGenerator(2).user(0));
    }

    @Test
    void emailsAreUniqueAcrossAHundredThousandUsers() {
        Set<String> emails = new HashSet<>();
        new UserGenerator(3).iterator(100_000).forEachRemaining(u -> emails.add(u.email()));
        assertThat(emails).hasSize(100_000);
    }

    @Test
    void everyFieldIsFilledAsTheStudySpecifies() {
        Set<UserRole> roles = new HashSet<>();
        Set<Boolean> verified = new HashSet<>();
        new UserGenerator(5).iterator(5_000).forEachRemaining(user -> {
            assertThat(user.uid().version()).isEqualTo(4);
            assertThat(user.email()).matches("[a-z]+\\.[a-z]+\\.[0-9a-z]+@[a-z0-9.-]+\\.[a-z]+");
            assertThat(user.passwordHash()).matches("[0-9a-f]{64}");
            assertThat(user.name()).contains(" ");
            assertThat(user.phone()).containsPattern("[0-9]{3}");
            assertThat(user.location()).isNotBlank();
            assertThat(user.bio()).isNotBlank().hasSizeLessThanOrEqualTo(UserGenerator.DEFAULT_BIO_CHARS);
            assertThat(user.profileImage()).startsWith("https://");
            assertThat(user.createdAt()).isBetween(YEAR_START, YEAR_END);
            assertThat(user.lastActive()).isBetween(user.createdAt(), YEAR_END);
            roles.add(user.role());
            verified.add(user.verified());
        });
        assertThat(roles).containsExactlyInAnyOrder(UserRole.values());
        assertThat(verified).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void theBioRespectsAGivenLength() {
        UserGenerator generator = new UserGenerator(5, 2_000);
        assertThat(generator.stream(200).mapToInt(u -> u.bio().length()).max().orElseThrow())
                .isGreaterThan(1_000).isLessThanOrEqualTo(2_000);
    }

    @Test
    void aBioOfNoCharactersIsRefused() {
        assertThatThrownBy(() -> new UserGenerator(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theChecksumOfUsersDoesNotDependOnTheirOrder() {
        List<User> users = new UserGenerator(9).stream(500).toList();
        UserChecksum forward = new UserChecksum();
        users.forEach(forward::add);
        UserChecksum backward = new UserChecksum();
        for (int i = users.size() - 1; i >= 0; i--) {
            backward.add(users.get(i));
        }
        assertThat(backward.value()).isEqualTo(forward.value());
        UserChecksum fewer = new UserChecksum();
        users.subList(1, users.size()).forEach(fewer::add);
        assertThat(fewer.value()).isNotEqualTo(forward.value());
    }
}
