package dev.mcpgateway.gateway.policy.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.SdkClientScript;
import dev.mcpgateway.testsupport.RedisServerFixture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rate-limit-by-key calls="10" renewal-period="60"} keyed by a request header, on tool calls made by the
 * official MCP TypeScript SDK through two gateway instances that share one real Redis: ten calls pass whichever
 * instance serves them, the eleventh is a readable {@code isError} result that never reaches the backend, and another
 * key has its own count. Holds for a server with a tool per operation and for a compact server, whose operations are
 * reached through {@code invoke_operation}.
 */
class RateLimitedToolsAcrossInstancesTest {

    private static final String SPEC = """
            {"openapi": "3.0.3", "info": {"title": "Items", "version": "1"},
             "paths": {"/items/{id}": {"get": {"operationId": "getItem",
               "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
               "responses": {"200": {"description": "ok",
                 "content": {"application/json": {"schema": {"type": "object"}}}}}}}}}
            """;
    private static final String POLICY = """
            <policies>
                <inbound>
                    <base />
                    <rate-limit-by-key calls="10" renewal-period="60"
                        counter-key="@(%s)" />
                </inbound>
                <backend><base /></backend>
                <outbound><base /></outbound>
                <on-error><base /></on-error>
            </policies>
            """;

    private static RedisServerFixture redis;
    private static HttpServer backend;
    private static final AtomicInteger BACKEND_CALLS = new AtomicInteger();
    private static GatewayFixture a;
    private static GatewayFixture b;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        redis = RedisServerFixture.start();
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        backend.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        backend.createContext("/items/", exchange -> {
            BACKEND_CALLS.incrementAndGet();
            byte[] body = "{\"id\": 7}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try (exchange) {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (IOException e) {
                // the gateway stopped waiting: nobody reads the answer
            }
        });
        backend.start();
        Map<String, Object> shared = Map.of("gateway.store.type", "redis", "gateway.store.redis-uri", redis.uri(),
                "redis.uri", redis.uri());
        a = GatewayFixture.start(dir.resolve("a"), shared);
        b = GatewayFixture.start(dir.resolve("b"), shared);
        ObjectMapper json = new ObjectMapper();
        String api = "{\"openapi\": " + json.writeValueAsString(SPEC) + ", \"serviceUrl\": \"http://127.0.0.1:"
                + backend.getAddress().getPort() + "\"}";
        assertEquals(201, a.admin("PUT", "/admin/apis/items", api).status());
        assertEquals(201, a.admin("PUT", "/admin/mcp-servers/items", "{\"apiId\": \"items\"}").status());
        assertEquals(201, a.admin("PUT", "/admin/mcp-servers/items-compact",
                "{\"apiId\": \"items\", \"mode\": \"compact\"}").status());
        put("/admin/apis/items/policies/policy",
                "context.Request.Headers.GetValueOrDefault(\"X-Team\", \"anonymous\")", json);
        put("/admin/apis/items-compact/operations/getItem/policies/policy",
                "\"compact-\" + context.Request.Headers.GetValueOrDefault(\"X-Team\", \"anonymous\")", json);
        awaitOnB();
    }

    private static void put(String path, String counterKey, ObjectMapper json) throws Exception {
        String document = POLICY.formatted(counterKey.replace("\"", "&quot;"));
        GatewayFixture.Response put = a.admin("PUT", path, json.writeValueAsString(Map.of("format", "xml",
                "value", document)));
        assertTrue(put.status() == 201 || put.status() == 200, put.body());
    }

    /** B learns of the servers and policies through Redis's change notification. */
    private static void awaitOnB() throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while ((b.catalog().find("items").isEmpty() || b.catalog().find("items-compact").isEmpty()
                || b.admin("GET", "/admin/apis/items-compact/operations/getItem/policies/policy", null).status()
                != 200) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        backend.stop(0);
        redis.close();
    }

    @Test
    void onAServerWithAToolPerOperationTheEleventhCallIsRefusedAcrossBothInstancesWithoutReachingTheBackend()
            throws Exception {
        assertLimited("items", "getItem", "{\"id\": 7}");
    }

    @Test
    void onACompactServerTheLimitOfTheOperationHoldsForCallsThroughInvokeOperation() throws Exception {
        assertLimited("items-compact", "invoke_operation", "{\"operation\": \"getItem\", \"arguments\": {\"id\": 7}}");
    }

    private static void assertLimited(String server, String tool, String arguments) throws Exception {
        int before = BACKEND_CALLS.get();

        JsonNode out = SdkClientScript.run("/node/rate-limited-tools.mjs", List.of(a.uri("/").toString()
                .replaceAll("/$", ""), b.uri("/").toString().replaceAll("/$", ""), server, tool, arguments, "10"));

        for (JsonNode allowed : out.get("allowed")) {
            assertFalse(allowed.get("isError").asBoolean(), allowed.toString());
        }
        JsonNode refused = out.get("refused");
        assertTrue(refused.get("isError").asBoolean(), refused.toString());
        assertTrue(refused.get("text").asText().startsWith("Rate limit is exceeded. Try again in "),
                refused.get("text").asText());
        JsonNode details = refused.at("/meta/dev.mcpgateway~1refusal");
        assertEquals(429, details.get("status").asInt(), refused.toString());
        long retryAfter = details.get("retryAfterSeconds").asLong();
        assertTrue(retryAfter >= 1 && retryAfter <= 60, refused.toString());
        assertFalse(out.get("otherKey").get("isError").asBoolean(), "another key has its own count");
        assertEquals(11, BACKEND_CALLS.get() - before, "ten calls of one key and one of another reached the backend");
    }
}
