package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.harness.EntraStandIn;
import dev.mcpgateway.auth.obo.BackendToken;
import dev.mcpgateway.auth.obo.DelegationGrant;
import dev.mcpgateway.auth.obo.OnBehalfOfBroker;
import dev.mcpgateway.auth.upstream.UpstreamProvider;
import dev.mcpgateway.auth.upstream.UpstreamTokenVault;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A backend token for the same user: after a brokered login, the user's upstream token (kept server-side) is
 * exchanged at the real OIDC stand-in, by Entra-style on-behalf-of and by RFC 8693 token exchange; the result names
 * the same user, is not the MCP client's token, and is cached until near expiry.
 */
class OnBehalfOfBackendTokenTest {

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
    void onBehalfOfGivesABackendTokenForTheSameUser() throws Exception {
        JsonNode clientTokens = harness.client().loginAndRedeem("oid-obo");
        BackendToken token = broker(DelegationGrant.ENTRA_ON_BEHALF_OF)
                .tokenFor("oid-obo", new OnBehalfOfBroker.Target("api://inventory-backend/.default", null)).orElseThrow();
        assertSameUser(token, clientTokens);
    }

    @Test
    void tokenExchangeGivesABackendTokenForTheSameUserAndIsCached() throws Exception {
        JsonNode clientTokens = harness.client().loginAndRedeem("oid-tx");
        OnBehalfOfBroker broker = broker(DelegationGrant.TOKEN_EXCHANGE);
        OnBehalfOfBroker.Target target = new OnBehalfOfBroker.Target(null, "inventory-backend");
        BackendToken token = broker.tokenFor("oid-tx", target).orElseThrow();
        assertSameUser(token, clientTokens);
        assertSame(token, broker.tokenFor("oid-tx", target).orElseThrow(), "cached until near expiry");
    }

    @Test
    void anExpiredUpstreamSessionIsRefreshedBeforeTheExchange() throws Exception {
        JsonNode clientTokens = harness.client().loginAndRedeem("oid-later");
        UpstreamTokenVault vault = harness.context().getBean(UpstreamTokenVault.class);
        String before = vault.find("oid-later").orElseThrow().accessToken();
        Clock twoHoursLater = Clock.offset(Clock.systemUTC(), java.time.Duration.ofHours(2));
        BackendToken token = broker(DelegationGrant.TOKEN_EXCHANGE, twoHoursLater)
                .tokenFor("oid-later", new OnBehalfOfBroker.Target(null, "inventory-backend")).orElseThrow();
        assertNotEquals(before, vault.find("oid-later").orElseThrow().accessToken(), "the upstream session was renewed");
        assertSameUser(token, clientTokens);
    }

    @Test
    void aUserWithoutAnUpstreamSessionGetsNoBackendToken() {
        assertFalse(broker(DelegationGrant.TOKEN_EXCHANGE)
                .tokenFor("never-signed-in", new OnBehalfOfBroker.Target(null, "inventory-backend")).isPresent());
    }

    @Test
    void theBrokerBeanIsWiredFromUpstreamConfiguration() {
        assertTrue(harness.context().containsBean(OnBehalfOfBroker.class));
        assertFalse(harness.context().getBean(OnBehalfOfBroker.class).toString().contains("secret"));
    }

    private static void assertSameUser(BackendToken token, JsonNode clientTokens) throws Exception {
        JWTClaimsSet backend = SignedJWT.parse(token.value()).getJWTClaimsSet();
        JWTClaimsSet ours = SignedJWT.parse(clientTokens.get("access_token").asText()).getJWTClaimsSet();
        assertEquals(ours.getSubject(), backend.getStringClaim("oid"), "the backend token is for the same user");
        assertEquals(harness.entra().issuer(), backend.getIssuer(), "issued by the identity provider, not by us");
        assertNotEquals(clientTokens.get("access_token").asText(), token.value());
        assertFalse(token.toString().contains(token.value()));
    }

    private static OnBehalfOfBroker broker(DelegationGrant grant) {
        return broker(grant, Clock.systemUTC());
    }

    private static OnBehalfOfBroker broker(DelegationGrant grant, Clock clock) {
        UpstreamProvider provider = harness.context().getBean(UpstreamProvider.class);
        return new OnBehalfOfBroker(grant, () -> provider.metadata().getTokenEndpointURI(),
                () -> new ClientSecretPost(new ClientID(EntraStandIn.GATEWAY_APP_ID), new Secret("entra-client-secret")),
                harness.context().getBean(UpstreamTokenVault.class), clock);
    }

}
