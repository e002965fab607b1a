package dev.mcpgateway.gateway.mcp.stateless;

import dev.mcpgateway.gateway.catalog.ServedMcpServer;
import dev.mcpgateway.gateway.mcp.McpSettings;
import dev.mcpgateway.gateway.mcp.protocol.Incoming;
import dev.mcpgateway.gateway.mcp.protocol.InFlightCalls;
import dev.mcpgateway.gateway.mcp.protocol.JsonRpcErrors;
import dev.mcpgateway.gateway.mcp.protocol.McpDispatcher;
import dev.mcpgateway.gateway.mcp.protocol.McpProtocolException;
import dev.mcpgateway.gateway.mcp.protocol.MessageWriter;
import dev.mcpgateway.gateway.mcp.protocol.ProtocolVersions;
import dev.mcpgateway.gateway.mcp.protocol.Reply;
import dev.mcpgateway.gateway.mcp.protocol.RequestFacts;
import dev.mcpgateway.gateway.mcp.protocol.RequestScope;
import dev.mcpgateway.gateway.mcp.protocol.ScopeChallenges;
import dev.mcpgateway.gateway.mcp.session.MemoryEventStream;
import dev.mcpgateway.gateway.mcp.session.StreamOnDemand;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stateless revision 2026-07-28 on the same endpoint: each request names its version in {@code _meta} and
 * mirrors method and name into headers; no session, no initialize; {@code subscriptions/listen} replaces GET.
 */
@Singleton
public class StatelessExchange {

    static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
    private static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    private static final String LISTEN = "subscriptions/listen";
    private static final String DISCOVER = "server/discover";
    private static final List<String> SERVED = List.of(McpSchema.METHOD_TOOLS_LIST, McpSchema.METHOD_TOOLS_CALL,
            DISCOVER, LISTEN);
    private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() { };

    private final McpDispatcher dispatcher;
    private final McpJsonMapper mapper;
    private final ListenRegistry listeners;
    private final McpSettings settings;
    private final StreamOnDemand streams;
    private final AtomicLong streamCounter = new AtomicLong();

    public StatelessExchange(McpDispatcher dispatcher, MessageWriter writer, McpJsonMapper mapper,
                             ListenRegistry listeners, McpSettings settings) {
        this.dispatcher = dispatcher;
        this.mapper = mapper;
        this.listeners = listeners;
        this.settings = settings;
        this.streams = new StreamOnDemand(Executors.newVirtualThreadPerTaskExecutor(), writer);
    }

    /**
     * Whether a POST speaks the stateless revision: its body carries the version in {@code _meta}, or it comes
     * without a session under a version header no session revision has (so an unknown version gets -32022).
     */
    public static boolean claims(Incoming incoming, RequestFacts facts) {
        if (incoming instanceof Incoming.Single(JSONRPCRequest request)) {
            if (metaVersion(request) != null) {
                return true;
            }
            if (McpSchema.METHOD_INITIALIZE.equals(request.method())) {
                return false;
            }
        }
        return facts.sessionId() == null && facts.protocolVersion() != null
                && !ProtocolVersions.SESSION_REVISIONS.contains(facts.protocolVersion());
    }

    public Reply post(ServedMcpServer server, Incoming incoming, RequestFacts facts) {
        return switch (incoming) {
            case Incoming.Invalid(Object error) -> new Reply.Json(400, error);
            case Incoming.Batch batch -> new Reply.Json(400, JsonRpcErrors.error(null, JsonRpcErrors.INVALID_REQUEST,
                    "Invalid Request: protocol revision 2026-07-28 takes one message per POST"));
            case Incoming.Single(JSONRPCRequest request) -> {
                try {
                    yield ScopeChallenges.asHttp(request(server, request, facts));
                } catch (McpProtocolException e) {
                    yield ScopeChallenges.asHttp(new Reply.Json(e.httpStatus(),
                            JsonRpcErrors.response(request.id(), e.code(), e.getMessage(), e.data())));
                }
            }
            case Incoming.Single single -> new Reply.Status(202);
        };
    }

