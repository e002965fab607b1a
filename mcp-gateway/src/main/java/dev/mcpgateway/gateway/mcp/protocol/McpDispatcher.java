package dev.mcpgateway.gateway.mcp.protocol;

import dev.mcpgateway.gateway.catalog.ServedMcpServer;
import dev.mcpgateway.gateway.catalog.ToolCall;
import dev.mcpgateway.gateway.catalog.UnknownToolException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.InitializeRequest;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.ListToolsResult;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.PaginatedRequest;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the MCP methods a tool server has, for any transport and any revision: the transports decide where the
 * answer goes, this class only what it is. Results are the SDK's {@link McpSchema} records.
 */
public final class McpDispatcher {

    /** What the gateway can do, told honestly: tools (whose list may change) and a log level. */
    public static final ServerCapabilities CAPABILITIES = ServerCapabilities.builder().tools(true).logging().build();

    private static final Logger LOG = LoggerFactory.getLogger(McpDispatcher.class);

    private final McpJsonMapper mapper;
    private final ToolPager pager;
    private final ToolFilter filter;

    public McpDispatcher(McpJsonMapper mapper, int pageSize) {
        this(mapper, pageSize, null);
    }

    /** @param filter which tools a caller may see; null for all */
    public McpDispatcher(McpJsonMapper mapper, int pageSize, ToolFilter filter) {
        this.mapper = mapper;
        this.pager = new ToolPager(pageSize);
        this.filter = filter;
    }

    /**
     * Runs one request to its result.
     *
     * @param supportedRevisions what {@code initialize} may agree to on the calling transport
     * @throws McpProtocolException the JSON-RPC error to answer with
     */
    public Object handle(ServedMcpServer server, JSONRPCRequest request, RequestScope scope,
                         List<String> supportedRevisions) throws McpProtocolException {
        return switch (request.method()) {
            case McpSchema.METHOD_INITIALIZE -> initialize(server, request, supportedRevisions);
            case McpSchema.METHOD_PING -> Map.of();
            case McpSchema.METHOD_TOOLS_LIST -> listTools(server, request, scope);
            case McpSchema.METHOD_TOOLS_CALL -> callTool(server, request, scope);
            case McpSchema.METHOD_LOGGING_SET_LEVEL -> setLevel(request, scope);
            default -> throw new McpProtocolException(JsonRpcErrors.METHOD_NOT_FOUND,
                    "Method not found: " + printable(request.method()));
        };
    }

    public InitializeResult initialize(ServedMcpServer server, JSONRPCRequest request, List<String> supported)
            throws McpProtocolException {
        return initialize(server, params(request, InitializeRequest.class), supported);
    }

    /** The parameters of an {@code initialize} request: what the session remembers of its client. */
    public InitializeRequest initializeParams(JSONRPCRequest request) throws McpProtocolException {
        return params(request, InitializeRequest.class);
    }

    public InitializeResult initialize(ServedMcpServer server, InitializeRequest init, List<String> supported) {
        String version = ProtocolVersions.negotiate(init.protocolVersion(), supported);
        return new InitializeResult(version, CAPABILITIES, server.serverInfo(), server.instructions().orElse(null));
    }

    private ListToolsResult listTools(ServedMcpServer server, JSONRPCRequest request, RequestScope scope)
            throws McpProtocolException {
        PaginatedRequest paging = request.params() == null ? new PaginatedRequest()
                : params(request, PaginatedRequest.class);
        List<McpSchema.Tool> tools = filter == null ? server.tools()
                : server.tools().stream().filter(t -> filter.visible(server, t, scope.caller())).toList();
        ToolPager.Page page = pager.page(tools, paging.cursor());
        return new ListToolsResult(page.tools(), page.nextCursor());
    }

    private McpSchema.CallToolResult callTool(ServedMcpServer server, JSONRPCRequest request, RequestScope scope)
            throws McpProtocolException {
        CallToolRequest call = callParams(request);
        if (call.name() == null) {
            throw new McpProtocolException(JsonRpcErrors.INVALID_PARAMS, "Invalid params: name is required");
        }
        if (filter != null) {
            guard(server, call.name(), scope);
        }
        Object progressToken = call.meta() == null ? null : call.meta().get("progressToken");
        RequestCallContext context = new RequestCallContext(progressToken, scope.notifications(), scope.caller(),
                scope.logThreshold(), scope.origin());
        scope.inFlight().started(request.id(), context);
        try {
            return server.call(new ToolCall(call.name(), call.arguments(), context));
        } catch (UnknownToolException e) {
            throw new McpProtocolException(JsonRpcErrors.INVALID_PARAMS, "Unknown tool: " + printable(call.name()));
        } catch (InsufficientScopeException e) {
            throw insufficientScope(e.stepUp());
        } catch (RuntimeException e) {
            // A catalog fault is ours, not the client's: log it, tell the client nothing internal.
            LOG.error("tools/call {} on server {} failed", call.name(), server.name(), e);
            throw new McpProtocolException(JsonRpcErrors.INTERNAL_ERROR, "Internal error");
        } finally {
            scope.inFlight().finished(request.id());
        }
    }

