package dev.mcpgateway.gateway.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Streamable HTTP with sessions (2025-03-26 .. 2025-11-25) over real HTTP against the fixture catalog. */
@MicronautTest
@Property(name = "spec.name", value = "mcp-proto-streamable")
class StreamableHttpProtocolTest {

    static final String V = "2025-11-25";

    @Inject
    EmbeddedServer server;
    @Inject
    FixtureCatalog catalog;

    McpHttpClient client;

    @BeforeEach
    void connect() {
        client = new McpHttpClient(server.getURI());
    }

    HttpResponse<String> call(String session, String body) {
        return client.post("/mcp/demo", body, Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", V));
    }

    static String request(int id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"%s\",\"params\":%s}".formatted(id, method, params);
    }

    void assertStillServing(String session) {
        HttpResponse<String> ping = call(session, request(99, "ping", "{}"));
        assertEquals(200, ping.statusCode());
        assertTrue(McpHttpClient.json(ping.body()).has("result"), ping.body());
    }

    static JsonNode error(HttpResponse<String> response) {
        return McpHttpClient.json(response.body()).path("error");
    }

    @Nested
    class WhenInitializing {

        @Test
        void echoesTheClientsRevisionWhenSupported() {
            for (String version : List.of("2025-11-25", "2025-06-18", "2025-03-26")) {
                HttpResponse<String> response = client.post("/mcp/demo", McpHttpClient.initializeBody(version), Map.of());
                assertEquals(200, response.statusCode());
                assertEquals(version, McpHttpClient.json(response.body()).at("/result/protocolVersion").asText());
            }
        }

        @Test
        void offersItsNewestRevisionForAnUnknownOne() {
            HttpResponse<String> response = client.post("/mcp/demo", McpHttpClient.initializeBody("2024-01-01"), Map.of());
            assertEquals("2025-11-25", McpHttpClient.json(response.body()).at("/result/protocolVersion").asText());
        }

        @Test
        void mintsAnUnguessableVisibleAsciiSessionId() {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                String id = client.initialize("demo", V);
                assertTrue(id.length() >= 32 && id.chars().allMatch(c -> c >= 0x21 && c <= 0x7E), id);
                ids.add(id);
            }
            assertEquals(5, ids.size());
        }

        @Test
        void advertisesListChangedToolsLoggingAndServerInfo() {
            JsonNode result = McpHttpClient.json(client.post("/mcp/demo", McpHttpClient.initializeBody(V), Map.of()).body())
                    .path("result");
            assertTrue(result.at("/capabilities/tools/listChanged").asBoolean());
            assertTrue(result.at("/capabilities").has("logging"));
            assertFalse(result.at("/capabilities").has("resources"));
            assertEquals("demo", result.at("/serverInfo/name").asText());
            assertEquals("Fixture server demo", result.path("instructions").asText());
        }
    }

    @Nested
    class WhenTheSessionIsWrong {

        @Test
        void aRequestWithoutSessionGets400() {
            HttpResponse<String> response = client.post("/mcp/demo", request(2, "tools/list", "{}"), Map.of());
            assertEquals(400, response.statusCode());
        }

        @Test
        void anUnknownSessionGets404() {
            assertEquals(404, call("no-such-session", request(2, "tools/list", "{}")).statusCode());
        }

        @Test
        void aDeletedSessionGets404AndOthersGoOn() {
            String doomed = client.initialize("demo", V);
            String survivor = client.initialize("demo", V);
            HttpResponse<String> deleted = client.send(client.request("/mcp/demo").DELETE()
                    .header("Mcp-Session-Id", doomed).header("MCP-Protocol-Version", V));
            assertEquals(204, deleted.statusCode());
            assertEquals(404, call(doomed, request(2, "ping", "{}")).statusCode());
            assertStillServing(survivor);
        }

        @Test
        void aSessionOfAnotherServerGets404() {
            String session = client.initialize("other", V);
            assertEquals(404, call(session, request(2, "ping", "{}")).statusCode());
        }
    }

    @Nested
    class WhenTheProtocolVersionHeaderIsChecked {

