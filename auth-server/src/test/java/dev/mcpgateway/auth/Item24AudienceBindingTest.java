package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.harness.OAuthTestClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checklist 24: RFC 8707 audience binding, invalid_target, and the default resource when a client omits it. */
class Item24AudienceBindingTest {

    static AuthServerHarness harness;
    static final String REDIRECT = "https://global.consent.azure-apim.net/redirect/contoso-weather";

    @BeforeAll
    static void start() {
        harness = AuthServerHarness.start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void theTokenAudienceIsTheRequestedMcpServer() throws Exception {
        assertEquals(List.of(harness.ticketsUrl()), audienceOf(login(harness.ticketsUrl(), null)));
    }

    @Test
    void anAbsentResourceMeansTheDefaultMcpServer() throws Exception {
        assertEquals(List.of(harness.weatherUrl()), audienceOf(login(null, null)));
    }

    @Test
    void anUnknownResourceGetsInvalidTarget() {
        OAuthTestClient client = harness.client();
        String clientId = client.register(REDIRECT);
        Map<String, String> params = client.authorizeParams(clientId, REDIRECT, OAuthTestClient.Pkce.fresh(),
                "https://elsewhere.example/mcp");
        HttpResponse<String> response = client.get(client.authorizeUrl(params));
        assertEquals(302, response.statusCode());
        assertEquals("invalid_target", OAuthTestClient.query(
                URI.create(response.headers().firstValue("Location").orElseThrow())).get("error"));
    }

    @Test
    void theTokenRequestResourceMustEqualTheAuthorizationRequests() {
        OAuthTestClient client = harness.client();
        String clientId = client.register(REDIRECT);
        harness.entra().nextLoginIs("oid-24", "Lee", "lee@contoso.example", List.of(), List.of());
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.fresh();
        URI back = client.authorizeAndApprove(client.authorizeParams(clientId, REDIRECT, pkce, harness.weatherUrl()));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", clientId);
        form.put("code", OAuthTestClient.query(back).get("code"));
        form.put("redirect_uri", REDIRECT);
        form.put("code_verifier", pkce.verifier());
        form.put("resource", harness.ticketsUrl());
        HttpResponse<String> response = client.postForm("/token", form);
        assertEquals(400, response.statusCode());
        assertEquals("invalid_target", OAuthTestClient.json(response).get("error").asText());
    }

    @Test
    void scopesAreNarrowedToWhatTheServerOffers() throws Exception {
        JsonNode tokens = login(harness.weatherUrl(), "mcp:weather offline_access mcp:tickets");
        assertEquals("mcp:weather", tokens.get("scope").asText());
    }

    private JsonNode login(String resource, String scope) {
        OAuthTestClient client = harness.client();
        String clientId = client.register(REDIRECT);
        harness.entra().nextLoginIs("oid-24", "Lee", "lee@contoso.example", List.of(), List.of());
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.fresh();
        Map<String, String> params = client.authorizeParams(clientId, REDIRECT, pkce, resource);
        if (scope != null) {
            params.put("scope", scope);
        }
        URI back = client.authorizeAndApprove(params);
        HttpResponse<String> response = client.redeem(clientId, OAuthTestClient.query(back).get("code"), REDIRECT,
                pkce.verifier());
        assertEquals(200, response.statusCode(), response.body());
        return OAuthTestClient.json(response);
    }

    private static List<String> audienceOf(JsonNode tokens) throws Exception {
        return SignedJWT.parse(tokens.get("access_token").asText()).getJWTClaimsSet().getAudience();
    }
}
