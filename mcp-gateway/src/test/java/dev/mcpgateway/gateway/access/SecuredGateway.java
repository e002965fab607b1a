package dev.mcpgateway.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.mcpgateway.auth.keys.SigningKeys;
import dev.mcpgateway.auth.token.AccessTokenIssuer;
import dev.mcpgateway.auth.token.Grant;
import dev.mcpgateway.auth.token.Identity;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The gateway with its in-process authorization server on, serving: {@code shop} (the sample API, OAuth by default,
 * with a role rule on {@code createCart}, a scope rule on {@code getCart}, a scope-and-role rule on
 * {@code sendFeedback}), {@code shop-compact} (the sample API in compact mode, OAuth, with a role rule on
 * {@code createCart} and a scope rule on {@code getCart}), {@code echo} (OAuth, a backend that records every request's
 * headers),
 * {@code keyed} (subscription-key mode), {@code open} (mode none) and {@code echo-as-user} (the echo backend with
 * on-behalf-of credentials, behind a subscription key). Tokens are minted with the server's own keys.
 */
final class SecuredGateway implements AutoCloseable {

    static final String SUBSCRIPTION_KEY = "sub-key-7f3a9c";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CARTS_SCOPE = "mcp:shop:carts";
    static final String COMPACT_CARTS_SCOPE = "mcp:shop-compact:carts";
    static final String ACCEPT_BOTH = "application/json, text/event-stream";

    final GatewayFixture gateway;
    final String issuer;
    final HttpServer backend;
    final List<Map<String, List<String>>> backendRequests = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    SecuredGateway() throws Exception {
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        backend.createContext("/whoami", exchange -> {
            backendRequests.add(Map.copyOf(exchange.getRequestHeaders()));
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        int port = freePort();
        issuer = "http://127.0.0.1:" + port;
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", port);
        properties.put("gateway.samples", true);
        properties.put("gateway.auth.issuer", issuer);
        properties.put("gateway.auth.data-dir", Files.createTempDirectory("auth-data").toString());
        properties.put("gateway.auth.tool-rules[0].server", "shop");
        properties.put("gateway.auth.tool-rules[0].tool", "createCart");
        properties.put("gateway.auth.tool-rules[0].roles", List.of("Shop.Buyer"));
        // a scope rule (reachable by step-up) and a scope-and-role rule (not reachable without the role)
        properties.put("gateway.auth.tool-rules[1].server", "shop");
        properties.put("gateway.auth.tool-rules[1].tool", "getCart");
        properties.put("gateway.auth.tool-rules[1].scopes", List.of(CARTS_SCOPE));
        properties.put("gateway.auth.tool-rules[2].server", "shop");
        properties.put("gateway.auth.tool-rules[2].tool", "sendFeedback");
        properties.put("gateway.auth.tool-rules[2].scopes", List.of("mcp:shop:support"));
        properties.put("gateway.auth.tool-rules[2].roles", List.of("Shop.Support"));
        properties.put("gateway.auth.tool-rules[3].server", "shop-compact");
        properties.put("gateway.auth.tool-rules[3].tool", "createCart");
        properties.put("gateway.auth.tool-rules[3].roles", List.of("Shop.Buyer"));
        properties.put("gateway.auth.tool-rules[4].server", "shop-compact");
        properties.put("gateway.auth.tool-rules[4].tool", "getCart");
        properties.put("gateway.auth.tool-rules[4].scopes", List.of(COMPACT_CARTS_SCOPE));
        // the rules are checked at start-up, before the admin API below creates the server
        properties.put("gateway.auth.resources.shop-compact.url", issuer + "/mcp/shop-compact");
        gateway = GatewayFixture.start(Files.createTempDirectory("gw-data"), properties);
        put("/admin/apis/echo", Map.of("openapi", echoSpec(), "serviceUrl",
                "http://127.0.0.1:" + backend.getAddress().getPort()));
        put("/admin/mcp-servers/echo", Map.of("apiId", "echo"));
        put("/admin/mcp-servers/shop-compact", Map.of("apiId", "shop", "mode", "compact"));
        put("/admin/mcp-servers/keyed", Map.of("apiId", "shop", "auth",
                Map.of("mode", "subscription-key", "keys", List.of(SUBSCRIPTION_KEY))));
        put("/admin/mcp-servers/open", Map.of("apiId", "shop", "auth", Map.of("mode", "none")));
        // the same backend, to be called as the user: impossible here (no upstream login configured)
        put("/admin/apis/echo-as-user", Map.of("openapi", echoSpec(), "serviceUrl",
                "http://127.0.0.1:" + backend.getAddress().getPort(),
                "credentials", Map.of("type", "onBehalfOf", "scope", "api://echo/.default")));
        put("/admin/mcp-servers/echo-as-user", Map.of("apiId", "echo-as-user", "auth",
                Map.of("mode", "subscription-key", "keys", List.of(SUBSCRIPTION_KEY))));
    }

    private void put(String path, Object body) throws IOException, InterruptedException {
        GatewayFixture.Response response = gateway.admin("PUT", path, JSON.writeValueAsString(body));
        if (response.status() >= 300) {
            throw new IllegalStateException(path + " -> " + response.status() + " " + response.body());
        }
    }

    private static Map<String, Object> echoSpec() {
        return Map.of("openapi", "3.0.3", "info", Map.of("title", "echo", "version", "1"),
                "paths", Map.of("/whoami", Map.of("get", Map.of("operationId", "whoami",
                        "responses", Map.of("200", Map.of("description", "ok",
                                "content", Map.of("application/json", Map.of("schema", Map.of("type", "object")))))))));
    }

    String url(String server) {
        return issuer + "/mcp/" + server;
    }

    /** A gateway access token for {@code subject}, audience {@code audience}, with those scopes and roles. */
    String token(String subject, String audience, List<String> scopes, List<String> roles) {
        return issuer(Clock.systemUTC()).issue(grant(subject, audience, scopes, roles));
    }

    /** A token that expired an hour ago, otherwise perfect. */
    String expiredToken(String subject, String audience, List<String> scopes) {
        Clock past = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));
        return issuer(past).issue(grant(subject, audience, scopes, List.of()));
    }

