package dev.mcpgateway.gateway.mcp.protocol;

import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * On transports that answer a request on its own HTTP response (Streamable HTTP, stateless), a refused call the
 * caller could make with more scopes becomes HTTP 403 with a {@code WWW-Authenticate} scope challenge: that is
 * what MCP clients step up on. Batches and legacy SSE keep the JSON-RPC error, whose data carries the same facts.
 */
public final class ScopeChallenges {

    private ScopeChallenges() {
    }

    public static Reply asHttp(Reply reply) {
        if (reply instanceof Reply.Json json && json.body() instanceof JSONRPCResponse response
                && response.error() != null && response.error().data() instanceof ToolAccess.StepUp stepUp) {
            Map<String, String> headers = new HashMap<>(json.headers());
            headers.put("WWW-Authenticate", stepUp.challenge());
            return new Reply.Json(403, response, Map.copyOf(headers));
        }
        return reply;
    }
}
