package dev.mcpgateway.gateway.policy.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.SdkClientScript;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An APIM {@code <retry>} in the backend section of a tool's API, on calls made by the official MCP TypeScript SDK:
 * the backend's status is what the condition reads, the call is sent again while it holds, and the client gets the
 * answer the last attempt had.
 */
class RetriedToolCallsTest {

    private static final String SPEC = """
            {"openapi": "3.0.3", "info": {"title": "Items", "version": "1"},
             "paths": {"/items/{id}": {"get": {"operationId": "getItem",
               "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
               "responses": {"200": {"description": "ok",
                 "content": {"application/json": {"schema": {"type": "object"}}}}}}}}}
            """;
    private static final String RETRY = """
            <policies>
                <inbound><base /></inbound>
                <backend>
                    <retry condition="@(context.Response.StatusCode == 429 || context.Response.StatusCode >= 500)"
                           count="%d" interval="1" first-fast-retry="true">
                        <forward-request buffer-request-body="true" />
                    </retry>
                </backend>
                <outbound><base /></outbound>
            </policies>
            """;

    private static final Queue<Integer> SCRIPT = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger HITS = new AtomicInteger();
    private static HttpServer backend;
    private static GatewayFixture gateway;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        backend.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        backend.createContext("/items/", RetriedToolCallsTest::answer);
        backend.start();
        gateway = GatewayFixture.start(dir, Map.of());
        String api = "{\"openapi\": " + new ObjectMapper().writeValueAsString(SPEC) + ", \"serviceUrl\":"
                + " \"http://127.0.0.1:" + backend.getAddress().getPort() + "\"}";
        assertEquals(201, gateway.admin("PUT", "/admin/apis/items", api).status());
        assertEquals(201, gateway.admin("PUT", "/admin/mcp-servers/items", "{\"apiId\": \"items\"}").status());
    }

    /** The next scripted status with a JSON error, or 200 with the item once the script is spent. */
    private static void answer(HttpExchange exchange) throws IOException {
        HITS.incrementAndGet();
        Integer status = SCRIPT.poll();
        byte[] body = (status == null ? "{\"id\": 7}" : "{\"error\": \"status " + status + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try (exchange) {
            exchange.sendResponseHeaders(status == null ? 200 : status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @AfterAll
    static void stop() {
        gateway.close();
        backend.stop(0);
    }

    @BeforeEach
    void fresh() {
        SCRIPT.clear();
        HITS.set(0);
    }

    private static void retrying(int count) throws Exception {
        GatewayFixture.Response put = gateway.admin("PUT", "/admin/apis/items/policies/policy",
                new ObjectMapper().writeValueAsString(Map.of("format", "rawxml", "value", RETRY.formatted(count))));
        assertTrue(put.status() == 201 || put.status() == 200, put.body());
    }

    private static JsonNode callGetItem() throws Exception {
        return SdkClientScript.run("/node/call-tool.mjs", List.of(gateway.uri("/mcp/items").toString(), "getItem",
                "{\"id\": 7}"));
    }

    @Test
    void aBackendThrottlingTwiceThenAnsweringGivesTheClientTheAnswerAfterThreeCalls() throws Exception {
        retrying(3);
        SCRIPT.addAll(List.of(429, 429));

        JsonNode result = callGetItem();

        assertFalse(result.path("isError").asBoolean(), result.toString());
        assertTrue(result.path("text").asText().contains("\"id\""), result.toString());
        assertEquals(3, HITS.get());
    }

    @Test
    void whenTheRetriesAreSpentTheClientGetsTheLastAnswer() throws Exception {
        retrying(2);
        SCRIPT.addAll(List.of(503, 502, 500, 429));

        JsonNode result = callGetItem();

        assertTrue(result.path("isError").asBoolean(), result.toString());
        assertTrue(result.path("text").asText().contains("500"), result.toString());
        assertEquals(3, HITS.get(), "the first attempt and two retries");
    }
}
