package dev.mcpgateway.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.samples.shop.SampleShopServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceAndGitOpsTest {

    private static SampleShopServer shop;

    @BeforeAll
    static void start() throws Exception {
        shop = SampleShopServer.start(0);
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    private static String api() {
        return "{\"openapi\": \"classpath:specs/shop.yaml\", \"serviceUrl\": \"" + shop.baseUrl() + "\","
                + " \"credentials\": {\"type\": \"apiKey\", \"name\": \"X-Key\", \"value\": \"${SHOP_KEY_UNUSED}\"}}";
    }

    @Test
    void adminChangesSurviveARestart(@TempDir Path dataDir) throws Exception {
        try (GatewayFixture first = GatewayFixture.start(dataDir, Map.of())) {
            // the environment variable is resolved at compile time; use a literal key instead of an unset reference
            assertEquals(201, first.admin("PUT", "/admin/apis/shop", api().replace("${SHOP_KEY_UNUSED}", "k1"))
                    .status());
            assertEquals(201, first.admin("PUT", "/admin/mcp-servers/shop",
                    "{\"apiId\": \"shop\", \"operations\": [\"getProduct\"], "
                            + "\"tools\": {\"getProduct\": {\"name\": \"product\"}}}").status());
        }
        try (GatewayFixture second = GatewayFixture.start(dataDir, Map.of())) {
            assertEquals("Sample Shop", second.admin("GET", "/admin/apis/shop", null).json().get("title").asText());
            List<McpSchema.Tool> tools = second.catalog().find("shop").orElseThrow().tools();
            assertEquals(List.of("product"), tools.stream().map(McpSchema.Tool::name).toList());
            assertEquals(204, second.admin("DELETE", "/admin/mcp-servers/shop", null).status());
        }
        try (GatewayFixture third = GatewayFixture.start(dataDir, Map.of())) {
            assertTrue(third.catalog().find("shop").isEmpty());
            assertEquals(200, third.admin("GET", "/admin/apis/shop", null).status());
        }
    }

    @Test
    void storedFilesAreOwnerOnlyAndKeepReferencesNotResolvedSecrets(@TempDir Path dataDir) throws Exception {
        try (GatewayFixture gateway = GatewayFixture.start(dataDir, Map.of())) {
            String body = "{\"openapi\": \"classpath:specs/shop.yaml\", \"serviceUrl\": \"" + shop.baseUrl() + "\","
                    + " \"credentials\": {\"type\": \"bearer\", \"token\": \"${PATH}\"}}";
            assertEquals(201, gateway.admin("PUT", "/admin/apis/shop", body).status());
        }
        Path file = dataDir.resolve("apis/shop.json");
        String stored = Files.readString(file);
        assertTrue(stored.contains("${PATH}"), stored);
        assertFalse(stored.contains(System.getenv("PATH")));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
    }

    @Test
    void gatewayYmlDeclaresApisAndServersThatAdminCannotChange(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("gateway.yml");
        Files.writeString(yml, """
                apis:
                  shop:
                    openapi: classpath:specs/shop.yaml
                    serviceUrl: ${SAMPLES_URL}
                mcpServers:
                  shop:
                    apiId: shop
                    mode: compact
                """);
        try (GatewayFixture gateway = GatewayFixture.start(dir.resolve("data"),
                Map.of("gateway.config-file", yml.toString(), "gateway.samples", "true"))) {
            GatewayFixture.Response api = gateway.admin("GET", "/admin/apis/shop", null);
            assertEquals("gateway.yml", api.json().get("source").asText());
            assertEquals(3, gateway.catalog().find("shop").orElseThrow().tools().size());
            assertEquals(409, gateway.admin("DELETE", "/admin/mcp-servers/shop", null).status());
            assertEquals(409, gateway.admin("PUT", "/admin/apis/shop", "{\"openapi\": \"classpath:specs/shop.yaml\"}")
                    .status());
        }
    }

    @Test
    void aRelativeSpecPathInGatewayYmlIsRelativeToTheFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("specs"));
        try (var in = getClass().getClassLoader().getResourceAsStream(SampleShopServer.SPEC_RESOURCE)) {
            Files.copy(in, dir.resolve("specs/shop.yaml"));
        }
        Path yml = dir.resolve("gateway.yml");
        Files.writeString(yml, "apis:\n  shop:\n    openapi: specs/shop.yaml\n    serviceUrl: " + shop.baseUrl()
                + "\nmcpServers:\n  shop:\n    apiId: shop\n");
        try (GatewayFixture gateway = GatewayFixture.start(dir.resolve("data"),
                Map.of("gateway.config-file", yml.toString()))) {
            assertEquals(5, gateway.catalog().find("shop").orElseThrow().tools().size());
        }
    }

    @Test
    void aBadGatewayYmlStopsStartUpNamingTheKey(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("gateway.yml");
        Files.writeString(yml, """
                apis:
                  shop:
                    openapi: classpath:specs/shop.yaml
                    serviceUrl: http://127.0.0.1:9
                mcpServers:
                  shop:
                    apiId: shop
                    operations: [getProduct, noSuchOperation]
                """);
        RuntimeException failure = assertThrows(RuntimeException.class, () -> GatewayFixture.start(
                dir.resolve("data"), Map.of("gateway.config-file", yml.toString())));
        Throwable cause = failure;
        StringBuilder messages = new StringBuilder();
        while (cause != null) {
            messages.append(cause.getMessage()).append('\n');
            cause = cause.getCause();
        }
        assertTrue(messages.toString().contains("mcpServers.shop.operations[1]"), messages.toString());
    }
}
