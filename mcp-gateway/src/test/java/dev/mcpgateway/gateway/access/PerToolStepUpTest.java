package dev.mcpgateway.gateway.access;

import static dev.mcpgateway.gateway.access.SecuredGateway.CARTS_SCOPE;
import static dev.mcpgateway.gateway.access.SecuredGateway.call;
import static dev.mcpgateway.gateway.access.SecuredGateway.json;
import static dev.mcpgateway.gateway.access.SecuredGateway.toolsList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Per-tool step-up (issue 4 item 5, checklist item 13): a tools/call the caller could make with more scopes answers
 * 403 with a scope challenge; one it could not make with any scopes stays hidden; tools/list is unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerToolStepUpTest {

    private SecuredGateway gw;
    private String metadata;

    @BeforeAll
    void start() throws Exception {
        gw = new SecuredGateway();
        metadata = gw.issuer + "/.well-known/oauth-protected-resource/mcp/shop";
    }

    @AfterAll
    void stop() {
        gw.close();
    }

    private String token(String user, List<String> scopes, List<String> roles) {
        return gw.token(user, gw.url("shop"), scopes, roles);
    }

    private List<String> listed(String token, String session) {
        List<String> names = new ArrayList<>();
        json(gw.mcp("shop", token, session, toolsList()).body()).path("result").path("tools")
                .forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    private void assertScopeChallenge(HttpResponse<String> response, String expectedScopes) {
        SecuredGateway.assertScopeChallenge(response, expectedScopes, metadata);
    }

    @Nested
    class OnStreamableHttp {

        @Test
        void aCallNeedingAnotherScopeIsA403ChallengeNamingEveryScopeAndTheStepUpTokenThenSucceeds() {
            String narrow = token("erin", List.of("mcp:shop"), List.of());
            String session = gw.session("shop", narrow);
            HttpResponse<String> refused = gw.mcp("shop", narrow, session, call("getCart", "{\"cartId\":\"c-1\"}"));
            assertScopeChallenge(refused, "mcp:shop " + CARTS_SCOPE);
            assertEquals(3, json(refused.body()).path("id").asInt(), refused.body());

            // the client re-authorizes with the challenged scopes and retries in the same session (same user)
            String wide = token("erin", List.of("mcp:shop", CARTS_SCOPE), List.of());
            HttpResponse<String> retried = gw.mcp("shop", wide, session, call("getCart", "{\"cartId\":\"c-1\"}"));
            assertEquals(200, retried.statusCode(), retried.body());
            assertTrue(json(retried.body()).has("result"), retried.body());
            assertTrue(listed(wide, session).contains("getCart"));
        }

        @Test
        void theChallengeKeepsScopesTheTokenAlreadyHas() {
            String token = token("frank", List.of("mcp:shop", "offline_access"), List.of());
            String session = gw.session("shop", token);
            assertScopeChallenge(gw.mcp("shop", token, session, call("getCart", "{\"cartId\":\"c-1\"}")),
                    "mcp:shop offline_access " + CARTS_SCOPE);
        }

        @Test
        void toolsListStillShowsOnlyWhatTheTokenAllows() {
            String token = token("gina", List.of("mcp:shop"), List.of());
            List<String> names = listed(token, gw.session("shop", token));
            assertTrue(names.contains("searchProducts"), names.toString());
            assertFalse(names.contains("getCart"), names.toString());
            assertFalse(names.contains("sendFeedback"), names.toString());
            assertFalse(names.contains("createCart"), names.toString());
        }

        @Test
        void aToolHiddenByARoleRuleAnswersAsUnknownWhateverScopesTheTokenHas() {
            for (List<String> scopes : List.of(List.of("mcp:shop"), List.of("mcp:shop", "mcp:shop:support"))) {
                String token = token("hank", scopes, List.of("Reader"));
                String session = gw.session("shop", token);
                HttpResponse<String> refused = gw.mcp("shop", token, session, call("sendFeedback", "{\"rating\":5}"));
                assertEquals(200, refused.statusCode(), refused.body());
                assertTrue(refused.headers().firstValue("WWW-Authenticate").isEmpty());
                JsonNode error = json(refused.body()).path("error");
                assertEquals(-32602, error.path("code").asInt(), refused.body());
                assertEquals("Unknown tool: sendFeedback", error.path("message").asText());
                assertTrue(error.path("data").isMissingNode() || error.path("data").isNull(), refused.body());
            }
        }

        @Test
        void withTheRoleTheMissingScopeIsAStepUpAgain() {
            String token = token("ivy", List.of("mcp:shop"), List.of("Shop.Support"));
            String session = gw.session("shop", token);
            assertScopeChallenge(gw.mcp("shop", token, session, call("sendFeedback", "{\"rating\":5}")),
                    "mcp:shop mcp:shop:support");
        }
    }

    @Nested
    class OnTheStatelessRevision {

        private HttpResponse<String> statelessCall(String token) {
            String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"getCart\","
                    + "\"arguments\":{\"cartId\":\"c-1\"},\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":"
                    + "\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
            return gw.send("POST", "/mcp/shop", body, Map.of("Accept", SecuredGateway.ACCEPT_BOTH,
                    "Authorization", "Bearer " + token, "MCP-Protocol-Version", "2026-07-28",
                    "Mcp-Method", "tools/call", "Mcp-Name", "getCart"));
        }

        @Test
        void theSameChallengeAnswersAndTheSteppedUpTokenSucceeds() {
            HttpResponse<String> refused = statelessCall(token("jack", List.of("mcp:shop"), List.of()));
            assertScopeChallenge(refused, "mcp:shop " + CARTS_SCOPE);
            assertEquals(7, json(refused.body()).path("id").asInt());
            HttpResponse<String> retried = statelessCall(token("jack", List.of("mcp:shop", CARTS_SCOPE), List.of()));
            assertEquals(200, retried.statusCode(), retried.body());
            assertEquals("complete", json(retried.body()).path("result").path("resultType").asText(), retried.body());
        }
    }

    @Nested
    class OnLegacySse {

        @Test
        void theAnswerOnTheStreamIsAJsonRpcErrorCarryingTheChallenge() throws Exception {
            String token = token("kate", List.of("mcp:shop"), List.of());
            HttpRequest open = HttpRequest.newBuilder(URI.create(gw.issuer + "/mcp/shop/sse"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build();
            HttpResponse<Stream<String>> stream = HttpClient.newHttpClient()
                    .send(open, HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = stream.body()) {
                Iterator<String> data = lines.filter(l -> l.startsWith("data:"))
                        .map(l -> l.substring(5).strip()).iterator();
                String messages = data.next();
                HttpResponse<String> posted = gw.send("POST", messages.substring(messages.indexOf("/mcp/shop")),
                        call("getCart", "{\"cartId\":\"c-1\"}"), Map.of("Authorization", "Bearer " + token));
                assertEquals(202, posted.statusCode(), posted.body());
                JsonNode answer = json(data.next());
                assertEquals(3, answer.path("id").asInt(), answer.toString());
                JsonNode error = answer.path("error");
                assertEquals(-32000, error.path("code").asInt(), answer.toString());
                assertEquals("insufficient_scope", error.path("data").path("error").asText());
                assertEquals("mcp:shop " + CARTS_SCOPE, error.path("data").path("scope").asText());
                assertEquals(metadata, error.path("data").path("resource_metadata").asText());
            }
        }
    }

    @Nested
    class AtStartUp {

        @Test
        void aRuleNamingAnUnknownServerStopsStartUpNamingTheKey() throws Exception {
            Map<String, Object> properties = Map.of(
                    "gateway.samples", true,
                    "gateway.auth.issuer", "http://127.0.0.1:1",
                    "gateway.auth.data-dir", Files.createTempDirectory("auth-data").toString(),
                    "gateway.auth.tool-rules[0].server", "shop",
                    "gateway.auth.tool-rules[0].tool", "getCart",
                    "gateway.auth.tool-rules[1].server", "shopp",
                    "gateway.auth.tool-rules[1].tool", "getCart");
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> GatewayFixture.start(Files.createTempDirectory("gw-data"), properties).close());
            Throwable cause = e;
            while (cause.getCause() != null && !String.valueOf(cause.getMessage()).contains("tool-rules")) {
                cause = cause.getCause();
            }
            String message = String.valueOf(cause.getMessage());
            assertTrue(message.contains("gateway.auth.tool-rules[1].server"), message);
            assertTrue(message.contains("'shopp'"), message);
            assertTrue(message.contains("shop"), message);
        }
    }
}
