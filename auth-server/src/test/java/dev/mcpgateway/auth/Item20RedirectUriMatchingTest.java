package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.auth.client.RedirectUris;
import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.harness.OAuthTestClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checklist 20: exact redirect matching except the loopback port (RFC 8252 7.3); an unregistered redirect gets
 * an error page and never a redirect.
 */
class Item20RedirectUriMatchingTest {

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
    void loopbackRedirectsMayUseAnyPortButNothingElseMayDiffer() {
        List<String> registered = List.of("http://127.0.0.1/", "http://localhost:6274/oauth/callback",
                "https://vscode.dev/redirect");
        assertTrue(RedirectUris.match(registered, "http://127.0.0.1:51234/").isPresent());
        assertTrue(RedirectUris.match(registered, "http://localhost:7000/oauth/callback").isPresent());
        assertTrue(RedirectUris.match(registered, "https://vscode.dev/redirect").isPresent());
        assertFalse(RedirectUris.match(registered, "http://127.0.0.1:51234/other").isPresent());
        assertFalse(RedirectUris.match(registered, "http://localhost:6274/oauth/callback?x=1").isPresent());
        assertFalse(RedirectUris.match(registered, "https://vscode.dev/redirect/").isPresent());
        assertFalse(RedirectUris.match(registered, "https://vscode.dev:8443/redirect").isPresent());
        assertFalse(RedirectUris.match(registered, "http://127.0.0.2:51234/").isPresent());
    }

    @Test
    void anotherLoopbackPortIsAcceptedAtAuthorize() {
        OAuthTestClient client = harness.client();
        String clientId = client.register("http://127.0.0.1/");
        Map<String, String> params = client.authorizeParams(clientId, "http://127.0.0.1:40111/",
                OAuthTestClient.Pkce.fresh(), null);
        assertEquals(200, client.get(client.authorizeUrl(params)).statusCode());
    }

    @Test
    void anUnregisteredRedirectGetsAnErrorPageNotARedirect() {
        OAuthTestClient client = harness.client();
        String clientId = client.register("https://vscode.dev/redirect");
        Map<String, String> params = client.authorizeParams(clientId, "https://attacker.example/steal",
                OAuthTestClient.Pkce.fresh(), null);
        HttpResponse<String> response = client.get(client.authorizeUrl(params));
        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Location").isEmpty());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertFalse(response.body().contains("attacker.example"));
    }

    @Test
    void anUnknownClientGetsAnErrorPageNotARedirect() {
        OAuthTestClient client = harness.client();
        Map<String, String> params = client.authorizeParams("no-such-client", "https://vscode.dev/redirect",
                OAuthTestClient.Pkce.fresh(), null);
        HttpResponse<String> response = client.get(client.authorizeUrl(params));
        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Location").isEmpty());
    }
}
