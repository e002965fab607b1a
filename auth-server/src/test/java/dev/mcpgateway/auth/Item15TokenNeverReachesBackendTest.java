package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpServer;
import dev.mcpgateway.auth.resource.ForwardedHeaders;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Checklist 15: a real backend on loopback captures what it receives when a client request's headers are forwarded
 * through {@link ForwardedHeaders}: the client's bearer token, cookies and MCP session never arrive.
 */
class Item15TokenNeverReachesBackendTest {

    @Test
    void backendNeverSeesTheClientsTokenCookiesOrSession() throws Exception {
        AtomicReference<com.sun.net.httpserver.Headers> seen = new AtomicReference<>();
        HttpServer backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            seen.set(exchange.getRequestHeaders());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        backend.start();
        try {
            Map<String, List<String>> fromClient = Map.of(
                    "Authorization", List.of("Bearer client-token-for-the-gateway"),
                    "Cookie", List.of("__Host-mcpgw-csrf=abc"),
                    "Mcp-Session-Id", List.of("session-1"),
                    "MCP-Protocol-Version", List.of("2025-11-25"),
                    "Accept-Language", List.of("en"),
                    "X-Request-Id", List.of("req-42"));
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + backend.getAddress().getPort() + "/forecast"));
            ForwardedHeaders.strip(fromClient).forEach((name, values) -> values.forEach(v -> request.header(name, v)));
            HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.discarding());

            assertNull(seen.get().getFirst("Authorization"));
            assertNull(seen.get().getFirst("Cookie"));
            assertNull(seen.get().getFirst("Mcp-Session-Id"));
            assertEquals("req-42", seen.get().getFirst("X-Request-Id"));
            assertFalse(seen.get().values().stream().flatMap(List::stream)
                    .anyMatch(v -> v.contains("client-token-for-the-gateway")));
        } finally {
            backend.stop(0);
        }
    }
}
