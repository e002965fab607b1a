package dev.mcpgateway.gateway.catalog;

import dev.mcpgateway.gateway.execution.ApiBackend;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/**
 * Runs one operation of a served MCP server: whatever the server's mode (a tool per operation, compact), a call
 * reaches its backend only through here, so its policies apply whichever way the operation was reached.
 */
@FunctionalInterface
public interface OperationRunner {

    /**
     * @param server    the MCP server's name (the API scope of its policies)
     * @param operation the operation called, named by its tool (the operation scope of its policies)
     * @param backend   where the operation's API is served
     * @param arguments the operation's arguments as the client sent them
     * @param context   the call's protocol context
     */
    McpSchema.CallToolResult run(String server, ServedOperation operation, ApiBackend backend,
                                 Map<String, Object> arguments, CallContext context);
}
