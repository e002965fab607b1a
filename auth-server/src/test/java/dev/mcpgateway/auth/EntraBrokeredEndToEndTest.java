package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpgateway.auth.consent.ConsentRecords;
import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.harness.OAuthTestClient;
import dev.mcpgateway.auth.resource.AccessTokenValidator;
import dev.mcpgateway.auth.resource.TokenCheck;
import dev.mcpgateway.auth.upstream.UpstreamTokenVault;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole journey of an MCP client against the gateway brokered to a real OIDC server standing in for Entra ID:
 * registration, /authorize with PKCE, consent, upstream login, callback, code exchange, refresh with rotation,
 * reuse detection and revocation.
 */
class EntraBrokeredEndToEndTest {

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
    void mcpClientSignsInThroughEntraAndGetsAnAudienceBoundTokenWithMappedClaims() throws Exception {
        OAuthTestClient client = harness.client();
        String redirect = "http://127.0.0.1:33418/";
        String clientId = client.register(redirect);
        harness.entra().nextLoginIs("oid-alice", "Alice Example", "alice@contoso.example",
                List.of("g-weather-readers"), List.of("Weather.Read"));
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.fresh();
        Map<String, String> params = client.authorizeParams(clientId, redirect, pkce, harness.weatherUrl());

        OAuthTestClient.ConsentPage consent = client.openConsent(params);
        assertEquals(200, consent.response().statusCode());
        HttpResponse<String> approved = client.decide(consent, "approve");
        assertEquals(302, approved.statusCode());
        String upstream = approved.headers().firstValue("Location").orElseThrow();
        assertTrue(upstream.startsWith(harness.entra().issuer()), upstream);
        assertTrue(upstream.contains("code_challenge_method=S256"), "we use our own PKCE upstream");
        assertTrue(!upstream.contains("resource="), "the client's resource is never forwarded to Entra");

        URI back = client.followToClient(approved, redirect);
        Map<String, String> answer = OAuthTestClient.query(back);
        assertEquals(params.get("state"), answer.get("state"));
        assertEquals(harness.issuer(), answer.get("iss"));

        HttpResponse<String> tokenResponse = client.redeem(clientId, answer.get("code"), redirect, pkce.verifier());
        assertEquals(200, tokenResponse.statusCode(), tokenResponse.body());
        JsonNode tokens = OAuthTestClient.json(tokenResponse);
        SignedJWT jwt = SignedJWT.parse(tokens.get("access_token").asText());
        assertEquals(harness.issuer(), jwt.getJWTClaimsSet().getIssuer());
        assertEquals(List.of(harness.weatherUrl()), jwt.getJWTClaimsSet().getAudience());
        assertEquals("oid-alice", jwt.getJWTClaimsSet().getSubject());
        assertEquals("Alice Example", jwt.getJWTClaimsSet().getStringClaim("name"));
        assertEquals("alice@contoso.example", jwt.getJWTClaimsSet().getStringClaim("email"));
        assertEquals(List.of("g-weather-readers"), jwt.getJWTClaimsSet().getStringListClaim("groups"));
        assertEquals(List.of("Weather.Read"), jwt.getJWTClaimsSet().getStringListClaim("roles"));
        assertNotNull(jwt.getJWTClaimsSet().getStringClaim("tid"));
        assertTrue(harness.context().getBean(UpstreamTokenVault.class).find("oid-alice").isPresent(),
                "the upstream tokens stay server-side for on-behalf-of");
        assertEquals(List.of("mcp:weather", "mcp:weather:admin"), harness.context().getBean(ConsentRecords.class)
                .find("oid-alice", clientId).orElseThrow().scopes(), "consent is recorded per user and client");

        AccessTokenValidator validator = harness.context().getBean(AccessTokenValidator.class);
        String access = tokens.get("access_token").asText();
        assertInstanceOf(TokenCheck.Accepted.class,
                validator.check("Bearer " + access, harness.weatherUrl(), List.of("mcp:weather")));

        // refresh rotates
        HttpResponse<String> refreshed = client.refresh(clientId, tokens.get("refresh_token").asText());
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        JsonNode second = OAuthTestClient.json(refreshed);
        assertNotEquals(tokens.get("refresh_token").asText(), second.get("refresh_token").asText());

        // revocation of the current refresh token ends the family: refresh refused, access tokens refused
        HttpResponse<String> revoked = client.postForm("/revoke",
                Map.of("client_id", clientId, "token", second.get("refresh_token").asText()));
        assertEquals(200, revoked.statusCode());
        assertEquals(400, client.refresh(clientId, second.get("refresh_token").asText()).statusCode());
        assertInstanceOf(TokenCheck.Unauthenticated.class,
                validator.check("Bearer " + second.get("access_token").asText(), harness.weatherUrl(), List.of()));
        assertInstanceOf(TokenCheck.Unauthenticated.class,
                validator.check("Bearer " + access, harness.weatherUrl(), List.of()));
    }

    @Test
    void aSecondLoginOfTheSameBrowserSkipsTheConsentPageButStillSignsInUpstream() {
        OAuthTestClient client = harness.client();
        String redirect = "https://vscode.dev/redirect";
        String clientId = client.register(redirect);
        harness.entra().nextLoginIs("oid-bob", "Bob", "bob@contoso.example", List.of(), List.of());
        OAuthTestClient.Pkce first = OAuthTestClient.Pkce.fresh();
        client.authorizeAndApprove(client.authorizeParams(clientId, redirect, first, null));

        harness.entra().nextLoginIs("oid-bob", "Bob", "bob@contoso.example", List.of(), List.of());
        OAuthTestClient.Pkce second = OAuthTestClient.Pkce.fresh();
        HttpResponse<String> again = client.get(client.authorizeUrl(client.authorizeParams(clientId, redirect, second, null)));
        assertEquals(302, again.statusCode(), "remembered consent goes straight to the upstream login");
        assertTrue(again.headers().firstValue("Location").orElseThrow().startsWith(harness.entra().issuer()));
        URI back = client.followToClient(again, redirect);
        assertNotNull(OAuthTestClient.query(back).get("code"));
    }
}
