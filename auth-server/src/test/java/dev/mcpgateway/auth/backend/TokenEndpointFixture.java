package dev.mcpgateway.auth.backend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real OAuth token endpoint on loopback that issues numbered tokens and records what it was sent. */
final class TokenEndpointFixture implements AutoCloseable {

    record Received(String authorization, String body) {
    }

    private final HttpServer server;
    private final AtomicInteger issued = new AtomicInteger();
    final List<Received> requests = new CopyOnWriteArrayList<>();
    volatile int expiresIn = 3600;
    volatile boolean refuse;
    /** When set, each token response waits for it: lets a test hold many callers inside one fetch. */
    volatile CountDownLatch gate;

    TokenEndpointFixture() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/token", this::handle);
        server.start();
    }

    URI tokenUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    int fetches() {
        return requests.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), body));
        CountDownLatch latch = gate;
        if (latch != null) {
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String json;
        int status;
        if (refuse) {
            status = 401;
            json = "{\"error\":\"invalid_client\",\"error_description\":\"secret-detail-from-server\"}";
        } else {
            status = 200;
            json = "{\"access_token\":\"token-" + issued.incrementAndGet() + "\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":" + expiresIn + "}";
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
