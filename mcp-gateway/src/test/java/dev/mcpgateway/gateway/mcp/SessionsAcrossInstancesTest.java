package dev.mcpgateway.gateway.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.gateway.mcp.session.McpSession;
import dev.mcpgateway.gateway.mcp.session.SessionStore;
import dev.mcpgateway.testsupport.NodeTools;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
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

    @Test
    void theLegacySseTransportAnswersOnTheStreamHeldByTheOtherInstance() throws Exception {
        try (McpHttpClient.SseStream stream = onA.openSse(onA.request("/mcp/items/sse").GET())) {
            McpHttpClient.Event endpoint = stream.next();
            assertEquals("endpoint", endpoint.name());
            String messages = endpoint.data();
            assertEquals(202, onB.post(messages, McpHttpClient.initializeBody("2024-11-05"), Map.of()).statusCode());
            assertEquals("2024-11-05", stream.next().json().at("/result/protocolVersion").asText());
            assertEquals(202, onB.post(messages, call(2, 5, 0, ""), Map.of()).statusCode());
            assertEquals(5, stream.next().json().at("/result/structuredContent/id").asInt());
        }
    }

    @Test
    void theTypeScriptSdkClientWorksWithRequestsAlternatingBetweenInstances() throws Exception {
        Path script = Path.of(getClass().getResource("/node/ts-sdk-two-instances.mjs").toURI());
        // Runs on the common pool and holds a worker for the whole run (its only one on a 2-CPU host): the gateway's
        // tool calls must not need that pool (see ToolExecutor.exchange, where they once did and stalled for 30 s).
        CompletableFuture<NodeTools.Result> run = CompletableFuture.supplyAsync(() -> {
            try {
                return NodeTools.run(script, List.of(gateways.a.uri("/mcp/shop").toString(),
                        Integer.toString(gateways.b.uri("/").getPort())), Map.of(), Duration.ofSeconds(90));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        SessionStore store = gateways.a.bean(SessionStore.class);
        long deadline = System.nanoTime() + 60_000_000_000L;
        // the change must come while the client listens
        while (!run.isDone() && System.nanoTime() < deadline && store.sessionsOf("shop").stream().noneMatch(s ->
                s.standaloneStream().isAttached()
                        && s.client().map(c -> c.info().name()).orElse("").equals("round-robin-client"))) {
            Thread.sleep(50);
        }
        assertEquals(200, gateways.a.admin("PUT", "/admin/mcp-servers/shop", "{\"apiId\": \"shop\", "
                + "\"tools\": {\"getProduct\": {\"description\": \"change 1\"}}}").status());
        NodeTools.Result result = run.get(100, TimeUnit.SECONDS);
        assertTrue(result.succeeded(), "node: " + result);
        String line = result.output().lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError(result.output()));
        JsonNode summary = McpHttpClient.json(line.substring("RESULT ".length()));

        assertEquals(V, summary.path("protocolVersion").asText());
        assertEquals("[\"p-100\",\"p-101\",\"p-102\",\"p-103\",\"p-104\",\"p-105\"]",
                summary.path("items").toString());
        assertTrue(summary.path("listChanged").asBoolean(), "tools/list_changed reached the client");
        assertTrue(summary.path("descriptionAfter").asText().startsWith("change "), summary.toString());
        JsonNode served = summary.path("served");
        for (int port : new int[] {gateways.a.uri("/").getPort(), gateways.b.uri("/").getPort()}) {
            assertTrue(served.path(port + " POST").asInt() >= 4, "each instance served POSTs: " + served);
        }
        assertEquals(1, served.path(gateways.a.uri("/").getPort() + " DELETE").asInt()
                + served.path(gateways.b.uri("/").getPort() + " DELETE").asInt(), served.toString());
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
