package dev.mcpgateway.gateway.resource.arm;

import static dev.mcpgateway.gateway.resource.arm.ArmFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The ARM expression subset API Management templates use, evaluated against a template's parameters. */
class TemplateExpressionsTest {

    private static final JsonNode TEMPLATE = json("""
            {"parameters": {
               "svc": {"type": "string"},
               "region": {"type": "string", "defaultValue": "WestEurope"},
               "endpoint": {"type": "string", "defaultValue":
                 "[concat('https://aoai-', toLower(parameters('region')), '.openai.azure.com/')]"},
               "location": {"type": "string", "defaultValue": "[resourceGroup().location]"},
               "apiKey": {"type": "securestring"},
               "tenant": {"type": "string"},
               "count": {"type": "int", "defaultValue": 3},
               "tracing": {"type": "bool", "defaultValue": true},
               "openAi": {"type": "object",
                          "defaultValue": {"endpoint": "https://aoai.example/", "deployments": ["gpt-4o", "o3"]}}
             },
             "variables": {
               "poolName": "[concat(parameters('svc'), '-pool')]",
               "loop": "[variables('loop')]"
             }}
            """);

    private static TemplateScope scope() throws ArmImportException {
        return TemplateScope.of(TEMPLATE, Map.of("svc", TextNode.valueOf("apim-ai")));
    }

    private static JsonNode evaluate(String expression) throws Exception {
        return scope().resolve(TextNode.valueOf(expression), "properties.url");
    }

    private static String text(String expression) throws Exception {
        return evaluate(expression).textValue();
    }

    private static String failure(String expression) {
        return assertThrows(UnresolvableException.class, () -> evaluate(expression)).reason();
    }

    @Nested
    class Functions {

        @Test
        void concatJoinsStringsAndArrays() throws Exception {
            assertEquals("apim-ai/openai-east", text("[concat(parameters('svc'), '/openai-', 'east')]"));
            assertEquals(json("[\"gpt-4o\", \"o3\", \"gpt-4o\", \"o3\"]"),
                    evaluate("[concat(parameters('openAi').deployments, parameters('openAi').deployments)]"));
        }

        @Test
        void formatFillsNumberedPlaceholdersAndKeepsDoubledBraces() throws Exception {
            assertEquals("apim-ai/{literal}/b1/apim-ai",
                    text("[format('{0}/{{literal}}/{1}/{0}', parameters('svc'), 'b1')]"));
        }

        @Test
        void resourceIdGivesTheArmIdWithTheDeploymentScopeUnknownUnlessGiven() throws Exception {
            assertEquals("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
                            + "Microsoft.ApiManagement/service/apim-ai/apis/orders/operations/cancel",
                    text("[resourceId('Microsoft.ApiManagement/service/apis/operations', parameters('svc'), "
                            + "'orders', 'cancel')]"));
            assertEquals("/subscriptions/{subscriptionId}/resourceGroups/rg-ai/providers/"
                            + "Microsoft.ApiManagement/service/apim-ai",
                    text("[resourceId('rg-ai', 'Microsoft.ApiManagement/service', parameters('svc'))]"));
            assertEquals("/subscriptions/sub-1/resourceGroups/rg-ai/providers/"
                            + "Microsoft.ApiManagement/service/apim-ai/backends/b1",
                    text("[resourceId('sub-1', 'rg-ai', 'Microsoft.ApiManagement/service/backends', "
                            + "parameters('svc'), 'b1')]"));
        }

        @Test
        void resourceIdNeedsOneNamePerTypeSegment() {
            assertEquals("resourceId() needs 2 names for the type Microsoft.ApiManagement/service/backends, got 1 "
                    + "(at properties.url)", failure("[resourceId('Microsoft.ApiManagement/service/backends', 'b1')]"));
        }

        @Test
        void toLowerAndToUpperChangeCase() throws Exception {
            assertEquals("westeurope-WESTEUROPE",
                    text("[concat(toLower(parameters('region')), '-', toUpper(parameters('region')))]"));
        }

        @Test
        void stringWritesNumbersBooleansAndObjectsAsArmDoes() throws Exception {
            assertEquals("3 True {\"endpoint\":\"https://aoai.example/\",\"deployments\":[\"gpt-4o\",\"o3\"]}",
                    text("[format('{0} {1} {2}', string(parameters('count')), string(parameters('tracing')), "
                            + "string(parameters('openAi')))]"));
        }

        @Test
        void functionNamesIgnoreCase() throws Exception {
            assertEquals("ab", text("[CONCAT('a', ToLower('B'))]"));
        }

        @Test
        void aFunctionOutsideTheSubsetIsNamedInTheReason() {
            assertEquals("uses the template function 'uniqueString', which this import does not evaluate; "
                    + "replace it with a value or a parameter (at properties.url)",
                    failure("[concat('apim-', uniqueString(parameters('svc')))]"));
        }

