package dev.mcpgateway.gateway.resource.arm;

import static dev.mcpgateway.gateway.resource.arm.ArmFixtures.JSON;
import static dev.mcpgateway.gateway.resource.arm.ArmFixtures.assertResources;
import static dev.mcpgateway.gateway.resource.arm.ArmFixtures.fixture;
import static dev.mcpgateway.gateway.resource.arm.ArmFixtures.leftOut;
import static dev.mcpgateway.gateway.resource.arm.ArmFixtures.taken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An AI gateway as people deploy it (two Azure OpenAI backends behind a priority pool with a 429 circuit breaker,
 * an Azure OpenAI API and an inventory API, a product, a subscription, policies at every scope, and the Azure
 * infrastructure around them), as an ARM template and as the same service compiled from Bicep.
 */
class AiGatewayTemplateImportTest {

    private static final String NO_WEST_KEY = "secure parameter 'openAiWestKey' has no value; pass it in parameters "
            + "(at properties.credentials.header.api-key[0])";
    private static final ImportOutcome SERVICE_ITSELF = leftOut("", "apim-ai-gateway",
            "the service resource itself describes Azure infrastructure (SKU, region); nothing to import");

    private static Map<String, JsonNode> parameters(boolean withWestKey) throws ArmImportException {
        Map<String, JsonNode> values = new HashMap<>(
                ArmParameterValues.fromParametersFile(fixture("ai-gateway.parameters.json")));
        if (withWestKey) {
            values.put("openAiWestKey", TextNode.valueOf("west-key-7d21e4"));
        }
        return values;
    }

    private static List<ImportOutcome> report(ImportOutcome serviceLine, ImportOutcome westBackendLine) {
        return List.of(
                serviceLine,
                leftOut("loggers", "appinsights-logger", "loggers are configured as gateway settings here"),
                leftOut("diagnostics", "applicationinsights",
                        "diagnostics (sampling and request logging) are configured as gateway settings here"),
                taken("namedValues", "openai-api-version"),
                leftOut("namedValues", "appinsights-key", "Key Vault references are not supported here; "
                        + "declare the value, an environment reference or a file"),
                taken("backends", "openai-eastus"),
                westBackendLine,
                taken("backends", "openai-pool"),
                taken("apis", "azure-openai"),
                taken("apis/policies", "azure-openai/policy"),
                leftOut("apis/diagnostics", "azure-openai/applicationinsights",
                        "diagnostics (sampling and request logging) are configured as gateway settings here"),
                taken("apis", "inventory"),
                taken("apis/operations", "inventory/list-items"),
                taken("apis/operations", "inventory/get-item"),
                taken("apis/operations/policies", "inventory/get-item/policy"),
                taken("products", "ai"),
                taken("products/policies", "ai/policy"),
                taken("products/apis", "ai/azure-openai"),
                leftOut("products/groups", "ai/developers", "developer portal groups are not modelled here"),
                taken("products/apis", "ai/inventory"),
                taken("subscriptions", "ai-team"),
                taken("policies", "policy"));
    }

    private static JsonNode expectedResources(boolean withWestKey) {
        ArrayNode expected = (ArrayNode) fixture("ai-gateway.expected.json");
        List<JsonNode> kept = new ArrayList<>();
        expected.forEach(resource -> {
            if (withWestKey || !resource.get("id").asText().equals("openai-westeurope")) {
                kept.add(resource);
            }
        });
        return JSON.createArrayNode().addAll(kept);
    }

    @Test
    void takesTheGatewayResourcesWithReferencesShortenedAndReportsEveryResource() throws Exception {
        ArmImport imported = ArmImporter.read(fixture("ai-gateway.template.json"), parameters(true));

        assertResources(expectedResources(true), imported.resources());
        assertEquals(report(SERVICE_ITSELF, taken("backends", "openai-westeurope")), imported.report());
        String report = imported.report().toString();
        assertFalse(report.contains("east-key-0f3c9a") || report.contains("west-key-7d21e4"),
                "no key value reaches the report");
    }

    @Test
    void leavesOutOnlyTheBackendWhoseSecureKeyWasNotPassed() throws Exception {
        ArmImport imported = ArmImporter.read(fixture("ai-gateway.template.json"), parameters(false));

        assertResources(expectedResources(false), imported.resources());
        assertEquals(report(SERVICE_ITSELF, leftOut("backends", "openai-westeurope", NO_WEST_KEY)),
                imported.report());
    }

    @Test
    void theSameServiceCompiledFromBicepGivesTheSameResources() throws Exception {
        ArmImport imported = ArmImporter.read(fixture("ai-gateway.bicep.json"), parameters(true));

        assertResources(expectedResources(true), imported.resources());
        assertEquals(report(leftOut("", "apim-ai-gateway",
                        "declared 'existing': it refers to a resource deployed elsewhere; nothing to import"),
                taken("backends", "openai-westeurope")), imported.report());
    }

    @Test
    void aBicepTemplateWithoutTheSecureKeyLeavesOutTheSameBackend() throws Exception {
        ArmImport imported = ArmImporter.read(fixture("ai-gateway.bicep.json"), parameters(false));

        assertResources(expectedResources(false), imported.resources());
        assertEquals(leftOut("backends", "openai-westeurope", NO_WEST_KEY), imported.report().get(6));
    }
}
