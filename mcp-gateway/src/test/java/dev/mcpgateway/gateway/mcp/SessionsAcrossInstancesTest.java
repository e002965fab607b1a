package dev.mcpgateway.gateway.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.gateway.mcp.session.McpSession;
import dev.mcpgateway.gateway.mcp.session.SessionStore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code gateway.store.type: redis}, an MCP session belongs to no instance: two gateways behind a (pretend)
 * load balancer serve it alike over real HTTP -- requests, streams, resumption, deletion, notifications, owners.
 */
class SessionsAcrossInstancesTest {

    static final String V = "2025-11-25";
    static final String CALL = """
            {"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"getItem",
             "arguments":{"id":%d,"delayMs":%d}%s}}""";

    static TwoInstances gateways;
    static McpHttpClient onA;
    static McpHttpClient onB;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        gateways = new TwoInstances(dir, Map.of());
        onA = gateways.clientOfA();
        onB = gateways.clientOfB();
    }

    @AfterAll
    static void stop() {
        gateways.close();
    }

    static Map<String, String> session(String id) {
        return Map.of("Mcp-Session-Id", id, "MCP-Protocol-Version", V);
    }

    static String call(int requestId, int itemId, int delayMs, String meta) {
        return CALL.formatted(requestId, itemId, delayMs, meta);
    }

    @Test
    void aSessionStartedOnOneInstanceIsServedByTheOtherWithItsVersionAndClient() {
        String id = onA.initialize("items", V);

        HttpResponse<String> list = onB.post("/mcp/items", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                session(id));
        assertEquals(200, list.statusCode(), list.body());
        assertEquals("getItem", McpHttpClient.json(list.body()).at("/result/tools/0/name").asText());
        HttpResponse<String> called = onB.post("/mcp/items", call(3, 42, 0, ""), session(id));
        assertEquals(200, called.statusCode(), called.body());
        assertEquals(42, McpHttpClient.json(called.body()).at("/result/structuredContent/id").asInt());

        McpSession seenByB = gateways.b.bean(SessionStore.class).find(id).orElseThrow();
        assertEquals(V, seenByB.protocolVersion());
        assertEquals("protocol-test", seenByB.client().orElseThrow().info().name());
        assertTrue(seenByB.initialized(), "notifications/initialized sent to A is known to B");
    }

    @Test
    void deleteOnOneInstanceEndsTheSessionAndClosesItsStreamOnTheOther() throws Exception {
        String id = onA.initialize("items", V);
        try (McpHttpClient.SseStream stream = onA.openSse(onA.request("/mcp/items")
                .header("Mcp-Session-Id", id).header("MCP-Protocol-Version", V).GET())) {
            assertEquals(200, stream.status());
            stream.firstLine();
            assertEquals(204, onB.send(onB.request("/mcp/items").header("Mcp-Session-Id", id)
                    .header("MCP-Protocol-Version", V).DELETE()).statusCode());
            assertTrue(stream.endsSoon(), "the GET stream held by A closed");
        }
        assertEquals(404, onA.post("/mcp/items", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}", session(id))
                .statusCode());
        assertEquals(404, onB.post("/mcp/items", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}", session(id))
                .statusCode());
    }

    @Test
    void toolsListChangedReachesTheStreamHeldByTheOtherInstanceExactlyOnce() throws Exception {
        String id = onA.initialize("items", V);
        try (McpHttpClient.SseStream stream = onB.openSse(onB.request("/mcp/items")
                .header("Mcp-Session-Id", id).header("MCP-Protocol-Version", V).GET())) {
            assertEquals(200, stream.status());
            awaitHeld(id);
            gateways.changeTools();
            assertEquals("notifications/tools/list_changed", stream.next().json().path("method").asText());
            // both instances heard the change; only the first to see the new tool list told the session
            assertNull(stream.poll(1_500), "a second notification for the same change");
        }
    }

    @Test
    void theStandaloneStreamResumesWithLastEventIdOnTheOtherInstance() throws Exception {
        String id = onA.initialize("items", V);
        String primed;
        try (McpHttpClient.SseStream stream = onA.openSse(onA.request("/mcp/items")
                .header("Mcp-Session-Id", id).header("MCP-Protocol-Version", V).GET())) {
            primed = stream.rawLines.take().substring(3).strip();  // SEP-1699 priming event: "id: 0-<seq>"
            awaitHeld(id);
        }
        awaitReleased(id);
        gateways.changeTools();   // sent while no connection is open: kept in Redis
        try (McpHttpClient.SseStream resumed = onB.openSse(onB.request("/mcp/items").header("Mcp-Session-Id", id)
                .header("MCP-Protocol-Version", V).header("Last-Event-ID", primed).GET())) {
            assertEquals(200, resumed.status());
            McpHttpClient.Event missed = resumed.next();
            assertEquals("notifications/tools/list_changed", missed.json().path("method").asText());
            assertTrue(missed.id().startsWith("0-"), missed.id());
        }
    }

    @Test
    void aRequestStreamCutOnOneInstanceResumesOnTheOtherUntilItsResult() throws Exception {
        String id = onA.initialize("items", V);
        HttpRequest.Builder post = onA.request("/mcp/items").header("Mcp-Session-Id", id)
                .header("MCP-Protocol-Version", V).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(call(7, 7, 3_000, ",\"_meta\":{\"progressToken\":\"p\"}")));
        String progressId;
        try (McpHttpClient.SseStream stream = onA.openSse(post)) {
            McpHttpClient.Event progress = stream.next();
            assertEquals("notifications/progress", progress.json().path("method").asText());
            progressId = progress.id();
        }
        try (McpHttpClient.SseStream resumed = onB.openSse(onB.request("/mcp/items").header("Mcp-Session-Id", id)
                .header("MCP-Protocol-Version", V).header("Last-Event-ID", progressId).GET())) {
            JsonNode result = resumed.next().json();
            assertEquals(7, result.path("id").asInt());
            assertEquals(7, result.at("/result/structuredContent/id").asInt());
            assertTrue(resumed.endsSoon(), "the resumed stream ends after the result");
        }
    }

    @Test
    void aCancellationSentToOneInstanceStopsTheCallRunningOnTheOther() throws Exception {
        String id = onA.initialize("items", V);
        int before = gateways.backendCalls.get();
        CompletableFuture<HttpResponse<String>> running = CompletableFuture.supplyAsync(
                () -> onA.post("/mcp/items", call(9, 9, 30_000, ""), session(id)));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (gateways.backendCalls.get() == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(202, onB.post("/mcp/items", """
                {"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":9}}""", session(id))
                .statusCode());
        JsonNode result = McpHttpClient.json(running.get().body());
        assertTrue(result.at("/result/isError").asBoolean());
        assertTrue(result.at("/result/content/0/text").asText().contains("cancelled"), result.toString());
    }

    @Test
    void anotherUsersSessionIdIsRefusedOnBothInstances() {
        HttpResponse<String> init = onA.post("/mcp/items", McpHttpClient.initializeBody(V),
                Map.of(TwoInstances.USER_HEADER, "alice"));
        String id = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";
        for (McpHttpClient client : new McpHttpClient[] {onA, onB}) {
            assertEquals(404, client.post("/mcp/items", ping, Map.of("Mcp-Session-Id", id, "MCP-Protocol-Version", V,
                    TwoInstances.USER_HEADER, "mallory")).statusCode());
            assertEquals(404, client.post("/mcp/items", ping, session(id)).statusCode(), "no caller is not alice");
            assertEquals(200, client.post("/mcp/items", ping, Map.of("Mcp-Session-Id", id, "MCP-Protocol-Version", V,
                    TwoInstances.USER_HEADER, "alice")).statusCode());
        }
    }

    private static void awaitHeld(String id) throws InterruptedException {
        await(id, true);
    }

    private static void awaitReleased(String id) throws InterruptedException {
        await(id, false);
    }

    /** Until the session's GET stream is held (or no longer held) on some instance, as Redis records it. */
    private static void await(String id, boolean held) throws InterruptedException {
        SessionStore store = gateways.a.bean(SessionStore.class);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (store.sessionsOf("items").stream().anyMatch(s -> s.id().equals(id)
                    && s.standaloneStream().isAttached() == held)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the GET stream was never " + (held ? "held" : "released"));
    }
}
