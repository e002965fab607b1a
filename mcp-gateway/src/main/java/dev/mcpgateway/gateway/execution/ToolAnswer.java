package dev.mcpgateway.gateway.execution;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * A tool call's result and the HTTP status it stands for: the backend's own, or the one the gateway reads a call
 * without a usable answer as (400 arguments refused, 500 the gateway's fault, 502 unreachable, unreadable or without
 * credentials, 504 timed out, 499 cancelled by the client). Policies read it as {@code context.Response.StatusCode}.
 */
public record ToolAnswer(McpSchema.CallToolResult result, int status) {
}