    private AccessTokenIssuer issuer(Clock clock) {
        return new AccessTokenIssuer(issuer, gateway.bean(SigningKeys.class), clock, Duration.ofMinutes(10));
    }

    private static Grant grant(String subject, String audience, List<String> scopes, List<String> roles) {
        return new Grant("client-" + subject, new Identity(subject, "User " + subject, subject + "@contoso.example",
                "tenant-1", List.of(), roles), audience, scopes, "family-" + subject + "-" + System.nanoTime());
    }

    HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(issuer + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        headers.forEach(builder::header);
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Streamable HTTP POST to {@code /mcp/server}, with a bearer token when one is given. */
    HttpResponse<String> mcp(String server, String token, String session, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", ACCEPT_BOTH);
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (session != null) {
            headers.put("Mcp-Session-Id", session);
            headers.put("MCP-Protocol-Version", "2025-06-18");
        }
        return send("POST", "/mcp/" + server, body, headers);
    }

    /** Initializes a session and returns its id. */
    String session(String server, String token) {
        HttpResponse<String> init = mcp(server, token, null, initialize());
        if (init.statusCode() != 200) {
            throw new AssertionError("initialize: " + init.statusCode() + " " + init.body());
        }
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        mcp(server, token, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return session;
    }

    static String initialize() {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"access-test\",\"version\":\"1\"}}}";
    }

    static String toolsList() {
        return "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}";
    }

    static String call(String tool, String argumentsJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + argumentsJson + "}}";
    }

    /**
     * The answer to a call the caller could make with more scopes: HTTP 403 with the scope challenge, and the
     * JSON-RPC error whose data carries the same facts.
     */
    static void assertScopeChallenge(HttpResponse<String> response, String scopes, String metadata) {
        assertEquals(403, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.startsWith("Bearer error=\"insufficient_scope\""), challenge);
        assertTrue(challenge.contains("scope=\"" + scopes + "\""), challenge);
        assertTrue(challenge.contains("resource_metadata=\"" + metadata + "\""), challenge);
        JsonNode error = json(response.body()).path("error");
        assertEquals(-32000, error.path("code").asInt(), response.body());
        assertEquals("Forbidden: insufficient scope", error.path("message").asText(), response.body());
        assertEquals("insufficient_scope", error.path("data").path("error").asText(), response.body());
        assertEquals(scopes, error.path("data").path("scope").asText(), response.body());
        assertEquals(metadata, error.path("data").path("resource_metadata").asText(), response.body());
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        gateway.close();
        backend.stop(0);
    }
}
