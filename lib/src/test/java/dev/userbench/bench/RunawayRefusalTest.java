package dev.userbench.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The harness will not measure beside a notebook cell that ignored its interrupt and keeps a core busy. */
class RunawayRefusalTest {

    @Test
    void theHarnessRefusesToMeasureWhileARunawayCellThreadIsAliveAndMeasuresOnceItIsGone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread runaway = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, Harness.RUNAWAY_THREAD_PREFIX + "7");
        runaway.start();
        try {
            assertThatThrownBy(Harness::refuseBesideARunaway)
                    .hasMessageContaining(Harness.RUNAWAY_THREAD_PREFIX + "7")
                    .hasMessageContaining("restart the kernel");
        } finally {
            release.countDown();
            runaway.join();
        }
        assertThatCode(Harness::refuseBesideARunaway).doesNotThrowAnyException();
    }
}