        @Test
        void anUnsupportedVersionGets400() {
            String session = client.initialize("demo", V);
            HttpResponse<String> response = client.post("/mcp/demo", request(2, "ping", "{}"),
                    Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2024-11-05"));
            assertEquals(400, response.statusCode());
            assertStillServing(session);
        }

        @Test
        void anAbsentHeaderMeans20250326() {
            String session = client.initialize("demo", "2025-03-26");
            HttpResponse<String> response = client.post("/mcp/demo", request(2, "ping", "{}"),
                    Map.of("Mcp-Session-Id", session));
            assertEquals(200, response.statusCode());
        }
    }

    @Nested
    class WhenMessagesAreBad {

        String session;

        @BeforeEach
        void open() {
            session = client.initialize("demo", V);
        }

        @Test
        void malformedJsonGetsParseError() {
            HttpResponse<String> response = call(session, "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ");
            assertEquals(400, response.statusCode());
            assertEquals(-32700, error(response).path("code").asInt());
            assertStillServing(session);
        }

        @Test
        void aMessageBreakingJsonRpcGetsInvalidRequest() {
            HttpResponse<String> response = call(session, "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}");
            assertEquals(-32600, error(response).path("code").asInt());
            assertEquals(1, McpHttpClient.json(response.body()).path("id").asInt());
            assertStillServing(session);
        }

        @Test
        void anUnknownMethodGetsMethodNotFound() {
            HttpResponse<String> response = call(session, request(3, "resources/list", "{}"));
            assertEquals(-32601, error(response).path("code").asInt());
            assertStillServing(session);
        }

        @Test
        void anUnknownToolGetsInvalidParams() {
            HttpResponse<String> response = call(session, request(4, "tools/call", "{\"name\":\"nope\",\"arguments\":{}}"));
            assertEquals(-32602, error(response).path("code").asInt());
            assertStillServing(session);
        }

        @Test
        void aCallWithoutToolNameGetsInvalidParams() {
            HttpResponse<String> response = call(session, request(5, "tools/call", "{\"arguments\":{}}"));
            assertEquals(-32602, error(response).path("code").asInt());
        }

        @Test
        void aFailingCatalogGetsInternalErrorWithoutItsDetails() {
            HttpResponse<String> response = call(session, request(6, "tools/call", "{\"name\":\"boom\"}"));
            assertEquals(-32603, error(response).path("code").asInt());
            assertFalse(response.body().contains("secret"), response.body());
            assertStillServing(session);
        }

        @Test
        void anOversizedBodyGets413() {
            String big = request(7, "tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":\"" + "x".repeat(1_200_000) + "\"}}");
            assertEquals(413, call(session, big).statusCode());
            assertStillServing(session);
        }

        @Test
        void anInvalidLogLevelGetsInvalidParamsAndAValidOneIsAccepted() {
            assertEquals(-32602, error(call(session, request(8, "logging/setLevel", "{\"level\":\"loud\"}"))).path("code").asInt());
            HttpResponse<String> ok = call(session, request(9, "logging/setLevel", "{\"level\":\"warning\"}"));
            assertTrue(McpHttpClient.json(ok.body()).has("result"), ok.body());
        }
    }

    @Nested
    class WhenGuardingTheEndpoint {

        @Test
        void aForeignOriginGets403() {
            HttpResponse<String> response = client.post("/mcp/demo", McpHttpClient.initializeBody(V),
                    Map.of("Origin", "https://evil.example"));
            assertEquals(403, response.statusCode());
            assertFalse(response.headers().firstValue("Mcp-Session-Id").isPresent());
        }

        @Test
        void aLoopbackOriginIsAllowed() {
            HttpResponse<String> response = client.post("/mcp/demo", McpHttpClient.initializeBody(V),
                    Map.of("Origin", "http://localhost:6274"));
            assertEquals(200, response.statusCode());
        }

        @Test
        void anUnknownServerGets404ProblemJson() {
            HttpResponse<String> response = client.post("/mcp/nowhere", McpHttpClient.initializeBody(V), Map.of());
            assertEquals(404, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertEquals(404, McpHttpClient.json(response.body()).path("status").asInt());
        }
    }

    @Nested
    class WhenMessagesAreNotRequests {

        @Test
        void aNotificationGets202WithEmptyBody() {
            String session = client.initialize("demo", V);
            HttpResponse<String> response = call(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/whatever\"}");
            assertEquals(202, response.statusCode());
            assertTrue(response.body().isEmpty());
        }

