package dev.mcpgateway.llm.breaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.testsupport.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final ManualClock clock = new ManualClock("2026-01-01T00:00:00Z");

    private CircuitBreaker breaker(int count, int percentage, Duration trip, boolean acceptRetryAfter) {
        return new CircuitBreaker(new BreakerRule(count, percentage, 4, Duration.ofSeconds(10),
                List.of(BreakerRule.StatusRange.parse("429"), BreakerRule.StatusRange.parse("500-599")),
                List.of(), trip, acceptRetryAfter, Duration.ofMinutes(1)), clock);
    }

    @Nested
    class WhenCountingFailures {

        @Test
        void tripsAtTheCountWithinTheInterval() {
            CircuitBreaker b = breaker(3, 0, Duration.ofSeconds(30), false);
            b.onResponse(500, Optional.empty());
            b.onResponse(503, Optional.empty());
            assertEquals(CircuitBreaker.State.CLOSED, b.state());
            assertEquals(CircuitBreaker.BreakerOutcome.TRIPPED, b.onResponse(429, Optional.empty()));
            assertEquals(CircuitBreaker.State.OPEN, b.state());
            assertFalse(b.isAvailable());
        }

        @Test
        void forgetsFailuresOfAnEarlierInterval() {
            CircuitBreaker b = breaker(2, 0, Duration.ofSeconds(30), false);
            b.onResponse(500, Optional.empty());
            clock.advance(Duration.ofSeconds(11));
            b.onResponse(500, Optional.empty());
            assertEquals(CircuitBreaker.State.CLOSED, b.state());
        }

        @Test
        void ignoresStatusesOutsideTheRanges() {
            CircuitBreaker b = breaker(1, 0, Duration.ofSeconds(30), false);
            b.onResponse(400, Optional.empty());
            b.onResponse(404, Optional.empty());
            assertEquals(CircuitBreaker.State.CLOSED, b.state());
        }

        @Test
        void countsTransportFailures() {
            CircuitBreaker b = breaker(1, 0, Duration.ofSeconds(30), false);
            assertEquals(CircuitBreaker.BreakerOutcome.TRIPPED, b.onTransportFailure("timeout"));
        }
    }

    @Nested
    class WhenCountingAPercentage {

        @Test
        void tripsOnlyOnceEnoughCallsWereSeen() {
            CircuitBreaker b = breaker(0, 50, Duration.ofSeconds(30), false);
            b.onResponse(500, Optional.empty());
            assertEquals(CircuitBreaker.State.CLOSED, b.state(), "1 of 1 failed but the minimum is 4 calls");
            b.onResponse(200, Optional.empty());
            b.onResponse(200, Optional.empty());
            assertEquals(CircuitBreaker.BreakerOutcome.TRIPPED, b.onResponse(500, Optional.empty()));
        }
    }

    @Nested
    class WhenTripped {

        @Test
        void staysOpenForTheTripDurationThenLetsOneProbeThrough() {
            CircuitBreaker b = breaker(1, 0, Duration.ofSeconds(30), false);
            b.onResponse(500, Optional.empty());
            clock.advance(Duration.ofSeconds(29));
            assertFalse(b.tryAcquire());
            clock.advance(Duration.ofSeconds(1));
            assertEquals(CircuitBreaker.State.HALF_OPEN, b.state());
            assertTrue(b.tryAcquire(), "the probe");
            assertFalse(b.tryAcquire(), "only one probe at a time");
            assertFalse(b.isAvailable());
        }

        @Test
        void aSuccessfulProbeClosesIt() {
            CircuitBreaker b = breaker(1, 0, Duration.ofSeconds(30), false);
            b.onResponse(500, Optional.empty());
            clock.advance(Duration.ofSeconds(30));
            assertTrue(b.tryAcquire());
            assertEquals(CircuitBreaker.BreakerOutcome.CLOSED, b.onResponse(200, Optional.empty()));
            assertEquals(CircuitBreaker.State.CLOSED, b.state());
            assertTrue(b.tryAcquire());
        }

        @Test
        void aFailedProbeTripsItAgain() {
            CircuitBreaker b = breaker(1, 0, Duration.ofSeconds(30), false);
            b.onResponse(500, Optional.empty());
            clock.advance(Duration.ofSeconds(30));
            assertTrue(b.tryAcquire());
            b.onResponse(502, Optional.empty());
            assertEquals(CircuitBreaker.State.OPEN, b.state());
            clock.advance(Duration.ofSeconds(29));
            assertFalse(b.isAvailable());
        }

        @Test
        void honoursRetryAfterWhenAccepted() {
            CircuitBreaker b = breaker(1, 0, Duration.ofSeconds(30), true);
            b.onResponse(429, Optional.of(Duration.ofSeconds(45)));
            clock.advance(Duration.ofSeconds(44));
            assertEquals(CircuitBreaker.State.OPEN, b.state());
            clock.advance(Duration.ofSeconds(1));
            assertEquals(CircuitBreaker.State.HALF_OPEN, b.state());
        }

        @Test
        void capsAHugeRetryAfter() {
            CircuitBreaker b = breaker(1, 0, Duration.ofSeconds(30), true);
            b.onResponse(429, Optional.of(Duration.ofDays(1)));
            clock.advance(Duration.ofMinutes(1));
            assertEquals(CircuitBreaker.State.HALF_OPEN, b.state());
        }

        @Test
        void ignoresRetryAfterWhenNotAccepted() {
            CircuitBreaker b = breaker(1, 0, Duration.ofSeconds(30), false);
            b.onResponse(429, Optional.of(Duration.ofSeconds(50)));
            clock.advance(Duration.ofSeconds(30));
            assertEquals(CircuitBreaker.State.HALF_OPEN, b.state());
        }

        @Test
        void resetClosesItAtOnce() {
            CircuitBreaker b = breaker(1, 0, Duration.ofSeconds(30), false);
            b.onResponse(500, Optional.empty());
            b.reset();
            assertEquals(CircuitBreaker.State.CLOSED, b.state());
        }
    }
}
