package dev.mcpgateway.gateway.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole gateway (catalog-backed protected resources, sample MCP servers) with its authorization server on: the
 * LLM API is one more resource, and a token for it calls the proxy while an MCP server's token does not.
 */
class LlmGatewayTokenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER = "https://gateway.example";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private FakeOpenAiBackend fake;
    private GatewayFixture gateway;

    @BeforeEach
    void start() throws Exception {
        fake = FakeOpenAiBackend.start("east");
        gateway = GatewayFixture.start(dir.resolve("data"), Map.of(
                "gateway.samples", true,
                "gateway.auth.issuer", ISSUER,
                "gateway.auth.data-dir", dir.resolve("auth").toString()));
        assertEquals(201, gateway.admin("PUT", "/admin/backends/east", "{\"url\":\"" + fake.baseUri()
                + "\",\"aiProvider\":\"azure-openai\",\"credentials\":{\"header\":{\"api-key\":[\"upstream-secret\"]}},"
                + "\"models\":[\"gpt-4o\"]}").status());
    }

    @AfterEach
    void stop() {
        gateway.close();
        fake.close();
    }

    @Test
    void aTokenForTheLlmResourceCallsTheProxyAndAnMcpServersTokenDoesNot() throws Exception {
        String basic = registerAgent();
        String llmToken = token(basic, ISSUER + "/openai");
        String shopToken = token(basic, ISSUER + "/mcp/shop");

        assertEquals(200, chat(llmToken).status());
        GatewayFixture.Response refused = chat(shopToken);

        assertEquals(401, refused.status());
        assertEquals("invalid_api_key", refused.json().path("error").path("code").asText());
        assertEquals(1, fake.requestCount());
    }

    @Test
    void theLlmResourceIsListedBesideTheCatalogsMcpServers() throws Exception {
        GatewayFixture.Response llm = gateway.send("GET", "/.well-known/oauth-protected-resource/openai", null, Map.of());
        GatewayFixture.Response shop = gateway.send("GET", "/.well-known/oauth-protected-resource/mcp/shop", null,
                Map.of());

        assertEquals(ISSUER + "/openai", llm.json().path("resource").asText());
        assertEquals(ISSUER + "/mcp/shop", shop.json().path("resource").asText());
    }

    private GatewayFixture.Response chat(String token) throws Exception {
        return gateway.send("POST", "/v1/chat/completions",
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                Map.of("Authorization", "Bearer " + token));
    }

    private String registerAgent() throws Exception {
        GatewayFixture.Response registered = gateway.send("POST", "/register", "{\"client_name\":\"agent\","
                + "\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"client_secret_basic\"}",
                Map.of());
        assertEquals(201, registered.status(), registered.body());
        JsonNode json = registered.json();
        return "Basic " + Base64.getEncoder().encodeToString((json.get("client_id").asText() + ":"
                + json.get("client_secret").asText()).getBytes(StandardCharsets.UTF_8));
    }

    private String token(String basic, String resource) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(gateway.uri("/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&resource="
                        + URLEncoder.encode(resource, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("access_token"));
        return JSON.readTree(r.body()).get("access_token").asText();
    }
}