        @Test
        void aUserDefinedFunctionIsNamedWithItsNamespace() {
            assertEquals("uses the template function '__bicep.backendUrl', which this import does not evaluate; "
                    + "replace it with a value or a parameter (at properties.url)",
                    failure("[__bicep.backendUrl(parameters('svc'))]"));
        }
    }

    @Nested
    class Literals {

        @Test
        void doubledQuotesInAStringAreOneQuote() throws Exception {
            assertEquals("it's AB", text("[concat('it''s ', toUpper(concat('a', 'b')))]"));
        }

        @Test
        void aDoubledOpeningBracketIsALiteralBracket() throws Exception {
            assertEquals("[not an expression]", text("[[not an expression]"));
        }

        @Test
        void onlyStringsInBracketsAreExpressions() throws Exception {
            assertEquals("[draft", text("[draft"));
            assertEquals("see [docs]", text("see [docs]"));
        }

        @Test
        void integersAreNumbers() throws Exception {
            assertEquals(IntNode.valueOf(-2), evaluate("[-2]"));
        }

        @Test
        void anUnreadableExpressionSaysWhere() {
            assertEquals("the template expression [concat('a', ] cannot be read: it ends too early "
                    + "(at properties.url)", failure("[concat('a', ]"));
            assertEquals("the template expression [concat('a'))] cannot be read: unexpected ')' "
                    + "(at properties.url)", failure("[concat('a'))]"));
            assertEquals("the template expression [concat('a' 'b')] cannot be read: ')' is expected at character 13 "
                    + "(at properties.url)", failure("[concat('a' 'b')]"));
            assertEquals("the template expression [concat('a)] cannot be read: a string is not closed with ' "
                    + "(at properties.url)", failure("[concat('a)]"));
        }
    }

    @Nested
    class ParametersAndVariables {

        @Test
        void aSuppliedValueWinsOverTheDefaultWhichMayItselfBeAnExpression() throws Exception {
            assertEquals("apim-ai", text("[parameters('svc')]"));
            assertEquals("https://aoai-westeurope.openai.azure.com/", text("[parameters('endpoint')]"));
        }

        @Test
        void namesIgnoreCase() throws Exception {
            assertEquals("apim-ai-pool", text("[Variables('POOLNAME')]"));
            assertEquals("WestEurope", text("[parameters('Region')]"));
        }

        @Test
        void propertiesAndElementsOfObjectParametersAreReachable() throws Exception {
            assertEquals("https://aoai.example/", text("[parameters('openAi').endpoint]"));
            assertEquals("o3", text("[parameters('openAi').deployments[1]]"));
            assertEquals("gpt-4o", text("[parameters('openAi')['deployments'][0]]"));
        }

        @Test
        void aSecureParameterWithoutValueAsksForIt() {
            assertEquals("secure parameter 'apiKey' has no value; pass it in parameters (at properties.url)",
                    failure("[parameters('apiKey')]"));
        }

        @Test
        void aPlainParameterWithoutValueAsksForItToo() {
            assertEquals("parameter 'tenant' has no value; pass it in parameters (at properties.url)",
                    failure("[parameters('tenant')]"));
        }

        @Test
        void aDefaultThatCannotBeEvaluatedIsLocatedAtTheParameter() {
            assertEquals("uses the template function 'resourceGroup', which this import does not evaluate; "
                    + "replace it with a value or a parameter (at parameter 'location')",
                    failure("[parameters('location')]"));
        }

        @Test
        void undeclaredNamesAndSelfReferencesAreReported() {
            assertEquals("parameter 'sku' is not declared in the template (at properties.url)",
                    failure("[parameters('sku')]"));
            assertEquals("variable 'poolNames' is not declared in the template (at properties.url)",
                    failure("[variables('poolNames')]"));
            assertEquals("variable 'loop' refers to itself (at variable 'loop')", failure("[variables('loop')]"));
        }

        @Test
        void aMissingPropertyIsNamed() {
            assertEquals("an object has no property 'url' (at properties.url)",
                    failure("[parameters('openAi').url]"));
        }
    }

    @Test
    void objectsAndArraysAreResolvedValueByValueNamingTheFieldAtFault() throws Exception {
        TemplateScope scope = scope();
        assertEquals(json("{\"url\": \"apim-ai-pool\", \"keys\": [\"[x]\", 1]}"),
                scope.resolve(json("{\"url\": \"[variables('poolName')]\", \"keys\": [\"[[x]\", 1]}"), "properties"));

        UnresolvableException failure = assertThrows(UnresolvableException.class, () -> scope.resolve(
                json("{\"credentials\": {\"header\": {\"api-key\": [\"[parameters('apiKey')]\"]}}}"), "properties"));
        assertEquals("secure parameter 'apiKey' has no value; pass it in parameters "
                + "(at properties.credentials.header.api-key[0])", failure.reason());
    }
}
