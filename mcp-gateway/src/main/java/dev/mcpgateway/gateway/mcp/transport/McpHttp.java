package dev.mcpgateway.gateway.mcp.transport;

import dev.mcpgateway.gateway.catalog.CallOrigin;
import dev.mcpgateway.gateway.catalog.McpServerCatalog;
import dev.mcpgateway.gateway.catalog.ServedMcpServer;
import dev.mcpgateway.gateway.mcp.McpSettings;
import dev.mcpgateway.gateway.mcp.protocol.Incoming;
import dev.mcpgateway.gateway.mcp.protocol.JsonRpcErrors;
import dev.mcpgateway.gateway.mcp.protocol.JsonRpcParser;
import dev.mcpgateway.gateway.mcp.protocol.MessageWriter;
import dev.mcpgateway.gateway.mcp.protocol.Reply;
import dev.mcpgateway.gateway.mcp.protocol.RequestFacts;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.PolicyResponse;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.mcp.EndpointPolicies;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The HTTP side shared by the MCP routes: guards, header extraction, and rendering a {@link Reply}. */
@Singleton
class McpHttp {

    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final String PARAM_HEADER_PREFIX = "mcp-param-";

    private final McpServerCatalog catalog;
    private final OriginPolicy origins;
    private final CallerResolver callers;
    private final JsonRpcParser parser;
    private final MessageWriter writer;
    private final int maxRequestBytes;
    private final java.time.Duration keepAlive;
    private final EndpointPolicies policies;

    McpHttp(McpServerCatalog catalog, OriginPolicy origins, CallerResolver callers, JsonRpcParser parser,
            MessageWriter writer, McpSettings settings, EndpointPolicies policies) {
        this.catalog = catalog;
        this.origins = origins;
        this.callers = callers;
        this.parser = parser;
        this.writer = writer;
        this.maxRequestBytes = settings.getMaxRequestBytes();
        this.keepAlive = settings.getKeepAliveInterval();
        this.policies = policies;
    }

    /** The refusal every MCP request gets before it is read, if any: a foreign Origin or an unknown server. */
    Optional<MutableHttpResponse<?>> refusal(HttpRequest<?> request, String serverName) {
        if (!origins.allows(request.getHeaders().get("Origin"))) {
            return Optional.of(jsonRpc(403, JsonRpcErrors.error(null, JsonRpcErrors.SERVER_ERROR,
                    "Forbidden: Origin not allowed")));
        }
        if (catalog.find(serverName).isEmpty()) {
            return Optional.of(problem(404, "MCP server not found", "No MCP server is served at this path."));
        }
        return Optional.empty();
    }

    /**
     * What the server's policies answer a message other than a tool call (initialize, tools/list, a notification, the
     * GET stream, DELETE), if they do not let it through: a refusal is the HTTP status with {@code Retry-After} and a
     * JSON-RPC error saying why; a policy's own answer is sent as it is. Tool calls run their tool's policies instead.
     *
     * @param incoming the POSTed message(s); null for GET and DELETE
     */
    Optional<MutableHttpResponse<?>> policyAnswer(String serverName, RequestFacts facts, Incoming incoming) {
        if (incoming != null && onlyToolCalls(incoming)) {
            return Optional.empty();
        }
        return switch (policies.check(serverName, facts.origin(), facts.caller())) {
            case Decision.Continue proceed -> Optional.empty();
            case Decision.Refuse refuse -> Optional.of(refused(refuse.refusal(),
                    incoming instanceof Incoming.Single(McpSchema.JSONRPCRequest request) ? request.id() : null));
            case Decision.Respond respond -> Optional.of(answered(respond.response()));
        };
    }

    private static boolean onlyToolCalls(Incoming incoming) {
        return switch (incoming) {
            case Incoming.Single(McpSchema.JSONRPCRequest request) ->
                    McpSchema.METHOD_TOOLS_CALL.equals(request.method());
            case Incoming.Batch batch -> !batch.items().isEmpty()
                    && batch.items().stream().allMatch(McpHttp::onlyToolCalls);
            default -> false;
        };
    }

