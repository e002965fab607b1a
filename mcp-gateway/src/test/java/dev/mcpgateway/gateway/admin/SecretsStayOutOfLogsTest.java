package dev.mcpgateway.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.catalog.ToolCall;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.testsupport.EchoHttpServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Secrets given to the gateway never reach its log, whatever goes wrong: the admin API, a token endpoint that is
 * down, an upstream that fails, and an upstream spec served over HTTP.
 */
class SecretsStayOutOfLogsTest {

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: Items, version: '1'}
            paths:
              /items/{id}:
                get:
                  operationId: getItem
                  parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
                  responses: {'200': {description: ok}}
            """;

    @Test
    void nothingSecretIsLoggedWhenThingsFail(@TempDir Path dataDir) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        ch.qos.logback.classic.Level previous = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try (EchoHttpServer backend = EchoHttpServer.start();
             // the spec is served from loopback, which admin-supplied URLs may reach only when allowed
             GatewayFixture gateway = GatewayFixture.start(dataDir,
                     Map.of("gateway.spec-sources.allowed-networks", List.of("127.0.0.1/32")))) {
            backend.respond("/openapi.yaml", 200, Map.of("Content-Type", "application/yaml"),
                    SPEC.getBytes(StandardCharsets.UTF_8));
            backend.respond("/items/1", 500, Map.of("Content-Type", "text/plain"),
                    "boom".getBytes(StandardCharsets.UTF_8));
            String specUrl = backend.baseUri() + "/openapi.yaml";

            // a spec fetched from a URL, with a literal bearer token
            assertEquals(201, gateway.admin("PUT", "/admin/apis/items", "{\"openapi\": \"" + specUrl + "\", "
                    + "\"serviceUrl\": \"" + backend.baseUri() + "\", "
                    + "\"credentials\": {\"type\": \"bearer\", \"token\": \"SECRET-BEARER-1\"}}").status());
            // client credentials against a token endpoint that is down
            assertEquals(201, gateway.admin("PUT", "/admin/apis/cc", "{\"openapi\": \"" + specUrl + "\", "
                    + "\"serviceUrl\": \"" + backend.baseUri() + "\", \"credentials\": {\"type\": "
                    + "\"oauth2ClientCredentials\", \"tokenUrl\": \"http://127.0.0.1:1/token\", \"clientId\": \"gw\", "
                    + "\"clientSecret\": \"SECRET-CLIENT-2\", \"timeoutMillis\": \"500\"}}").status());
            gateway.admin("PUT", "/admin/mcp-servers/items", "{\"apiId\": \"items\"}");
            gateway.admin("PUT", "/admin/mcp-servers/cc", "{\"apiId\": \"cc\"}");

            McpSchema.CallToolResult failed = gateway.catalog().find("items").orElseThrow()
                    .call(new ToolCall("getItem", Map.of("id", 1), CallContext.NONE));
            assertTrue(failed.isError());
            assertEquals(java.util.List.of("Bearer SECRET-BEARER-1"), backend.last().header("Authorization"));
            McpSchema.CallToolResult noToken = gateway.catalog().find("cc").orElseThrow()
                    .call(new ToolCall("getItem", Map.of("id", 2), CallContext.NONE));
            assertTrue(noToken.isError());
            // a bad admin request carrying a secret
            gateway.admin("PUT", "/admin/apis/bad", "{\"openapi\": \"" + specUrl + "\", \"credentials\": "
                    + "{\"type\": \"kerberos\", \"password\": \"SECRET-BAD-3\"}}");
        } finally {
            root.detachAppender(captured);
            root.setLevel(previous);
        }
        assertFalse(captured.list.isEmpty(), "the scenario should have logged something");
        for (ILoggingEvent event : captured.list) {
            String text = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertFalse(text.contains("SECRET-"), "a secret reached the log: " + text);
        }
    }
}
