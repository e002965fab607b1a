package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpgateway.auth.harness.AuthServerHarness;
import dev.mcpgateway.auth.harness.OAuthTestClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checklist 17: RFC 8414 and OIDC discovery; one issuer string everywhere; S256 only; RFC 9207 iss. */
class Item17AuthorizationServerMetadataTest {

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
    void metadataAdvertisesEndpointsS256OnlyAndTheIssParameter() {
        JsonNode metadata = OAuthTestClient.json(harness.client().get(harness.issuer() + "/.well-known/oauth-authorization-server"));
        assertEquals(harness.issuer(), metadata.get("issuer").asText());
        assertEquals(harness.issuer() + "/authorize", metadata.get("authorization_endpoint").asText());
        assertEquals(harness.issuer() + "/token", metadata.get("token_endpoint").asText());
        assertEquals(harness.issuer() + "/register", metadata.get("registration_endpoint").asText());
        assertEquals(harness.issuer() + "/revoke", metadata.get("revocation_endpoint").asText());
        assertEquals(harness.issuer() + "/jwks", metadata.get("jwks_uri").asText());
        assertEquals("[\"S256\"]", metadata.get("code_challenge_methods_supported").toString());
        assertTrue(metadata.get("authorization_response_iss_parameter_supported").asBoolean());
        assertTrue(metadata.get("client_id_metadata_document_supported").asBoolean());
        assertTrue(metadata.get("scopes_supported").toString().contains("mcp:weather"));
    }

    @Test
    void oidcDiscoveryCarriesTheSameIssuer() {
        JsonNode oidc = OAuthTestClient.json(harness.client().get(harness.issuer() + "/.well-known/openid-configuration"));
        assertEquals(harness.issuer(), oidc.get("issuer").asText());
        assertEquals("[\"S256\"]", oidc.get("code_challenge_methods_supported").toString());
        assertEquals("[\"public\"]", oidc.get("subject_types_supported").toString());
    }

    @Test
    void theJwtIssAndTheRedirectIssAreByteIdenticalToTheMetadataIssuer() throws Exception {
        JsonNode tokens = harness.client().loginAndRedeem("oid-17");
        assertEquals(harness.issuer(), SignedJWT.parse(tokens.get("access_token").asText()).getJWTClaimsSet().getIssuer());
        JsonNode jwks = OAuthTestClient.json(harness.client().get(harness.issuer() + "/jwks"));
        assertEquals(List.of(), jwks.findValues("d"), "the JWKS never publishes private parts");
    }
}
