package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.harness.LocalTokens;
import dev.mcpgateway.auth.harness.OAuthTestClient;
import dev.mcpgateway.auth.resource.AccessTokenValidator;
import dev.mcpgateway.auth.resource.TokenCheck;
import dev.mcpgateway.auth.store.FileAuthStateStore;
import dev.mcpgateway.auth.token.AuthorizationCodes;
import dev.mcpgateway.auth.token.Revocations;
import dev.mcpgateway.testsupport.ManualClock;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checklist 19: codes are single-use (replay revokes), short-lived, bound to client and redirect URI. */
class Item19SingleUseCodesTest {

    static AuthServerHarness harness;
    static final String REDIRECT = "https://claude.ai/api/mcp/auth_callback";

    @BeforeAll
    static void start() {
        harness = AuthServerHarness.start();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void aSecondRedemptionFailsAndRevokesWhatTheFirstIssued() {
        OAuthTestClient client = harness.client();
        String clientId = client.register(REDIRECT);
        harness.entra().nextLoginIs("oid-19", "Sam", "sam@contoso.example", List.of(), List.of());
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.fresh();
        String code = OAuthTestClient.query(client.authorizeAndApprove(
                client.authorizeParams(clientId, REDIRECT, pkce, null))).get("code");
        JsonNode first = OAuthTestClient.json(client.redeem(clientId, code, REDIRECT, pkce.verifier()));

        HttpResponse<String> second = client.redeem(clientId, code, REDIRECT, pkce.verifier());
        assertEquals(400, second.statusCode());
        assertEquals("invalid_grant", OAuthTestClient.json(second).get("error").asText());
        assertEquals(400, client.refresh(clientId, first.get("refresh_token").asText()).statusCode());
        AccessTokenValidator validator = harness.context().getBean(AccessTokenValidator.class);
        assertInstanceOf(TokenCheck.Unauthenticated.class,
                validator.check("Bearer " + first.get("access_token").asText(), harness.weatherUrl(), List.of()));
    }

    @Test
    void aCodeIsBoundToItsClientAndRedirectUri() {
        OAuthTestClient client = harness.client();
        String clientId = client.register(REDIRECT, "https://claude.com/api/mcp/auth_callback");
        String otherClient = client.register(REDIRECT);
        harness.entra().nextLoginIs("oid-19b", "Sam", "sam@contoso.example", List.of(), List.of());
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.fresh();
        URI back = client.authorizeAndApprove(client.authorizeParams(clientId, REDIRECT, pkce, null));
        String code = OAuthTestClient.query(back).get("code");
        assertEquals("invalid_grant", OAuthTestClient.json(
                client.redeem(otherClient, code, REDIRECT, pkce.verifier())).get("error").asText());

        harness.entra().nextLoginIs("oid-19b", "Sam", "sam@contoso.example", List.of(), List.of());
        OAuthTestClient.Pkce again = OAuthTestClient.Pkce.fresh();
        String code2 = OAuthTestClient.query(client.authorizeAndApprove(
                client.authorizeParams(clientId, REDIRECT, again, null))).get("code");
        assertEquals("invalid_grant", OAuthTestClient.json(client.redeem(clientId, code2,
                "https://claude.com/api/mcp/auth_callback", again.verifier())).get("error").asText());
    }

    @Test
    void aClientThatOmittedRedirectUriNeedNotRepeatIt() {
        OAuthTestClient client = harness.client();
        String clientId = client.register(REDIRECT);
        harness.entra().nextLoginIs("oid-19c", "Sam", "sam@contoso.example", List.of(), List.of());
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.fresh();
        var params = client.authorizeParams(clientId, REDIRECT, pkce, null);
        params.remove("redirect_uri");
        OAuthTestClient.ConsentPage page = client.openConsent(params);
        URI back = client.followToClient(client.decide(page, "approve"), REDIRECT);
        var form = new java.util.LinkedHashMap<String, String>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", clientId);
        form.put("code", OAuthTestClient.query(back).get("code"));
        form.put("code_verifier", pkce.verifier());
        HttpResponse<String> token = client.postForm("/token", form);
        assertEquals(200, token.statusCode(), token.body());
    }

    @Test
    void aCodeExpiresAfterItsShortLifetime() throws Exception {
        ManualClock clock = new ManualClock();
        FileAuthStateStore store = new FileAuthStateStore(Files.createTempDirectory("codes"), clock);
        AuthorizationCodes codes = new AuthorizationCodes(store, new Revocations(store, Duration.ofDays(1),
                Duration.ofHours(1)), Duration.ofSeconds(60), Duration.ofDays(1));
        String code = codes.create(new AuthorizationCodes.PendingCode(
                LocalTokens.grant("u", LocalTokens.WEATHER, List.of("mcp:weather"), "f"), REDIRECT, "challenge"));
        clock.advance(Duration.ofSeconds(61));
        assertTrue(codes.redeem(code).isEmpty());
    }
}
