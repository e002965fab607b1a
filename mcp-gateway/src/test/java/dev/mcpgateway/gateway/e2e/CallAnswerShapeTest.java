package dev.mcpgateway.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.testsupport.EchoHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How an OpenAPI-backed tools/call is answered to a client accepting both JSON and SSE: plain JSON when the call can
 * send nothing before its result (no progressToken: answered on the request's thread), an SSE stream carrying
 * progress when the client asked for progress and the backend is slow.
 */
class CallAnswerShapeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ExecutorService SOCKETS = Executors.newVirtualThreadPerTaskExecutor();
    private static EchoHttpServer echo;
    private static ServerSocket silent;
    private static GatewayFixture gateway;

    @BeforeAll
    static void start(@TempDir Path dataDir) throws Exception {
        echo = EchoHttpServer.start();
        silent = silentBackend();
        gateway = GatewayFixture.start(dataDir, Map.of());
        register("echo", echo.baseUri(), "");
        // slower than the 2 s after which a waiting call reports progress, bounded so the test ends soon after
        register("slow", URI.create("http://127.0.0.1:" + silent.getLocalPort()), ", \"timeoutMillis\": 2600");
    }

    @AfterAll
    static void stop() throws IOException {
        gateway.close();
        echo.close();
        silent.close();
        SOCKETS.shutdownNow();
    }

    @Test
    void aCallWithoutProgressTokenIsAnsweredAsJson() throws Exception {
        String session = initialize("echo");
        HttpResponse<String> response = post("echo", session,
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"getItem\","
                        + "\"arguments\":{\"id\":4}}}");
        assertEquals(200, response.statusCode());
        assertTrue(contentType(response).startsWith("application/json"), contentType(response));
        assertTrue(response.body().contains("\"id\":2") && response.body().contains("\"result\""), response.body());
    }

    @Test
    void aSlowCallWithProgressTokenBecomesAStreamWithProgress() throws Exception {
        String session = initialize("slow");
        HttpResponse<String> response = post("slow", session,
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"getItem\","
                        + "\"arguments\":{\"id\":4},\"_meta\":{\"progressToken\":\"p\"}}}");
        assertEquals(200, response.statusCode());
        assertTrue(contentType(response).startsWith("text/event-stream"), contentType(response));
        assertTrue(response.body().contains("notifications/progress"), response.body());
        assertTrue(response.body().contains("\"id\":3") && response.body().contains("\"isError\":true"),
                response.body());
    }

    private static String initialize(String server) throws Exception {
        HttpResponse<String> init = post(server, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertEquals(202, post(server, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .statusCode());
        return session;
    }

    private static HttpResponse<String> post(String server, String session, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/mcp/" + server))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static void register(String name, URI backend, String extra) throws Exception {
        String api = "{\"openapi\": " + new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(UpstreamBehaviourThroughMcpTest.SPEC) + ", \"serviceUrl\": \"" + backend + "\""
                + extra + "}";
        assertEquals(201, gateway.admin("PUT", "/admin/apis/" + name, api).status());
        assertEquals(201, gateway.admin("PUT", "/admin/mcp-servers/" + name, "{\"apiId\": \"" + name + "\"}").status());
    }

    /** A loopback backend that reads the request and never answers. */
    private static ServerSocket silentBackend() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        SOCKETS.submit(() -> {
            while (!server.isClosed()) {
                Socket client = server.accept();
                SOCKETS.submit(() -> {
                    try (client; InputStream in = client.getInputStream()) {
                        in.read(new byte[8192]);
                        Thread.sleep(60_000);
                    }
                    return null;
                });
            }
            return null;
        });
        return server;
    }
}
