package dev.mcpgateway.gateway.mcp.session;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * The client as it described itself in {@code initialize}; kept with the session so every instance serving it
 * knows the same.
 *
 * @param info         name and version ({@code clientInfo})
 * @param capabilities what the client offers ({@code capabilities}); may be null when it sent none
 */
public record SessionClient(McpSchema.Implementation info, McpSchema.ClientCapabilities capabilities) {
}
