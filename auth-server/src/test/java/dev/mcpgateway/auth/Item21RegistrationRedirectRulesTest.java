package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mcpgateway.auth.client.RedirectUris;
import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.harness.OAuthTestClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checklist 21: only HTTPS or loopback HTTP redirect URIs can be registered. */
class Item21RegistrationRedirectRulesTest {

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
    void dangerousRedirectUrisAreRefusedWithInvalidRedirectUri() {
        for (String bad : new String[] {"http://example.com/callback", "javascript:alert(1)",
                "data:text/html,<script>alert(1)</script>", "https://vscode.dev/redirect#frag", "not a uri", "/relative"}) {
            HttpResponse<String> response = harness.client().postJson("/register",
                    "{\"redirect_uris\":[\"" + bad.replace("\"", "\\\"") + "\"]}");
            assertEquals(400, response.statusCode(), bad);
            assertEquals("invalid_redirect_uri", OAuthTestClient.json(response).get("error").asText(), bad);
        }
    }

    @Test
    void httpsAndLoopbackHttpAreAccepted() {
        assertNull(RedirectUris.whyNotRegistrable("https://claude.ai/api/mcp/auth_callback"));
        assertNull(RedirectUris.whyNotRegistrable("http://127.0.0.1:33418/"));
        assertNull(RedirectUris.whyNotRegistrable("http://[::1]:8080/cb"));
        assertNull(RedirectUris.whyNotRegistrable("http://localhost:6274/oauth/callback"));
        assertNotNull(RedirectUris.whyNotRegistrable("http://127.0.0.1.nip.io/cb"));
    }
}
