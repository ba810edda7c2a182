package dev.userbench.bench.workload;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a workload picks the existing users it works on ({@code --distribution}). */
public enum KeyDistribution {
    UNIFORM("uniform"), ZIPFIAN("zipfian");

    private final String label;

    KeyDistribution(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public KeyChooser over(long users, double zipfConstant) {
        return switch (this) {
            case UNIFORM -> new KeyChooser.Uniform(users);
            case ZIPFIAN -> new ScrambledZipfian(users, zipfConstant);
        };
    }

    public static KeyDistribution parse(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--distribution: unknown '" + name + "': choose "
                        + Arrays.stream(values()).map(KeyDistribution::label).collect(Collectors.joining(" or "))));
    }
}
