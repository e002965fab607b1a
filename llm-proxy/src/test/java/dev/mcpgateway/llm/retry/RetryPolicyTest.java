package dev.mcpgateway.llm.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final Random random = new Random(7);

    @Test
    void fixedWaitsTheIntervalEveryTime() {
        RetryPolicy p = new RetryPolicy(3, RetryPolicy.Formula.FIXED, Duration.ofMillis(200), Duration.ofMillis(100), null, false);
        assertEquals(Duration.ofMillis(200), p.delay(1, random));
        assertEquals(Duration.ofMillis(200), p.delay(3, random));
    }

    @Test
    void linearAddsDeltaPerRetryUpToTheCap() {
        RetryPolicy p = new RetryPolicy(10, RetryPolicy.Formula.LINEAR, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(6), false);
        assertEquals(Duration.ofSeconds(1), p.delay(1, random));
        assertEquals(Duration.ofSeconds(3), p.delay(2, random));
        assertEquals(Duration.ofSeconds(5), p.delay(3, random));
        assertEquals(Duration.ofSeconds(6), p.delay(4, random), "capped at max-interval");
    }

    @Test
    void withoutMaxIntervalNothingIsCapped() {
        RetryPolicy p = new RetryPolicy(50, RetryPolicy.Formula.LINEAR, Duration.ofSeconds(1), Duration.ofSeconds(10),
                null, false);
        assertEquals(Duration.ofSeconds(491), p.delay(50, random));
    }

    @Test
    void exponentialGrowsAsTwoToTheNMinusOneTimesAJitteredDelta() {
        RetryPolicy p = new RetryPolicy(10, RetryPolicy.Formula.EXPONENTIAL, Duration.ofMillis(100),
                Duration.ofMillis(100), Duration.ofSeconds(60), false);
        for (int n = 1; n <= 5; n++) {
            long ms = p.delay(n, random).toMillis();
            double factor = Math.pow(2, n) - 1;
            assertTrue(ms >= 100 + 80 * factor - 1 && ms <= 100 + 120 * factor + 1, "retry " + n + " waited " + ms);
        }
        assertEquals(Duration.ofSeconds(60), p.delay(20, random));
    }

    @Test
    void firstFastRetryIsImmediate() {
        RetryPolicy p = new RetryPolicy(2, RetryPolicy.Formula.FIXED, Duration.ofSeconds(1), null, null, true);
        assertEquals(Duration.ZERO, p.decide(1, random).delay());
        assertEquals(Duration.ofSeconds(1), p.decide(2, random).delay());
    }

    @Test
    void stopsAfterCountRetries() {
        RetryPolicy p = new RetryPolicy(2, null, null, null, null, false);
        assertTrue(p.decide(2, random).retry());
        assertFalse(p.decide(3, random).retry());
    }

    @Test
    void countIsBoundedLikeApim() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(51, null, null, null, null, false));
    }

    @Test
    void retriesOnlyThrottlingAndServerErrors() {
        assertTrue(RetryPolicy.isRetriableStatus(429));
        assertTrue(RetryPolicy.isRetriableStatus(503));
        assertFalse(RetryPolicy.isRetriableStatus(400));
        assertFalse(RetryPolicy.isRetriableStatus(200));
    }
}
