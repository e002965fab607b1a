package dev.mcpgateway.gateway.mcp.transport;

import dev.mcpgateway.gateway.mcp.protocol.Incoming;
import dev.mcpgateway.gateway.mcp.protocol.RequestFacts;
import dev.mcpgateway.gateway.mcp.session.StreamableExchange;
import dev.mcpgateway.gateway.mcp.stateless.StatelessExchange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP endpoint of each served MCP server, {@code /mcp/{server}}: Streamable HTTP with sessions (2025-03-26 to
 * 2025-11-25) and the stateless revision 2026-07-28 on the same URL. Handlers block, on virtual threads.
 */
@Controller("/mcp/{server}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StreamableHttpController {

    private static final Logger LOG = LoggerFactory.getLogger(StreamableHttpController.class);

    private final McpHttp http;
    private final StreamableExchange sessions;
    private final StatelessExchange stateless;

    public StreamableHttpController(McpHttp http, StreamableExchange sessions, StatelessExchange stateless) {
        this.http = http;
        this.sessions = sessions;
        this.stateless = stateless;
    }

    @Post(consumes = MediaType.ALL, produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM})
    public HttpResponse<?> post(@PathVariable String server, HttpRequest<?> request, @Nullable @Body byte[] body) {
        return guarded(request, server, () -> {
            Optional<io.micronaut.http.MutableHttpResponse<?>> tooLarge = http.tooLarge(request, body);
            if (tooLarge.isPresent()) {
                return tooLarge.get();
            }
            Incoming incoming = http.parse(body);
            RequestFacts facts = http.facts(request);
            return http.policyAnswer(server, facts, incoming).<HttpResponse<?>>map(r -> r).orElseGet(() ->
                    http.render(StatelessExchange.claims(incoming, facts)
                            ? stateless.post(http.server(server), incoming, facts)
                            : sessions.post(http.server(server), incoming, facts)));
        });
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    public HttpResponse<?> get(@PathVariable String server, HttpRequest<?> request) {
        return guarded(request, server, () -> {
            RequestFacts facts = http.facts(request);
            return http.policyAnswer(server, facts, null).<HttpResponse<?>>map(r -> r)
                    .orElseGet(() -> http.render(sessions.get(http.server(server), facts)));
        });
    }

    @Delete
    public HttpResponse<?> delete(@PathVariable String server, HttpRequest<?> request) {
        return guarded(request, server, () -> {
            RequestFacts facts = http.facts(request);
            return http.policyAnswer(server, facts, null).<HttpResponse<?>>map(r -> r)
                    .orElseGet(() -> http.render(sessions.delete(http.server(server), facts)));
        });
    }

    private HttpResponse<?> guarded(HttpRequest<?> request, String server, Supplier<HttpResponse<?>> handler) {
        try {
            return http.refusal(request, server).<HttpResponse<?>>map(r -> r).orElseGet(handler);
        } catch (RuntimeException e) {
            LOG.error("MCP {} {} failed", request.getMethod(), request.getPath(), e);
            return http.internalError();
        }
    }
}
