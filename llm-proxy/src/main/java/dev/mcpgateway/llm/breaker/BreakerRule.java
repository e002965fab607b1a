package dev.mcpgateway.llm.breaker;

import java.time.Duration;
import java.util.List;

/**
 * APIM's circuit-breaker rule: trip when, within {@code interval}, the failures reach {@code failureCount} or make up
 * {@code failurePercentage} of the calls; stay tripped for {@code tripDuration}, or for the backend's
 * {@code Retry-After} when {@code acceptRetryAfter} (capped at {@code maxRetryAfter}: a 429 can ask for a day).
 *
 * @param failureCount      trips at this many failures in the interval (0 = not used)
 * @param failurePercentage trips when this share of at least {@code minimumCalls} calls failed (0 = not used)
 * @param statusCodeRanges  which upstream statuses are failures; transport errors (refused, timeout) always are
 * @param errorReasons      transport failure reasons counted ({@code timeout}, {@code connect}, {@code io});
 *                          empty = all
 */
public record BreakerRule(int failureCount, int failurePercentage, int minimumCalls, Duration interval,
                          List<StatusRange> statusCodeRanges, List<String> errorReasons, Duration tripDuration,
                          boolean acceptRetryAfter, Duration maxRetryAfter) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    public static final Duration DEFAULT_TRIP = Duration.ofSeconds(30);
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofMinutes(5);

    public BreakerRule {
        if (failureCount < 0 || failurePercentage < 0 || failurePercentage > 100) {
            throw new IllegalArgumentException("failure-count >= 0 and failure-percentage in 0..100");
        }
        interval = interval == null ? DEFAULT_INTERVAL : interval;
        tripDuration = tripDuration == null ? DEFAULT_TRIP : tripDuration;
        maxRetryAfter = maxRetryAfter == null ? DEFAULT_MAX_RETRY_AFTER : maxRetryAfter;
        statusCodeRanges = statusCodeRanges == null || statusCodeRanges.isEmpty()
                ? List.of(new StatusRange(429, 429), new StatusRange(500, 599)) : List.copyOf(statusCodeRanges);
        errorReasons = errorReasons == null ? List.of() : List.copyOf(errorReasons);
        minimumCalls = Math.max(1, minimumCalls);
    }

    /** A breaker that trips on the first 429 or 5xx for 30 s, honouring Retry-After up to 5 minutes. */
    public static BreakerRule defaults() {
        return new BreakerRule(1, 0, 1, null, null, null, null, true, null);
    }

    public boolean isFailure(int status) {
        return statusCodeRanges.stream().anyMatch(r -> r.contains(status));
    }

    public boolean countsReason(String reason) {
        return errorReasons.isEmpty() || errorReasons.contains(reason);
    }

    /** An inclusive status range such as {@code 500-599}. */
    public record StatusRange(int min, int max) {
        public StatusRange {
            if (min < 100 || max > 599 || min > max) {
                throw new IllegalArgumentException("bad status range " + min + "-" + max);
            }
        }

        public static StatusRange parse(String text) {
            String[] parts = text.trim().split("-");
            int min = Integer.parseInt(parts[0].trim());
            return new StatusRange(min, parts.length > 1 ? Integer.parseInt(parts[1].trim()) : min);
        }

        public boolean contains(int status) {
            return status >= min && status <= max;
        }

        @Override
        public String toString() {
            return min == max ? Integer.toString(min) : min + "-" + max;
        }
    }
}
