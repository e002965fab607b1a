package dev.mcpgateway.gateway.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.mcp.transport.CallerResolver;
import dev.mcpgateway.samples.shop.SampleShopServer;
import dev.mcpgateway.testsupport.RedisServerFixture;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two whole gateway applications on their own loopback ports sharing one real Redis (config store and MCP
 * sessions), serving an "items" API whose backend answers after the delay a call asks for.
 */
final class TwoInstances implements AutoCloseable {

    static final String SPEC_NAME = "mcp-shared-sessions";
    static final String USER_HEADER = "X-Test-User";
    private static final String SPEC = """
            {"openapi": "3.0.3", "info": {"title": "Items", "version": "1"},
             "paths": {"/items/{id}": {"get": {"operationId": "getItem",
               "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}},
                              {"name": "delayMs", "in": "query", "schema": {"type": "integer"}}],
               "responses": {"200": {"description": "ok",
                 "content": {"application/json": {"schema": {"type": "object"}}}}}}}}}
            """;

    /** "X-Test-User: alice" stands in for a validated token, so sessions get an owner. */
    @Singleton
    @Requires(property = "spec.name", value = SPEC_NAME)
    static class HeaderCallerResolver implements CallerResolver {
        @Override
        public Optional<CallContext.Caller> resolve(HttpRequest<?> request) {
            return Optional.ofNullable(request.getHeaders().get(USER_HEADER))
                    .map(user -> new CallContext.Caller(user, Set.of(), Map.of()));
        }
    }

    final RedisServerFixture redis;
    final HttpServer backend;
    final SampleShopServer shop;
    final AtomicInteger backendCalls = new AtomicInteger();
    final GatewayFixture a;
    final GatewayFixture b;
    private final AtomicInteger changes = new AtomicInteger();

    TwoInstances(Path dataDir, Map<String, Object> settings) throws Exception {
        redis = RedisServerFixture.start();
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        backend.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        backend.createContext("/items/", exchange -> {
            backendCalls.incrementAndGet();
            String query = Optional.ofNullable(exchange.getRequestURI().getQuery()).orElse("");
            long delay = query.startsWith("delayMs=") ? Long.parseLong(query.substring(8)) : 0;
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"id\": " + exchange.getRequestURI().getPath().substring(7) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Connection", "close");
            try {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (IOException e) {
                // the gateway gave up on the call (cancelled): nobody reads the answer
            }
            exchange.close();
        });
        backend.start();
        shop = SampleShopServer.start(0);
        Map<String, Object> properties = new HashMap<>(settings);
        boolean shared = !"file".equals(settings.get("gateway.store.type"));
        properties.put("spec.name", SPEC_NAME);
        properties.putIfAbsent("gateway.store.type", "redis");
        properties.put("gateway.store.redis-uri", redis.uri());
        a = GatewayFixture.start(dataDir.resolve("a"), properties);
        b = shared ? GatewayFixture.start(dataDir.resolve("b"), properties) : a;
        String api = "{\"openapi\": " + new ObjectMapper().writeValueAsString(SPEC) + ", \"serviceUrl\": "
                + "\"http://127.0.0.1:" + backend.getAddress().getPort() + "\"}";
        assertEquals(201, a.admin("PUT", "/admin/apis/items", api).status());
        assertEquals(201, a.admin("PUT", "/admin/mcp-servers/items", "{\"apiId\": \"items\"}").status());
        assertEquals(201, a.admin("PUT", "/admin/apis/shop", "{\"openapi\": \"classpath:specs/shop.yaml\", "
                + "\"serviceUrl\": \"" + shop.baseUrl() + "\"}").status());
        assertEquals(201, a.admin("PUT", "/admin/mcp-servers/shop", "{\"apiId\": \"shop\"}").status());
        long deadline = System.nanoTime() + 20_000_000_000L;
        while ((b.catalog().find("items").isEmpty() || b.catalog().find("shop").isEmpty())
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Changes the items server's tools through instance A's admin API (a new description each time). */
    void changeTools() throws Exception {
        String body = "{\"apiId\": \"items\", \"tools\": {\"getItem\": {\"description\": \"change "
                + changes.incrementAndGet() + "\"}}}";
        assertEquals(200, a.admin("PUT", "/admin/mcp-servers/items", body).status());
    }

    McpHttpClient clientOfA() {
        return new McpHttpClient(a.uri("/"));
    }

    McpHttpClient clientOfB() {
        return new McpHttpClient(b.uri("/"));
    }

    @Override
    public void close() {
        a.close();
        b.close();
        backend.stop(0);
        shop.close();
        redis.close();
    }
}
