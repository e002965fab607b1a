package dev.mcpgateway.llm.limit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Window arithmetic shared by the limiter implementations. */
final class Windows {

    private Windows() {
    }

    static Instant minuteStart(Instant now) {
        return now.truncatedTo(ChronoUnit.MINUTES);
    }

    static Instant minuteEnd(Instant now) {
        return minuteStart(now).plus(1, ChronoUnit.MINUTES);
    }

    /** Whole seconds until {@code end}, rounded up and at least 1 so a client never retries at once. */
    static long retryAfterSeconds(Instant now, Instant end) {
        long millis = Duration.between(now, end).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /** Remaining tokens, never negative (a counter may overshoot through reconciliation). */
    static long remaining(long limit, long used) {
        return Math.max(0, limit - used);
    }
}
