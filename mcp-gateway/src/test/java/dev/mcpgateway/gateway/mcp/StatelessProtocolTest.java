package dev.mcpgateway.gateway.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The stateless revision 2026-07-28 on the same URL as the session revisions (dual-era). */
@MicronautTest
@Property(name = "spec.name", value = "mcp-proto-stateless")
class StatelessProtocolTest {

    static final String V = "2026-07-28";

    @Inject
    EmbeddedServer server;
    @Inject
    FixtureCatalog catalog;

    McpHttpClient client;

    @BeforeEach
    void connect() {
        client = new McpHttpClient(server.getURI());
    }

    static String body(Object id, String method, String params, String version) {
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"%s\",\"io.modelcontextprotocol/clientCapabilities\":{}}"
                .formatted(version);
        String merged = params.equals("{}") ? "{" + meta + "}" : "{" + meta + "," + params.substring(1);
        String idJson = id instanceof String s ? "\"" + s + "\"" : String.valueOf(id);
        return "{\"jsonrpc\":\"2.0\",\"id\":%s,\"method\":\"%s\",\"params\":%s}".formatted(idJson, method, merged);
    }

    HttpResponse<String> send(String server, String method, String name, String params, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(Map.of("MCP-Protocol-Version", V, "Mcp-Method", method));
        if (name != null) {
            headers.put("Mcp-Name", name);
        }
        headers.putAll(extra);
        return client.post("/mcp/" + server, body(1, method, params, V), headers);
    }

    static JsonNode json(HttpResponse<String> response) {
        return McpHttpClient.json(response.body());
    }

    @Nested
    class WhenDiscovering {

        @Test
        void serverDiscoverNeedsNoSessionAndListsVersionsCapabilitiesAndServerInfo() {
            HttpResponse<String> response = send("demo", "server/discover", null, "{}", Map.of());
            assertEquals(200, response.statusCode());
            assertFalse(response.headers().firstValue("Mcp-Session-Id").isPresent());
            JsonNode result = json(response).path("result");
            assertEquals("complete", result.path("resultType").asText());
            assertEquals("2026-07-28", result.path("supportedVersions").get(0).asText());
            assertTrue(result.toString().contains("2025-11-25"));
            assertTrue(result.at("/capabilities/tools/listChanged").asBoolean());
            assertEquals("demo", result.at("/_meta/io.modelcontextprotocol~1serverInfo/name").asText());
            assertEquals("public", result.path("cacheScope").asText());
            assertTrue(result.path("ttlMs").asLong() > 0);
        }

        @Test
        void anUnsupportedVersionGets32022ListingOurs() {
            HttpResponse<String> response = client.post("/mcp/demo", body(1, "server/discover", "{}", "2099-01-01"),
                    Map.of("MCP-Protocol-Version", "2099-01-01", "Mcp-Method", "server/discover"));
            assertEquals(400, response.statusCode());
            JsonNode error = json(response).path("error");
            assertEquals(-32022, error.path("code").asInt());
            assertEquals("2099-01-01", error.at("/data/requested").asText());
            assertTrue(error.at("/data/supported").toString().contains("2026-07-28"));
        }

