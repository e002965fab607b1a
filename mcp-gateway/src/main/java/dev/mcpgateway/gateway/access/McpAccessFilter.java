package dev.mcpgateway.gateway.access;

import dev.mcpgateway.auth.resource.CorsPolicy;
import dev.mcpgateway.gateway.mcp.protocol.JsonRpcErrors;
import dev.mcpgateway.gateway.mcp.protocol.MessageWriter;
import dev.mcpgateway.gateway.mcp.transport.OriginPolicy;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication on every MCP path ({@code /mcp/{server}}, its legacy {@code /sse} and {@code /messages}, stateless
 * requests alike): decides before any MCP handling, so a session id alone never lets a request in. Also answers
 * CORS preflights on MCP paths and adds CORS headers to answers for browser clients (checklist item 16).
 */
@ServerFilter("/mcp/**")
public class McpAccessFilter {

    /** Request attribute holding the admitted caller, read by {@link AdmittedCallerResolver}. */
    static final String CALLER = "dev.mcpgateway.access.caller";
    private static final String PREFIX = "/mcp/";

    private static final Logger LOG = LoggerFactory.getLogger(McpAccessFilter.class);

    private final McpGuard guard;
    private final OriginPolicy origins;
    private final MessageWriter writer;

    public McpAccessFilter(McpGuard guard, OriginPolicy origins, MessageWriter writer) {
        this.guard = guard;
        this.origins = origins;
        this.writer = writer;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> admit(HttpRequest<?> request) {
        String origin = request.getHeaders().get("Origin");
        if (request.getMethod() == HttpMethod.OPTIONS) {
            if (!request.getHeaders().contains("Access-Control-Request-Method")) {
                return null;
            }
            if (!origins.allows(origin)) {
                return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN);
            }
            MutableHttpResponse<?> preflight = HttpResponse.noContent();
            CorsPolicy.preflightHeaders(origin).forEach(preflight::header);
            return preflight;
        }
        Optional<String> server = serverName(request.getPath());
        if (server.isEmpty()) {
            return null;
        }
        McpGuard.Verdict verdict;
        try {
            verdict = guard.check(server.get(), request.getHeaders());
        } catch (RuntimeException e) {
            LOG.error("access check for MCP server '{}' failed", server.get(), e);
            verdict = new McpGuard.Verdict.Refuse(500, Optional.empty(), "Internal error");
        }
        return switch (verdict) {
            case McpGuard.Verdict.Admit admit -> {
                admit.caller().ifPresent(caller -> request.setAttribute(CALLER, caller));
                yield null;
            }
            case McpGuard.Verdict.Refuse refuse -> {
                // a short-circuited answer skips the response filter: a browser client must still read the challenge
                MutableHttpResponse<?> response = refusal(refuse);
                cors(request, response);
                yield response;
            }
        };
    }

    @ResponseFilter
    public void cors(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String origin = request.getHeaders().get("Origin");
        if (origin != null && request.getMethod() != HttpMethod.OPTIONS && origins.allows(origin)) {
            CorsPolicy.responseHeaders(origin).forEach(response::header);
        }
    }

    /** A JSON-RPC error without id (the request was not read), with the challenge that tells the client what to do. */
    private MutableHttpResponse<?> refusal(McpGuard.Verdict.Refuse refuse) {
        MutableHttpResponse<?> response = HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(refuse.status()))
                .body(writer.write(JsonRpcErrors.error(null, JsonRpcErrors.SERVER_ERROR, refuse.message())))
                .contentType(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE);
        refuse.challenge().ifPresent(c -> response.header(io.micronaut.http.HttpHeaders.WWW_AUTHENTICATE, c));
        return response;
    }

    static Optional<String> serverName(String path) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
