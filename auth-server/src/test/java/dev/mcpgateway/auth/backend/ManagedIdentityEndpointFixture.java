package dev.mcpgateway.auth.backend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Azure's local identity endpoint on loopback, speaking its wire format: a GET with the resource in the query and a
 * header proving locality, answered with {@code access_token}, {@code expires_on} (epoch seconds, as a string),
 * {@code resource} and {@code token_type}. Records what it was sent.
 */
final class ManagedIdentityEndpointFixture implements AutoCloseable {

    record Received(String path, String query, String identityHeader, String metadataHeader) {
    }

    private final HttpServer server;
    private final Clock clock;
    private final AtomicInteger issued = new AtomicInteger();
    final List<Received> requests = new CopyOnWriteArrayList<>();
    volatile long lifetimeSeconds = 3600;
    /** When set, the endpoint answers with this status and body instead of a token. */
    volatile int refuseWith;
    volatile String refusalBody = "";

    ManagedIdentityEndpointFixture(Clock clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    int fetches() {
        return requests.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("X-IDENTITY-HEADER"),
                exchange.getRequestHeaders().getFirst("Metadata")));
        int status = refuseWith == 0 ? 200 : refuseWith;
        String json = refuseWith != 0 ? refusalBody : "{\"access_token\":\"mi-token-" + issued.incrementAndGet()
                + "\",\"expires_on\":\"" + clock.instant().plusSeconds(lifetimeSeconds).getEpochSecond()
                + "\",\"resource\":\"https://cognitiveservices.azure.com\",\"token_type\":\"Bearer\"}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