        @Test
        void aResponseGets202() {
            String session = client.initialize("demo", V);
            assertEquals(202, call(session, "{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"result\":{}}").statusCode());
        }

        @Test
        void batchesAreRefusedAfter20250326() {
            String session = client.initialize("demo", V);
            HttpResponse<String> response = call(session, "[" + request(1, "ping", "{}") + "]");
            assertEquals(400, response.statusCode());
            assertEquals(-32600, error(response).path("code").asInt());
        }

        @Test
        void batchesAreAnsweredIn20250326() {
            String session = client.initialize("demo", "2025-03-26");
            HttpResponse<String> response = client.post("/mcp/demo",
                    "[" + request(1, "ping", "{}") + ",{\"jsonrpc\":\"2.0\",\"method\":\"notifications/x\"},"
                            + request(2, "tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}") + "]",
                    Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-03-26"));
            JsonNode answers = McpHttpClient.json(response.body());
            assertEquals(2, answers.size());
            assertEquals("echo: hi", answers.get(1).at("/result/content/0/text").asText());
        }
    }

    @Nested
    class WhenListingAndCallingTools {

        @Test
        void pagesThroughEveryToolOnceInOrderWithOpaqueCursors() {
            String session = client.initialize("big", V);
            List<String> names = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                String params = cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}";
                JsonNode result = McpHttpClient.json(client.post("/mcp/big", request(pages + 10, "tools/list", params),
                        Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", V)).body()).path("result");
                result.path("tools").forEach(t -> names.add(t.path("name").asText()));
                cursor = result.hasNonNull("nextCursor") ? result.path("nextCursor").asText() : null;
                assertFalse(cursor != null && cursor.contains("100"), "cursor is opaque: " + cursor);
                pages++;
            } while (cursor != null);
            assertEquals(3, pages);
            assertEquals(250, names.size());
            assertEquals(250, new HashSet<>(names).size());
            assertEquals("tool_000", names.getFirst());
            assertEquals("tool_249", names.getLast());
        }

        @Test
        void aGarbageCursorGetsInvalidParams() {
            String session = client.initialize("demo", V);
            assertEquals(-32602, error(call(session, request(2, "tools/list", "{\"cursor\":\"!!\"}"))).path("code").asInt());
        }

        @Test
        void callsAToolWithItsArguments() {
            String session = client.initialize("demo", V);
            HttpResponse<String> response = call(session, request(3, "tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":\"héllo\"}}"));
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertEquals("echo: héllo", McpHttpClient.json(response.body()).at("/result/content/0/text").asText());
        }

        @Test
        void anUpstreamFailureIsAnErrorResultNotAProtocolError() {
            String session = client.initialize("demo", V);
            JsonNode body = McpHttpClient.json(call(session, request(4, "tools/call", "{\"name\":\"fail\"}")).body());
            assertTrue(body.at("/result/isError").asBoolean());
            assertTrue(body.path("error").isMissingNode());
        }
    }

    @Nested
    class WhenStreaming {

        @Test
        void aCallWithProgressTokenStreamsProgressThenTheResult() throws Exception {
            String session = client.initialize("demo", V);
            try (McpHttpClient.SseStream stream = client.openSse(client.request("/mcp/demo")
                    .header("Content-Type", "application/json").header("Mcp-Session-Id", session)
                    .header("MCP-Protocol-Version", V)
                    .POST(HttpRequest.BodyPublishers.ofString(request(5, "tools/call",
                            "{\"name\":\"count\",\"arguments\":{\"to\":3},\"_meta\":{\"progressToken\":\"p1\"}}"))))) {
                assertEquals(200, stream.status());
                for (int i = 1; i <= 3; i++) {
                    JsonNode progress = stream.next().json();
                    assertEquals("notifications/progress", progress.path("method").asText());
                    assertEquals("p1", progress.at("/params/progressToken").asText());
                    assertEquals(i, progress.at("/params/progress").asInt());
                }
                assertEquals("counted to 3", stream.next().json().at("/result/content/0/text").asText());
                assertTrue(stream.endsSoon());
            }
        }

