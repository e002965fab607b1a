package dev.mcpgateway.gateway.resource.arm;

import static dev.mcpgateway.gateway.resource.arm.ArmFixtures.JSON;
import static dev.mcpgateway.gateway.resource.arm.ArmFixtures.assertResources;
import static dev.mcpgateway.gateway.resource.arm.ArmFixtures.json;
import static dev.mcpgateway.gateway.resource.arm.ArmFixtures.leftOut;
import static dev.mcpgateway.gateway.resource.arm.ArmFixtures.taken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpgateway.gateway.resource.arm.ImportOutcome.Outcome;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArmImporterTest {

    /** A template for service {@code apim} holding {@code resources}. */
    private static JsonNode template(String resources) {
        return json("""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "contentVersion": "1.0.0.0",
                 "parameters": {"svc": {"type": "string", "defaultValue": "apim"},
                                "deploySearch": {"type": "bool", "defaultValue": false}},
                 "resources": [%s]}
                """.formatted(resources));
    }

    private static String backend(String name, String url) {
        return """
                {"type": "Microsoft.ApiManagement/service/backends", "apiVersion": "2024-05-01",
                 "name": "[concat(parameters('svc'), '/%s')]", "properties": {"url": "%s", "protocol": "http"}}
                """.formatted(name, url);
    }

    private static JsonNode backendResource(String name, String url) {
        return JSON.createObjectNode().put("collection", "backends").put("parentId", "").put("id", name)
                .set("properties", JSON.createObjectNode().put("url", url).put("protocol", "http"));
    }

    @Nested
    class WhenOneResourceCannotBeImported {

        @Test
        void anUnsupportedFunctionLeavesOutOnlyThatResource() throws Exception {
            ArmImport imported = ArmImporter.read(template(String.join(",",
                    backend("search", "[concat('https://', uniqueString(resourceGroup().id), '.search.windows.net')]"),
                    backend("orders", "https://orders.contoso.example"))));

            assertResources(JSON.createArrayNode().add(backendResource("orders", "https://orders.contoso.example")),
                    imported.resources());
            assertEquals(List.of(
                    leftOut("backends", "search", "uses the template function 'resourceGroup', which this import "
                            + "does not evaluate; replace it with a value or a parameter (at properties.url)"),
                    taken("backends", "orders")), imported.report());
        }

        @Test
        void aResourceDeclaredTwiceKeepsTheLaterDeclaration() throws Exception {
            ArmImport imported = ArmImporter.read(template(String.join(",",
                    backend("orders", "https://old.contoso.example"),
                    backend("billing", "https://billing.contoso.example"),
                    backend("orders", "https://orders.contoso.example"))));

            assertResources(JSON.createArrayNode()
                    .add(backendResource("billing", "https://billing.contoso.example"))
                    .add(backendResource("orders", "https://orders.contoso.example")), imported.resources());
            assertEquals(List.of(
                    leftOut("backends", "orders", "declared twice; the later declaration is used"),
                    taken("backends", "billing"),
                    taken("backends", "orders")), imported.report());
        }

        @Test
        void existingConditionalAndLoopedResourcesAreNotDeployedAsWritten() throws Exception {
            ArmImport imported = ArmImporter.read(template("""
                    {"type": "Microsoft.ApiManagement/service", "apiVersion": "2024-05-01",
                     "name": "[parameters('svc')]", "existing": true},
                    {"type": "Microsoft.ApiManagement/service/backends", "apiVersion": "2024-05-01",
                     "name": "[concat(parameters('svc'), '/search')]", "condition": "[parameters('deploySearch')]",
                     "properties": {"url": "https://search.contoso.example"}},
                    {"type": "Microsoft.ApiManagement/service/backends", "apiVersion": "2024-05-01",
                     "name": "[concat(parameters('svc'), '/regional')]",
                     "copy": {"name": "regions", "count": 2}, "properties": {"url": "https://regional.contoso.example"}}
                    """));

            assertEquals(List.of(), imported.resources());
            assertEquals(List.of(
                    leftOut("", "apim", "declared 'existing': it refers to a resource deployed elsewhere; "
                            + "nothing to import"),
                    leftOut("backends", "search", "its condition is false, so the template does not deploy it"),
                    leftOut("backends", "regional", "declared with a copy loop, which this import does not expand; "
                            + "declare each resource on its own")), imported.report());
        }

        @Test
        void childrenOfAParentWhoseNameCannotBeEvaluatedAreLeftOutWithTheReason() throws Exception {
            ArmImport imported = ArmImporter.read(template("""
                    {"type": "Microsoft.ApiManagement/service/apis", "apiVersion": "2024-05-01",
                     "name": "[concat(parameters('svc'), '/', parameters('apiName'))]",
                     "properties": {"path": "orders"},
                     "resources": [{"type": "operations", "apiVersion": "2024-05-01", "name": "cancel",
                                    "properties": {"method": "POST", "urlTemplate": "/cancel"}}]}
                    """));

            assertEquals(List.of(), imported.resources());
            String undeclared = "parameter 'apiName' is not declared in the template (at name)";
            assertEquals(List.of(
                    leftOut("apis", "[concat(parameters('svc'), '/', parameters('apiName'))]", undeclared),
                    leftOut("apis/operations", "cancel", "its parent's name cannot be worked out: " + undeclared)),
                    imported.report());
        }

        @Test
        void aNameThatDoesNotFitItsTypeIsLeftOut() throws Exception {
            ArmImport imported = ArmImporter.read(json("""
                    [{"type": "Microsoft.ApiManagement/service/apis/operations", "name": "cancel",
                      "properties": {"method": "POST"}}]
                    """));

            assertEquals(List.of(leftOut("apis/operations", "cancel", "the name 'cancel' does not fit the type "
                    + "Microsoft.ApiManagement/service/apis/operations, whose names read service/name/name")),
                    imported.report());
        }

        @Test
        void aReferenceOfTheWrongKindIsLeftOutNamingTheField() throws Exception {
            ArmImport imported = ArmImporter.read(template("""
                    {"type": "Microsoft.ApiManagement/service/subscriptions", "apiVersion": "2024-05-01",
                     "name": "[concat(parameters('svc'), '/partners')]",
                     "properties": {"displayName": "Partners", "scope": "/groups/partners"}},
                    {"type": "Microsoft.ApiManagement/service/subscriptions", "apiVersion": "2024-05-01",
                     "name": "[concat(parameters('svc'), '/unscoped')]", "properties": {"displayName": "Unscoped"}}
                    """));

            assertEquals(List.of(
                    leftOut("subscriptions", "partners", "properties.scope '/groups/partners' is not a reference to "
                            + "a subscription scope; give /apis, /apis/{api} or /products/{product}, or a full "
                            + "resource id that ends so"),
                    leftOut("subscriptions", "unscoped",
                            "properties.scope is missing; give /apis, /apis/{api} or /products/{product}")),
                    imported.report());
        }

        @Test
        void typesThisGatewayDoesNotModelSayWhy() throws Exception {
            ArmImport imported = ArmImporter.read(template("""
                    {"type": "Microsoft.ApiManagement/service/apiVersionSets", "apiVersion": "2024-05-01",
                     "name": "[concat(parameters('svc'), '/orders')]", "properties": {"versioningScheme": "Segment"}},
                    {"type": "Microsoft.ApiManagement/service/workspaces/apis", "apiVersion": "2024-05-01",
                     "name": "[concat(parameters('svc'), '/team-a/orders')]", "properties": {}},
                    {"type": "Microsoft.ApiManagement/service/apis/resolvers", "apiVersion": "2024-05-01",
                     "name": "[concat(parameters('svc'), '/graph/query')]", "properties": {}},
                    {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "apis",
                     "properties": {"mode": "Incremental"}},
                    {"type": "Microsoft.Insights/components", "apiVersion": "2020-02-02", "name": "appi-gateway",
                     "properties": {"Application_Type": "web"}},
                    "not a resource"
                    """));

            assertEquals(List.of(
                    leftOut("apiVersionSets", "orders",
                            "API version sets are not modelled here; each version is imported as its own API"),
                    leftOut("workspaces/apis", "team-a/orders", "workspaces are not modelled here; import each "
                            + "workspace's APIs and backends from an export of that workspace"),
                    leftOut("apis/resolvers", "graph/query", "not an API Management resource this gateway models"),
                    new ImportOutcome(Outcome.LEFT_OUT, "Microsoft.Resources/deployments", "apis",
                            "linked and nested deployments are not followed; import the template they deploy"),
                    new ImportOutcome(Outcome.LEFT_OUT, "Microsoft.Insights/components", "appi-gateway",
                            "not an API Management resource this gateway models"),
                    new ImportOutcome(Outcome.LEFT_OUT, "", "resources[5]", "not a resource: it has no type")),
                    imported.report());
        }
    }

    @Nested
    class WhenTheDocumentIsNotAnExport {

        private String refusal(JsonNode document) {
            return assertThrows(ArmImportException.class, () -> ArmImporter.read(document)).getMessage();
        }

        @Test
        void aScalarIsRefused() {
            String expected = "an API Management export is a JSON object (a template, a list with \"value\", "
                    + "or one resource) or a JSON array of resources";
            assertEquals(expected, refusal(TextNode.valueOf("<policies/>")));
            assertEquals(expected, refusal(json("42")));
            assertEquals(expected, refusal(null));
        }

        @Test
        void anObjectOfNoKnownShapeIsRefused() {
            assertEquals("the document is neither a template (it has no \"resources\"), a list export "
                    + "(no \"value\" array) nor a single resource (no \"type\")",
                    refusal(json("{\"openapi\": \"3.0.1\", \"paths\": {}}")));
        }

        @Test
        void aTemplateWithMisshapedSectionsIsRefused() {
            assertEquals("the template's resources must be an array, or an object of symbolic names in "
                    + "languageVersion 2.0", refusal(json("{\"resources\": \"none\"}")));
            assertEquals("the template's parameters must be an object",
                    refusal(json("{\"parameters\": [\"svc\"], \"resources\": []}")));
        }
    }

    @Test
    void outcomesAreWrittenInTheirWireNames() throws Exception {
        assertEquals("[\"taken\",\"leftOut\"]", JSON.writeValueAsString(Outcome.values()));
    }
}
