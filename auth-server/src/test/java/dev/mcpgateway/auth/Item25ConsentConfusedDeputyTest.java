package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.harness.OAuthTestClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checklist 25: per-client consent before going upstream; the page names client, scopes and redirect host; CSRF;
 * no framing; {@code __Host-} Secure HttpOnly SameSite=Lax signed cookies bound to the client; upstream state
 * random, created only after consent, single-use.
 */
class Item25ConsentConfusedDeputyTest {

    static AuthServerHarness harness;
    static final String REDIRECT = "https://vscode.dev/redirect";

    @BeforeAll
    static void start() {
        harness = AuthServerHarness.start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void theConsentPageComesBeforeAnyUpstreamRedirectAndNamesClientHostAndScopes() {
        OAuthTestClient client = harness.client();
        String clientId = client.register(REDIRECT);
        OAuthTestClient.ConsentPage page = client.openConsent(
                client.authorizeParams(clientId, REDIRECT, OAuthTestClient.Pkce.fresh(), harness.weatherUrl()));
        HttpResponse<String> response = page.response();
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Location").isEmpty(), "no upstream redirect before consent");
        assertTrue(response.body().contains("Test MCP Client"));
        assertTrue(response.body().contains("vscode.dev"));
        assertTrue(response.body().contains("mcp:weather"));
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null));
        String csrfCookie = response.headers().allValues("Set-Cookie").getFirst();
        assertTrue(csrfCookie.startsWith("__Host-mcpgw-csrf="), csrfCookie);
        assertCookieAttributes(csrfCookie);
    }

    @Test
    void approvalSetsASignedClientBoundConsentCookieAndOnlyThenAnUpstreamState() {
        OAuthTestClient client = harness.client();
        String clientId = client.register(REDIRECT);
        OAuthTestClient.ConsentPage page = client.openConsent(
                client.authorizeParams(clientId, REDIRECT, OAuthTestClient.Pkce.fresh(), null));
        HttpResponse<String> approved = client.decide(page, "approve");
        assertEquals(302, approved.statusCode());
        String upstream = approved.headers().firstValue("Location").orElseThrow();
        String state = OAuthTestClient.query(URI.create(upstream)).get("state");
        assertTrue(state.length() >= 40, "upstream state is long and random");
        String consentCookie = approved.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("__Host-mcpgw-consent-")).findFirst().orElseThrow();
        assertCookieAttributes(consentCookie);

        // the remembered consent does not carry over to another client
        String otherClient = client.register(REDIRECT);
        HttpResponse<String> other = client.get(client.authorizeUrl(
                client.authorizeParams(otherClient, REDIRECT, OAuthTestClient.Pkce.fresh(), null)));
        assertEquals(200, other.statusCode(), "another client gets its own consent page");

        // a tampered consent cookie is ignored
        String name = consentCookie.substring(0, consentCookie.indexOf('='));
        client.cookies().put(name, client.cookies().get(name).replaceFirst(".$", "x"));
        HttpResponse<String> tampered = client.get(client.authorizeUrl(
                client.authorizeParams(clientId, REDIRECT, OAuthTestClient.Pkce.fresh(), null)));
        assertEquals(200, tampered.statusCode());
    }

    @Test
    void theUpstreamStateIsSingleUse() {
        OAuthTestClient client = harness.client();
        String clientId = client.register(REDIRECT);
        harness.entra().nextLoginIs("oid-25", "Ana", "ana@contoso.example", List.of(), List.of());
        OAuthTestClient.ConsentPage page = client.openConsent(
                client.authorizeParams(clientId, REDIRECT, OAuthTestClient.Pkce.fresh(), null));
        HttpResponse<String> approved = client.decide(page, "approve");
        HttpResponse<String> atUpstream = client.get(approved.headers().firstValue("Location").orElseThrow());
        String callback = atUpstream.headers().firstValue("Location").orElseThrow();
        assertEquals(302, client.get(callback).statusCode());
        HttpResponse<String> replay = client.get(callback);
        assertEquals(400, replay.statusCode());
        assertTrue(replay.headers().firstValue("Location").isEmpty());
    }

    @Test
    void aForgedOrMissingCsrfTokenIsRefusedWithoutRedirecting() {
        OAuthTestClient client = harness.client();
        String clientId = client.register(REDIRECT);
        OAuthTestClient.ConsentPage page = client.openConsent(
                client.authorizeParams(clientId, REDIRECT, OAuthTestClient.Pkce.fresh(), null));
        HttpResponse<String> forged = client.postForm("/consent",
                Map.of("request", page.requestId(), "csrf", "forged", "decision", "approve"));
        assertEquals(403, forged.statusCode());
        assertTrue(forged.headers().firstValue("Location").isEmpty());

        OAuthTestClient attackerBrowser = harness.client();
        HttpResponse<String> crossSite = attackerBrowser.postForm("/consent",
                Map.of("request", page.requestId(), "csrf", page.csrf(), "decision", "approve"));
        assertEquals(403, crossSite.statusCode(), "the token only works with the victim's own CSRF cookie");
    }

    @Test
    void denyingSendsAccessDeniedWithIssToTheClient() {
        OAuthTestClient client = harness.client();
        String clientId = client.register(REDIRECT);
        Map<String, String> params = client.authorizeParams(clientId, REDIRECT, OAuthTestClient.Pkce.fresh(), null);
        HttpResponse<String> denied = client.decide(client.openConsent(params), "deny");
        assertEquals(302, denied.statusCode());
        URI location = URI.create(denied.headers().firstValue("Location").orElseThrow());
        assertTrue(location.toString().startsWith(REDIRECT));
        Map<String, String> query = OAuthTestClient.query(location);
        assertEquals("access_denied", query.get("error"));
        assertEquals(params.get("state"), query.get("state"));
        assertEquals(harness.issuer(), query.get("iss"));
        assertFalse(denied.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.contains("consent-")));
    }

    private static void assertCookieAttributes(String setCookie) {
        assertTrue(setCookie.contains("; Secure"), setCookie);
        assertTrue(setCookie.contains("; HttpOnly"), setCookie);
        assertTrue(setCookie.contains("; SameSite=Lax"), setCookie);
        assertTrue(setCookie.contains("; Path=/"), setCookie);
        assertFalse(setCookie.contains("Domain="), setCookie);
    }
}
