package dev.mcpgateway.gateway.policy.limit;

import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a rate limit reports to, each null when not named: {@code retry-after-header-name} and
 * {@code retry-after-variable-name} when it refuses, {@code remaining-calls-header-name},
 * {@code remaining-calls-variable-name} and {@code total-calls-header-name} every time it runs. Variables hold
 * {@link Long}s, which {@code GetValueOrDefault<int>} reads.
 */
record RateReport(String retryAfterHeader, String retryAfterVariable, String remainingHeader,
                  String remainingVariable, String totalHeader) {

    static RateReport of(PolicyElement element) {
        return new RateReport(literal(element, "retry-after-header-name"),
                literal(element, "retry-after-variable-name"), literal(element, "remaining-calls-header-name"),
                literal(element, "remaining-calls-variable-name"), literal(element, "total-calls-header-name"));
    }

    /** The call passed with {@code remaining} calls left in the window. */
    void admitted(PolicyCall call, long calls, long remaining) {
        if (remainingHeader != null) {
            call.setResponseHeader(remainingHeader, List.of(Long.toString(remaining)));
        }
        if (totalHeader != null) {
            call.setResponseHeader(totalHeader, List.of(Long.toString(calls)));
        }
        if (remainingVariable != null) {
            call.setVariable(remainingVariable, remaining);
        }
    }

    /** The call is refused; the window renews in {@code seconds}. */
    Refusal refused(PolicyCall call, long calls, long seconds) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (retryAfterHeader != null) {
            headers.put(retryAfterHeader, Long.toString(seconds));
        }
        if (remainingHeader != null) {
            headers.put(remainingHeader, "0");
        }
        if (totalHeader != null) {
            headers.put(totalHeader, Long.toString(calls));
        }
        if (retryAfterVariable != null) {
            call.setVariable(retryAfterVariable, seconds);
        }
        if (remainingVariable != null) {
            call.setVariable(remainingVariable, 0L);
        }
        return LimitRefusals.rate(seconds, headers);
    }

    /** The catalog admits no expression in these attributes: their text is known at load. */
    private static String literal(PolicyElement element, String attribute) {
        Expression value = element.attribute(attribute);
        return value == null ? null : value.evaluateText(null);
    }
}
