package dev.mcpgateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpgateway.openapi.http.ConstantParameter;
import dev.mcpgateway.openapi.http.ParameterLocation;
import dev.mcpgateway.openapi.http.SecurityRequirement;
import dev.mcpgateway.openapi.http.SecurityScheme;
import dev.mcpgateway.openapi.http.ServerBinding;
import dev.mcpgateway.openapi.http.ServerVariable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hard case 8 (import side): servers with variables, path/operation servers, pinned constants, security. */
class ServersConstantsSecurityTest {

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: azure-ish, version: '1'}
            servers:
              - url: https://{endpoint}/openai
                variables:
                  endpoint: {default: example.openai.azure.com}
              - url: https://backup.example.com/openai
            security:
              - bearer: []
              - apiKey: []
            paths:
              /deployments/{deployment}/chat:
                post:
                  operationId: chat
                  parameters:
                    - {name: deployment, in: path, required: true, schema: {type: string}}
                    - {name: api-version, in: query, required: true, schema: {type: string}}
                    - {name: api-key, in: header, schema: {type: string}}
                    - {name: X-Client, in: header, required: true, schema: {type: string, enum: [mcp-gateway]}}
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {prompt: {type: string}}}
                  responses: {'200': {description: ok}}
              /models:
                servers:
                  - url: https://{region}.models.example.com
                    variables:
                      region: {default: eu, enum: [eu, us]}
                get:
                  operationId: listModels
                  security:
                    - oauth: [models.read]
                  parameters:
                    - {name: api-version, in: query, required: true, schema: {type: string}}
                  responses: {'200': {description: ok}}
                delete:
                  operationId: purgeModels
                  servers: [{url: 'https://admin.example.com'}]
                  security: []
                  responses: {'204': {description: ok}}
            components:
              securitySchemes:
                bearer: {type: http, scheme: Bearer}
                apiKey: {type: apiKey, in: header, name: api-key}
                oauth:
                  type: oauth2
                  flows:
                    clientCredentials: {tokenUrl: 'https://login.example.com/token', scopes: {models.read: read}}
            """;

    private final ImportOptions pinned = ImportOptions.builder()
            .pinnedParameters(List.of(PinnedParameter.query("api-version", "2024-10-21"))).build();

    @Nested
    class Servers {
        @Test
        void bindsTheFirstDocumentServerWithItsVariables() {
            ToolDefinition chat = Imports.tool(Imports.yaml(SPEC), "chat");
            assertEquals(new ServerBinding("https://{endpoint}/openai",
                    Map.of("endpoint", ServerVariable.of("example.openai.azure.com"))), chat.binding().server());
        }

        @Test
        void letsTheAdminSetVariableValuesOrReplaceTheUrl() {
            var options = ImportOptions.builder().serverVariables(Map.of("endpoint", "contoso.openai.azure.com"))
                    .build();
            assertEquals(new ServerBinding("https://{endpoint}/openai",
                            Map.of("endpoint", ServerVariable.of("contoso.openai.azure.com"))),
                    Imports.tool(Imports.yaml(SPEC, options), "chat").binding().server());
            var replaced = ImportOptions.builder().serverUrl("http://127.0.0.1:9999/v1").build();
            assertEquals(ServerBinding.of("http://127.0.0.1:9999/v1"),
                    Imports.tool(Imports.yaml(SPEC, replaced), "purgeModels").binding().server());
        }

        @Test
        void prefersOperationServersOverPathServersOverDocumentServers() {
            ImportResult result = Imports.yaml(SPEC);
            assertEquals(new ServerBinding("https://{region}.models.example.com",
                            Map.of("region", new ServerVariable("eu", List.of("eu", "us")))),
                    Imports.tool(result, "listModels").binding().server());
            assertEquals(ServerBinding.of("https://admin.example.com"),
                    Imports.tool(result, "purgeModels").binding().server());
        }
    }

    @Nested
    class Constants {
        @Test
        void hidePinnedAndSingleValuedRequiredParametersFromTheModel() {
            ToolDefinition chat = Imports.tool(Imports.yaml(SPEC, pinned), "chat");
            Imports.assertSchema("""
                    {
                      "type": "object",
                      "properties": {"deployment": {"type": "string"}, "prompt": {"type": "string"}},
                      "required": ["deployment"]
                    }""", chat.tool().inputSchema());
            assertEquals(List.of(new ConstantParameter(ParameterLocation.QUERY, "api-version", "2024-10-21"),
                    new ConstantParameter(ParameterLocation.HEADER, "X-Client", "mcp-gateway")),
                    chat.binding().constants());
        }

        @Test
        void leaveAnUnpinnedRequiredParameterToTheModel() {
            ToolDefinition models = Imports.tool(Imports.yaml(SPEC), "listModels");
            Imports.assertSchema("""
                    {"type": "object", "properties": {"api-version": {"type": "string"}}, "required": ["api-version"]}
                    """, models.tool().inputSchema());
        }
    }

    @Nested
    class Security {
        @Test
        void describesEachAlternativeAndNeverTurnsCredentialsIntoArguments() {
            ImportResult result = Imports.yaml(SPEC, pinned);
            assertEquals(List.of(new SecurityRequirement(List.of(SecurityScheme.http("bearer", "bearer"))),
                            new SecurityRequirement(List.of(SecurityScheme.apiKey("apiKey", ParameterLocation.HEADER,
                                    "api-key")))),
                    Imports.tool(result, "chat").binding().security());
            // api-key is declared as a header parameter too, but it is the apiKey scheme's credential
            assertEquals(false, Imports.tool(result, "chat").tool().inputSchema().toString().contains("api-key"));
        }

        @Test
        void honoursOperationOverridesIncludingAnEmptyList() {
            ImportResult result = Imports.yaml(SPEC);
            assertEquals(List.of(new SecurityRequirement(List.of(SecurityScheme.oauth2("oauth", List.of("models.read"))))),
                    Imports.tool(result, "listModels").binding().security());
            assertEquals(List.of(), Imports.tool(result, "purgeModels").binding().security());
        }
    }
}
