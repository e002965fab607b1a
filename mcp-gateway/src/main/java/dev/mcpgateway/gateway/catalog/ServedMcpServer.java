package dev.mcpgateway.gateway.catalog;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Optional;

/** One MCP server as the protocol layer sees it: an identity, a tool list, and a way to call a tool. */
public interface ServedMcpServer {

    /** The name in {@code /mcp/{name}}. */
    String name();

    /** What {@code initialize} / {@code server/discover} report as {@code serverInfo}. */
    McpSchema.Implementation serverInfo();

    /** Optional instructions for the model, reported at initialize. */
    Optional<String> instructions();

    /** The tools in a deterministic order (the order {@code tools/list} pages through). */
    List<McpSchema.Tool> tools();

    /**
     * The names of the operations its calls reach, the operation scope of their policies: the tools themselves,
     * unless the server reaches operations through tools of its own (compact mode).
     */
    default List<String> operations() {
        return tools().stream().map(McpSchema.Tool::name).toList();
    }

    /**
     * Runs one tool call to completion; blocking (callers run it on a virtual thread).
     * A failing upstream API is an {@code isError: true} result, never an exception.
     *
     * @throws UnknownToolException when the server has no tool of that name (a JSON-RPC -32602 for the client)
     * @throws dev.mcpgateway.gateway.mcp.protocol.InsufficientScopeException when the call reaches an operation the
     *         caller needs more scopes for (compact mode)
     */
    McpSchema.CallToolResult call(ToolCall call) throws UnknownToolException;

    /**
     * Whether a tool call may send log messages ({@code notifications/message}) while it runs. A call that can send
     * neither a log message nor progress (its request has no {@code progressToken}) is answered as plain JSON on the
     * request's own thread, skipping the hand-off that lets an answer turn into an SSE stream.
     */
    default boolean logsDuringCalls() {
        return true;
    }
}
