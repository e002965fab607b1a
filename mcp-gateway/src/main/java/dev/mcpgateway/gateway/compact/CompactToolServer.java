package dev.mcpgateway.gateway.compact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.catalog.OperationRunner;
import dev.mcpgateway.gateway.catalog.ServedMcpServer;
import dev.mcpgateway.gateway.catalog.ServedOperation;
import dev.mcpgateway.gateway.catalog.ToolCall;
import dev.mcpgateway.gateway.catalog.UnknownToolException;
import dev.mcpgateway.gateway.execution.ApiBackend;
import dev.mcpgateway.gateway.mcp.protocol.InsufficientScopeException;
import dev.mcpgateway.gateway.mcp.protocol.ToolAccess;
import dev.mcpgateway.gateway.mcp.protocol.ToolFilter;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An MCP server that lists three tools (search, describe, invoke) instead of one per operation, for APIs too large
 * for clients that only take the first 40 or 128 tools. The model finds an operation, reads its schema, calls it.
 * The tool rules apply to the operations as they would to the tools of a server in tools mode: search finds only
 * the operations the caller may see, as {@code tools/list} would list them.
 */
public final class CompactToolServer implements ServedMcpServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final McpSchema.Implementation info;
    private final Optional<String> instructions;
    private final List<McpSchema.Tool> tools;
    private final Map<String, ServedOperation> byName;
    private final OperationSearch search;
    private final ApiBackend backend;
    private final OperationRunner runner;
    private final Supplier<ToolFilter> filter;

    public CompactToolServer(String name, McpSchema.Implementation info, Optional<String> instructions,
                             List<ServedOperation> operations, ApiBackend backend, OperationRunner runner,
                             Supplier<ToolFilter> filter) {
        this.name = name;
        this.info = info;
        this.instructions = instructions.map(text -> text + " Use " + CompactTools.SEARCH + " to find an operation, "
                + CompactTools.DESCRIBE + " for its arguments, then " + CompactTools.INVOKE + ".");
        this.tools = CompactTools.definitions(info.title());
        Map<String, ServedOperation> index = new LinkedHashMap<>();
        operations.forEach(o -> index.put(o.tool().name(), o));
        this.byName = index;
        this.search = new OperationSearch(operations);
        this.backend = backend;
        this.runner = runner;
        this.filter = filter;
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

    /** The API's operations, each reached through {@code invoke}: their policies apply to those calls. */
    @Override
    public List<String> operations() {
        return List.copyOf(byName.keySet());
    }

    @Override
    public McpSchema.CallToolResult call(ToolCall call) throws UnknownToolException {
        return switch (call.toolName()) {
            case CompactTools.SEARCH -> search(call);
            case CompactTools.DESCRIBE -> withOperation(call, this::describe);
            case CompactTools.INVOKE -> withOperation(call, served -> invoke(served, call));
            default -> throw new UnknownToolException(call.toolName());
        };
    }

    private McpSchema.CallToolResult search(ToolCall call) {
        Map<String, Object> args = call.arguments();
        ToolFilter rules = filter.get();
        Predicate<ServedOperation> visible = served -> rules.visible(this, served.tool(), call.context().caller());
        Object query = args.get("query");
        int limit = CompactTools.DEFAULT_LIMIT;
        if (args.get("limit") instanceof Number n) {
            limit = Math.max(1, Math.min(CompactTools.MAX_LIMIT, n.intValue()));
        }
        List<Map<String, Object>> found = search.search(query == null ? null : query.toString(), limit, visible)
                .stream()
                .map(served -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("operation", served.tool().name());
                    entry.put("method", served.operation().method());
                    entry.put("path", served.operation().path());
                    entry.put("summary", firstLine(served.tool().description()));
                    return entry;
                }).toList();
        return structured(Map.of("operations", found, "total", byName.values().stream().filter(visible).count()));
    }

    private McpSchema.CallToolResult describe(ServedOperation served) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("operation", served.tool().name());
        description.put("method", served.operation().method());
        description.put("path", served.operation().path());
        description.put("description", served.tool().description() == null ? "" : served.tool().description());
        description.put("inputSchema", served.tool().inputSchema());
        return structured(description);
    }

    private McpSchema.CallToolResult invoke(ServedOperation served, ToolCall call) {
        Object arguments = call.arguments().get("arguments");
        Map<String, Object> operationArgs;
        if (arguments == null) {
            operationArgs = Map.of();
        } else if (arguments instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            operationArgs = typed;
        } else {
            return error("Invalid arguments: arguments: must be an object");
        }
        return runner.run(name, served, backend, operationArgs, call.context());
    }

    /**
     * Where a call reaches an operation: the caller's access to its tool decides, as for a {@code tools/call} on a
     * server in tools mode. An operation the caller may not know of is answered as one the API does not have; one it
     * could use with more scopes is the same step-up, for describe as for invoke: a caller that search does not show
     * it to does not get its schema either.
     */
    private McpSchema.CallToolResult withOperation(ToolCall call,
                                                   Function<ServedOperation, McpSchema.CallToolResult> action) {
        Object operation = call.arguments().get("operation");
        if (!(operation instanceof String text) || text.isBlank()) {
            return error("Invalid arguments: operation: is required");
        }
        ServedOperation served = byName.get(text);
        ToolAccess access = served == null ? ToolAccess.HIDE
                : filter.get().access(this, served.tool(), call.context().caller());
        return switch (access) {
            case ToolAccess.Allow allow -> action.apply(served);
            case ToolAccess.Hide hide -> error("Unknown operation '" + text + "'. Use " + CompactTools.SEARCH
                    + " to find operation names.");
            case ToolAccess.StepUp stepUp -> throw new InsufficientScopeException(stepUp);
        };
    }

    private static McpSchema.CallToolResult structured(Map<String, Object> content) {
        try {
            return McpSchema.CallToolResult.builder().addTextContent(JSON.writeValueAsString(content))
                    .structuredContent(content).isError(false).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static McpSchema.CallToolResult error(String text) {
        return McpSchema.CallToolResult.builder().addTextContent(text).isError(true).build();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** The backend's calls report only progress (when asked for with a token), never log messages. */
    @Override
    public boolean logsDuringCalls() {
        return false;
    }
}