    private MutableHttpResponse<?> refused(Refusal refusal, Object requestId) {
        MutableHttpResponse<?> response = jsonRpc(status(refusal.status()), JsonRpcErrors.error(requestId,
                JsonRpcErrors.SERVER_ERROR, refusal.message(), refusal.details()));
        if (refusal.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()));
        }
        refusal.headers().forEach(response::header);
        return response;
    }

    private static MutableHttpResponse<?> answered(PolicyResponse answer) {
        MutableHttpResponse<String> response = HttpResponse.<String>status(HttpStatus.valueOf(status(answer.status())))
                .body(answer.body());
        answer.headers().forEach((name, values) -> values.forEach(value -> response.getHeaders().add(name, value)));
        return response;
    }

    /** A status Micronaut can send; an unusual one a policy chose becomes the nearest class's general one. */
    private static int status(int status) {
        try {
            HttpStatus.valueOf(status);
            return status;
        } catch (IllegalArgumentException e) {
            return status >= 500 ? 500 : status >= 400 ? 400 : 200;
        }
    }

    ServedMcpServer server(String serverName) {
        return catalog.find(serverName).orElseThrow();
    }

    /** The body, or the 413 it earns by its size. */
    Optional<MutableHttpResponse<?>> tooLarge(HttpRequest<?> request, byte[] body) {
        long declared = request.getContentLength();
        if (declared > maxRequestBytes || (body != null && body.length > maxRequestBytes)) {
            return Optional.of(jsonRpc(413, JsonRpcErrors.error(null, JsonRpcErrors.INVALID_REQUEST,
                    "Request body exceeds the limit of " + maxRequestBytes + " bytes")));
        }
        return Optional.empty();
    }

    Incoming parse(byte[] body) {
        return parser.parse(body == null ? new byte[0] : body);
    }

    RequestFacts facts(HttpRequest<?> request) {
        HttpHeaders headers = request.getHeaders();
        Map<String, String> params = Map.of();
        for (String name : headers.names()) {
            // compared in place: lower-casing every header name of every request showed in the allocation profile
            if (name.regionMatches(true, 0, PARAM_HEADER_PREFIX, 0, PARAM_HEADER_PREFIX.length())) {
                if (params.isEmpty()) {
                    params = new HashMap<>();
                }
                params.put(name.substring(PARAM_HEADER_PREFIX.length()).toLowerCase(Locale.ROOT), headers.get(name));
            }
        }
        String accept = headers.get(HttpHeaders.ACCEPT);
        boolean sse = accept != null && accept.toLowerCase(Locale.ROOT).contains(MediaType.TEXT_EVENT_STREAM);
        return new RequestFacts(headers.get("Mcp-Session-Id"), headers.get("MCP-Protocol-Version"), sse,
                headers.get("Last-Event-ID"), headers.get("Mcp-Method"), headers.get("Mcp-Name"), Map.copyOf(params),
                callers.resolve(request), origin(request));
    }

    /** The request as policies read it: headers looked up when a policy asks, never copied up front. */
    private static CallOrigin origin(HttpRequest<?> request) {
        HttpHeaders headers = request.getHeaders();
        return new CallOrigin(name -> {
            List<String> values = headers.getAll(name);
            return values.isEmpty() ? null : values.size() == 1 ? values.getFirst() : String.join(",", values);
        }, request.getRemoteAddress().getAddress().getHostAddress(), request.getMethodName(), request.getPath(),
                headers.get("Mcp-Session-Id"), null);
    }

    MutableHttpResponse<?> render(Reply reply) {
        return switch (reply) {
            case Reply.Status(int status) -> HttpResponse.status(HttpStatus.valueOf(status));
            case Reply.Json json -> {
                MutableHttpResponse<?> response = jsonRpc(json.status(), json.body());
                json.headers().forEach(response::header);
                yield response;
            }
            case Reply.Stream stream -> {
                MutableHttpResponse<?> response = HttpResponse.ok(SseBridge.publisher(stream, keepAlive))
                        .contentType(MediaType.TEXT_EVENT_STREAM_TYPE)
                        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                        .header("X-Accel-Buffering", "no");
                stream.headers().forEach(response::header);
                yield response;
            }
        };
    }

    MutableHttpResponse<?> jsonRpc(int status, Object body) {
        return HttpResponse.status(HttpStatus.valueOf(status)).body(writer.write(body))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static MutableHttpResponse<?> problem(int status, String title, String detail) {
        Map<String, Object> body = Map.of("type", "about:blank", "title", title, "status", status, "detail", detail);
        return HttpResponse.status(HttpStatus.valueOf(status)).body(body).contentType(PROBLEM_JSON);
    }

    MutableHttpResponse<?> internalError() {
        return jsonRpc(500, JsonRpcErrors.error(null, JsonRpcErrors.INTERNAL_ERROR, "Internal error"));
    }
}
