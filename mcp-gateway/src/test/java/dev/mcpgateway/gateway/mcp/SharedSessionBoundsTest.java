package dev.mcpgateway.gateway.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import dev.mcpgateway.gateway.mcp.session.SessionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The idle timeout and the session limit hold across instances sharing Redis: the limit counts every instance's
 * sessions, an idle session expires everywhere (freeing its place), and an open GET stream keeps its session alive.
 */
class SharedSessionBoundsTest {

    static final String V = "2025-11-25";
    static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";

    static TwoInstances gateways;
    static McpHttpClient onA;
    static McpHttpClient onB;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        gateways = new TwoInstances(dir, Map.of("gateway.mcp.session-idle-timeout", "1500ms",
                "gateway.mcp.max-sessions", "2"));
        onA = gateways.clientOfA();
        onB = gateways.clientOfB();
    }

    @AfterAll
    static void stop() {
        gateways.close();
    }

    static int ping(McpHttpClient client, String id) {
        return client.post("/mcp/items", PING, Map.of("Mcp-Session-Id", id, "MCP-Protocol-Version", V)).statusCode();
    }

    static int delete(McpHttpClient client, String id) {
        return client.send(client.request("/mcp/items").header("Mcp-Session-Id", id)
                .header("MCP-Protocol-Version", V).DELETE()).statusCode();
    }

    /** Waits, without touching it (a request would keep it alive), until the session is gone from Redis. */
    static void awaitExpiry(String id) throws InterruptedException {
        SessionStore store = gateways.a.bean(SessionStore.class);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (store.sessionsOf("items").stream().anyMatch(s -> s.id().equals(id)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** A new session once there is room for one (earlier tests' sessions expire). */
    static String awaitRoom() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            HttpResponse<String> init = onA.post("/mcp/items", McpHttpClient.initializeBody(V), Map.of());
            if (init.statusCode() == 200 || System.nanoTime() > deadline) {
                assertEquals(200, init.statusCode());
                return init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            }
            Thread.sleep(100);
        }
    }

    @Test
    void theLimitCountsEveryInstanceAndAnIdleSessionExpiresEverywhereFreeingItsPlace() throws Exception {
        String first = onA.initialize("items", V);
        String second = onB.initialize("items", V);
        try {
            HttpResponse<String> refused = onA.post("/mcp/items", McpHttpClient.initializeBody(V), Map.of());
            assertEquals(503, refused.statusCode(), "two sessions, one on each instance, fill a limit of two");
            awaitExpiry(first);   // nobody used it for the idle timeout
            assertEquals(404, ping(onA, first));
            assertEquals(404, ping(onB, first));
            HttpResponse<String> third = onB.post("/mcp/items", McpHttpClient.initializeBody(V), Map.of());
            assertEquals(200, third.statusCode(), "the expired session's place is free");
            delete(onB, third.headers().firstValue("Mcp-Session-Id").orElseThrow());
        } finally {
            delete(onA, first);
            delete(onA, second);
        }
    }

    @Test
    void anOpenGetStreamKeepsItsSessionAliveOnEveryInstance() throws Exception {
        String id = awaitRoom();
        try (McpHttpClient.SseStream stream = onA.openSse(onA.request("/mcp/items")
                .header("Mcp-Session-Id", id).header("MCP-Protocol-Version", V).GET())) {
            stream.firstLine();
            Thread.sleep(4_500);   // three idle timeouts with no request: only the stream holds it
            assertEquals(200, ping(onB, id));
        }
        awaitExpiry(id);   // without the stream it expires like any other
        assertEquals(404, ping(onB, id));
    }
}
