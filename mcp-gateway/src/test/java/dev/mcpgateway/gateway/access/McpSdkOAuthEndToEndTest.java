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
    private static com.sun.net.httpserver.HttpServer backend;
    private static final List<String> backendAuthorization = new java.util.concurrent.CopyOnWriteArrayList<>();

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
        // an API whose backend is called as the signed-in user (RFC 8693 token exchange at the stand-in)
        backend = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(
                java.net.InetAddress.getLoopbackAddress(), 0), 0);
        backend.createContext("/whoami", exchange -> {
            backendAuthorization.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"ok\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        ObjectMapper json = new ObjectMapper();
        String spec = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"inventory\",\"version\":\"1\"},\"paths\":"
                + "{\"/whoami\":{\"get\":{\"operationId\":\"whoami\",\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}";
        assertEquals(201, gateway.admin("PUT", "/admin/apis/inventory", json.writeValueAsString(Map.of(
                "openapi", json.readTree(spec), "serviceUrl", "http://127.0.0.1:" + backend.getAddress().getPort(),
                "credentials", Map.of("type", "onBehalfOf", "audience", "inventory-backend")))).status());
        assertEquals(201, gateway.admin("PUT", "/admin/mcp-servers/inventory", "{\"apiId\":\"inventory\"}").status());
    }

    @AfterAll
    static void stop() {
        backend.stop(0);
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

    @Test
    void anOnBehalfOfApiIsCalledWithABackendTokenForTheSameUserNeverTheClientsToken() throws Exception {
        String inventory = issuer + "/mcp/inventory";
        entra.nextLoginIs("oid-bo", "Bo Obo", "bo@contoso.example", List.of());
        Path script = Path.of(getClass().getResource("/node/sdk-oauth-tools.mjs").toURI());
        backendAuthorization.clear();
        NodeTools.Result run = NodeTools.run(script, List.of(inventory, "whoami", "{}"), Map.of(),
                Duration.ofSeconds(120));
        assertTrue(run.succeeded(), run.output());
        String line = run.output().lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError(run.output()));
        JsonNode result = new ObjectMapper().readTree(line.substring(7));
        assertFalse(result.get("call").get("isError").asBoolean(), result.get("call").toString());
        assertEquals(2, backendAuthorization.size(), "one call before and one after the refresh");
        for (String authorization : backendAuthorization) {
            assertTrue(authorization.startsWith("Bearer "), authorization);
            String token = authorization.substring(7);
            assertFalse(token.equals(result.get("accessToken").asText())
                    || token.equals(result.get("refreshedAccessToken").asText()), "the client's token was forwarded");
            var claims = SignedJWT.parse(token).getJWTClaimsSet();
            assertEquals(entra.issuer(), claims.getIssuer().replaceAll("/$", "").replace("//localhost:", "//127.0.0.1:"),
                    "issued by the upstream provider");
            assertEquals("oid-bo", claims.getStringClaim("oid"), "a backend token for the same user");
        }
    }
}
