package dev.mcpgateway.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.GatewayFixture.Response;
import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.catalog.ToolCall;
import dev.mcpgateway.samples.shop.SampleShopServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SampleShopServer shop;
    private static GatewayFixture gateway;
    private static final List<String> changes = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start(@TempDir Path dataDir) {
        shop = startShop();
        gateway = GatewayFixture.start(dataDir, Map.of());
        gateway.catalog().onToolsChanged(changes::add);
    }

    private static SampleShopServer startShop() {
        try {
            return SampleShopServer.start(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        gateway.close();
        shop.close();
    }

    @BeforeEach
    void clean() throws Exception {
        for (String server : List.of("shop", "compact-shop", "picked")) {
            gateway.admin("DELETE", "/admin/mcp-servers/" + server, null);
        }
        gateway.admin("DELETE", "/admin/apis/shop", null);
        changes.clear();
    }

    static String shopApi(Map<String, Object> extra) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("openapi", "classpath:" + SampleShopServer.SPEC_RESOURCE);
        body.put("serviceUrl", shop.baseUrl().toString());
        extra.forEach((k, v) -> body.set(k, JSON.valueToTree(v)));
        return JSON.writeValueAsString(body);
    }

    private static void assertProblem(Response response, int status, String field) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.isProblem(), response.contentType());
        assertEquals(status, response.json().get("status").asInt());
        if (field != null) {
            assertEquals(field, response.json().path("field").asText(), response.body());
        }
    }

    @Nested
    class Authentication {

        @Test
        void withoutAKeyTheAnswerIs401Problem() throws Exception {
            Response response = gateway.send("GET", "/admin/apis", null, Map.of());
            assertProblem(response, 401, null);
        }

        @Test
        void aWrongKeyIs401() throws Exception {
            assertProblem(gateway.send("GET", "/admin/apis", null, Map.of("Authorization", "Bearer nope")), 401, null);
        }

        @Test
        void theKeyIsAcceptedAsBearerOrApiKeyHeader() throws Exception {
            assertEquals(200, gateway.send("GET", "/admin/apis", null,
                    Map.of("Authorization", "Bearer " + GatewayFixture.ADMIN_KEY)).status());
            assertEquals(200, gateway.send("GET", "/admin/apis", null,
                    Map.of("api-key", GatewayFixture.ADMIN_KEY)).status());
        }
    }

    @Nested
    class Apis {

        @Test
        void putCreatesThenReplacesAndGetListsAndDeleteRemoves() throws Exception {
            Response created = gateway.admin("PUT", "/admin/apis/shop", shopApi(Map.of()));
            assertEquals(201, created.status(), created.body());
            assertEquals("Sample Shop", created.json().get("title").asText());
            assertEquals(5, created.json().get("operationCount").asInt());

            assertEquals(200, gateway.admin("PUT", "/admin/apis/shop", shopApi(Map.of())).status());
            assertEquals("shop", gateway.admin("GET", "/admin/apis/shop", null).json().get("id").asText());
            assertEquals(1, gateway.admin("GET", "/admin/apis", null).json().get("value").size());

            assertEquals(204, gateway.admin("DELETE", "/admin/apis/shop", null).status());
            assertProblem(gateway.admin("GET", "/admin/apis/shop", null), 404, null);
        }

        @Test
        void operationsListEveryToolAndTheSkippedWithReasons() throws Exception {
            gateway.admin("PUT", "/admin/apis/shop", shopApi(Map.of()));
            Response operations = gateway.admin("GET", "/admin/apis/shop/operations", null);
            assertEquals(200, operations.status());
            assertEquals("searchProducts", operations.json().get("value").get(0).get("operationId").asText());
            assertTrue(operations.json().get("skipped").isArray());
        }

        @Test
        void skippedOperationsComeWithTheirReason() throws Exception {
            String spec = """
                    {"openapi": "3.1.0", "info": {"title": "Hooks", "version": "1"},
                     "paths": {"/ping": {"get": {"operationId": "ping", "responses": {"200": {"description": "ok"}}}}},
                     "webhooks": {"orderPlaced": {"post": {"operationId": "orderPlaced",
                       "responses": {"200": {"description": "ok"}}}}}}
                    """;
            Response created = gateway.admin("PUT", "/admin/apis/shop", JSON.writeValueAsString(
                    Map.of("openapi", JSON.readTree(spec), "serviceUrl", shop.baseUrl().toString())));
            assertEquals(201, created.status(), created.body());
            assertEquals(1, created.json().get("skippedCount").asInt());
            var operations = gateway.admin("GET", "/admin/apis/shop/operations", null).json();
            assertEquals("ping", operations.get("value").get(0).get("operationId").asText());
            assertEquals("orderPlaced", operations.get("skipped").get(0).get("operation").asText());
            assertTrue(operations.get("skipped").get(0).get("reason").asText().contains("webhook"));
        }

        @Test
        void anInlineDocumentIsAccepted() throws Exception {
            String spec = new String(getClass().getClassLoader().getResourceAsStream(SampleShopServer.SPEC_RESOURCE)
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Response created = gateway.admin("PUT", "/admin/apis/shop",
                    JSON.writeValueAsString(Map.of("openapi", spec, "serviceUrl", shop.baseUrl().toString())));
            assertEquals(201, created.status(), created.body());
        }

        @Test
        void secretsNeverComeBack() throws Exception {
            Response created = gateway.admin("PUT", "/admin/apis/shop", shopApi(Map.of("credentials",
                    Map.of("type", "bearer", "token", "tok-VERY-SECRET"))));
            assertEquals(201, created.status(), created.body());
            assertFalse(created.body().contains("VERY-SECRET"));
            assertEquals("bearer", created.json().get("credentials").get("type").asText());
            assertFalse(gateway.admin("GET", "/admin/apis/shop", null).body().contains("VERY-SECRET"));
            assertFalse(gateway.admin("GET", "/admin/apis", null).body().contains("VERY-SECRET"));
        }

        @Test
        void malformedJsonIsAProblemAboutTheBody() throws Exception {
            assertProblem(gateway.admin("PUT", "/admin/apis/shop", "{\"openapi\": "), 422, "body");
        }

        @Test
        void anUnknownFieldIsNamed() throws Exception {
            assertProblem(gateway.admin("PUT", "/admin/apis/shop", shopApi(Map.of("serviceURL", "x"))), 422,
                    "serviceURL");
        }

        @Test
        void aMissingSpecIsNamed() throws Exception {
            assertProblem(gateway.admin("PUT", "/admin/apis/shop", "{}"), 422, "openapi");
        }

        @Test
        void aSpecThatDoesNotParseIsNamed() throws Exception {
            assertProblem(gateway.admin("PUT", "/admin/apis/shop", "{\"openapi\": {\"hello\": \"world\"}}"), 422,
                    "openapi");
        }

        @Test
        void aBadCredentialKeyIsNamed() throws Exception {
            assertProblem(gateway.admin("PUT", "/admin/apis/shop", shopApi(Map.of("credentials",
                    Map.of("type", "apiKey", "in", "body", "name", "k", "value", "v")))), 422, "credentials.in");
        }

        @Test
        void aBadIdentifierIsNamed() throws Exception {
            assertProblem(gateway.admin("PUT", "/admin/apis/bad%20id", shopApi(Map.of())), 422, "apiId");
        }

        @Test
        void anApiInUseCannotBeDeleted() throws Exception {
            gateway.admin("PUT", "/admin/apis/shop", shopApi(Map.of()));
            gateway.admin("PUT", "/admin/mcp-servers/shop", "{\"apiId\": \"shop\"}");
            assertProblem(gateway.admin("DELETE", "/admin/apis/shop", null), 409, null);
        }
    }

    @Nested
    class McpServers {

        @BeforeEach
        void api() throws Exception {
            assertEquals(201, gateway.admin("PUT", "/admin/apis/shop", shopApi(Map.of())).status());
        }

        @Test
        void aNewServerIsServedAtOnceAndListenersAreTold() throws Exception {
            Response created = gateway.admin("PUT", "/admin/mcp-servers/shop", "{\"apiId\": \"shop\"}");
            assertEquals(201, created.status(), created.body());
            assertEquals(5, created.json().get("toolCount").asInt());
            assertEquals("/mcp/shop", created.json().get("path").asText());
            assertEquals(List.of("shop"), changes);
            assertEquals(5, gateway.catalog().find("shop").orElseThrow().tools().size());
        }

        @Test
        void selectionAndOverridesShapeTheToolList() throws Exception {
            Response created = gateway.admin("PUT", "/admin/mcp-servers/picked", """
                    {"apiId": "shop", "operations": ["getProduct", "searchProducts"],
                     "tools": {"searchProducts": {"name": "find_products", "description": "Find things to buy"}}}
                    """);
            assertEquals(201, created.status(), created.body());
            List<McpSchema.Tool> tools = gateway.catalog().find("picked").orElseThrow().tools();
            assertEquals(List.of("getProduct", "find_products"), tools.stream().map(McpSchema.Tool::name).toList());
            assertEquals("Find things to buy", tools.get(1).description());
        }

        @Test
        void replacingTheApiTellsItsServers() throws Exception {
            gateway.admin("PUT", "/admin/mcp-servers/shop", "{\"apiId\": \"shop\"}");
            changes.clear();
            assertEquals(200, gateway.admin("PUT", "/admin/apis/shop", shopApi(Map.of())).status());
            assertEquals(List.of("shop"), changes);
        }

        @Test
        void deletingAServerStopsServingItAndTellsListeners() throws Exception {
            gateway.admin("PUT", "/admin/mcp-servers/shop", "{\"apiId\": \"shop\"}");
            changes.clear();
            assertEquals(204, gateway.admin("DELETE", "/admin/mcp-servers/shop", null).status());
            assertTrue(gateway.catalog().find("shop").isEmpty());
            assertEquals(List.of("shop"), changes);
            assertProblem(gateway.admin("GET", "/admin/mcp-servers/shop", null), 404, null);
        }

        @Test
        void anUnknownOperationIsNamedByPosition() throws Exception {
            assertProblem(gateway.admin("PUT", "/admin/mcp-servers/shop",
                    "{\"apiId\": \"shop\", \"operations\": [\"getProduct\", \"nope\"]}"), 422, "operations[1]");
        }

        @Test
        void anUnknownApiIsNamed() throws Exception {
            assertProblem(gateway.admin("PUT", "/admin/mcp-servers/shop", "{\"apiId\": \"other\"}"), 422, "apiId");
        }

        @Test
        void twoToolsWithOneNameAreRefused() throws Exception {
            assertProblem(gateway.admin("PUT", "/admin/mcp-servers/shop",
                    "{\"apiId\": \"shop\", \"tools\": {\"getCart\": {\"name\": \"getProduct\"}}}"), 422,
                    "tools.getCart.name");
        }

        @Test
        void aBadModeIsNamed() throws Exception {
            assertProblem(gateway.admin("PUT", "/admin/mcp-servers/shop",
                    "{\"apiId\": \"shop\", \"mode\": \"huge\"}"), 422, "mode");
        }

        @Test
        void listShowsEveryServer() throws Exception {
            gateway.admin("PUT", "/admin/mcp-servers/shop", "{\"apiId\": \"shop\"}");
            gateway.admin("PUT", "/admin/mcp-servers/compact-shop", "{\"apiId\": \"shop\", \"mode\": \"compact\"}");
            Response list = gateway.admin("GET", "/admin/mcp-servers", null);
            assertEquals(2, list.json().get("value").size());
            assertEquals("compact", list.json().get("value").get(0).get("mode").asText());
            assertEquals(3, list.json().get("value").get(0).get("toolCount").asInt());
        }

        @Test
        void compactModeSearchesDescribesAndInvokes() throws Exception {
            gateway.admin("PUT", "/admin/mcp-servers/compact-shop", "{\"apiId\": \"shop\", \"mode\": \"compact\"}");
            var server = gateway.catalog().find("compact-shop").orElseThrow();
            assertEquals(List.of("search_operations", "describe_operation", "invoke_operation"),
                    server.tools().stream().map(McpSchema.Tool::name).toList());

            McpSchema.CallToolResult found = server.call(new ToolCall("search_operations",
                    Map.of("query", "cart create"), CallContext.NONE));
            String first = JSON.valueToTree(found.structuredContent()).get("operations").get(0).get("operation")
                    .asText();
            assertEquals("createCart", first);

            McpSchema.CallToolResult described = server.call(new ToolCall("describe_operation",
                    Map.of("operation", "getProduct"), CallContext.NONE));
            assertTrue(JSON.valueToTree(described.structuredContent()).get("inputSchema").toString()
                    .contains("productId"));

            McpSchema.CallToolResult invoked = server.call(new ToolCall("invoke_operation",
                    Map.of("operation", "getProduct", "arguments", Map.of("productId", "p-102")), CallContext.NONE));
            assertFalse(Boolean.TRUE.equals(invoked.isError()));
            assertTrue(JSON.valueToTree(invoked).toString().contains("Tea pot"));

            McpSchema.CallToolResult unknown = server.call(new ToolCall("invoke_operation",
                    Map.of("operation", "nope"), CallContext.NONE));
            assertTrue(unknown.isError());
        }
    }

    @Test
    void anUnknownAdminRouteIsAProblemToo() throws Exception {
        assertProblem(gateway.admin("GET", "/admin/no-such-resource", null), 404, null);
        assertProblem(gateway.send("GET", "/admin/no-such-resource", null, Map.of()), 401, null);
    }

    @Test
    void changesAreWrittenToTheDataDirectory(@TempDir Path ignored) throws Exception {
        gateway.admin("PUT", "/admin/apis/shop", shopApi(Map.of()));
        Path dataDir = Path.of(gateway.bean(dev.mcpgateway.gateway.startup.GatewaySettings.class).dataDir()
                .toString());
        assertTrue(Files.exists(dataDir.resolve("apis/shop.json")));
    }
}
