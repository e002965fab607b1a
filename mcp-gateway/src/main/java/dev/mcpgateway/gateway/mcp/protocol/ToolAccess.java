package dev.mcpgateway.gateway.mcp.protocol;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a {@link ToolFilter} decides for one call: go ahead, act as if the tool did not exist, or ask for scopes. */
public sealed interface ToolAccess {

    ToolAccess ALLOW = new Allow();
    ToolAccess HIDE = new Hide();

    record Allow() implements ToolAccess {
    }

    /** The caller may not know the tool exists (a role or group rule no new token would satisfy). */
    record Hide() implements ToolAccess {
    }

    /**
     * A token with {@code scopes} would be allowed (MCP 2025-11-25 scope challenge). It is also the JSON-RPC error's
     * {@code data}, so a transport that cannot answer with HTTP 403 (legacy SSE) still tells the client what to do.
     *
     * @param scopes           every scope to ask for: those the token has and those it lacks
     * @param resourceMetadata the protected resource metadata URL the client discovers the authorization server by
     * @param challenge        the {@code WWW-Authenticate} value for an HTTP 403
     */
    record StepUp(List<String> scopes, String resourceMetadata, String challenge) implements ToolAccess {

        public StepUp {
            scopes = List.copyOf(scopes);
        }

        /** The error's {@code data}: the challenge's parameters, by their RFC 6750 / RFC 9728 names. */
        @JsonValue
        public Map<String, Object> data() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("error", "insufficient_scope");
            data.put("scope", String.join(" ", scopes));
            data.put("resource_metadata", resourceMetadata);
            return data;
        }
    }
}
