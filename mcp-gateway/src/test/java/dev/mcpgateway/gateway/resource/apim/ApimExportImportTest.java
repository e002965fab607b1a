package dev.mcpgateway.gateway.resource.apim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.GatewayFixture.Response;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Azure API Management service exported as an ARM template comes along: through {@code POST /admin/import} and as
 * gateway.yml's {@code import:}, with a report line for every resource that says what was taken, kept or left out.
 */
class ApimExportImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode fixture(String name) throws Exception {
        try (InputStream in = ApimExportImportTest.class.getResourceAsStream("/arm/" + name)) {
            return JSON.readTree(in);
        }
    }

    private static ObjectNode withBothKeys() throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.set("template", fixture("ai-gateway.template.json"));
        body.putObject("parameters").put("apimServiceName", "apim-ai-gateway").put("openAiEastKey", "east-key-0f3c9a")
                .put("openAiWestKey", "west-key-77d1e2");
        return body;
    }

    private static JsonNode line(JsonNode report, String name) {
        return StreamSupport.stream(report.path("report").spliterator(), false)
                .filter(l -> l.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no report line for " + name + ": " + report));
    }

    @Nested
    class ThroughTheAdminApi {

        @Test
        void takesTheServiceAndReportsWhatItLeftOut() throws Exception {
            try (GatewayFixture gateway = GatewayFixture.start(dir, Map.of())) {
                Response imported = gateway.admin("POST", "/admin/import", JSON.writeValueAsString(withBothKeys()));
                assertEquals(200, imported.status(), imported.body());
                JsonNode report = imported.json();

                assertEquals("taken", line(report, "openai-pool").path("outcome").asText(), report.toString());
                assertEquals("taken", line(report, "azure-openai").path("outcome").asText());
                assertEquals("taken", line(report, "inventory").path("outcome").asText(), report.toString());
                assertEquals("taken", line(report, "ai-team").path("outcome").asText());
                assertEquals("taken", line(report, "apis/azure-openai").path("outcome").asText(),
                        line(report, "apis/azure-openai").toString());
                JsonNode cacheLookup = line(report, "apis/inventory/operations/get-item");
                assertEquals("leftOut", cacheLookup.path("outcome").asText(), "APIM's response cache is not here");
                assertTrue(cacheLookup.path("reason").asText().contains("<cache-lookup> at line"), cacheLookup.toString());
                assertEquals("leftOut", line(report, "appinsights-logger").path("outcome").asText());
                assertEquals("leftOut", line(report, "appinsights-key").path("outcome").asText());
                assertTrue(line(report, "appinsights-key").path("reason").asText().contains("Key Vault"));
                assertTrue(line(report, "ai/inventory").path("reason").asText().contains("MCP server"));
                assertTrue(report.path("leftOut").asInt() >= 4, report.toString());
                assertFalse(imported.body().contains("east-key-0f3c9a"), "a report never shows a secret");

                JsonNode api = gateway.admin("GET", "/admin/apis/azure-openai", null).json();
                assertEquals("azure-openai", api.path("type").asText(), api.toString());
                assertEquals("openai", api.path("path").asText());
                assertEquals("/backends/openai-pool", api.path("backendId").asText());

                JsonNode east = gateway.admin("GET", "/admin/backends/openai-eastus", null).json();
                assertEquals("https://aoai-eastus.openai.azure.com/openai", east.path("url").asText());
                assertFalse(east.toString().contains("east-key-0f3c9a"), east.toString());
                JsonNode pool = gateway.admin("GET", "/admin/backends/openai-pool", null).json();
                assertEquals("/backends/openai-westeurope", pool.path("pool").path("services").get(1).path("id")
                        .asText(), pool.toString());
                assertEquals(200, gateway.admin("GET", "/admin/products/ai/apis/azure-openai", null).status());
                assertEquals(2, gateway.admin("GET", "/admin/apis/inventory/operations", null).json()
                        .path("value").size());
            }
        }

        @Test
        void importingTheSameExportAgainChangesNothingAndReportsTheSame() throws Exception {
            try (GatewayFixture gateway = GatewayFixture.start(dir, Map.of())) {
                String body = JSON.writeValueAsString(withBothKeys());
                JsonNode first = gateway.admin("POST", "/admin/import", body).json();
                String etag = gateway.admin("GET", "/admin/backends/openai-pool", null).header("ETag");
                JsonNode second = gateway.admin("POST", "/admin/import", body).json();
                assertEquals(first.path("taken"), second.path("taken"));
                assertEquals(etag, gateway.admin("GET", "/admin/backends/openai-pool", null).header("ETag"));
            }
        }

        @Test
        void leavesOutWhatNeedsAMissingSecretAndWhatDependsOnIt() throws Exception {
            try (GatewayFixture gateway = GatewayFixture.start(dir, Map.of())) {
                ObjectNode body = withBothKeys();
                ((ObjectNode) body.get("parameters")).remove("openAiWestKey");
                JsonNode report = gateway.admin("POST", "/admin/import", JSON.writeValueAsString(body)).json();
                assertEquals("leftOut", line(report, "openai-westeurope").path("outcome").asText());
                assertTrue(line(report, "openai-westeurope").path("reason").asText().contains("openAiWestKey"));
                assertEquals("leftOut", line(report, "openai-pool").path("outcome").asText());
                assertTrue(line(report, "openai-pool").path("reason").asText().contains("openai-westeurope"));
                assertEquals("taken", line(report, "openai-eastus").path("outcome").asText());
            }
        }

        @Test
        void refusesADocumentThatIsNoExportNamingTheBody() throws Exception {
            try (GatewayFixture gateway = GatewayFixture.start(dir, Map.of())) {
                Response refused = gateway.admin("POST", "/admin/import", "\"just a string\"");
                assertEquals(422, refused.status(), refused.body());
                assertEquals("body", refused.json().path("field").asText());
                assertEquals(422, gateway.admin("POST", "/admin/import", "{not json").status());
            }
        }
    }

    @Test
    void aGatewayYmlImportDeclaresTheServiceReadOnly() throws Exception {
        Files.writeString(dir.resolve("template.json"), fixture("ai-gateway.template.json").toString());
        Files.writeString(dir.resolve("parameters.json"), """
                {"parameters": {"apimServiceName": {"value": "apim-ai-gateway"},
                 "openAiEastKey": {"value": "east-key-0f3c9a"}, "openAiWestKey": {"value": "west-key-77d1e2"}}}""");
        Path yml = dir.resolve("gateway.yml");
        Files.writeString(yml, "import:\n  - {file: template.json, parameters: parameters.json}\n");
        try (GatewayFixture gateway = GatewayFixture.start(dir.resolve("data"),
                Map.of("gateway.config-file", yml.toString()))) {
            assertEquals(200, gateway.admin("GET", "/admin/backends/openai-pool", null).status());
            assertEquals("azure-openai", gateway.admin("GET", "/admin/apis/azure-openai", null).json()
                    .path("type").asText());
            Response change = gateway.admin("PUT", "/admin/backends/openai-eastus", "{\"url\": \"https://x.example\"}");
            assertEquals(409, change.status(), change.body());
            assertTrue(change.json().path("detail").asText().contains("gateway.yml"), change.body());
        }
    }
}
