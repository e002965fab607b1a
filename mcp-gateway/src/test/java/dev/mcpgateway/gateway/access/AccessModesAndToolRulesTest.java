package dev.mcpgateway.gateway.access;

import static dev.mcpgateway.gateway.access.SecuredGateway.call;
import static dev.mcpgateway.gateway.access.SecuredGateway.json;
import static dev.mcpgateway.gateway.access.SecuredGateway.toolsList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Per-server access modes, per-tool rules, protected resource metadata and CORS on MCP paths. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessModesAndToolRulesTest {

    private SecuredGateway gw;

    @BeforeAll
    void start() throws Exception {
        gw = new SecuredGateway();
    }

    @AfterAll
    void stop() {
        gw.close();
    }

    private static List<String> names(JsonNode tools) {
        List<String> names = new ArrayList<>();
        tools.forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    @Nested
    class ToolRulesByRole {

        @Test
        void aCallerWithoutTheRoleCanNeitherListNorCallTheTool() {
            String token = gw.token("carol", gw.url("shop"), List.of("mcp:shop"), List.of("Reader"));
            String session = gw.session("shop", token);
            List<String> listed = names(json(gw.mcp("shop", token, session, toolsList()).body())
                    .path("result").path("tools"));
            assertTrue(listed.contains("searchProducts"), listed.toString());
            assertFalse(listed.contains("createCart"), listed.toString());
            JsonNode refused = json(gw.mcp("shop", token, session, call("createCart", "{}")).body());
            assertEquals(-32602, refused.path("error").path("code").asInt(), refused.toString());
            // answered like a tool that does not exist: the name of a hidden tool does not leak
            JsonNode unknown = json(gw.mcp("shop", token, session, call("noSuchTool", "{}")).body());
            assertEquals(unknown.path("error").path("message").asText().replace("noSuchTool", "X"),
                    refused.path("error").path("message").asText().replace("createCart", "X"));
        }

        @Test
        void aCallerWithTheRoleListsAndCallsIt() {
            String token = gw.token("dave", gw.url("shop"), List.of("mcp:shop"), List.of("Shop.Buyer"));
            String session = gw.session("shop", token);
            List<String> listed = names(json(gw.mcp("shop", token, session, toolsList()).body())
                    .path("result").path("tools"));
            assertTrue(listed.contains("createCart"), listed.toString());
            JsonNode result = json(gw.mcp("shop", token, session, call("createCart", "{}")).body());
            assertTrue(result.has("result"), result.toString());
        }
    }

    @Nested
    class SubscriptionKeyMode {

        @Test
        void theRightKeyInEitherHeaderIsAccepted() {
            for (String header : List.of("api-key", "Ocp-Apim-Subscription-Key")) {
                HttpResponse<String> init = gw.send("POST", "/mcp/keyed", SecuredGateway.initialize(),
                        Map.of("Accept", SecuredGateway.ACCEPT_BOTH, header, SecuredGateway.SUBSCRIPTION_KEY));
                assertEquals(200, init.statusCode(), header + ": " + init.body());
            }
        }

        @Test
        void anyOtherKeyOrNoKeyOrABearerTokenIsRefused() {
            String shopToken = gw.token("alice", gw.url("keyed"), List.of("mcp:keyed"), List.of());
            List<Map<String, String>> attempts = List.of(Map.of(), Map.of("api-key", "wrong"),
                    Map.of("Ocp-Apim-Subscription-Key", SecuredGateway.SUBSCRIPTION_KEY + "x"),
                    Map.of("Authorization", "Bearer " + shopToken));
            for (Map<String, String> headers : attempts) {
                Map<String, String> all = new java.util.HashMap<>(headers);
                all.put("Accept", SecuredGateway.ACCEPT_BOTH);
                HttpResponse<String> init = gw.send("POST", "/mcp/keyed", SecuredGateway.initialize(), all);
                assertEquals(401, init.statusCode(), headers + ": " + init.body());
            }
        }

        @Test
        void theKeyIsStoredAndShownOnlyHashed() throws Exception {
            String shown = gw.gateway.admin("GET", "/admin/mcp-servers/keyed", null).body();
            assertFalse(shown.contains(SecuredGateway.SUBSCRIPTION_KEY), shown);
            assertTrue(shown.contains("sha256:"), shown);
        }
    }

    @Nested
    class OnBehalfOfWithoutAUserSession {

        @Test
        void theCallFailsAsAToolErrorAndTheBackendIsNeverCalled() {
            Map<String, String> key = Map.of("Accept", SecuredGateway.ACCEPT_BOTH,
                    "api-key", SecuredGateway.SUBSCRIPTION_KEY);
            HttpResponse<String> init = gw.send("POST", "/mcp/echo-as-user", SecuredGateway.initialize(), key);
            String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            Map<String, String> inSession = new java.util.HashMap<>(key);
            inSession.put("Mcp-Session-Id", session);
            inSession.put("MCP-Protocol-Version", "2025-06-18");
            gw.backendRequests.clear();
            JsonNode result = json(gw.send("POST", "/mcp/echo-as-user", call("whoami", "{}"), inSession).body())
                    .path("result");
            assertTrue(result.path("isError").asBoolean(), result.toString());
            assertTrue(result.toString().contains("credentials"), result.toString());
            assertEquals(0, gw.backendRequests.size(), "nothing reaches the backend without a user token");
        }
    }

    @Nested
    class ModeNone {

        @Test
        void anOpenServerNeedsNoCredentials() {
            HttpResponse<String> init = gw.mcp("open", null, null, SecuredGateway.initialize());
            assertEquals(200, init.statusCode(), init.body());
        }
    }

    @Nested
    class Item11ProtectedResourceMetadata {

        @Test
        void eachOAuthServerHasADocumentWhoseResourceIsItsMcpUrl() {
            for (String server : List.of("shop", "echo")) {
                HttpResponse<String> prm = gw.send("GET", "/.well-known/oauth-protected-resource/mcp/" + server, null,
                        Map.of());
                assertEquals(200, prm.statusCode(), prm.body());
                JsonNode doc = json(prm.body());
                assertEquals(gw.url(server), doc.path("resource").asText());
                assertEquals(gw.issuer, doc.path("authorization_servers").get(0).asText());
                assertEquals("mcp:" + server, doc.path("scopes_supported").get(0).asText());
            }
        }

        @Test
        void theRootDocumentNamesAnOAuthServer() {
            HttpResponse<String> prm = gw.send("GET", "/.well-known/oauth-protected-resource", null, Map.of());
            assertEquals(200, prm.statusCode(), prm.body());
            assertTrue(List.of(gw.url("shop"), gw.url("echo")).contains(json(prm.body()).path("resource").asText()));
        }

        @Test
        void serversNotInOAuthModeHaveNone() {
            for (String server : List.of("keyed", "open")) {
                assertEquals(404, gw.send("GET", "/.well-known/oauth-protected-resource/mcp/" + server, null,
                        Map.of()).statusCode());
            }
        }
    }

    @Nested
    class Item16Cors {

        @Test
        void aPreflightOnAnMcpPathAllowsTheMcpHeaders() {
            for (String path : List.of("/mcp/shop", "/mcp/shop/sse", "/mcp/shop/messages")) {
                HttpResponse<String> preflight = gw.send("OPTIONS", path, null, Map.of(
                        "Origin", "http://localhost:6274", "Access-Control-Request-Method", "POST",
                        "Access-Control-Request-Headers", "authorization, content-type, mcp-protocol-version"));
                assertEquals(204, preflight.statusCode(), path);
                String allowed = preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow();
                for (String header : List.of("Authorization", "Content-Type", "Mcp-Session-Id",
                        "MCP-Protocol-Version", "Last-Event-ID")) {
                    assertTrue(allowed.contains(header), allowed);
                }
                assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()
                        .contains("DELETE"));
            }
        }

        @Test
        void aBrowsersUnauthenticatedRequestCanReadTheChallenge() {
            HttpResponse<String> refused = gw.send("POST", "/mcp/shop", SecuredGateway.initialize(), Map.of(
                    "Origin", "http://localhost:6274", "Accept", SecuredGateway.ACCEPT_BOTH));
            assertEquals(401, refused.statusCode());
            String exposed = refused.headers().firstValue("Access-Control-Expose-Headers").orElseThrow();
            assertTrue(exposed.contains("WWW-Authenticate") && exposed.contains("Mcp-Session-Id"), exposed);
            assertEquals("*", refused.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        }

        @Test
        void wellKnownDocumentsAreReadableCrossOrigin() {
            HttpResponse<String> prm = gw.send("GET", "/.well-known/oauth-protected-resource/mcp/shop", null,
                    Map.of("Origin", "http://localhost:6274"));
            assertEquals("*", prm.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        }
    }
}
