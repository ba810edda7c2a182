package dev.userbench.seed;

import dev.userbench.model.User;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelGenerationTest {

    private static final long SEED = 42;

    @Test
    void theSameSeedGivesIdenticalUsersAtOneAndAtFourGeneratorThreads() {
        UserGenerator generator = new UserGenerator(SEED);
        List<User> oneThread = new ArrayList<>();
        List<User> fourThreads = new ArrayList<>();
        UserChecksum oneChecksum = new UserChecksum();
        UserChecksum fourChecksum = new UserChecksum();
        try (UserBatches batches = new UserBatches(generator, 0, 50_000, 1000, 1)) {
            while (batches.hasNext()) {
                batches.next().forEach(user -> {
                    oneChecksum.add(user);
                    if (oneThread.size() < 5_000) {
                        oneThread.add(user);
                    }
                });
            }
        }
        try (UserBatches batches = new UserBatches(new UserGenerator(SEED), 0, 50_000, 777, 4)) {
            while (batches.hasNext()) {
                batches.next().forEach(user -> {
                    fourChecksum.add(user);
                    if (fourThreads.size() < 5_000) {
                        fourThreads.add(user);
                    }
                });
            }
        }

        assertThat(fourChecksum.count()).isEqualTo(oneChecksum.count()).isEqualTo(50_000);
        assertThat(fourChecksum.value()).isEqualTo(oneChecksum.value());
        for (int index : new int[] {0, 1, 776, 777, 4_999}) {
            User a = oneThread.get(index);
            User b = fourThreads.get(index);
            assertThat(b.uid()).isEqualTo(a.uid());
            assertThat(b.email()).isEqualTo(a.email());
            assertThat(b.passwordHash()).isEqualTo(a.passwordHash());
            assertThat(b.role()).isEqualTo(a.role());
            assertThat(b.verified()).isEqualTo(a.verified());
            assertThat(b.name()).isEqualTo(a.name());
            assertThat(b.phone()).isEqualTo(a.phone());
            assertThat(b.location()).isEqualTo(a.location());
            assertThat(b.bio()).isEqualTo(a.bio());
            assertThat(b.profileImage()).isEqualTo(a.profileImage());
            assertThat(b.createdAt()).isEqualTo(a.createdAt());
            assertThat(b.lastActive()).isEqualTo(a.lastActive());
            assertThat(b).isEqualTo(generator.user(index));
        }
    }

    @Test
    void batchesComeInIndexOrderAndCoverTheRangeExactlyOnce() {
        UserGenerator generator = new UserGenerator(SEED);
        long expected = 1_000;
        try (UserBatches batches = new UserBatches(generator, 1_000, 3_500, 300, 3)) {
            while (batches.hasNext()) {
                for (User user : batches.next()) {
                    assertThat(user).isEqualTo(generator.user(expected++));
                }
            }
        }
        assertThat(expected).isEqualTo(3_500);
    }

    @Test
    void noMoreBatchesAreMadeAheadThanTheBoundWhateverTheUserCount() {
        UserGenerator generator = new UserGenerator(SEED);
        try (UserBatches small = new UserBatches(generator, 0, 10_000, 100, 2);
             UserBatches huge = new UserBatches(generator, 0, 10_000_000_000L, 100, 2)) {
            assertThat(huge.capacity()).isEqualTo(small.capacity());
            for (int taken = 0; taken < 50; taken++) {
                assertThat(huge.batchesAhead()).isLessThanOrEqualTo(huge.capacity());
                assertThat(huge.next()).hasSize(100);
            }
            assertThat(huge.batchesAhead()).isLessThanOrEqualTo(huge.capacity());
        }
    }

    @Test
    void emailsAreUniqueAcrossAMillionUsersAndTheGeneratorRemembersNoneOfThem() throws Exception {
        UserGenerator generator = new UserGenerator(SEED);
        long stateBefore = retainedState(generator);
        int users = 1_000_000;
        long[] hashes = new long[users];
        try (UserBatches batches = new UserBatches(generator, 0, users, 1000, 2)) {
            int i = 0;
            while (batches.hasNext()) {
                for (User user : batches.next()) {
                    hashes[i++] = fnv64(user.email());
                }
            }
        }
        Arrays.sort(hashes);
        for (int i = 1; i < users; i++) {
            assertThat(hashes[i]).as("email hash %d repeats", i).isNotEqualTo(hashes[i - 1]);
        }
        // uniqueness comes from construction, not from a set of emails seen: the generator's state is
        // its fixed pools, unchanged by making a million users
        assertThat(retainedState(generator)).isEqualTo(stateBefore);
    }

    @Test
    void aGeneratorWithoutThreadsIsRefused() {
        assertThatThrownBy(() -> new UserBatches(new UserGenerator(SEED), 0, 10, 10, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thread");
    }

    /**
     * What a generator holds, in characters and slots: its instance fields may only be primitives and
     * arrays of strings (pools), which are summed. A field of any other type (a set, a list, a map that
     * could remember users) fails the test.
     */
    private static long retainedState(UserGenerator generator) throws IllegalAccessException {
        long size = 0;
        for (Field field : UserGenerator.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            Object value = field.get(generator);
            if (field.getType().isPrimitive()) {
                size += 8;
            } else if (value instanceof String[] pool) {
                size += pool.length;
                for (String s : pool) {
                    size += s.length();
                }
            } else {
                throw new AssertionError("the generator holds " + field.getName() + " of type " + field.getType()
                        + ", which could grow with the users it makes");
            }
        }
        return size;
    }

    private static long fnv64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
