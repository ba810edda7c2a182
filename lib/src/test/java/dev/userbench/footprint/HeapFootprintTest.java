package dev.userbench.footprint;

import dev.userbench.model.User;
import dev.userbench.seed.UserGenerator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class HeapFootprintTest {

    private static final User USER = new UserGenerator(42).user(0);

    @Test
    void aFetchedMonolithRowRetainsMoreHeapThanAnAuthRowMeasuredByJolWithoutConsoleNoise() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        HeapFootprint.Comparison comparison;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            comparison = HeapFootprint.compare(USER);
        } finally {
            System.setOut(out);
        }

        assertThat(comparison.method()).isEqualTo(HeapFootprint.JOL);
        assertThat(comparison.monolithRowBytes()).isGreaterThan(comparison.authRowBytes());
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aWiderBioGrowsTheMonolithRowButNotTheAuthRow() {
        User wide = new UserGenerator(42, 4_000).user(0);

        HeapFootprint.Comparison narrow = HeapFootprint.compare(USER);
        HeapFootprint.Comparison wider = HeapFootprint.compare(wide);

        assertThat(wider.monolithRowBytes() - narrow.monolithRowBytes())
                .isGreaterThanOrEqualTo(wide.bio().length() - USER.bio().length());
        assertThat(wider.authRowBytes()).isEqualTo(narrow.authRowBytes());
    }

    @Test
    void theFallbackEstimateAlsoRanksTheMonolithRowAboveTheAuthRow() {
        long monolith = HeapFootprint.estimate(USER, new IdentityHashMap<>());
        long auth = HeapFootprint.estimate(AuthRow.of(USER), new IdentityHashMap<>());

        assertThat(monolith).isGreaterThan(auth + USER.bio().length());
    }
}
