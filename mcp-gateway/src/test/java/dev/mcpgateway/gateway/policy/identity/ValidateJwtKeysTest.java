package dev.mcpgateway.gateway.policy.identity;

import static dev.mcpgateway.gateway.policy.PolicyFixtures.global;
import static dev.mcpgateway.gateway.policy.PolicyFixtures.inbound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.EffectivePolicy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.gateway.policy.xml.Section;
import dev.mcpgateway.testsupport.EchoHttpServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Where {@code validate-jwt} finds its keys: an OpenID Provider over real HTTP, or keys written in the policy. */
class ValidateJwtKeysTest {

    private static final String KEY_NOT_FOUND = "JWT signing key was not found. Access denied.";
    private static final byte[] SECRET = "a symmetric key of thirty-two by".getBytes(StandardCharsets.US_ASCII);

    private OpenIdProviderStandIn provider;

    @BeforeEach
    void start() {
        provider = new OpenIdProviderStandIn();
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private static EffectivePolicy policy(String statement) throws Exception {
        return global(Surface.MCP, inbound(statement), new ValidateJwtFactory());
    }

    private EffectivePolicy providerKeyed() throws Exception {
        return policy("<validate-jwt header-name=\"Authorization\"><openid-config url=\""
                + provider.configurationUrl() + "\" /></validate-jwt>");
    }

    private static Decision run(EffectivePolicy policy, String token) {
        PolicyCall call = MapContext.on(Surface.LLM).header("Authorization", "Bearer " + token).call();
        return policy.run(Section.INBOUND, call);
    }

    private static String message(Decision decision) {
        return assertInstanceOf(Decision.Refuse.class, decision).refusal().message();
    }

    @Nested
    class WhenTheProviderRotatesItsKeys {

        @Test
        void aTokenSignedWithTheNewKeyPassesOnceTheKeysAreFetchedAgain() throws Exception {
            EffectivePolicy policy = providerKeyed();
            assertSame(Decision.CONTINUE, run(policy, provider.token()));
            provider.rotate("key-2");
            assertSame(Decision.CONTINUE, run(policy, provider.token()));
            assertEquals(2, provider.fetches(OpenIdProviderStandIn.JWKS_PATH));
            assertEquals(1, provider.fetches(OpenIdProviderStandIn.CONFIGURATION_PATH));
        }

        @Test
        void knownKeysAreNotFetchedAgainForEachCall() throws Exception {
            EffectivePolicy policy = providerKeyed();
            for (int i = 0; i < 5; i++) {
                assertSame(Decision.CONTINUE, run(policy, provider.token()));
            }
            assertEquals(1, provider.fetches(OpenIdProviderStandIn.JWKS_PATH));
        }

        @Test
        void unknownKeyIdsCannotMakeTheGatewayHammerTheProvider() throws Exception {
            EffectivePolicy policy = providerKeyed();
            run(policy, provider.token());
            for (int i = 0; i < 5; i++) {
                RSAKey unpublished = OpenIdProviderStandIn.newKey("made-up-" + i);
                assertEquals(KEY_NOT_FOUND, message(run(policy, OpenIdProviderStandIn.signed(unpublished,
                        provider.claims()))));
            }
            assertTrue(provider.fetches(OpenIdProviderStandIn.JWKS_PATH) <= 2,
                    () -> provider.fetches(OpenIdProviderStandIn.JWKS_PATH) + " fetches");
        }

        @Test
        void withSeveralProvidersATokenIsCheckedWithItsIssuersKeysOnly() throws Exception {
            try (OpenIdProviderStandIn other = new OpenIdProviderStandIn()) {
                other.rotate("other-key");
                EffectivePolicy policy = policy("<validate-jwt header-name=\"Authorization\"><openid-config url=\""
                        + provider.configurationUrl() + "\" /><openid-config url=\"" + other.configurationUrl()
                        + "\" /></validate-jwt>");
                for (int i = 0; i < 3; i++) {
                    assertSame(Decision.CONTINUE, run(policy, other.token()));
                    assertSame(Decision.CONTINUE, run(policy, provider.token()));
                }
                assertEquals(1, provider.fetches(OpenIdProviderStandIn.JWKS_PATH));
                assertEquals(1, other.fetches(OpenIdProviderStandIn.JWKS_PATH));
            }
        }

        @Test
        void nothingIsFetchedWhenTheDocumentIsLoaded() throws Exception {
            EffectivePolicy policy = providerKeyed();
            assertEquals(0, provider.fetches(OpenIdProviderStandIn.CONFIGURATION_PATH));
            assertTrue(policy.mayBlock());
        }
    }

    @Nested
    class WhenTheProviderCannotBeRead {

        @Test
        void anUnreachableProviderVerifiesNoToken() throws Exception {
            EffectivePolicy policy = policy("<validate-jwt header-name=\"Authorization\"><openid-config"
                    + " url=\"http://127.0.0.1:1/.well-known/openid-configuration\" /></validate-jwt>");
            assertEquals(KEY_NOT_FOUND, message(run(policy, provider.token())));
        }

        @Test
        void aFailingProviderIsNotAskedAgainForAWhile() throws Exception {
            try (EchoHttpServer failing = EchoHttpServer.start()) {
                failing.respond(OpenIdProviderStandIn.CONFIGURATION_PATH, 503, Map.of(), new byte[0]);
                EffectivePolicy policy = policy("<validate-jwt header-name=\"Authorization\"><openid-config url=\""
                        + failing.baseUri().resolve(OpenIdProviderStandIn.CONFIGURATION_PATH) + "\" /></validate-jwt>");
                assertEquals(KEY_NOT_FOUND, message(run(policy, provider.token())));
                assertEquals(KEY_NOT_FOUND, message(run(policy, provider.token())));
                assertEquals(1, failing.received().size());
            }
        }
    }

    @Nested
    class WhenKeysAreWrittenInThePolicy {

        private static String hs256(byte[] secret, String keyId) throws JOSEException {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId).build(),
                    new JWTClaimsSet.Builder().subject("user-1")
                            .expirationTime(new Date(System.currentTimeMillis() + 60_000)).build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        }

        private static String symmetric(String attributes) {
            return "<validate-jwt header-name=\"Authorization\"><issuer-signing-keys><key " + attributes + ">"
                    + Base64.getEncoder().encodeToString(SECRET) + "</key></issuer-signing-keys></validate-jwt>";
        }

        @Test
        void aTokenSignedWithTheBase64KeyPasses() throws Exception {
            EffectivePolicy policy = policy(symmetric(""));
            assertSame(Decision.CONTINUE, run(policy, hs256(SECRET, null)));
            assertFalse(policy.mayBlock());
        }

        @Test
        void aKeyWithoutIdIsTriedWhateverKeyIdTheTokenNames() throws Exception {
            assertSame(Decision.CONTINUE, run(policy(symmetric("")), hs256(SECRET, "any")));
        }

        @Test
        void aKeyWithAnIdAnswersOnlyToThatKeyId() throws Exception {
            EffectivePolicy policy = policy(symmetric("id=\"k1\""));
            assertSame(Decision.CONTINUE, run(policy, hs256(SECRET, "k1")));
            assertEquals(KEY_NOT_FOUND, message(run(policy, hs256(SECRET, "k2"))));
        }

        @Test
        void aTokenSignedWithAnotherSecretIsRefused() throws Exception {
            byte[] other = "another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII);
            assertEquals("JWT signature is not valid. Access denied.", message(run(policy(symmetric("")),
                    hs256(other, null))));
        }

        @Test
        void anRsaKeyWrittenAsModulusAndExponentVerifiesItsTokens() throws Exception {
            RSAKey key = OpenIdProviderStandIn.newKey("rsa-1");
            EffectivePolicy policy = policy("<validate-jwt header-name=\"Authorization\"><issuer-signing-keys><key n=\""
                    + key.getModulus() + "\" e=\"" + key.getPublicExponent() + "\" /></issuer-signing-keys>"
                    + "</validate-jwt>");
            assertSame(Decision.CONTINUE, run(policy, OpenIdProviderStandIn.signed(key, provider.claims())));
        }

        @Test
        void anHmacTokenCannotBeVerifiedWithAnRsaKeysPublicParts() throws Exception {
            RSAKey key = OpenIdProviderStandIn.newKey("rsa-1");
            EffectivePolicy policy = policy("<validate-jwt header-name=\"Authorization\"><issuer-signing-keys><key n=\""
                    + key.getModulus() + "\" e=\"" + key.getPublicExponent() + "\" /></issuer-signing-keys>"
                    + "</validate-jwt>");
            byte[] publicKeyAsSecret = key.toRSAPublicKey().getEncoded();
            assertEquals(KEY_NOT_FOUND, message(run(policy, hs256(publicKeyAsSecret, null))));
        }
    }
}
