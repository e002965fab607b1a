package dev.mcpgateway.gateway.resource.arm;

import static dev.mcpgateway.gateway.resource.arm.ArmFixtures.JSON;
import static dev.mcpgateway.gateway.resource.arm.ArmFixtures.assertResources;
import static dev.mcpgateway.gateway.resource.arm.ArmFixtures.fixture;
import static dev.mcpgateway.gateway.resource.arm.ArmFixtures.json;
import static dev.mcpgateway.gateway.resource.arm.ArmFixtures.leftOut;
import static dev.mcpgateway.gateway.resource.arm.ArmFixtures.taken;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Resources as a running service lists them ({@code GET .../backends}, {@code az rest}, {@code az apim ... list}):
 * bare names, full ARM ids, and values that are never template expressions.
 */
class ListExportImportTest {

    private static final String SERVICE_ID = "/subscriptions/2f6c1a3e-7d3b-4c1e-9a55-0c6b2f8e9d10/resourceGroups/"
            + "rg-ai-gateway/providers/Microsoft.ApiManagement/service/apim-ai-gateway";

    private static String entry(String type, String path, String name, String properties) {
        return """
                {"id": "%s/%s", "type": "Microsoft.ApiManagement/service/%s", "name": "%s", "properties": %s}
                """.formatted(SERVICE_ID, path, type, name, properties);
    }

    @Test
    void backendsListedWithFullIdsComeAsListedWithShortPoolReferences() throws Exception {
        JsonNode listed = fixture("backends.list.json").get("value");

        ArmImport imported = ArmImporter.read(fixture("backends.list.json"));

        ArrayNode expected = JSON.createArrayNode();
        for (int i = 0; i < 2; i++) {
            // "[West Europe]" in the second description stays text: a listed value is never an expression
            expected.add(JSON.createObjectNode().put("collection", "backends").put("parentId", "")
                    .put("id", listed.get(i).get("name").asText()).set("properties", listed.get(i).get("properties")));
        }
        expected.add(json("""
                {"collection": "backends", "parentId": "", "id": "openai-pool", "properties": {
                   "description": "East US first, West Europe when East US is throttled", "type": "Pool",
                   "pool": {"services": [{"id": "/backends/openai-eastus", "priority": 1, "weight": 1},
                                         {"id": "/backends/openai-westeurope", "priority": 2, "weight": 1}]}}}
                """));
        assertEquals("[West Europe]", listed.get(1).at("/properties/description").asText());
        assertResources(expected, imported.resources());
        assertEquals(List.of(taken("backends", "openai-eastus"), taken("backends", "openai-westeurope"),
                taken("backends", "openai-pool")), imported.report());
    }

    @Test
    void anMcpServerListedWithItsToolsProductLinkAndSubscription() throws Exception {
        ArmImport imported = ArmImporter.read(json("[" + String.join(",",
                entry("apis", "apis/weather-tools", "weather-tools", """
                        {"displayName": "Weather tools", "type": "mcp", "path": "weather",
                         "backendId": "weather-mcp-backend", "mcpProperties": {"transportType": "streamable"},
                         "isCurrent": true}"""),
                entry("apis/tools", "apis/weather-tools/tools/get_forecast", "get_forecast", """
                        {"displayName": "get_forecast", "description": "Forecast for a city",
                         "operationId": "%s/apis/weather-rest/operations/getForecast"}""".formatted(SERVICE_ID)),
                entry("products/apiLinks", "products/agents/apiLinks/weather-link", "weather-link", """
                        {"apiId": "%s/apis/weather-tools"}""".formatted(SERVICE_ID)),
                entry("subscriptions", "subscriptions/all-apis", "all-apis", """
                        {"displayName": "Every API", "scope": "%s/apis", "ownerId": "%s/users/alice",
                         "state": "active", "primaryKey": null}""".formatted(SERVICE_ID, SERVICE_ID)))
                + "]"));

        assertResources(json("""
                [{"collection": "apis", "parentId": "", "id": "weather-tools", "properties": {
                   "displayName": "Weather tools", "type": "mcp", "path": "weather",
                   "backendId": "/backends/weather-mcp-backend", "mcpProperties": {"transportType": "streamable"},
                   "isCurrent": true}},
                 {"collection": "tools", "parentId": "weather-tools", "id": "get_forecast", "properties": {
                   "displayName": "get_forecast", "description": "Forecast for a city",
                   "operationId": "/apis/weather-rest/operations/getForecast"}},
                 {"collection": "product-apis", "parentId": "agents", "id": "weather-tools", "properties": {
                   "apiId": "/apis/weather-tools"}},
                 {"collection": "subscriptions", "parentId": "", "id": "all-apis", "properties": {
                   "displayName": "Every API", "scope": "/apis", "ownerId": "/users/alice", "state": "active",
                   "primaryKey": null}}]
                """), imported.resources());
        assertEquals(List.of(taken("apis", "weather-tools"), taken("apis/tools", "weather-tools/get_forecast"),
                taken("products/apiLinks", "agents/weather-link"), taken("subscriptions", "all-apis")),
                imported.report());
    }

