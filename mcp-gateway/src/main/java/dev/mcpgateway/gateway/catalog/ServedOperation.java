package dev.mcpgateway.gateway.catalog;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * An operation as one MCP server presents it: the tool under the server's name and description for it.
 *
 * @param tool      the tool as listed by this server (override applied)
 * @param operation the compiled operation it runs
 */
public record ServedOperation(McpSchema.Tool tool, CompiledOperation operation) {
}
