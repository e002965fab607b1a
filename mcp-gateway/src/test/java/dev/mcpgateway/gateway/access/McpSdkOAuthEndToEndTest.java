package dev.mcpgateway.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.testsupport.NodeTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole story with real peers: the official MCP TypeScript SDK client, the gateway serving the sample shop API
 * with OAuth on, its authorization server, and an Entra-shaped OIDC server for the user's login.
 */
class McpSdkOAuthEndToEndTest {

    private static EntraStandIn entra;
    private static GatewayFixture gateway;
    private static String issuer;

    @BeforeAll
    static void start() throws Exception {
        entra = new EntraStandIn();
        int port = SecuredGateway.freePort();
        issuer = "http://127.0.0.1:" + port;
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", port);
        properties.put("gateway.samples", true);
        properties.put("gateway.auth.issuer", issuer);
        properties.put("gateway.auth.data-dir", Files.createTempDirectory("auth-data").toString());
        properties.put("gateway.auth.upstream.issuer", entra.issuer());
        properties.put("gateway.auth.upstream.client-id", EntraStandIn.GATEWAY_APP_ID);
        properties.put("gateway.auth.upstream.client-secret", "entra-client-secret");
        properties.put("gateway.auth.upstream.scopes", "api://" + EntraStandIn.GATEWAY_APP_ID + "/.default");
        gateway = GatewayFixture.start(Files.createTempDirectory("gw-data"), properties);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        entra.close();
    }

    @Test
    void sdkClientDiscoversRegistersSignsInCallsToolsRefreshesAndIsRefusedAfterRevocation() throws Exception {
        String shop = issuer + "/mcp/shop";
        entra.nextLoginIs("oid-ana", "Ana Sdk", "ana@contoso.example", List.of());
        Path script = Path.of(getClass().getResource("/node/sdk-oauth-tools.mjs").toURI());
        NodeTools.Result run = NodeTools.run(script, List.of(shop, "searchProducts", "{\"q\":\"kettle\"}"), Map.of(),
                Duration.ofSeconds(120));
        assertTrue(run.succeeded(), run.output());
        String line = run.output().lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError(run.output()));
        JsonNode result = new ObjectMapper().readTree(line.substring(7));

        assertEquals("Unauthorized", result.get("firstConnect").asText(), "the first connect meets a 401");
        assertTrue(result.get("registered").asBoolean(), "dynamic client registration");
        JsonNode request = result.get("authorizationRequest");
        assertEquals("S256", request.get("code_challenge_method").asText());
        assertEquals(shop, request.get("resource").asText(), "the resource named by the gateway's PRM");
        assertTrue(result.get("stateMatches").asBoolean());
        SignedJWT access = SignedJWT.parse(result.get("accessToken").asText());
        assertEquals(List.of(shop), access.getJWTClaimsSet().getAudience());
        assertEquals("oid-ana", access.getJWTClaimsSet().getSubject());

        List<String> tools = new ObjectMapper().convertValue(result.get("tools"), List.class);
        assertEquals(List.of("searchProducts", "getProduct", "createCart", "getCart", "sendFeedback"), tools);
        assertFalse(result.get("call").get("isError").asBoolean(), result.get("call").toString());
        assertTrue(result.get("call").get("text").asText().contains("Kettle"), result.get("call").toString());

        assertEquals("AUTHORIZED", result.get("afterRefresh").asText());
        assertTrue(result.get("refreshRotated").asBoolean());
        assertTrue(result.get("callAfterRefresh").asBoolean());

        assertEquals(200, result.get("revokeStatus").asInt());
        assertEquals(401, result.get("revokedTokenStatus").asInt(), "revocation kills the access token too");
        assertEquals("Unauthorized", result.get("afterRevoke").asText());
        assertTrue(result.get("sentBackToLogin").asBoolean());
    }
}