    private Reply request(ServedMcpServer server, JSONRPCRequest request, RequestFacts facts) throws McpProtocolException {
        RequestChecks.check(server, request, facts);
        if (!SERVED.contains(request.method())) {
            throw new McpProtocolException(JsonRpcErrors.METHOD_NOT_FOUND,
                    "Method not found in protocol revision 2026-07-28: " + request.method(), null, 404);
        }
        return switch (request.method()) {
            case DISCOVER -> new Reply.Json(200, JSONRPCResponse.result(request.id(), discover(server, facts)));
            case LISTEN -> listeners.open(server.name(), request);
            default -> call(server, request, facts);
        };
    }

    private Reply call(ServedMcpServer server, JSONRPCRequest request, RequestFacts facts) throws McpProtocolException {
        boolean list = McpSchema.METHOD_TOOLS_LIST.equals(request.method());
        if (list || !facts.acceptsEventStream() || !McpDispatcher.mayNotify(server, request)) {
            RequestScope scope = new RequestScope(ProtocolVersions.V2026_07_28, true, facts.caller(), n -> { },
                    new InFlightCalls(), level -> { }, () -> logLevel(request), facts.origin());
            Map<String, Object> result = complete(dispatcher.handle(server, request, scope, List.of()));
            if (list) {
                cacheable(result, facts);
            }
            return new Reply.Json(200, JSONRPCResponse.result(request.id(), result));
        }
        InFlightCalls inFlight = new InFlightCalls();
        // In 2026-07-28 closing the response stream is the cancellation.
        return streams.answer(
                () -> new MemoryEventStream("r" + streamCounter.incrementAndGet(), settings.getResumptionBuffer(), new AtomicLong()),
                () -> inFlight.cancel(request.id()), Reply.Opening.NONE,
                sink -> {
                    RequestScope scope = new RequestScope(ProtocolVersions.V2026_07_28, true, facts.caller(), sink,
                            inFlight, level -> { }, () -> logLevel(request), facts.origin());
                    try {
                        return JSONRPCResponse.result(request.id(), complete(dispatcher.handle(server, request, scope, List.of())));
                    } catch (McpProtocolException e) {
                        return JsonRpcErrors.response(request.id(), e.code(), e.getMessage(), e.data());
                    }
                });
    }

    private Map<String, Object> discover(ServedMcpServer server, RequestFacts facts) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("resultType", "complete");
        result.put("supportedVersions", ProtocolVersions.ALL);
        result.put("capabilities", mapper.convertValue(McpDispatcher.CAPABILITIES, MAP));
        server.instructions().ifPresent(text -> result.put("instructions", text));
        result.put("_meta", Map.of(META_SERVER_INFO, server.serverInfo()));
        cacheable(result, facts);
        return result;
    }

    private Map<String, Object> complete(Object result) {
        Map<String, Object> map = new LinkedHashMap<>(mapper.convertValue(result, MAP));
        map.put("resultType", "complete");
        return map;
    }

    private void cacheable(Map<String, Object> result, RequestFacts facts) {
        result.put("ttlMs", settings.getListTtlMs());
        // Once tools are filtered per caller (scopes), a list is only valid for that caller's token.
        result.put("cacheScope", facts.caller().isPresent() ? "private" : "public");
    }

    static String metaVersion(JSONRPCRequest request) {
        return request.params() instanceof Map<?, ?> params && params.get("_meta") instanceof Map<?, ?> meta
                && meta.get(META_VERSION) instanceof String version ? version : null;
    }

    /** 2026-07-28: log messages only when the request opts in with a level in its _meta. */
    private static McpSchema.LoggingLevel logLevel(JSONRPCRequest request) {
        if (request.params() instanceof Map<?, ?> params && params.get("_meta") instanceof Map<?, ?> meta
                && meta.get("io.modelcontextprotocol/logLevel") instanceof String level) {
            try {
                return McpSchema.LoggingLevel.fromValue(level);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
