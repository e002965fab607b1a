package dev.mcpgateway.llm.retry;

import java.time.Duration;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * APIM's retry schedule: up to {@code count} retries, waiting per the formula. The proxy's own failover retries when
 * the upstream answers 429 or 5xx (or fails to answer), each time moving to the next backend of the pool; the
 * gateway's {@code <retry>} policy retries while its condition holds.
 *
 * <ul>
 *   <li>fixed: {@code interval}</li>
 *   <li>linear: {@code interval + (n-1)·delta}, capped at {@code maxInterval}</li>
 *   <li>exponential: {@code interval + (2^n − 1)·random(0.8·delta, 1.2·delta)}, capped at {@code maxInterval}</li>
 * </ul>
 * With {@code firstFastRetry} the first retry is immediate. A null {@code maxInterval} caps nothing (APIM's linear
 * formula has no cap).
 */
public record RetryPolicy(int count, Formula formula, Duration interval, Duration delta, Duration maxInterval,
                          boolean firstFastRetry) {

    public static final int MAX_COUNT = 50;

    public RetryPolicy {
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("retry count is 0.." + MAX_COUNT + ", not " + count);
        }
        formula = formula == null ? Formula.FIXED : formula;
        interval = interval == null ? Duration.ZERO : interval;
        delta = delta == null ? Duration.ZERO : delta;
    }

    /** Two retries, immediately: try up to three backends of the pool. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(2, Formula.FIXED, Duration.ZERO, Duration.ZERO, null, true);
    }

    /** The upstream answers worth another backend: throttled or failing. */
    public static boolean isRetriableStatus(int status) {
        return status == 429 || status >= 500;
    }

    /** Decides, after the {@code attempt}-th call (1-based) failed, whether to retry and after how long. */
    public RetryDecision decide(int attempt, RandomGenerator random) {
        if (attempt > count) {
            return RetryDecision.stop();
        }
        if (firstFastRetry && attempt == 1) {
            return RetryDecision.retryAfter(Duration.ZERO);
        }
        return RetryDecision.retryAfter(delay(attempt, random));
    }

    /** The wait before retry number {@code n} (1-based), capped at {@code maxInterval} when there is one. */
    public Duration delay(int n, RandomGenerator random) {
        Duration d = switch (formula) {
            case FIXED -> interval;
            case LINEAR -> interval.plus(delta.multipliedBy(n - 1L));
            case EXPONENTIAL -> {
                double jitter = delta.isZero() ? 1.0 : random.nextDouble(0.8, 1.2);
                yield interval.plusNanos((long) (delta.toNanos() * (Math.pow(2, n) - 1) * jitter));
            }
        };
        return maxInterval != null && d.compareTo(maxInterval) > 0 ? maxInterval : d;
    }

    public enum Formula {
        FIXED, LINEAR, EXPONENTIAL;

        public static Formula parse(String text) {
            return text == null || text.isBlank() ? FIXED : valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }
}
