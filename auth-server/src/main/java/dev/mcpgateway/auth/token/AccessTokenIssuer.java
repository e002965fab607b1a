package dev.mcpgateway.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpgateway.auth.keys.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Signs RFC 9068 JWT access tokens ({@code typ: at+jwt}): audience-bound to one MCP server, carrying the mapped
 * identity claims and the grant's family id ({@code fid}) so a revoked family stops its access tokens too.
 */
public final class AccessTokenIssuer {

    public static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

    private final String issuer;
    private final SigningKeys keys;
    private final Clock clock;
    private final Duration lifetime;

    public AccessTokenIssuer(String issuer, SigningKeys keys, Clock clock, Duration lifetime) {
        this.issuer = issuer;
        this.keys = keys;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public String issue(Grant grant) {
        Instant now = clock.instant();
        Identity who = grant.identity();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(who.subject())
                .audience(grant.resource())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", grant.clientId())
                .claim("scope", grant.scope());
        if (grant.familyId() != null) {
            claims.claim("fid", grant.familyId());
        }
        if (who.name() != null) {
            claims.claim("name", who.name());
        }
        if (who.email() != null) {
            claims.claim("email", who.email());
        }
        if (who.tenantId() != null) {
            claims.claim("tid", who.tenantId());
        }
        if (!who.groups().isEmpty()) {
            claims.claim("groups", who.groups());
        }
        if (!who.roles().isEmpty()) {
            claims.claim("roles", who.roles());
        }
        RSAKey key = keys.current();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(AT_JWT).keyID(key.getKeyID()).build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return jwt.serialize();
    }

    public Duration lifetime() {
        return lifetime;
    }
}
