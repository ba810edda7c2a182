package dev.userbench.bench;

import dev.userbench.seed.UserGenerator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The users a login benchmark logs in as: a seeded sample of existing users, the same on every layout
 * and engine. Without replacement while there are enough users (the study's {@code random.sample});
 * when more logins than users are asked for, users repeat.
 */
public final class LoginSample {

    private LoginSample() {
    }

    public static List<String> emails(UserGenerator generator, long users, int logins, long seed) {
        if (users < 1) {
            throw new IllegalArgumentException("there are no users to log in as");
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<String> emails = new ArrayList<>(logins);
        if (logins <= users) {
            // Floyd's sampling: distinct indices in O(logins) memory, whatever the user count
            Set<Long> chosen = new LinkedHashSet<>();
            for (long j = users - logins; j < users; j++) {
                long pick = random.nextLong(j + 1);
                chosen.add(chosen.contains(pick) ? j : pick);
            }
            List<Long> order = new ArrayList<>(chosen);
            for (int i = order.size() - 1; i > 0; i--) {
                int k = random.nextInt(i + 1);
                Long swap = order.get(i);
                order.set(i, order.get(k));
                order.set(k, swap);
            }
            order.forEach(index -> emails.add(generator.user(index).email()));
        } else {
            for (int i = 0; i < logins; i++) {
                emails.add(generator.user(random.nextLong(users)).email());
            }
        }
        return emails;
    }
}
