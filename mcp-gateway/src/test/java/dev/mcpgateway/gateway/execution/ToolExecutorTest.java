package dev.mcpgateway.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.auth.client.ssrf.AddressPolicy;
import dev.mcpgateway.auth.client.ssrf.GuardedGet;
import dev.mcpgateway.auth.client.ssrf.HostResolver;
import dev.mcpgateway.auth.client.ssrf.PinnedFetch;
import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.catalog.CompiledApi;
import dev.mcpgateway.gateway.catalog.CompiledOperation;
import dev.mcpgateway.gateway.catalog.OpenApiCompiler;
import dev.mcpgateway.gateway.catalog.SpecSources;
import dev.mcpgateway.gateway.config.ApiDefinition;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.openapi.LocalFiles;
import dev.mcpgateway.testsupport.EchoHttpServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
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

    /** The specs here are inline: no URL may be fetched and no file read. */
    private static final SpecSources INLINE_SPECS = new SpecSources(new GuardedGet(HostResolver.SYSTEM,
            AddressPolicy.publicOnly(), java.util.Set.of("https"), new PinnedFetch(PinnedFetch.jvmTls(),
            Duration.ofSeconds(1), Duration.ofSeconds(1), 1), 0), LocalFiles.NONE);

    private static CompiledApi compile(URI backend, Map<String, Object> credentials, long timeoutMillis)
            throws Exception {
        return new OpenApiCompiler(INLINE_SPECS, Map.of("ITEMS_KEY", "k-123")::get)
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

    @Test
    void anUnsetVariableInTheServiceUrlNamesTheFieldAndTheVariable() {
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, () -> new OpenApiCompiler(
                INLINE_SPECS, Map.<String, String>of()::get).compile(new ApiDefinition("items", SPEC,
                Optional.of("http://${ITEMS_HOST}/v3"), Map.of(), Optional.of(2000L))));
        assertEquals("serviceUrl", e.field());
        assertEquals("environment variable ITEMS_HOST is not set", e.getMessage());
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
        void serverVariablesChooseTheBackendWhenNoServiceUrlIsGiven() throws Exception {
            String spec = SPEC.replace("servers: [{url: 'http://127.0.0.1:1'}]",
                    "servers: [{url: 'http://127.0.0.1:{port}/{base}', variables: {port: {default: '1'}, "
                            + "base: {default: v1}}}]");
            CompiledApi api = new OpenApiCompiler(INLINE_SPECS, Map.of("ITEMS_PORT",
                    String.valueOf(echo.baseUri().getPort()))::get)
                    .compile(new ApiDefinition("items", spec, Optional.empty(), Map.of(), Optional.of(2000L),
                            Map.of("port", "${ITEMS_PORT}", "base", "v2")));
            McpSchema.CallToolResult result = call(api, Map.of("id", 4));
            assertFalse(Boolean.TRUE.equals(result.isError()), text(result));
            assertEquals("/v2/items/4", echo.last().rawPath());
        }

        @Test
        void referencesInsideTheServiceUrlAreResolved() throws Exception {
            CompiledApi api = new OpenApiCompiler(INLINE_SPECS, Map.of("ITEMS_PORT",
                    String.valueOf(echo.baseUri().getPort()))::get)
                    .compile(new ApiDefinition("items", SPEC, Optional.of("http://127.0.0.1:${ITEMS_PORT}/v3"),
                            Map.of(), Optional.of(2000L)));
            McpSchema.CallToolResult result = call(api, Map.of("id", 5));
            assertFalse(Boolean.TRUE.equals(result.isError()), text(result));
            assertEquals("/v3/items/5", echo.last().rawPath());
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
        void thePerApiCapBoundsWhatIsRead() throws Exception {
            byte[] big = "y".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
            echo.respond("/items/10", 200, Map.of("Content-Type", "text/plain"), big);
            CompiledApi api = new OpenApiCompiler(INLINE_SPECS, Map.<String, String>of()::get)
                    .compile(new ApiDefinition("items", SPEC, Optional.of(echo.baseUri().toString()), Map.of(),
                            Optional.of(2000L), Map.of(), Optional.of(1000)));
            assertEquals(1000, api.backend().maxResponseBytes());
            McpSchema.CallToolResult result = call(api, Map.of("id", 10));
            assertTrue(text(result).length() < 4000, "at most the cap plus a note: " + text(result).length());
        }

        @Test
        void aRejectedClientCredentialsTokenIsRenewedAndTheCallRetriedOnce() throws Exception {
            java.util.concurrent.atomic.AtomicInteger issued = new java.util.concurrent.atomic.AtomicInteger();
            java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/token", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] body = ("{\"access_token\":\"token-" + issued.incrementAndGet()
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/items", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                seen.add(authorization);
                // the backend only accepts the second token, as after a key rotation
                int status = "Bearer token-2".equals(authorization) ? 200 : 401;
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            try {
                URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
                CompiledApi api = compile(base, Map.of("type", "oauth2ClientCredentials",
                        "tokenUrl", base + "/token", "clientId", "gw", "clientSecret", "s"), 2000);
                McpSchema.CallToolResult result = call(api, Map.of("id", 1));
                assertFalse(Boolean.TRUE.equals(result.isError()), text(result));
                assertEquals(java.util.List.of("Bearer token-1", "Bearer token-2"), seen);
                assertEquals(2, issued.get());
            } finally {
                server.stop(0);
            }
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
    class TheStatusOfTheResult {

        private static ToolAnswer answer(CompiledApi api, Map<String, Object> arguments) {
            return executor.call(api.operation("getItem").orElseThrow().codec(), api.backend(), arguments,
                    CallContext.NONE, RequestChanges.NONE);
        }

        @Test
        void isTheBackendsOwnWhenItAnswered() throws Exception {
            echo.respond("/items/429", 429, Map.of("Content-Type", "application/json"),
                    "{\"error\": \"slow down\"}".getBytes(StandardCharsets.UTF_8));

            ToolAnswer throttled = answer(compile(echo.baseUri(), Map.of(), 2000), Map.of("id", 429));

            assertEquals(429, throttled.status());
            assertTrue(throttled.result().isError());
        }

        @Test
        void isTheGatewaysReadingOfACallWithoutAnswer() throws Exception {
            assertEquals(400, answer(compile(echo.baseUri(), Map.of(), 2000), Map.of("id", "seven")).status());
            assertEquals(502, answer(compile(URI.create("http://127.0.0.1:1"), Map.of(), 2000), Map.of("id", 1))
                    .status());
            try (MisbehavingBackend hanging = new MisbehavingBackend(MisbehavingBackend.Mode.HANG)) {
                assertEquals(504, answer(compile(hanging.baseUri(), Map.of(), 300), Map.of("id", 1)).status());
            }
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
        void aLongCallReportsProgressAndStopsWhenTheClientCancels() throws Exception {
            java.util.List<Double> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
            CallContext context = new CallContext() {
                @Override
                public boolean isCancelled() {
                    return cancelled.get();
                }

                @Override
                public void progress(double value, Double total, String message) {
                    progress.add(value);
                    cancelled.set(true); // the client gives up after the first progress report
                }

                @Override
                public Optional<Caller> caller() {
                    return Optional.empty();
                }
            };
            try (MisbehavingBackend hanging = new MisbehavingBackend(MisbehavingBackend.Mode.HANG)) {
                CompiledApi api = compile(hanging.baseUri(), Map.of(), 60_000);
                McpSchema.CallToolResult result = executor.execute(api.operation("getItem").orElseThrow().codec(),
                        api.backend(), Map.of("id", 1), context);
                assertTrue(result.isError());
                assertTrue(text(result).contains("cancelled"), text(result));
                assertEquals(1, progress.size());
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

    /**
     * Code elsewhere in the process holds every {@code ForkJoinPool.commonPool()} worker (as a test waiting for a Node
     * client in {@code CompletableFuture.supplyAsync} did). Waiting on {@code HttpClient.sendAsync}'s future, whose
     * completion the JDK routes through that pool, a call then ran into its deadline although the backend had long
     * answered.
     */
    @Nested
    class WhenEveryCommonPoolWorkerIsBlocked {

        @Test
        void theBackendsAnswerStillReachesTheCall() throws Exception {
            int workers = ForkJoinPool.getCommonPoolParallelism();
            CountDownLatch blocked = new CountDownLatch(workers);
            CountDownLatch release = new CountDownLatch(1);
            for (int i = 0; i < workers; i++) {
                CompletableFuture.runAsync(() -> {
                    blocked.countDown();
                    try {
                        release.await(); // a plain wait: the pool starts no spare worker for it
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            try {
                assertTrue(blocked.await(10, TimeUnit.SECONDS), "the common pool's workers were not all taken");
                McpSchema.CallToolResult result = call(compile(echo.baseUri(), Map.of(), 5_000), Map.of("id", 12));

                assertFalse(Boolean.TRUE.equals(result.isError()), text(result));
                assertEquals("/items/12", echo.last().rawPath());
            } finally {
                release.countDown();
            }
        }
    }
}
