package dev.mcpgateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpgateway.auth.harness.LocalTokens;
import dev.mcpgateway.auth.resource.AccessTokenValidator;
import dev.mcpgateway.auth.resource.BearerChallenge;
import dev.mcpgateway.auth.resource.ProtectedResourceMetadata;
import dev.mcpgateway.auth.resource.TokenCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checklist 12: missing, expired, badly signed, wrong-issuer, wrong-audience tokens, our own ID-token-shaped JWTs and
 * Entra tokens all get 401 with {@code WWW-Authenticate: Bearer resource_metadata=..., scope=...}.
 */
class Item12UnauthenticatedRequestsTest {

    private final LocalTokens tokens = new LocalTokens();
    private final AccessTokenValidator validator = tokens.validator();
    private final String prm = ProtectedResourceMetadata.metadataUrlFor(LocalTokens.WEATHER);

    @Test
    void noTokenGetsAChallengeWithResourceMetadataAndScopeButNoErrorCode() {
        TokenCheck check = validator.check(null, LocalTokens.WEATHER, List.of("mcp:weather"));
        assertEquals(401, BearerChallenge.statusFor(check));
        assertEquals("Bearer resource_metadata=\"" + prm + "\", scope=\"mcp:weather\"",
                BearerChallenge.forCheck(check, prm, List.of("mcp:weather")));
    }

    @Test
    void aGoodTokenIsAccepted() {
        String token = tokens.token("alice", LocalTokens.WEATHER, List.of("mcp:weather"));
        TokenCheck check = validator.check("Bearer " + token, LocalTokens.WEATHER, List.of("mcp:weather"));
        TokenCheck.Accepted accepted = assertInstanceOf(TokenCheck.Accepted.class, check);
        assertEquals("alice", accepted.principal().subject());
    }

    @Test
    void anExpiredTokenIsRefused() {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String token = tokens.issuer(twoHoursAgo, Duration.ofHours(1))
                .issue(LocalTokens.grant("alice", LocalTokens.WEATHER, List.of("mcp:weather"), "f"));
        assertRefusedWithInvalidToken(token);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(tokens.keys.current().getKeyID()).generate();
        assertRefusedWithInvalidToken(sign(stranger, new JOSEObjectType("at+jwt"), LocalTokens.ISSUER, LocalTokens.WEATHER));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedEvenWithOurSignature() throws Exception {
        assertRefusedWithInvalidToken(sign(tokens.keys.current(), new JOSEObjectType("at+jwt"),
                "https://other-gateway.example", LocalTokens.WEATHER));
    }

    @Test
    void aTokenForAnotherMcpServerIsRefused() {
        String token = tokens.token("alice", LocalTokens.ISSUER + "/mcp/tickets", List.of("mcp:weather"));
        assertRefusedWithInvalidToken(token);
    }

    @Test
    void anIdTokenIsRefusedEvenWhenWeSignedItForThisAudience() throws Exception {
        assertRefusedWithInvalidToken(sign(tokens.keys.current(), JOSEObjectType.JWT, LocalTokens.ISSUER, LocalTokens.WEATHER));
    }

    @Test
    void anEntraTokenIsRefused() throws Exception {
        RSAKey entraKey = new RSAKeyGenerator(2048).keyID("entra-kid").generate();
        assertRefusedWithInvalidToken(sign(entraKey, JOSEObjectType.JWT,
                "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0", LocalTokens.WEATHER));
    }

    @Test
    void garbageAndOtherSchemesAreRefused() {
        assertRefusedWithInvalidToken("not-a-jwt");
        TokenCheck basic = validator.check("Basic dXNlcjpwYXNz", LocalTokens.WEATHER, List.of());
        assertEquals(401, BearerChallenge.statusFor(basic));
    }

    private void assertRefusedWithInvalidToken(String token) {
        TokenCheck check = validator.check("Bearer " + token, LocalTokens.WEATHER, List.of("mcp:weather"));
        assertInstanceOf(TokenCheck.Unauthenticated.class, check);
        assertEquals(401, BearerChallenge.statusFor(check));
        String challenge = BearerChallenge.forCheck(check, prm, List.of("mcp:weather"));
        assertTrue(challenge.startsWith("Bearer error=\"invalid_token\""), challenge);
        assertTrue(challenge.contains("resource_metadata=\"" + prm + "\""), challenge);
        assertTrue(challenge.contains("scope=\"mcp:weather\""), challenge);
    }

    private static String sign(RSAKey key, JOSEObjectType type, String issuer, String audience) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("mallory")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).jwtID("j-" + now.toEpochMilli())
                .claim("scope", "mcp:weather").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(type).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
