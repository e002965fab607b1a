package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.harness.OAuthTestClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checklist 18: authorization code with PKCE S256 only. */
class Item18PkceS256OnlyTest {

    static AuthServerHarness harness;
    static final String REDIRECT = "http://127.0.0.1:6276/oauth/callback";

    @BeforeAll
    static void start() {
        harness = AuthServerHarness.start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void missingChallengeIsRefusedAtTheRedirectUri() {
        OAuthTestClient client = harness.client();
        String clientId = client.register(REDIRECT);
        Map<String, String> params = client.authorizeParams(clientId, REDIRECT, OAuthTestClient.Pkce.fresh(), null);
        params.remove("code_challenge");
        params.remove("code_challenge_method");
        assertRedirectError(client, params, "invalid_request");
    }

    @Test
    void plainMethodIsRefused() {
        OAuthTestClient client = harness.client();
        String clientId = client.register(REDIRECT);
        Map<String, String> params = client.authorizeParams(clientId, REDIRECT, OAuthTestClient.Pkce.fresh(), null);
        params.put("code_challenge", "a-plain-verifier-that-is-long-enough-to-pass-length-checks-00");
        params.put("code_challenge_method", "plain");
        assertRedirectError(client, params, "invalid_request");
    }

    @Test
    void wrongVerifierGetsInvalidGrant() {
        OAuthTestClient client = harness.client();
        String clientId = client.register(REDIRECT);
        harness.entra().nextLoginIs("oid-18", "Pat", "pat@contoso.example", List.of(), List.of());
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.fresh();
        URI back = client.authorizeAndApprove(client.authorizeParams(clientId, REDIRECT, pkce, null));
        HttpResponse<String> token = client.redeem(clientId, OAuthTestClient.query(back).get("code"), REDIRECT,
                OAuthTestClient.Pkce.fresh().verifier());
        assertEquals(400, token.statusCode());
        assertEquals("invalid_grant", OAuthTestClient.json(token).get("error").asText());
    }

    static void assertRedirectError(OAuthTestClient client, Map<String, String> params, String error) {
        HttpResponse<String> response = client.get(client.authorizeUrl(params));
        assertEquals(302, response.statusCode());
        Map<String, String> query = OAuthTestClient.query(URI.create(response.headers().firstValue("Location").orElseThrow()));
        assertEquals(error, query.get("error"));
        assertEquals(params.get("state"), query.get("state"));
        assertEquals(harness.issuer(), query.get("iss"));
    }
}
