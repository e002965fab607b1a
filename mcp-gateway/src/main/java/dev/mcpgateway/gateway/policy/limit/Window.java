package dev.mcpgateway.gateway.policy.limit;

import java.time.Duration;
import java.time.Instant;

/**
 * Fixed counting windows of {@code seconds} laid end to end from {@code origin}: every gateway instance finds the
 * same window for the same instant, so counters kept in Redis line up without coordination. A length of 0 is one
 * window that never ends (a quota that never renews).
 */
public record Window(Instant origin, long seconds) {

    /** Windows aligned to the period itself (a 60-second window starts on the minute). */
    public static Window of(long seconds) {
        return new Window(Instant.EPOCH, seconds);
    }

    public boolean renews() {
        return seconds > 0;
    }

    public Instant start(Instant now) {
        if (!renews()) {
            return origin;
        }
        long elapsed = now.getEpochSecond() - origin.getEpochSecond();
        return origin.plusSeconds(Math.floorDiv(elapsed, seconds) * seconds);
    }

    /** The first instant after the window holding {@code now}; null for a window that never ends. */
    public Instant end(Instant now) {
        return renews() ? start(now).plusSeconds(seconds) : null;
    }

    /** Whole seconds until the window renews, rounded up and at least 1; null when it never does. */
    public Long secondsLeft(Instant now) {
        if (!renews()) {
            return null;
        }
        long millis = Duration.between(now, end(now)).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
