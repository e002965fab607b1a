package dev.mcpgateway.gateway.policy.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A refused call, independent of the surface that renders it.
 *
 * @param status            the HTTP status a REST or LLM caller gets (429 limit, 403 quota or access, 401 token)
 * @param code              a stable machine-readable reason ({@code rate_limit_exceeded}, {@code quota_exceeded}...)
 * @param message           a sentence the caller (or the model) can act on; never internal detail
 * @param retryAfterSeconds when trying again may succeed, or null when it would not
 * @param headers           headers the policy adds to the refusal ({@code retry-after-header-name}, ...)
 */
public record Refusal(int status, String code, String message, Long retryAfterSeconds, Map<String, String> headers) {

    /**
     * A policy could not be applied because an expression gave a value it cannot use (a status code out of range, a
     * header name with spaces): APIM fails such a call with 500, and so does the gateway, without saying more.
     */
    public static final Refusal POLICY_FAILED = of(500, "policy_failed", "The gateway could not apply its policy to"
            + " this call.");

    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        headers = Map.copyOf(headers);
    }

    public static Refusal of(int status, String code, String message) {
        return new Refusal(status, code, message, null, Map.of());
    }

    /**
     * What a client can act on, by name: {@code status}, {@code code} and, when trying again may succeed,
     * {@code retryAfterSeconds}. An MCP tool result carries it in {@code _meta}, an MCP endpoint's refusal in the
     * JSON-RPC error's {@code data}.
     */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", status);
        details.put("code", code);
        if (retryAfterSeconds != null) {
            details.put("retryAfterSeconds", retryAfterSeconds);
        }
        return details;
    }
}
