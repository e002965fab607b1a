package dev.mcpgateway.llm.retry;

import java.time.Duration;

/** Retry (after a wait) or stop: the retry policy's answer as a value. */
public record RetryDecision(boolean retry, Duration delay) {

    private static final RetryDecision STOP = new RetryDecision(false, Duration.ZERO);

    public static RetryDecision stop() {
        return STOP;
    }

    public static RetryDecision retryAfter(Duration delay) {
        return new RetryDecision(true, delay);
    }
}
