package dev.userbench.schema;

import dev.userbench.seed.UserGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where generated emails fall in sorted order, read once from {@value #SAMPLE} generated users: the cut points of a
 * range-partitioned email column (compared as the engine's case-insensitive collation would, so lower-cased).
 */
final class EmailQuantiles {

    /** How many quantiles are kept: cut {@code k} is the {@code k/COUNT} quantile. */
    static final int COUNT = 64;
    static final int SAMPLE = 5_000;

    private static final List<String> CUTS = read();

    private EmailQuantiles() {
    }

    static String at(int k) {
        return CUTS.get(Math.max(0, Math.min(COUNT - 1, k)));
    }

    private static List<String> read() {
        UserGenerator generator = new UserGenerator(1, 200);
        List<String> emails = new ArrayList<>(SAMPLE);
        generator.iterator(SAMPLE).forEachRemaining(user -> emails.add(user.email().toLowerCase(Locale.ROOT)));
        emails.sort(null);
        List<String> cuts = new ArrayList<>(COUNT);
        for (int k = 0; k < COUNT; k++) {
            cuts.add(emails.get(k * SAMPLE / COUNT));
        }
        return List.copyOf(cuts);
    }
}
