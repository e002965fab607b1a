package dev.mcpgateway.auth.resource;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates the gateway's own access tokens for one MCP server (checklist item 12): RS256 signature by a key of our
 * JWKS, {@code typ: at+jwt} (so ID tokens are refused even when signed by us), our exact {@code iss} (Entra's and
 * anyone else's tokens fail), {@code aud} equal to the server's canonical URL, {@code exp}/{@code nbf} with a small
 * skew, not revoked, then the required scopes. Plain Java: the gateway calls it on every request.
 */
public final class AccessTokenValidator {

    /** Whether a token (by {@code jti}), its grant family ({@code fid}) or its whole client was revoked. */
    @FunctionalInterface
    public interface RevocationCheck {
        boolean isRevoked(String jti, String familyId);

        /** With the token's client and issue time, for revocations that cover a whole client (client deleted). */
        default boolean isRevoked(String jti, String familyId, String clientId, java.time.Instant issuedAt) {
            return isRevoked(jti, familyId);
        }

        RevocationCheck NONE = (jti, fid) -> false;
    }

    private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

    private final String issuer;
    private final JWKSource<SecurityContext> keys;
    private final Duration skew;
    private final RevocationCheck revocations;

    public AccessTokenValidator(String issuer, JWKSource<SecurityContext> keys, Duration skew,
                                RevocationCheck revocations) {
        this.issuer = issuer;
        this.keys = keys;
        this.skew = skew;
        this.revocations = revocations;
    }

    /**
     * @param authorization the {@code Authorization} header value (may be null)
     * @param audience      the canonical URL of the MCP server being called
     * @param required      scopes this request needs
     */
    public TokenCheck check(String authorization, String audience, Collection<String> required) {
        String token = bearer(authorization);
        if (token == null) {
            return new TokenCheck.Unauthenticated(authorization != null, "no bearer token");
        }
        JWTClaimsSet claims;
        try {
            claims = processor(audience).process(token, null);
        } catch (Exception e) {
            // ParseException, BadJOSEException, JOSEException: all mean "not a token we accept"
            return new TokenCheck.Unauthenticated(true, e.getClass().getSimpleName());
        }
        if (revocations.isRevoked(claims.getJWTID(), stringClaim(claims, "fid"), stringClaim(claims, "client_id"),
                claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant())) {
            return new TokenCheck.Unauthenticated(true, "revoked");
        }
        TokenPrincipal principal = principal(claims, audience);
        if (!principal.hasScopes(required)) {
            return new TokenCheck.InsufficientScope(principal, List.copyOf(required));
        }
        return new TokenCheck.Accepted(principal);
    }

    private DefaultJWTProcessor<SecurityContext> processor(String audience) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(AT_JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                new HashSet<>(List.of("sub", "exp", "iat", "jti")));
        verifier.setMaxClockSkew((int) skew.toSeconds());
        processor.setJWTClaimsSetVerifier(verifier);
        return processor;
    }

    private static TokenPrincipal principal(JWTClaimsSet claims, String audience) {
        String scope = stringClaim(claims, "scope");
        Set<String> scopes = scope == null || scope.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(scope.trim().split("\\s+")));
        return new TokenPrincipal(claims.getSubject(), stringClaim(claims, "client_id"), audience, scopes,
                listClaim(claims, "groups"), listClaim(claims, "roles"), claims.toJSONObject());
    }

    private static String bearer(String authorization) {
        if (authorization == null || authorization.length() < 8
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    private static List<String> listClaim(JWTClaimsSet claims, String name) {
        try {
            List<String> values = claims.getStringListClaim(name);
            return values == null ? List.of() : values;
        } catch (ParseException e) {
            return List.of();
        }
    }
}