        @Test
        void aClientAcceptingOnlyJsonGetsJsonEvenWithAProgressToken() {
            String session = client.initialize("demo", V);
            HttpResponse<String> response = client.post("/mcp/demo", request(6, "tools/call",
                            "{\"name\":\"count\",\"arguments\":{\"to\":2},\"_meta\":{\"progressToken\":7}}"),
                    Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", V, "Accept", "application/json"));
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertEquals("counted to 2", McpHttpClient.json(response.body()).at("/result/content/0/text").asText());
        }

        @Test
        void cancellationReachesTheRunningCall() throws Exception {
            String session = client.initialize("demo", V);
            try (McpHttpClient.SseStream stream = client.openSse(client.request("/mcp/demo")
                    .header("Content-Type", "application/json").header("Mcp-Session-Id", session)
                    .header("MCP-Protocol-Version", V)
                    .POST(HttpRequest.BodyPublishers.ofString(request(41, "tools/call",
                            "{\"name\":\"wait_for_cancel\",\"_meta\":{\"progressToken\":\"c\"}}"))))) {
                assertEquals("notifications/progress", stream.next().json().path("method").asText());
                HttpResponse<String> cancel = call(session,
                        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":41}}");
                assertEquals(202, cancel.statusCode());
                assertTrue(catalog.server("demo").cancelSeen.await(10, TimeUnit.SECONDS));
            }
        }

        @Test
        void theGetStreamCarriesToolsListChanged() throws Exception {
            String session = client.initialize("other", V);
            try (McpHttpClient.SseStream stream = client.openSse(client.request("/mcp/other")
                    .header("Mcp-Session-Id", session).header("MCP-Protocol-Version", V).GET())) {
                assertEquals(200, stream.status());
                HttpResponse<String> second = client.send(client.request("/mcp/other").header("Accept", "text/event-stream")
                        .header("Mcp-Session-Id", session).header("MCP-Protocol-Version", V).GET());
                assertEquals(409, second.statusCode());
                catalog.addTool("other", "added_" + System.nanoTime());
                McpHttpClient.Event event = stream.next();
                assertEquals("notifications/tools/list_changed", event.json().path("method").asText());
                assertTrue(event.id() != null && !event.id().isEmpty());
            }
        }

        @Test
        void lastEventIdReplaysOnlyTheRestOfThatStream() throws Exception {
            String session = client.initialize("demo", V);
            List<McpHttpClient.Event> original = new ArrayList<>();
            try (McpHttpClient.SseStream stream = client.openSse(client.request("/mcp/demo")
                    .header("Content-Type", "application/json").header("Mcp-Session-Id", session)
                    .header("MCP-Protocol-Version", V)
                    .POST(HttpRequest.BodyPublishers.ofString(request(8, "tools/call",
                            "{\"name\":\"count\",\"arguments\":{\"to\":3},\"_meta\":{\"progressToken\":\"r\"}}"))))) {
                for (int i = 0; i < 4; i++) {
                    original.add(stream.next());
                }
            }
            // Another stream of the same session sends in between: its events must not be replayed.
            catalog.addTool("demo", "added_" + System.nanoTime());
            try (McpHttpClient.SseStream resumed = client.openSse(client.request("/mcp/demo")
                    .header("Mcp-Session-Id", session).header("MCP-Protocol-Version", V)
                    .header("Last-Event-ID", original.getFirst().id()).GET())) {
                assertEquals(200, resumed.status());
                for (int i = 1; i < 4; i++) {
                    McpHttpClient.Event replayed = resumed.next();
                    assertEquals(original.get(i).id(), replayed.id());
                    assertEquals(original.get(i).data(), replayed.data());
                }
                assertTrue(resumed.endsSoon());
            }
            Map<String, Integer> seen = new HashMap<>();
            original.forEach(e -> seen.merge(e.id(), 1, Integer::sum));
            assertEquals(4, seen.size(), "event ids are unique");
            assertNotEquals(original.get(0).id(), original.get(1).id());
        }

        @Test
        void aResumptionOfAnUnknownEventIdOpensAFreshStream() throws Exception {
            String session = client.initialize("demo", V);
            try (McpHttpClient.SseStream stream = client.openSse(client.request("/mcp/demo")
                    .header("Mcp-Session-Id", session).header("MCP-Protocol-Version", V)
                    .header("Last-Event-ID", "999-1").GET())) {
                assertEquals(200, stream.status());
                assertNull(stream.poll(200));
            }
        }
    }
}
