package dev.mcpgateway.gateway.catalog;

import dev.mcpgateway.gateway.execution.ApiBackend;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An MCP server with one tool per selected operation: the usual mode. Immutable; replaced whole on change. */
final class OperationToolServer implements ServedMcpServer {

    private final String name;
    private final McpSchema.Implementation info;
    private final Optional<String> instructions;
    private final List<McpSchema.Tool> tools;
    private final Map<String, ServedOperation> byToolName;
    private final ApiBackend backend;
    private final OperationRunner runner;

    OperationToolServer(String name, McpSchema.Implementation info, Optional<String> instructions,
                        List<ServedOperation> operations, ApiBackend backend, OperationRunner runner) {
        this.name = name;
        this.info = info;
        this.instructions = instructions;
        this.tools = operations.stream().map(ServedOperation::tool).toList();
        Map<String, ServedOperation> index = new LinkedHashMap<>();
        operations.forEach(o -> index.put(o.tool().name(), o));
        this.byToolName = Map.copyOf(index);
        this.backend = backend;
        this.runner = runner;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public McpSchema.Implementation serverInfo() {
        return info;
    }

    @Override
    public Optional<String> instructions() {
        return instructions;
    }

    @Override
    public List<McpSchema.Tool> tools() {
        return tools;
    }

    @Override
    public McpSchema.CallToolResult call(ToolCall call) throws UnknownToolException {
        ServedOperation operation = byToolName.get(call.toolName());
        if (operation == null) {
            throw new UnknownToolException(call.toolName());
        }
        return runner.run(name, operation, backend, call.arguments(), call.context());
    }

    /** The backend's calls report only progress (when asked for with a token), never log messages. */
    @Override
    public boolean logsDuringCalls() {
        return false;
    }
}
