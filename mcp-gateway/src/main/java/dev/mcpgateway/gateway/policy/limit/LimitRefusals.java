package dev.mcpgateway.gateway.policy.limit;

import dev.mcpgateway.gateway.policy.engine.Refusal;
import java.util.Map;

/** The refusals of the counting policies, worded as APIM words them. */
final class LimitRefusals {

    private LimitRefusals() {
    }

    /** 429: the window's calls are spent. */
    static Refusal rate(long seconds, Map<String, String> headers) {
        return new Refusal(429, "rate_limit_exceeded", "Rate limit is exceeded. Try again in " + seconds
                + " seconds.", seconds, headers);
    }

    /**
     * 403: the quota of {@code measure} is spent until the window renews in {@code seconds}, or for good (null).
     */
    static Refusal quota(String measure, Long seconds) {
        String what = measure.equals(CallQuota.BANDWIDTH) ? "bandwidth" : "call volume";
        String message = "Out of " + what + " quota." + (seconds == null ? ""
                : " Quota will be replenished in " + timeSpan(seconds) + ".");
        return new Refusal(403, "quota_exceeded", message, seconds, Map.of());
    }

    /**
     * 500: an expression of the policy gave no usable value (calls that are not a number, say), as APIM fails a
     * policy it cannot evaluate. The message names no detail of the policy.
     */
    static Refusal unusable() {
        return Refusal.of(500, "policy_error", "The gateway could not apply a limit policy to this call.");
    }

    /** As .NET renders a TimeSpan: {@code hh:mm:ss}, with {@code d.} before it from a day on. */
    private static String timeSpan(long seconds) {
        long days = seconds / 86_400;
        String clock = String.format("%02d:%02d:%02d", seconds % 86_400 / 3600, seconds % 3600 / 60, seconds % 60);
        return days > 0 ? days + "." + clock : clock;
    }
}
