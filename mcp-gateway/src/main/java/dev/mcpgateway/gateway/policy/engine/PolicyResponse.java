package dev.mcpgateway.gateway.policy.engine;

import java.util.List;
import java.util.Map;

/**
 * An answer a policy gives in place of the backend's ({@code return-response}, {@code mock-response}).
 *
 * @param status  the HTTP status
 * @param reason  the reason phrase ({@code set-status reason}), or null for the status's usual one
 * @param headers the response headers, by name as written
 * @param body    the body text, empty for none
 */
public record PolicyResponse(int status, String reason, Map<String, List<String>> headers, String body) {

    public PolicyResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    public PolicyResponse(int status, Map<String, List<String>> headers, String body) {
        this(status, null, headers, body);
    }

    /** The first value of the header, ignoring case, or null. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                .map(e -> e.getValue().isEmpty() ? null : e.getValue().getFirst()).orElse(null);
    }
}
