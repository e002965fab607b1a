package dev.mcpgateway.gateway.mcp.protocol;

import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.catalog.ServedMcpServer;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.Optional;

/**
 * Which tools a caller may see and call (for example by the scopes of its token). A hidden tool is left out of
 * {@code tools/list} and answered like an unknown tool by {@code tools/call}, so its existence does not leak.
 * A compact server asks the same of each operation it searches, describes or invokes. Without a filter bean every
 * caller sees every tool.
 */
@FunctionalInterface
public interface ToolFilter {

    boolean visible(ServedMcpServer server, Tool tool, Optional<CallContext.Caller> caller);

    /**
     * The decision for a {@code tools/call}: a filter that knows the caller could reach the tool with more scopes
     * answers {@link ToolAccess.StepUp}; by default a tool is either allowed or hidden.
     */
    default ToolAccess access(ServedMcpServer server, Tool tool, Optional<CallContext.Caller> caller) {
        return visible(server, tool, caller) ? ToolAccess.ALLOW : ToolAccess.HIDE;
    }
}
