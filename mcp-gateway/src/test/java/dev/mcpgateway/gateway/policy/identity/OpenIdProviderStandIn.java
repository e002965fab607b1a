package dev.mcpgateway.gateway.policy.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpgateway.testsupport.EchoHttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * An OpenID Provider on a real HTTP server: its configuration document and JWKS, RSA keys it signs tokens with, and
 * key rotation (a new key signs and is published next to the old one, as providers roll keys).
 */
final class OpenIdProviderStandIn implements AutoCloseable {

    static final String CONFIGURATION_PATH = "/.well-known/openid-configuration";
    static final String JWKS_PATH = "/discovery/keys";
    static final String AUDIENCE = "api://orders";

    private final EchoHttpServer server = EchoHttpServer.start();
    private final List<RSAKey> published = new ArrayList<>();
    private RSAKey signing;

    OpenIdProviderStandIn() {
        String configuration = "{\"issuer\":\"" + issuer() + "\",\"authorization_endpoint\":\"" + issuer()
                + "/authorize\",\"token_endpoint\":\"" + issuer() + "/token\",\"jwks_uri\":\"" + server.baseUri()
                + JWKS_PATH + "\",\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
        server.respond(CONFIGURATION_PATH, 200, Map.of("Content-Type", "application/json"),
                configuration.getBytes(StandardCharsets.UTF_8));
        rotate("key-1");
    }

    static RSAKey newKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return server.baseUri() + "/tenant";
    }

    URI configurationUrl() {
        return server.baseUri().resolve(CONFIGURATION_PATH);
    }

    /** A new key signs from now on; the old ones stay published. */
    synchronized RSAKey rotate(String id) {
        signing = newKey(id);
        published.add(signing);
        server.respond(JWKS_PATH, 200, Map.of("Content-Type", "application/json"),
                new JWKSet(List.copyOf(published)).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8));
        return signing;
    }

    /** Claims of a token this provider issues for {@link #AUDIENCE}, valid for an hour. */
    JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer()).audience(AUDIENCE).subject("user-1")
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)));
    }

    String token(JWTClaimsSet.Builder claims) {
        return signed(signing, claims);
    }

    String token() {
        return token(claims());
    }

    static String signed(RSAKey key, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    long fetches(String path) {
        return server.received().stream().filter(request -> request.rawPath().equals(path)).count();
    }

    @Override
    public void close() {
        server.close();
    }
}
