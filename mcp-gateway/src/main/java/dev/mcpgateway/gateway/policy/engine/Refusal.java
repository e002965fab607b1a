package dev.mcpgateway.gateway.policy.engine;

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

    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        headers = Map.copyOf(headers);
    }

    public static Refusal of(int status, String code, String message) {
        return new Refusal(status, code, message, null, Map.of());
    }
}
