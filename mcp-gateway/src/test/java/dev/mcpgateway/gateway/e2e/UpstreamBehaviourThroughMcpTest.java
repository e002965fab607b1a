package dev.mcpgateway.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.MiniMcpClient;
import dev.mcpgateway.testsupport.EchoHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the real MCP endpoint: what reaches the backend (the gateway's credential, never the client's token or
 * cookies) and what the client gets when the backend hangs, fails or sends garbage, with the gateway still serving.
 */
class UpstreamBehaviourThroughMcpTest {

    static final String SPEC = """
            {"openapi": "3.0.3", "info": {"title": "Items", "version": "1"},
             "paths": {"/items/{id}": {"get": {"operationId": "getItem",
               "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
               "responses": {"200": {"description": "ok"}}}}}}
            """;

    private static EchoHttpServer echo;
    private static ServerSocket hanging;
    private static ServerSocket garbage;
    private static final ExecutorService sockets = Executors.newVirtualThreadPerTaskExecutor();
    private static GatewayFixture gateway;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start(@TempDir Path dataDir) throws Exception {
        echo = EchoHttpServer.start();
        hanging = rawBackend(false);
        garbage = rawBackend(true);
        gateway = GatewayFixture.start(dataDir, Map.of());
        register("echo", echo.baseUri(), ", \"credentials\": {\"type\": \"bearer\", \"token\": \"backend-token\"}");
        register("hang", URI.create("http://127.0.0.1:" + hanging.getLocalPort()), ", \"timeoutMillis\": 500");
        register("garbage", URI.create("http://127.0.0.1:" + garbage.getLocalPort()), "");
    }

    @AfterAll
    static void stop() throws IOException {
        gateway.close();
        echo.close();
        hanging.close();
        garbage.close();
        sockets.shutdownNow();
    }

    private static void register(String name, URI backend, String extra) throws Exception {
        String api = "{\"openapi\": " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(SPEC)
                + ", \"serviceUrl\": \"" + backend + "\"" + extra + "}";
        assertEquals(201, gateway.admin("PUT", "/admin/apis/" + name, api).status());
        assertEquals(201, gateway.admin("PUT", "/admin/mcp-servers/" + name, "{\"apiId\": \"" + name + "\"}").status());
    }

    /** A loopback socket server that never answers, or answers with bytes that are not HTTP. */
    private static ServerSocket rawBackend(boolean sendGarbage) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        sockets.submit(() -> {
            while (!server.isClosed()) {
                Socket client = server.accept();
                sockets.submit(() -> {
                    try (client; InputStream in = client.getInputStream()) {
                        in.read(new byte[8192]);
                        if (sendGarbage) {
                            client.getOutputStream().write("\u0000garbage\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        } else {
                            Thread.sleep(60_000);
                        }
                    }
                    return null;
                });
            }
            return null;
        });
        return server;
    }

    private static MiniMcpClient client(String server) throws Exception {
        MiniMcpClient client = new MiniMcpClient(HTTP, gateway.uri("/mcp/" + server))
                .withHeader("Authorization", "Bearer CLIENT-TOKEN-must-not-leak")
                .withHeader("Cookie", "gateway_session=CLIENT-COOKIE");
        client.initialize();
        return client;
    }

    @Test
    void theBackendSeesTheGatewayCredentialAndNothingOfTheClient() throws Exception {
        JsonNode result = client("echo").call("getItem", "{\"id\": 5}");
        assertFalse(result.path("isError").asBoolean(false), result.toString());
        EchoHttpServer.Received received = echo.last();
        assertEquals("/items/5", received.rawPath());
        assertEquals(List.of("Bearer backend-token"), received.header("Authorization"));
        assertTrue(received.header("Cookie").isEmpty());
        assertFalse(received.headers().toString().contains("CLIENT-"), received.headers().toString());
        assertTrue(received.header("Mcp-Session-Id").isEmpty());
    }

    @Test
    void aHangingBackendIsAnErrorResultAndOthersKeepWorking() throws Exception {
        JsonNode result = client("hang").call("getItem", "{\"id\": 1}");
        assertTrue(result.path("isError").asBoolean(), result.toString());
        assertTrue(result.toString().contains("did not answer"), result.toString());
        assertFalse(client("echo").call("getItem", "{\"id\": 2}").path("isError").asBoolean(false));
    }

    @Test
    void aGarbageAnsweringBackendIsAnErrorResult() throws Exception {
        JsonNode result = client("garbage").call("getItem", "{\"id\": 1}");
        assertTrue(result.path("isError").asBoolean(), result.toString());
    }

    @Test
    void aServerErrorIsAnErrorResult() throws Exception {
        echo.respond("/items/13", 500, Map.of("Content-Type", "application/json"),
                "{\"error\": \"boom\"}".getBytes(StandardCharsets.UTF_8));
        JsonNode result = client("echo").call("getItem", "{\"id\": 13}");
        assertTrue(result.path("isError").asBoolean(), result.toString());
    }

    @Test
    void argumentsFailingTheSchemaAreAnErrorResultNamingTheArgument() throws Exception {
        JsonNode result = client("echo").call("getItem", "{\"id\": \"seven\"}");
        assertTrue(result.path("isError").asBoolean(), result.toString());
        assertTrue(result.toString().contains("id"), result.toString());
    }
}
