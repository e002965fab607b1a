package dev.mcpgateway.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.catalog.GatewayCatalog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The whole gateway application on a free loopback port, with a known admin key and its own data directory. */
public final class GatewayFixture implements AutoCloseable {

    public static final String ADMIN_KEY = "test-admin-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private GatewayFixture(EmbeddedServer server) {
        this.server = server;
    }

    public static GatewayFixture start(Path dataDir, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("gateway.data-dir", dataDir.toString());
        properties.put("gateway.admin.key", ADMIN_KEY);
        properties.putAll(extra);
        return new GatewayFixture(ApplicationContext.run(EmbeddedServer.class, properties, "test"));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    public GatewayCatalog catalog() {
        return server.getApplicationContext().getBean(GatewayCatalog.class);
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    /** An admin call with the admin key. */
    public Response admin(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, body, Map.of("Authorization", "Bearer " + ADMIN_KEY));
    }

    public Response send(String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        headers.forEach(builder::header);
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }

    /** A response, with its body parsed when it is JSON. */
    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
