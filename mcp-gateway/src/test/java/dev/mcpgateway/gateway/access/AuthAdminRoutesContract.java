package dev.mcpgateway.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpgateway.auth.store.Hashing;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The authorization server's admin routes over real HTTP, on the gateway with the sample shop behind OAuth and an
 * Entra stand-in for the login. Tokens come from the real flows (register, consent page, upstream login, /token) and
 * the effects are checked where they matter: at the MCP endpoint, on the consent page and in the JWKS. Run once per
 * store (files, Redis) by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuthAdminRoutesContract {

    private EntraStandIn entra;
    private GatewayFixture gateway;
    private String issuer;

    /** The store's properties (gateway.auth.store and what it needs). */
    abstract Map<String, Object> storeProperties();

    @BeforeAll
    void start() throws Exception {
        entra = new EntraStandIn();
        int port = SecuredGateway.freePort();
        issuer = "http://127.0.0.1:" + port;
        Map<String, Object> properties = new HashMap<>(storeProperties());
        properties.put("micronaut.server.port", port);
        properties.put("gateway.samples", true);
        properties.put("gateway.auth.issuer", issuer);
        properties.put("gateway.auth.secure-cookies", false);
        properties.put("gateway.auth.data-dir", Files.createTempDirectory("auth-data").toString());
        properties.put("gateway.auth.upstream.issuer", entra.issuer());
        properties.put("gateway.auth.upstream.client-id", EntraStandIn.GATEWAY_APP_ID);
        properties.put("gateway.auth.upstream.client-secret", "entra-client-secret");
        properties.put("gateway.auth.upstream.scopes", "api://" + EntraStandIn.GATEWAY_APP_ID + "/.default");
        gateway = GatewayFixture.start(Files.createTempDirectory("gw-data"), properties);
    }

    @AfterAll
    void stop() {
        gateway.close();
        entra.close();
    }

    private String shop() {
        return issuer + "/mcp/shop";
    }

    /** A user signed in through a fresh client in a fresh browser: the browser, client id and token response. */
    private record SignedIn(BrowserLogin browser, String clientId, JsonNode tokens) {
        String accessToken() {
            return tokens.get("access_token").asText();
        }
    }

    private SignedIn signIn(String objectId) {
        BrowserLogin browser = new BrowserLogin(issuer);
        String clientId = browser.registerPublicClient("Admin Test Client " + objectId);
        entra.nextLoginIs(objectId, "User " + objectId, objectId + "@contoso.example", List.of());
        BrowserLogin.Authorize page = browser.authorize(clientId, shop());
        assertTrue(page.showsConsentPage(), "a first sign-in shows the consent page");
        return new SignedIn(browser, clientId, browser.signIn(clientId, page));
    }

    /** An MCP initialize with this token: 200 when the gateway accepts it, 401 when not. */
    private int mcpStatus(String accessToken) throws Exception {
        return gateway.send("POST", "/mcp/shop", SecuredGateway.initialize(), Map.of(
                "Accept", SecuredGateway.ACCEPT_BOTH, "Authorization", "Bearer " + accessToken)).status();
    }

    private GatewayFixture.Response admin(String method, String path) throws Exception {
        return gateway.admin(method, path, null);
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void registeredClientsAreListedWithoutSecretsOrTheirHashes() throws Exception {
        BrowserLogin browser = new BrowserLogin(issuer);
        String publicId = browser.registerPublicClient("Listed Public Client");
        JsonNode confidential = browser.registerConfidentialClient("Listed Agent");
        String secret = confidential.get("client_secret").asText();

        GatewayFixture.Response list = admin("GET", "/admin/auth/clients");
        assertEquals(200, list.status(), list.body());
        List<String> ids = new ArrayList<>();
        list.json().get("value").forEach(c -> ids.add(c.get("clientId").asText()));
        assertTrue(ids.containsAll(List.of(publicId, confidential.get("client_id").asText())), list.body());
        assertFalse(list.body().contains(secret), "the secret never comes back");
        assertFalse(list.body().contains(Hashing.sha256Hex(secret)), "nor its hash");
        assertFalse(list.body().toLowerCase().contains("secret\""), list.body());

        GatewayFixture.Response one = admin("GET", "/admin/auth/clients/" + confidential.get("client_id").asText());
        assertEquals(200, one.status());
        assertEquals("Listed Agent", one.json().get("clientName").asText());
        assertTrue(one.json().get("confidential").asBoolean());
        assertEquals(List.of("client_credentials"), List.of(one.json().get("grantTypes").get(0).asText()));

        GatewayFixture.Response unknown = admin("GET", "/admin/auth/clients/no-such-client");
        assertEquals(404, unknown.status());
        assertTrue(unknown.isProblem(), unknown.contentType());
        assertEquals(401, gateway.send("GET", "/admin/auth/clients", null, Map.of()).status(), "admin key required");
    }

    @Test
    void deletingAClientRevokesItsAccessAndRefreshTokensAndItsConsents() throws Exception {
        SignedIn user = signIn("oid-deleted-client");
        assertEquals(200, mcpStatus(user.accessToken()));
        // a machine client too: its client_credentials tokens have no refresh token to find, only the client
        JsonNode agent = user.browser().registerConfidentialClient("Doomed Agent");
        String basic = "Basic " + Base64.getEncoder().encodeToString((agent.get("client_id").asText() + ":"
                + agent.get("client_secret").asText()).getBytes(StandardCharsets.UTF_8));
        String agentToken = user.browser().token(Map.of("grant_type", "client_credentials", "resource", shop()),
                basic).get("access_token").asText();
        assertEquals(200, mcpStatus(agentToken));

        assertEquals(204, admin("DELETE", "/admin/auth/clients/" + user.clientId()).status());
        assertEquals(204, admin("DELETE", "/admin/auth/clients/" + agent.get("client_id").asText()).status());

        assertEquals(401, mcpStatus(user.accessToken()), "the deleted client's access token is refused");
        assertEquals(401, mcpStatus(agentToken), "so is the machine client's");
        HttpResponse<String> refreshed = user.browser().refresh(user.clientId(),
                user.tokens().get("refresh_token").asText());
        assertNotEquals(200, refreshed.statusCode(), refreshed.body());
        assertEquals(0, admin("GET", "/admin/auth/consents?subject=oid-deleted-client").json().get("value").size(),
                "the consent went with the client");
        assertEquals(404, admin("GET", "/admin/auth/clients/" + user.clientId()).status());
        assertEquals(404, admin("DELETE", "/admin/auth/clients/" + user.clientId()).status());
    }

    @Test
    void withdrawingAConsentShowsTheConsentPageAgainAndRevokesItsRefreshTokens() throws Exception {
        SignedIn user = signIn("oid-withdrawn");
        // the same browser and client: consent is remembered, /authorize goes straight to the login
        assertFalse(user.browser().authorize(user.clientId(), shop()).showsConsentPage());

        GatewayFixture.Response consents = admin("GET", "/admin/auth/consents?subject=oid-withdrawn");
        assertEquals(200, consents.status(), consents.body());
        JsonNode consent = consents.json().get("value").get(0);
        assertEquals(user.clientId(), consent.get("clientId").asText());
        assertEquals("Admin Test Client oid-withdrawn", consent.get("clientName").asText());
        assertEquals(shop(), consent.get("resource").asText());
        assertEquals("mcp:shop", consent.get("scopes").get(0).asText());
        assertNotNull(consent.get("grantedAt"));

        assertEquals(204, admin("DELETE", "/admin/auth/consents?subject=oid-withdrawn&clientId="
                + q(user.clientId())).status());

        assertTrue(user.browser().authorize(user.clientId(), shop()).showsConsentPage(),
                "the remembered consent no longer counts");
        HttpResponse<String> refreshed = user.browser().refresh(user.clientId(),
                user.tokens().get("refresh_token").asText());
        assertEquals(400, refreshed.statusCode());
        assertEquals("invalid_grant", SecuredGateway.json(refreshed.body()).get("error").asText());
        assertEquals(401, mcpStatus(user.accessToken()), "access tokens of the revoked grant are refused too");
        assertEquals(0, admin("GET", "/admin/auth/consents?subject=oid-withdrawn").json().get("value").size());
        assertEquals(404, admin("DELETE", "/admin/auth/consents?subject=oid-withdrawn&clientId="
                + q(user.clientId())).status());

        // consenting again works as the first time did, and is remembered again
        entra.nextLoginIs("oid-withdrawn", "User oid-withdrawn", "oid-withdrawn@contoso.example", List.of());
        BrowserLogin.Authorize again = user.browser().authorize(user.clientId(), shop());
        assertEquals(200, mcpStatus(user.browser().signIn(user.clientId(), again).get("access_token").asText()));
        assertFalse(user.browser().authorize(user.clientId(), shop()).showsConsentPage());
    }

    @Test
    void rotatingTheSigningKeyPublishesANewSignerAndKeepsTheOldKeyUntilItsTokensExpire() throws Exception {
        SignedIn user = signIn("oid-rotation");
        String oldKid = SignedJWT.parse(user.accessToken()).getHeader().getKeyID();

        GatewayFixture.Response rotated = admin("POST", "/admin/auth/signing-keys/rotate");
        assertEquals(200, rotated.status(), rotated.body());
        String newKid = rotated.json().get("signingKid").asText();
        assertNotEquals(oldKid, newKid);
        assertFalse(rotated.body().contains("\"d\""), "no private key material");
        JsonNode old = null;
        for (JsonNode key : rotated.json().get("value")) {
            if (key.get("kid").asText().equals(oldKid)) {
                old = key;
            }
        }
        assertNotNull(old, rotated.body());
        assertFalse(old.get("signing").asBoolean());
        assertTrue(old.has("publishedUntil"));

        JsonNode jwks = SecuredGateway.json(gateway.send("GET", "/jwks", null, Map.of()).body());
        List<String> kids = new ArrayList<>();
        jwks.get("keys").forEach(k -> kids.add(k.get("kid").asText()));
        assertTrue(kids.containsAll(List.of(oldKid, newKid)), kids.toString());
        jwks.get("keys").forEach(k -> assertFalse(k.has("d"), "only public keys in the JWKS"));

        assertEquals(200, mcpStatus(user.accessToken()), "a token signed by the old key stays valid");
        HttpResponse<String> refreshed = user.browser().refresh(user.clientId(),
                user.tokens().get("refresh_token").asText());
        String fresh = SecuredGateway.json(refreshed.body()).get("access_token").asText();
        assertEquals(newKid, SignedJWT.parse(fresh).getHeader().getKeyID(), "the new key signs");
        assertEquals(200, mcpStatus(fresh));
        assertEquals(newKid, admin("GET", "/admin/auth/signing-keys").json().get("signingKid").asText());
    }

    @Test
    void badRequestsAreProblemsNamingTheField() throws Exception {
        GatewayFixture.Response noSubject = admin("GET", "/admin/auth/consents");
        assertEquals(422, noSubject.status(), noSubject.body());
        assertTrue(noSubject.isProblem());
        assertEquals("subject", noSubject.json().get("field").asText());
        GatewayFixture.Response noClient = admin("DELETE", "/admin/auth/consents?subject=someone");
        assertEquals(422, noClient.status(), noClient.body());
        assertEquals("clientId", noClient.json().get("field").asText());
    }
}
