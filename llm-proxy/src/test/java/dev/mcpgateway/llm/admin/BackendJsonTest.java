package dev.mcpgateway.llm.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.auth.backend.ApiKeyCredential;
import dev.mcpgateway.auth.backend.ClientCredentialsCredential;
import dev.mcpgateway.auth.backend.ClientCredentialsSettings;
import dev.mcpgateway.llm.backend.Backend;
import org.junit.jupiter.api.Test;

/** The admin documents' credential forms become the auth-server's credentials, and are written back the same. */
class BackendJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Backend read(String json) throws Exception {
        return BackendJson.read("east", (ObjectNode) JSON.readTree(json));
    }

    @Test
    void clientCredentialsWithATenantUseEntraIdsTokenUrlAndAzureOpenAisScope() throws Exception {
        Backend backend = read("{\"url\": \"https://east.openai.azure.com\", \"credentials\": {\"type\": "
                + "\"client-credentials\", \"tenantId\": \"t-1\", \"clientId\": \"app\", \"clientSecret\": \"s\"}}");

        ClientCredentialsSettings settings = assertInstanceOf(ClientCredentialsCredential.class, backend.credential())
                .tokens().settings();
        assertEquals("https://login.microsoftonline.com/t-1/oauth2/v2.0/token", settings.tokenEndpoint().toString());
        assertEquals(BackendJson.AZURE_OPENAI_SCOPE, settings.scope().orElseThrow());
    }

    @Test
    void anApiKeyIsTheApiKeyHeaderAndIsWrittenBackOnlyForTheStore() throws Exception {
        Backend backend = read("{\"url\": \"https://east.openai.azure.com\", \"credentials\": {\"type\": \"api-key\","
                + " \"key\": \"k-123\"}}");

        ApiKeyCredential key = assertInstanceOf(ApiKeyCredential.class, backend.credential());
        assertEquals("api-key", key.name());
        assertEquals("k-123", BackendJson.write(backend, null, true).path("credentials").path("key").asText());
        ObjectNode shown = BackendJson.write(backend, null, false);
        assertEquals("api-key", shown.path("credentials").path("type").asText());
        assertFalse(shown.toString().contains("k-123"));
    }
}
