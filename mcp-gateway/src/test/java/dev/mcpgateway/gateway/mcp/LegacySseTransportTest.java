package dev.mcpgateway.gateway.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deprecated HTTP+SSE transport (2024-11-05) on its own paths. */
@MicronautTest
@Property(name = "spec.name", value = "mcp-proto-legacy")
class LegacySseTransportTest {

    @Inject
    EmbeddedServer server;
    @Inject
    FixtureCatalog catalog;

    McpHttpClient client;

    @BeforeEach
    void connect() {
        client = new McpHttpClient(server.getURI());
    }

    @Test
    void theFirstEventNamesTheEndpointAndAnswersTravelOverTheStream() throws Exception {
        try (McpHttpClient.SseStream stream = client.openSse(client.request("/mcp/demo/sse").GET())) {
            McpHttpClient.Event endpoint = stream.next();
            assertEquals("endpoint", endpoint.name());
            assertTrue(endpoint.data().startsWith("/mcp/demo/messages?sessionId="), endpoint.data());

            HttpResponse<String> accepted = client.post(endpoint.data(), McpHttpClient.initializeBody("2024-11-05"), Map.of());
            assertEquals(202, accepted.statusCode());
            JsonNode init = stream.next().json();
            assertEquals("2024-11-05", init.at("/result/protocolVersion").asText());

            client.post(endpoint.data(), "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", Map.of());
            client.post(endpoint.data(), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"old\"}}}", Map.of());
            McpHttpClient.Event answer = stream.next();
            assertEquals("message", answer.name());
            assertEquals("echo: old", answer.json().at("/result/content/0/text").asText());

            catalog.addTool("demo", "legacy_added_" + System.nanoTime());
            assertEquals("notifications/tools/list_changed", stream.next().json().path("method").asText());
        }
    }

    @Test
    void anUnknownSessionGets404() {
        assertEquals(404, client.post("/mcp/demo/messages?sessionId=nope",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of()).statusCode());
    }

    @Test
    void aStreamableSessionIdIsNoLegacySession() {
        String session = client.initialize("demo", "2025-11-25");
        assertEquals(404, client.post("/mcp/demo/messages?sessionId=" + session,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of()).statusCode());
    }

    @Test
    void aForeignOriginCannotOpenAStream() {
        HttpResponse<String> response = client.send(client.request("/mcp/demo/sse").header("Origin", "http://evil.example").GET());
        assertEquals(403, response.statusCode());
    }

    @Test
    void closingTheStreamEndsTheSession() throws Exception {
        String endpoint;
        try (McpHttpClient.SseStream stream = client.openSse(client.request("/mcp/other/sse").GET())) {
            endpoint = stream.next().data();
        }
        int status = 202;
        // The server notices the closed connection asynchronously; the session is gone once it has.
        for (int i = 0; i < 100 && status == 202; i++) {
            status = client.post(endpoint, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", Map.of()).statusCode();
            if (status == 202) {
                Thread.sleep(50);
            }
        }
        assertEquals(404, status);
    }
}
