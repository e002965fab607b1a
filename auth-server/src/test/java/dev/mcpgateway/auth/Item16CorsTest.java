package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.harness.OAuthTestClient;
import dev.mcpgateway.auth.resource.CorsPolicy;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checklist 16: browser clients (MCP Inspector) can call discovery, /token, /register and /revoke cross-origin;
 * the MCP headers are allowed and WWW-Authenticate / Mcp-Session-Id exposed.
 */
class Item16CorsTest {

    static AuthServerHarness harness;

    @BeforeAll
    static void start() {
        harness = AuthServerHarness.start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void preflightsOnOAuthEndpointsAreAnsweredWithTheMcpHeaders() {
        OAuthTestClient client = harness.client();
        for (String path : new String[] {"/.well-known/oauth-authorization-server", "/token", "/register", "/revoke"}) {
            HttpResponse<String> preflight = client.options(path, "http://localhost:6274");
            assertTrue(preflight.statusCode() < 300, path + " -> " + preflight.statusCode());
            assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null), path);
            String allowed = preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("");
            for (String header : new String[] {"Authorization", "Content-Type", "Mcp-Session-Id", "MCP-Protocol-Version",
                    "Last-Event-ID"}) {
                assertTrue(allowed.contains(header), path + " allows " + header);
            }
        }
    }

    @Test
    void actualResponsesExposeTheChallengeAndSessionHeaders() {
        HttpResponse<String> metadata = harness.client().get(harness.issuer() + "/.well-known/oauth-authorization-server");
        assertEquals("*", metadata.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals(CorsPolicy.EXPOSED_HEADERS,
                metadata.headers().firstValue("Access-Control-Expose-Headers").orElse(null));
        HttpResponse<String> token = harness.client().postForm("/token", Map.of("grant_type", "authorization_code"));
        assertEquals("*", token.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void mcpPathPolicyListsEveryHeaderAnMcpBrowserClientSends() {
        Map<String, String> headers = CorsPolicy.preflightHeaders("http://localhost:6274");
        assertTrue(headers.get("Access-Control-Allow-Methods").contains("DELETE"));
        assertEquals(CorsPolicy.ALLOWED_HEADERS, headers.get("Access-Control-Allow-Headers"));
    }
}
