package dev.mcpgateway.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.SdkClientScript;
import dev.mcpgateway.samples.shop.SampleShopServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official MCP TypeScript SDK client (npm @modelcontextprotocol/sdk) against the real gateway serving the sample
 * shop: connect, list, call with every parameter kind, error cases, and tools/list_changed after an admin change.
 */
class TypeScriptSdkClientTest {

    private static SampleShopServer shop;
    private static GatewayFixture gateway;

    @BeforeAll
    static void start(@TempDir Path dataDir) throws Exception {
        shop = SampleShopServer.start(0);
        gateway = GatewayFixture.start(dataDir, Map.of());
        assertEquals(201, gateway.admin("PUT", "/admin/apis/shop", "{\"openapi\": \"classpath:specs/shop.yaml\", "
                + "\"serviceUrl\": \"" + shop.baseUrl() + "\"}").status());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        shop.close();
    }

    @BeforeEach
    void fullServer() throws Exception {
        int status = gateway.admin("PUT", "/admin/mcp-servers/shop", "{\"apiId\": \"shop\"}").status();
        assertTrue(status == 200 || status == 201);
    }

    @Test
    void overStreamableHttpTheOfficialClientListsCallsAndHearsListChanged() throws Exception {
        assertTheWholeSession("streamable");
    }

    @Test
    void overLegacySseTheOfficialClientListsCallsAndHearsListChanged() throws Exception {
        assertTheWholeSession("sse");
    }

    private void assertTheWholeSession(String transport) throws Exception {
        JsonNode out = runClient(transport);

        assertEquals("shop", out.get("serverName").asText());
        assertEquals(List.of("searchProducts", "getProduct", "createCart", "getCart", "sendFeedback"),
                names(out.get("tools")));

        // query array (explode), deepObject query, header
        JsonNode search = out.get("search").get("structured");
        assertFalse(out.get("search").get("isError").asBoolean());
        assertEquals(1, search.get("items").size(), search.toString());
        assertEquals("Bouilloire", search.get("items").get(0).get("name").asText());
        assertEquals(4000, search.get("appliedFilter").get("maxPrice").asInt());
        // JSON body
        assertEquals(1800, out.get("createCart").get("structured").get("totalCents").asInt());
        // path + cookie
        assertEquals("s-42", out.get("getCart").get("structured").get("session").asText());
        // form body
        assertEquals("café great", out.get("sendFeedback").get("structured").get("comment").asText());
        // upstream 404 is an isError result; bad arguments name the argument; unknown tool is a protocol error
        assertTrue(out.get("missingProduct").get("isError").asBoolean());
        assertTrue(out.get("invalidArguments").get("isError").asBoolean());
        assertTrue(out.get("invalidArguments").get("text").asText().contains("productId"));
        assertTrue(out.get("unknownTool").get("thrown").asBoolean());
        assertEquals(-32602, out.get("unknownTool").get("code").asInt());
        // the admin change reached the connected client
        assertEquals(200, out.get("adminStatus").asInt());
        assertTrue(out.get("listChanged").asBoolean(), "tools/list_changed was not received");
        assertEquals(List.of("getProduct"), names(out.get("toolsAfter")));
    }

    private static JsonNode runClient(String transport) throws Exception {
        return SdkClientScript.run("/node/shop-client.mjs",
                List.of("http://127.0.0.1:" + gateway.uri("/").getPort(), transport, GatewayFixture.ADMIN_KEY));
    }

    private static List<String> names(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
