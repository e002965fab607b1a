package dev.mcpgateway.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.catalog.CompiledApi;
import dev.mcpgateway.gateway.catalog.CompiledOperation;
import dev.mcpgateway.gateway.catalog.OpenApiCompiler;
import dev.mcpgateway.gateway.config.ApiDefinition;
import dev.mcpgateway.openapi.OpenApiImporter;
import dev.mcpgateway.testsupport.EchoHttpServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ToolExecutorTest {

    static final String SPEC = """
            openapi: 3.0.3
            info: {title: Items, version: '1'}
            servers: [{url: 'http://127.0.0.1:1'}]
            components:
              securitySchemes:
                key: {type: apiKey, in: header, name: X-API-Key}
            security: [{key: []}]
            paths:
              /items/{id}:
                get:
                  operationId: getItem
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: integer, minimum: 1}}
                  responses: {'200': {description: ok}}
            """;

    private static EchoHttpServer echo;
    private static ToolExecutor executor;

    @BeforeAll
    static void start() {
        echo = EchoHttpServer.start();
        executor = new ToolExecutor(Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        echo.close();
        executor.close();
    }

    private static CompiledApi compile(URI backend, Map<String, Object> credentials, long timeoutMillis)
            throws Exception {
        return new OpenApiCompiler(new OpenApiImporter(), Map.of("ITEMS_KEY", "k-123")::get)
                .compile(new ApiDefinition("items", SPEC, Optional.of(backend.toString()), credentials,
                        Optional.of(timeoutMillis)));
    }

    private static McpSchema.CallToolResult call(CompiledApi api, Map<String, Object> arguments) {
        CompiledOperation operation = api.operation("getItem").orElseThrow();
        return executor.execute(operation.codec(), api.backend(), arguments, CallContext.NONE);
    }

    private static String text(McpSchema.CallToolResult result) {
        return result.content().stream().filter(c -> c instanceof McpSchema.TextContent)
                .map(c -> ((McpSchema.TextContent) c).text()).collect(Collectors.joining("\n"));
    }

    @Nested
    class WhenTheBackendAnswers {

        @Test
        void theCallReachesTheBackendWithTheConfiguredKeyAndNothingOfTheCaller() throws Exception {
            CompiledApi api = compile(echo.baseUri(), Map.of("type", "apiKey", "in", "header", "name", "X-API-Key",
                    "value", "${ITEMS_KEY}"), 2000);
            McpSchema.CallToolResult result = call(api, Map.of("id", 7));

            assertFalse(Boolean.TRUE.equals(result.isError()), text(result));
            EchoHttpServer.Received received = echo.last();
            assertEquals("/items/7", received.rawPath());
            assertEquals(java.util.List.of("k-123"), received.header("X-API-Key"));
            assertTrue(received.header("Authorization").isEmpty(), "no Authorization may reach the backend");
            assertTrue(received.header("Cookie").isEmpty());
        }

        @Test
        void invalidArgumentsAreAnErrorResultNamingTheArgumentAndNoRequestIsSent() throws Exception {
            CompiledApi api = compile(echo.baseUri(), Map.of(), 2000);
            int before = echo.received().size();
            McpSchema.CallToolResult result = call(api, Map.of("id", "not-a-number"));

            assertTrue(result.isError());
            assertTrue(text(result).contains("id"), text(result));
            assertEquals(before, echo.received().size());
        }

        @Test
        void aServerErrorIsAnErrorResultNotAnException() throws Exception {
            echo.respond("/items/500", 500, Map.of("Content-Type", "text/plain"),
                    "database on fire".getBytes(StandardCharsets.UTF_8));
            McpSchema.CallToolResult result = call(compile(echo.baseUri(), Map.of(), 2000), Map.of("id", 500));
            assertTrue(result.isError());
        }

        @Test
        void aResponseBeyondTheCapIsCutAndStillMapped() throws Exception {
            byte[] big = "x".repeat(3 * 1024 * 1024).getBytes(StandardCharsets.UTF_8);
            echo.respond("/items/9", 200, Map.of("Content-Type", "text/plain"), big);
            McpSchema.CallToolResult result = call(compile(echo.baseUri(), Map.of(), 5000), Map.of("id", 9));
            assertTrue(text(result).length() < big.length, "the body must have been capped");
        }

        @Test
        void invalidJsonFromTheBackendStillGivesAResult() throws Exception {
            echo.respond("/items/3", 200, Map.of("Content-Type", "application/json"),
                    "{\"unterminated".getBytes(StandardCharsets.UTF_8));
            McpSchema.CallToolResult result = call(compile(echo.baseUri(), Map.of(), 2000), Map.of("id", 3));
            assertFalse(result.content().isEmpty());
        }
    }

    @Nested
    class WhenTheBackendMisbehaves {

        @Test
        void aHangingBackendTimesOutAsAnErrorResult() throws Exception {
            try (MisbehavingBackend hanging = new MisbehavingBackend(MisbehavingBackend.Mode.HANG)) {
                McpSchema.CallToolResult result = call(compile(hanging.baseUri(), Map.of(), 300), Map.of("id", 1));
                assertTrue(result.isError());
                assertTrue(text(result).contains("did not answer within 300 ms"), text(result));
            }
        }

        @Test
        void garbageInsteadOfHttpIsAnErrorResult() throws Exception {
            try (MisbehavingBackend garbage = new MisbehavingBackend(MisbehavingBackend.Mode.GARBAGE)) {
                McpSchema.CallToolResult result = call(compile(garbage.baseUri(), Map.of(), 2000), Map.of("id", 1));
                assertTrue(result.isError());
            }
        }

        @Test
        void aRefusedConnectionIsAnErrorResult() throws Exception {
            McpSchema.CallToolResult result = call(compile(URI.create("http://127.0.0.1:1"), Map.of(), 2000),
                    Map.of("id", 1));
            assertTrue(result.isError());
            assertTrue(text(result).contains("could not be reached"), text(result));
        }

        @Test
        void theExecutorKeepsServingAfterFailures() throws Exception {
            try (MisbehavingBackend hanging = new MisbehavingBackend(MisbehavingBackend.Mode.HANG)) {
                call(compile(hanging.baseUri(), Map.of(), 200), Map.of("id", 1));
            }
            McpSchema.CallToolResult ok = call(compile(echo.baseUri(), Map.of(), 2000), Map.of("id", 11));
            assertFalse(Boolean.TRUE.equals(ok.isError()), text(ok));
        }

        @Test
        void anUnreachableTokenEndpointIsAnErrorResultWithoutSecrets() throws Exception {
            CompiledApi api = compile(echo.baseUri(), Map.of("type", "oauth2ClientCredentials",
                    "tokenUrl", "http://127.0.0.1:1/token", "clientId", "gw", "clientSecret", "very-secret",
                    "timeoutMillis", "500"), 2000);
            McpSchema.CallToolResult result = call(api, Map.of("id", 1));
            assertTrue(result.isError());
            assertFalse(text(result).contains("very-secret"));
        }
    }
}