    @Test
    void onlyCurrentApiRevisionsAreImportedWithTheirOperations() throws Exception {
        String operation = """
                {"displayName": "Call", "method": "POST", "urlTemplate": "/call"}""";
        ArmImport imported = ArmImporter.read(json("{\"value\": [" + String.join(",",
                entry("apis", "apis/orders", "orders", "{\"path\": \"orders\", \"isCurrent\": true}"),
                entry("apis", "apis/orders;rev=2", "orders;rev=2", "{\"path\": \"orders\", \"isCurrent\": false}"),
                entry("apis/operations", "apis/orders;rev=2/operations/cancel", "cancel", operation),
                entry("apis", "apis/billing;rev=3", "billing;rev=3", "{\"path\": \"billing\", \"isCurrent\": true}"),
                entry("apis/operations", "apis/billing;rev=3/operations/pay", "pay", operation))
                + "], \"count\": 5}"));

        assertResources(json("""
                [{"collection": "apis", "parentId": "", "id": "orders",
                  "properties": {"path": "orders", "isCurrent": true}},
                 {"collection": "apis", "parentId": "", "id": "billing",
                  "properties": {"path": "billing", "isCurrent": true}},
                 {"collection": "operations", "parentId": "billing", "id": "pay",
                  "properties": {"displayName": "Call", "method": "POST", "urlTemplate": "/call"}}]
                """), imported.resources());
        assertEquals(List.of(
                taken("apis", "orders"),
                leftOut("apis", "orders;rev=2", "is revision 2 of API 'orders', which is not the current one; "
                        + "revisions are not supported, only current APIs are imported"),
                leftOut("apis/operations", "orders;rev=2/cancel", "belongs to revision 2 of API 'orders', which is "
                        + "not the current one; revisions are not supported, only current APIs are imported"),
                taken("apis", "billing;rev=3"),
                taken("apis/operations", "billing;rev=3/pay")), imported.report());
    }

    @Test
    void namedValuesWithoutTheirSecretAreLeftOutAndTheOldTypeNameIsKnown() throws Exception {
        ArmImport imported = ArmImporter.read(json("[" + String.join(",",
                entry("namedValues", "namedValues/openai-key", "openai-key",
                        "{\"displayName\": \"openai-key\", \"secret\": true}"),
                entry("properties", "properties/region", "region",
                        "{\"displayName\": \"region\", \"value\": \"westeurope\", \"secret\": false}"))
                + "]"));

        assertResources(json("""
                [{"collection": "named-values", "parentId": "", "id": "region",
                  "properties": {"displayName": "region", "value": "westeurope", "secret": false}}]
                """), imported.resources());
        assertEquals(List.of(
                leftOut("namedValues", "openai-key", "its secret value is not in the export; "
                        + "declare the value, an environment reference or a file"),
                taken("properties", "region")), imported.report());
    }

    @Test
    void oneResourceAsGetReturnsItIsImportedToo() throws Exception {
        ArmImport imported = ArmImporter.read(json(entry("products", "products/ai", "ai",
                "{\"displayName\": \"AI\", \"state\": \"published\"}")));

        assertResources(json("""
                [{"collection": "products", "parentId": "", "id": "ai",
                  "properties": {"displayName": "AI", "state": "published"}}]
                """), imported.resources());
        assertEquals(List.of(taken("products", "ai")), imported.report());
    }
}
