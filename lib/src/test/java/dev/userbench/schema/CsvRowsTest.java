package dev.userbench.schema;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRowsTest {

    @Test
    void timesAreWrittenExactlyAsIsoInstantWritesThemWhateverTheInstant() {
        SplittableRandom random = new SplittableRandom(3);
        long from = Instant.parse("0900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to), i % 10 == 0 ? random.nextInt(1_000_000_000) : 0);
            assertThat(iso(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
        }
        for (String edge : new String[] {"1970-01-01T00:00:00Z", "2000-02-29T23:59:59Z", "2024-12-31T23:59:59Z",
                "2025-01-01T00:00:00Z", "1000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1969-12-31T23:59:59Z"}) {
            assertThat(iso(Instant.parse(edge))).isEqualTo(edge);
        }
    }

    private static String iso(Instant instant) {
        StringBuilder out = new StringBuilder();
        CsvRows.appendInstant(out, instant);
        return out.toString();
    }
}
