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

/** The {@code gateway.mcp.*} settings take effect: sizes, page size, origins, keep-alive. */
@MicronautTest
@Property(name = "spec.name", value = "mcp-proto-limits")
@Property(name = "gateway.mcp.max-request-bytes", value = "2000")
@Property(name = "gateway.mcp.max-event-bytes", value = "3000")
@Property(name = "gateway.mcp.page-size", value = "2")
@Property(name = "gateway.mcp.allowed-origins", value = "https://app.example.com")
@Property(name = "gateway.mcp.allow-loopback-origins", value = "false")
@Property(name = "gateway.mcp.keep-alive-interval", value = "100ms")
@Property(name = "gateway.mcp.session-idle-timeout", value = "5s")
// Micronaut itself refuses foreign Origins on a loopback server (drive-by-localhost guard); let the gateway's
// allow-list decide here, as it does on a non-loopback deployment.
@Property(name = "micronaut.server.cors.localhost-pass-through", value = "true")
class ConfiguredLimitsTest {

    static final String V = "2025-11-25";

    @Inject
    EmbeddedServer server;

    McpHttpClient client;
    String session;

    @BeforeEach
    void connect() {
        client = new McpHttpClient(server.getURI());
        session = client.initialize("demo", V);
    }

    HttpResponse<String> call(String body, Map<String, String> extra) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", V));
        headers.putAll(extra);
        return client.post("/mcp/demo", body, headers);
    }

    static String echo(int size) {
        return "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\""
                + "y".repeat(size) + "\"}}}";
    }

    @Test
    void aBodyOverTheConfiguredLimitGets413() {
        assertEquals(413, call(echo(2500), Map.of()).statusCode());
        assertEquals(200, call(echo(100), Map.of()).statusCode());
    }

    @Test
    void aResultOverTheEventLimitBecomesAnErrorForItsRequest() {
        String repeat = "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"repeat\",\"arguments\":{\"text\":\"abc\",\"times\":%d}}}";
        assertTrue(McpHttpClient.json(call(repeat.formatted(100), Map.of()).body()).has("result"));
        JsonNode tooBig = McpHttpClient.json(call(repeat.formatted(2000), Map.of()).body());
        assertEquals(-32603, tooBig.at("/error/code").asInt());
        assertEquals(4, tooBig.path("id").asInt());
    }

    @Test
    void anIdleSessionExpiresAndGets404() throws Exception {
        Thread.sleep(6_000);
        HttpResponse<String> response = call("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}", Map.of());
        assertEquals(404, response.statusCode());
        assertEquals(200, client.post("/mcp/demo", McpHttpClient.initializeBody(V), Map.of()).statusCode(),
                "a new session starts fine");
    }

    @Test
    void pagesHaveTheConfiguredSize() {
        JsonNode result = McpHttpClient.json(call("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/list\"}", Map.of()).body())
                .path("result");
        assertEquals(2, result.path("tools").size());
        assertTrue(result.hasNonNull("nextCursor"));
    }

    @Test
    void onlyTheConfiguredOriginIsAllowed() {
        HttpResponse<String> allowed = call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}",
                Map.of("Origin", "https://app.example.com"));
        assertEquals(200, allowed.statusCode(), allowed.body() + " " + allowed.headers().map());
        HttpResponse<String> refused = call("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"}",
                Map.of("Origin", "http://localhost:3000"));
        assertEquals(403, refused.statusCode());
        assertEquals(-32000, McpHttpClient.json(refused.body()).at("/error/code").asInt(), "the gateway's own refusal");
    }

    @Test
    void aQuietStreamGetsKeepAliveComments() throws Exception {
        try (McpHttpClient.SseStream stream = client.openSse(client.request("/mcp/demo")
                .header("Mcp-Session-Id", session).header("MCP-Protocol-Version", V).GET())) {
            assertEquals(200, stream.status());
            for (int i = 0; i < 100 && stream.comments.get() < 2; i++) {
                Thread.sleep(50);
            }
            assertTrue(stream.comments.get() >= 2, "keep-alive comments arrived");
        }
    }
}
