package dev.mcpgateway.gateway.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client opening sessions without end cannot exhaust the gateway: beyond the limit, new ones get 503. */
@MicronautTest
@Property(name = "spec.name", value = "mcp-proto-session-limit")
@Property(name = "gateway.mcp.max-sessions", value = "2")
class SessionLimitTest {

    @Inject
    EmbeddedServer server;

    @Test
    void sessionsBeyondTheLimitGet503UntilOneEnds() {
        McpHttpClient client = new McpHttpClient(server.getURI());
        String first = client.initialize("demo", "2025-11-25");
        client.initialize("demo", "2025-11-25");
        HttpResponse<String> refused = client.post("/mcp/demo", McpHttpClient.initializeBody("2025-11-25"), Map.of());
        assertEquals(503, refused.statusCode());
        assertEquals(-32000, McpHttpClient.json(refused.body()).at("/error/code").asInt());
        assertEquals(503, client.send(client.request("/mcp/demo/sse").header("Accept", "text/event-stream").GET()).statusCode());
        assertEquals(204, client.send(client.request("/mcp/demo").header("Mcp-Session-Id", first).DELETE()).statusCode());
        assertEquals(200, client.post("/mcp/demo", McpHttpClient.initializeBody("2025-11-25"), Map.of()).statusCode());
    }
}
