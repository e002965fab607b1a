package dev.mcpgateway.gateway.mcp.transport;

import dev.mcpgateway.gateway.mcp.legacy.LegacySseExchange;
import dev.mcpgateway.gateway.mcp.protocol.Incoming;
import dev.mcpgateway.gateway.mcp.protocol.RequestFacts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deprecated HTTP+SSE transport on paths of its own, so a POST to {@code /mcp/{server}} never looks legacy and
 * probing clients fall back correctly.
 */
@Controller("/mcp/{server}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LegacySseController {

    private static final Logger LOG = LoggerFactory.getLogger(LegacySseController.class);

    private final McpHttp http;
    private final LegacySseExchange legacy;

    public LegacySseController(McpHttp http, LegacySseExchange legacy) {
        this.http = http;
        this.legacy = legacy;
    }

    @Get(uri = "/sse", produces = MediaType.TEXT_EVENT_STREAM)
    public HttpResponse<?> open(@PathVariable String server, HttpRequest<?> request) {
        try {
            return http.refusal(request, server).<HttpResponse<?>>map(r -> r).orElseGet(() -> {
                RequestFacts facts = http.facts(request);
                return http.policyAnswer(server, facts, null).<HttpResponse<?>>map(r -> r).orElseGet(() ->
                        http.render(legacy.open(http.server(server), facts, "/mcp/" + server + "/messages")));
            });
        } catch (RuntimeException e) {
            LOG.error("legacy SSE open failed", e);
            return http.internalError();
        }
    }

    @Post(uri = "/messages", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> message(@PathVariable String server, @Nullable @QueryValue String sessionId,
                                   HttpRequest<?> request, @Nullable @Body byte[] body) {
        try {
            return http.refusal(request, server).<HttpResponse<?>>map(r -> r).orElseGet(() -> http.tooLarge(request, body)
                    .<HttpResponse<?>>map(r -> r)
                    .orElseGet(() -> {
                        Incoming incoming = http.parse(body);
                        RequestFacts facts = http.facts(request);
                        return http.policyAnswer(server, facts, incoming).<HttpResponse<?>>map(r -> r).orElseGet(() ->
                                http.render(legacy.post(http.server(server), sessionId, incoming, facts)));
                    }));
        } catch (RuntimeException e) {
            LOG.error("legacy SSE message failed", e);
            return http.internalError();
        }
    }
}