        @Test
        void anUnknownVersionHeaderWithoutMetaAlsoGets32022() {
            HttpResponse<String> response = client.post("/mcp/demo",
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{}}",
                    Map.of("MCP-Protocol-Version", "2099-01-01", "Mcp-Method", "tools/list"));
            assertEquals(400, response.statusCode());
            assertEquals(-32022, json(response).at("/error/code").asInt());
        }
    }

    @Nested
    class WhenHeadersDisagreeWithTheBody {

        @Test
        void aMissingMcpMethodGets32020() {
            HttpResponse<String> response = client.post("/mcp/demo", body(1, "tools/list", "{}", V),
                    Map.of("MCP-Protocol-Version", V));
            assertEquals(400, response.statusCode());
            assertEquals(-32020, json(response).at("/error/code").asInt());
        }

        @Test
        void aMethodHeaderNamingAnotherMethodGets32020() {
            HttpResponse<String> response = client.post("/mcp/demo", body(1, "tools/list", "{}", V),
                    Map.of("MCP-Protocol-Version", V, "Mcp-Method", "tools/call"));
            assertEquals(-32020, json(response).at("/error/code").asInt());
        }

        @Test
        void aVersionHeaderDifferentFromMetaGets32020() {
            HttpResponse<String> response = client.post("/mcp/demo", body(1, "tools/list", "{}", V),
                    Map.of("MCP-Protocol-Version", "2025-11-25", "Mcp-Method", "tools/list"));
            assertEquals(-32020, json(response).at("/error/code").asInt());
        }

        @Test
        void aNameHeaderNamingAnotherToolGets32020() {
            HttpResponse<String> response = send("demo", "tools/call", "fail",
                    "{\"name\":\"echo\",\"arguments\":{\"text\":\"x\"}}", Map.of());
            assertEquals(-32020, json(response).at("/error/code").asInt());
        }

        @Test
        void aBase64EncodedNameIsDecodedBeforeComparing() {
            String encoded = "=?base64?" + Base64.getEncoder().encodeToString("echo".getBytes(StandardCharsets.UTF_8)) + "?=";
            HttpResponse<String> response = send("demo", "tools/call", encoded,
                    "{\"name\":\"echo\",\"arguments\":{\"text\":\"x\"}}", Map.of());
            assertEquals("echo: x", json(response).at("/result/content/0/text").asText());
        }

        @Test
        void anXMcpHeaderParameterMustBeMirrored() {
            String params = "{\"name\":\"regional\",\"arguments\":{\"region\":\"us-west1\",\"query\":\"q\"}}";
            assertEquals(-32020, json(send("demo", "tools/call", "regional", params, Map.of())).at("/error/code").asInt());
            assertEquals(-32020, json(send("demo", "tools/call", "regional", params,
                    Map.of("Mcp-Param-Region", "eu-west1"))).at("/error/code").asInt());
            JsonNode ok = json(send("demo", "tools/call", "regional", params, Map.of("Mcp-Param-Region", "us-west1")));
            assertEquals("region us-west1", ok.at("/result/content/0/text").asText());
        }
    }

    @Nested
    class WhenServingTools {

        @Test
        void toolsListIsDeterministicAndCacheable() {
            JsonNode first = json(send("big", "tools/list", null, "{}", Map.of())).path("result");
            JsonNode again = json(send("big", "tools/list", null, "{}", Map.of())).path("result");
            assertEquals(first.path("tools"), again.path("tools"));
            assertEquals("tool_000", first.path("tools").get(0).path("name").asText());
            assertEquals("complete", first.path("resultType").asText());
            assertEquals("public", first.path("cacheScope").asText());
            assertTrue(first.has("ttlMs"));
            assertTrue(first.hasNonNull("nextCursor"));
            JsonNode second = json(send("big", "tools/list", null,
                    "{\"cursor\":\"" + first.path("nextCursor").asText() + "\"}", Map.of())).path("result");
            assertEquals("tool_100", second.path("tools").get(0).path("name").asText());
        }

        @Test
        void toolsCallRunsWithoutSessionAndMarksTheResultComplete() {
            JsonNode result = json(send("demo", "tools/call", "echo", "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}",
                    Map.of())).path("result");
            assertEquals("echo: hi", result.at("/content/0/text").asText());
            assertEquals("complete", result.path("resultType").asText());
        }

        @Test
        void anUnknownToolGets32602() {
            JsonNode body = json(send("demo", "tools/call", "nope", "{\"name\":\"nope\"}", Map.of()));
            assertEquals(-32602, body.at("/error/code").asInt());
        }

        @Test
        void methodsRemovedIn20260728Get404MethodNotFound() {
            HttpResponse<String> response = send("demo", "ping", null, "{}", Map.of());
            assertEquals(404, response.statusCode());
            assertEquals(-32601, json(response).at("/error/code").asInt());
        }

        @Test
        void progressStreamsOnTheResponseStream() throws Exception {
            String params = "{\"name\":\"count\",\"arguments\":{\"to\":2},\"_meta\":{\"progressToken\":\"t\","
                    + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}";
            String request = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":" + params + "}";
            try (McpHttpClient.SseStream stream = client.openSse(client.request("/mcp/demo")
                    .header("Content-Type", "application/json").header("MCP-Protocol-Version", V)
                    .header("Mcp-Method", "tools/call").header("Mcp-Name", "count")
                    .POST(HttpRequest.BodyPublishers.ofString(request)))) {
                assertEquals("notifications/progress", stream.next().json().path("method").asText());
                assertEquals("notifications/progress", stream.next().json().path("method").asText());
                assertEquals("counted to 2", stream.next().json().at("/result/content/0/text").asText());
            }
        }

        @Test
        void closingTheResponseStreamCancelsTheCall() throws Exception {
            String params = "{\"name\":\"wait_for_cancel\",\"_meta\":{\"progressToken\":\"t\","
                    + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}";
            String request = "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":" + params + "}";
            FixtureServer other = catalog.server("other");
            McpHttpClient.SseStream stream = client.openSse(client.request("/mcp/other")
                    .header("Content-Type", "application/json").header("MCP-Protocol-Version", V)
                    .header("Mcp-Method", "tools/call").header("Mcp-Name", "wait_for_cancel")
                    .POST(HttpRequest.BodyPublishers.ofString(request)));
            assertEquals("notifications/progress", stream.next().json().path("method").asText());
            stream.close();
            assertTrue(other.cancelSeen.await(15, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    @Nested
    class WhenListening {

        @Test
        void subscriptionsListenAcknowledgesThenDeliversToolsListChanged() throws Exception {
            String request = body("sub-1", "subscriptions/listen", "{\"notifications\":{\"toolsListChanged\":true,\"promptsListChanged\":true}}", V);
            try (McpHttpClient.SseStream stream = client.openSse(client.request("/mcp/big")
                    .header("Content-Type", "application/json").header("MCP-Protocol-Version", V)
                    .header("Mcp-Method", "subscriptions/listen")
                    .POST(HttpRequest.BodyPublishers.ofString(request)))) {
                JsonNode ack = stream.next().json();
                assertEquals("notifications/subscriptions/acknowledged", ack.path("method").asText());
                assertTrue(ack.at("/params/notifications/toolsListChanged").asBoolean());
                assertFalse(ack.at("/params/notifications").has("promptsListChanged"), "only what the gateway has");
                assertEquals("sub-1", ack.at("/params/_meta/io.modelcontextprotocol~1subscriptionId").asText());
                catalog.addTool("big", "zz_added_" + System.nanoTime());
                JsonNode changed = stream.next().json();
                assertEquals("notifications/tools/list_changed", changed.path("method").asText());
                assertEquals("sub-1", changed.at("/params/_meta/io.modelcontextprotocol~1subscriptionId").asText());
            }
        }
    }

    @Nested
    class WhenBothErasMeet {

        @Test
        void aSessionClientAndAStatelessClientShareTheEndpoint() {
            String session = client.initialize("demo", "2025-11-25");
            HttpResponse<String> legacy = client.post("/mcp/demo", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                    Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"));
            HttpResponse<String> modern = send("demo", "tools/list", null, "{}", Map.of());
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            json(legacy).at("/result/tools").forEach(t -> a.add(t.path("name").asText()));
            json(modern).at("/result/tools").forEach(t -> b.add(t.path("name").asText()));
            assertEquals(a, b);
            assertFalse(json(legacy).path("result").has("resultType"), "session revisions keep their own shape");
        }
    }
}
