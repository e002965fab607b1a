package dev.mcpgateway.gateway.access;

import static dev.mcpgateway.gateway.access.SecuredGateway.call;
import static dev.mcpgateway.gateway.access.SecuredGateway.initialize;
import static dev.mcpgateway.gateway.access.SecuredGateway.json;
import static dev.mcpgateway.gateway.access.SecuredGateway.toolsList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** OAuth on every MCP path of a server in mode oauth (checklist items 12-15). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthOnMcpEndpointsTest {

    private SecuredGateway gw;

    @BeforeAll
    void start() throws Exception {
        gw = new SecuredGateway();
    }

    @AfterAll
    void stop() {
        gw.close();
    }

    private String shopToken(String subject) {
        return gw.token(subject, gw.url("shop"), List.of("mcp:shop"), List.of());
    }

    private void assertChallenge(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.startsWith("Bearer "), challenge);
        assertTrue(challenge.contains("resource_metadata=\"" + gw.issuer
                + "/.well-known/oauth-protected-resource/mcp/shop\""), challenge);
        assertTrue(challenge.contains("scope=\"mcp:shop\""), challenge);
        if (error == null) {
            assertFalse(challenge.contains("error="), challenge);
        } else {
            assertTrue(challenge.contains("error=\"" + error + "\""), challenge);
        }
        assertEquals(-32000, json(response.body()).path("error").path("code").asInt());
    }

    @Nested
    class Item12RequestsWithoutAGoodTokenGet401 {

        @Test
        void everyMcpPathAnswersAMissingTokenWithTheDiscoveryChallenge() {
            List<HttpResponse<String>> answers = new ArrayList<>();
            answers.add(gw.mcp("shop", null, null, initialize()));
            answers.add(gw.send("GET", "/mcp/shop", null, Map.of("Accept", "text/event-stream")));
            answers.add(gw.send("DELETE", "/mcp/shop", null, Map.of("Mcp-Session-Id", "x")));
            answers.add(gw.send("GET", "/mcp/shop/sse", null, Map.of("Accept", "text/event-stream")));
            answers.add(gw.send("POST", "/mcp/shop/messages?sessionId=abc", toolsList(), Map.of()));
            // a stateless 2026-07-28 request carries no session at all: still refused
            answers.add(gw.send("POST", "/mcp/shop", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":"
                    + "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}",
                    Map.of("Accept", SecuredGateway.ACCEPT_BOTH, "MCP-Protocol-Version", "2026-07-28",
                            "Mcp-Method", "tools/list")));
            answers.forEach(a -> assertChallenge(a, 401, null));
        }

        @Test
        void aTokenForAnotherMcpServerIsRefused() {
            String forEcho = gw.token("alice", gw.url("echo"), List.of("mcp:echo", "mcp:shop"), List.of());
            assertChallenge(gw.mcp("shop", forEcho, null, initialize()), 401, "invalid_token");
        }

        @Test
        void anExpiredTokenIsRefused() {
            assertChallenge(gw.mcp("shop", gw.expiredToken("alice", gw.url("shop"), List.of("mcp:shop")), null,
                    initialize()), 401, "invalid_token");
        }

        @Test
        void aTokenSignedByAnotherKeyOrIssuerIsRefused() throws Exception {
            RSAKey foreign = new RSAKeyGenerator(2048).keyID("foreign").generate();
            assertChallenge(gw.mcp("shop", foreignToken(foreign, gw.issuer), null, initialize()), 401,
                    "invalid_token");
            // an Entra-issued token, as a client that skipped our authorization server would send
            assertChallenge(gw.mcp("shop", foreignToken(foreign,
                    "https://login.microsoftonline.com/tenant-1/v2.0"), null, initialize()), 401, "invalid_token");
            assertChallenge(gw.mcp("shop", "not-a-jwt", null, initialize()), 401, "invalid_token");
        }

        private String foreignToken(RSAKey key, String issuer) throws Exception {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(new JOSEObjectType("at+jwt")).build(), new JWTClaimsSet.Builder().issuer(issuer)
                    .audience(gw.url("shop")).subject("mallory").jwtID(UUID.randomUUID().toString())
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                    .claim("scope", "mcp:shop").build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
    }

    @Nested
    class Item13ValidTokenWithoutTheServerScopeGets403 {

        @Test
        void answersInsufficientScopeNamingTheScopeToStepUpTo() {
            String noScope = gw.token("alice", gw.url("shop"), List.of(), List.of());
            assertChallenge(gw.mcp("shop", noScope, null, initialize()), 403, "insufficient_scope");
        }
    }

    @Nested
    class Item14TokenCheckedOnEveryRequest {

        @Test
        void aGoodTokenListsAndCallsTools() {
            String token = shopToken("alice");
            String session = gw.session("shop", token);
            JsonNode tools = json(gw.mcp("shop", token, session, toolsList()).body()).path("result").path("tools");
            assertTrue(tools.toString().contains("searchProducts"), tools.toString());
            JsonNode result = json(gw.mcp("shop", token, session, call("searchProducts", "{\"q\":\"kettle\"}"))
                    .body()).path("result");
            assertFalse(result.path("isError").asBoolean(), result.toString());
        }

        @Test
        void aSessionIdWithoutTheTokenIsNotAuthentication() {
            String session = gw.session("shop", shopToken("alice"));
            assertChallenge(gw.mcp("shop", null, session, toolsList()), 401, null);
            assertChallenge(gw.send("DELETE", "/mcp/shop", null, Map.of("Mcp-Session-Id", session)), 401, null);
        }

        @Test
        void anotherUsersSessionIsRejected() {
            String session = gw.session("shop", shopToken("alice"));
            HttpResponse<String> asBob = gw.mcp("shop", shopToken("bob"), session, toolsList());
            assertEquals(404, asBob.statusCode(), asBob.body());
        }

        @Test
        void theLegacySseTransportAdmitsAGoodTokenAndBindsTheSessionToItsUser() throws Exception {
            String aliceToken = shopToken("alice");
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(gw.issuer + "/mcp/shop/sse"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + aliceToken)
                    .build();
            HttpResponse<java.util.stream.Stream<String>> stream = java.net.http.HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofLines());
            try (var lines = stream.body()) {
                assertEquals(200, stream.statusCode());
                String endpoint = lines.filter(l -> l.startsWith("data:")).findFirst().orElseThrow();
                assertTrue(endpoint.contains("/mcp/shop/messages?sessionId="), endpoint);
                String messages = endpoint.substring(endpoint.indexOf("/mcp/shop/messages")).strip();
                // the legacy session id is no key either: without a token 401, with another user's token 404
                assertChallenge(gw.send("POST", messages, toolsList(), Map.of()), 401, null);
                HttpResponse<String> asBob = gw.send("POST", messages, toolsList(),
                        Map.of("Authorization", "Bearer " + shopToken("bob")));
                assertEquals(404, asBob.statusCode(), asBob.body());
                HttpResponse<String> asAlice = gw.send("POST", messages, toolsList(),
                        Map.of("Authorization", "Bearer " + aliceToken));
                assertEquals(202, asAlice.statusCode(), asAlice.body());
            }
        }
    }

    @Nested
    class Item15TheClientsTokenNeverReachesABackend {

        @Test
        void theBackendSeesNeitherTheBearerTokenNorTheSession() {
            String token = gw.token("alice", gw.url("echo"), List.of("mcp:echo"), List.of());
            String session = gw.session("echo", token);
            gw.backendRequests.clear();
            JsonNode result = json(gw.mcp("echo", token, session, call("whoami", "{}")).body()).path("result");
            assertFalse(result.path("isError").asBoolean(), result.toString());
            assertEquals(1, gw.backendRequests.size());
            Map<String, List<String>> headers = gw.backendRequests.getFirst();
            headers.forEach((name, values) -> values.forEach(v -> assertFalse(v.contains(token),
                    "backend got the client's token in " + name)));
            assertTrue(headers.keySet().stream().noneMatch(n -> n.equalsIgnoreCase("Authorization")
                    || n.equalsIgnoreCase("Mcp-Session-Id")), headers.keySet().toString());
        }
    }
}