    /**
     * The params of a tools/call, taken from the parsed message as they are: the arguments map goes on to validation
     * untouched. (Converting the map to the SDK record through Jackson cost a serialise-and-parse round trip per call.)
     * Accepts and refuses what that conversion did: a scalar name is read as text, a missing one as "", arguments and
     * _meta must be objects.
     */
    @SuppressWarnings("unchecked")
    private CallToolRequest callParams(JSONRPCRequest request) throws McpProtocolException {
        if (!(request.params() instanceof Map<?, ?> params)) {
            return params(request, CallToolRequest.class);
        }
        Object name = params.get("name");
        Object arguments = params.get("arguments");
        Object meta = params.get("_meta");
        if (name instanceof Map || name instanceof List || arguments != null && !(arguments instanceof Map)
                || meta != null && !(meta instanceof Map)) {
            throw new McpProtocolException(JsonRpcErrors.INVALID_PARAMS, "Invalid params for " + request.method());
        }
        return new CallToolRequest(name == null ? "" : name.toString(), (Map<String, Object>) arguments,
                (Map<String, Object>) meta);
    }

    /** Refuses a call the filter does not allow: hidden as unknown, or a scope challenge the transport renders. */
    private void guard(ServedMcpServer server, String name, RequestScope scope) throws McpProtocolException {
        for (McpSchema.Tool tool : server.tools()) {
            if (tool.name().equals(name)) {
                switch (filter.access(server, tool, scope.caller())) {
                    case ToolAccess.Allow allow -> {
                    }
                    case ToolAccess.Hide hide -> throw new McpProtocolException(JsonRpcErrors.INVALID_PARAMS,
                            "Unknown tool: " + printable(name));
                    case ToolAccess.StepUp stepUp -> throw insufficientScope(stepUp);
                }
                return;
            }
        }
    }

    private static McpProtocolException insufficientScope(ToolAccess.StepUp stepUp) {
        return new McpProtocolException(JsonRpcErrors.SERVER_ERROR, "Forbidden: insufficient scope", stepUp, 403);
    }

    private Object setLevel(JSONRPCRequest request, RequestScope scope) throws McpProtocolException {
        Object level = request.params() instanceof Map<?, ?> map ? map.get("level") : null;
        LoggingLevel parsed;
        try {
            parsed = level instanceof String text ? LoggingLevel.fromValue(text) : null;
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null) {
            throw new McpProtocolException(JsonRpcErrors.INVALID_PARAMS, "Invalid params: unknown log level");
        }
        scope.logLevel().accept(parsed);
        return Map.of();
    }

    private <T> T params(JSONRPCRequest request, Class<T> type) throws McpProtocolException {
        try {
            return mapper.convertValue(request.params() == null ? Map.of() : request.params(), type);
        } catch (IllegalArgumentException e) {
            throw new McpProtocolException(JsonRpcErrors.INVALID_PARAMS, "Invalid params for " + request.method());
        }
    }

    /**
     * Whether answering {@code request} may send notifications before its result: a tools/call carrying a
     * {@code progressToken}, or any call to a server whose tools log. The transports answer the others as plain JSON
     * on the request's thread, with no stream to set up and no second thread to wait for.
     */
    public static boolean mayNotify(ServedMcpServer server, JSONRPCRequest request) {
        if (!McpSchema.METHOD_TOOLS_CALL.equals(request.method())) {
            return false;
        }
        return server.logsDuringCalls() || request.params() instanceof Map<?, ?> params
                && params.get("_meta") instanceof Map<?, ?> meta && meta.get("progressToken") != null;
    }

    /** Echoes a client-chosen name back only in a bounded, printable form. */
    static String printable(String value) {
        String cut = value.length() > 64 ? value.substring(0, 64) + "..." : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
