package dev.mcpgateway.gateway.mcp.session;

import java.util.Optional;

/**
 * What a session starts with; the store mints its id.
 *
 * @param client empty until the client's {@code initialize} (a legacy SSE session opens before it)
 */
public record NewSession(String serverName, McpSession.Transport transport, String protocolVersion,
                         Optional<String> ownerSubject, Optional<SessionClient> client) {
}
