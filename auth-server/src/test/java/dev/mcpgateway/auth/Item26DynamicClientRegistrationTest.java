package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.harness.OAuthTestClient;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checklist 26: RFC 7591 registration, lenient as real clients need (VS Code, Claude, MCP Inspector bodies),
 * with RFC-named errors; unknown clients at /token get 401 invalid_client so they re-register.
 */
class Item26DynamicClientRegistrationTest {

    static AuthServerHarness harness;

    // VS Code's real body: four redirect URIs with trailing slashes, the device code grant, application_type native
    static final String VS_CODE = """
            {"client_name":"Visual Studio Code","client_uri":"https://code.visualstudio.com",
             "grant_types":["authorization_code","refresh_token","urn:ietf:params:oauth:grant-type:device_code"],
             "response_types":["code"],
             "redirect_uris":["https://insiders.vscode.dev/redirect","https://vscode.dev/redirect",
                              "http://127.0.0.1/","http://127.0.0.1:33418/"],
             "token_endpoint_auth_method":"none","application_type":"native"}""";
    static final String CLAUDE = """
            {"client_name":"Claude","redirect_uris":["https://claude.ai/api/mcp/auth_callback",
             "https://claude.com/api/mcp/auth_callback"],"grant_types":["authorization_code","refresh_token"],
             "response_types":["code"],"token_endpoint_auth_method":"none","scope":"mcp:weather"}""";
    static final String INSPECTOR = """
            {"redirect_uris":["http://localhost:6274/oauth/callback","http://localhost:6274/oauth/callback/debug"],
             "token_endpoint_auth_method":"none","grant_types":["authorization_code","refresh_token"],
             "response_types":["code"],"client_name":"MCP Inspector","client_uri":"https://github.com/modelcontextprotocol/inspector",
             "software_id":"inspector","software_version":"2.0.0"}""";

    @BeforeAll
    static void start() {
        harness = AuthServerHarness.start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void vsCodesRealRegistrationIsAcceptedAndTheDeviceGrantIgnored() {
        JsonNode client = registered(VS_CODE);
        assertEquals(4, client.get("redirect_uris").size());
        assertEquals("http://127.0.0.1:33418/", client.get("redirect_uris").get(3).asText());
        assertFalse(client.get("grant_types").toString().contains("device_code"));
        assertEquals("native", client.get("application_type").asText());
        assertEquals("none", client.get("token_endpoint_auth_method").asText());
    }

    @Test
    void claudesAndInspectorsRegistrationsAreAccepted() {
        assertEquals("https://claude.ai/api/mcp/auth_callback", registered(CLAUDE).get("redirect_uris").get(0).asText());
        assertEquals("http://localhost:6274/oauth/callback", registered(INSPECTOR).get("redirect_uris").get(0).asText());
        JsonNode cli = registered("{\"redirect_uris\":[\"http://127.0.0.1:6276/oauth/callback\"]}");
        assertTrue(cli.get("grant_types").toString().contains("authorization_code"));
    }

    @Test
    void badMetadataGetsInvalidClientMetadata() {
        for (String bad : new String[] {"[]", "not json", "{\"redirect_uris\":\"https://x.example/cb\"}",
                "{\"redirect_uris\":[\"https://x.example/cb\"],\"token_endpoint_auth_method\":\"private_key_jwt\"}"}) {
            HttpResponse<String> response = harness.client().postJson("/register", bad);
            assertEquals(400, response.statusCode(), bad);
            assertEquals("invalid_client_metadata", OAuthTestClient.json(response).get("error").asText(), bad);
        }
    }

    @Test
    void anUnknownClientAtTheTokenEndpointGets401InvalidClient() {
        HttpResponse<String> response = harness.client().postForm("/token", Map.of("grant_type", "refresh_token",
                "client_id", "deleted-client", "refresh_token", "whatever"));
        assertEquals(401, response.statusCode());
        assertEquals("invalid_client", OAuthTestClient.json(response).get("error").asText());
    }

    @Test
    void aConfidentialAgentClientUsesClientCredentials() {
        JsonNode agent = registered("{\"client_name\":\"nightly-agent\",\"grant_types\":[\"client_credentials\"],"
                + "\"token_endpoint_auth_method\":\"client_secret_basic\"}");
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (agent.get("client_id").asText() + ":" + agent.get("client_secret").asText()).getBytes());
        HttpResponse<String> token = harness.client().postForm("/token",
                Map.of("grant_type", "client_credentials", "resource", harness.ticketsUrl()), basic);
        assertEquals(200, token.statusCode(), token.body());
        assertFalse(OAuthTestClient.json(token).has("refresh_token"));

        String wrong = "Basic " + Base64.getEncoder().encodeToString((agent.get("client_id").asText() + ":nope").getBytes());
        assertEquals(401, harness.client().postForm("/token", Map.of("grant_type", "client_credentials"), wrong).statusCode());
    }

    @Test
    void aPublicClientCannotUseClientCredentials() {
        JsonNode client = registered(CLAUDE);
        HttpResponse<String> token = harness.client().postForm("/token",
                Map.of("grant_type", "client_credentials", "client_id", client.get("client_id").asText()));
        assertEquals("unauthorized_client", OAuthTestClient.json(token).get("error").asText());
    }

    private static JsonNode registered(String body) {
        HttpResponse<String> response = harness.client().postJson("/register", body);
        assertEquals(201, response.statusCode(), response.body());
        JsonNode json = OAuthTestClient.json(response);
        assertFalse(json.get("client_id").asText().isBlank());
        return json;
    }
}
