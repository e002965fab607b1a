package dev.mcpgateway.gateway.policy.identity;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpgateway.gateway.policy.attributes.Condition;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The checks {@code validate-jwt} and {@code validate-azure-ad-token} make, in order: a token is present, it is a
 * JWT, its signature verifies with one of the keys (unless unsigned tokens are allowed), it is within its lifetime
 * (with the clock skew allowed), then each rule (audience, issuer, claims).
 */
final class TokenValidation {

    static final String NOT_PRESENT = "JWT not present.";
    static final String MALFORMED = "Invalid JWT.";
    static final String EXPIRED = "JWT has expired. Access denied.";
    static final String NOT_YET_VALID = "JWT is not yet valid. Access denied.";
    static final String NO_EXPIRATION = "JWT has no expiration time. Access denied.";
    static final String NOT_SIGNED = "JWT is not signed. Access denied.";

    private final TokenLocation location;
    private final TokenKeys keys;
    private final Condition requireSigned;
    private final Condition requireExpiration;
    private final ClockSkew skew;
    private final List<TokenRule> rules;

    private TokenValidation(TokenLocation location, TokenKeys keys, Condition requireSigned,
                            Condition requireExpiration, ClockSkew skew, List<TokenRule> rules) {
        this.location = location;
        this.keys = keys;
        this.requireSigned = requireSigned;
        this.requireExpiration = requireExpiration;
        this.skew = skew;
        this.rules = List.copyOf(rules);
    }

    /**
     * Reads where the token is and how strict to be from the element ({@code validate-azure-ad-token} writes none of
     * the strictness attributes, so it gets APIM's defaults: signed, expiring, no skew).
     */
    static TokenValidation compile(PolicyElement element, TokenKeys keys, List<TokenRule> rules)
            throws PolicyDocumentException {
        return new TokenValidation(TokenLocation.compile(element), keys,
                Condition.compile(element, "require-signed-tokens", true),
                Condition.compile(element, "require-expiration-time", true), ClockSkew.compile(element), rules);
    }

    /** Whether checking may wait on the network: some keys come from OpenID providers. */
    boolean mayBlock() {
        return !keys.providers().isEmpty();
    }

    Validation validate(PolicyCall call) {
        String token = location.token(call);
        if (token == null || token.isBlank()) {
            return new Validation.Invalid(NOT_PRESENT, false);
        }
        JWTClaimsSet claims;
        try {
            JWT jwt = JWTParser.parse(token.strip());
            if (jwt instanceof SignedJWT signed) {
                String failure = keys.verify(signed);
                if (failure != null) {
                    return new Validation.Invalid(failure, true);
                }
            } else if (!(jwt instanceof PlainJWT) || requireSigned.evaluate(call)) {
                // an encrypted token cannot be read here: no decryption keys are configured
                return new Validation.Invalid(jwt instanceof PlainJWT ? NOT_SIGNED : MALFORMED, true);
            }
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException notAJwt) {
            return new Validation.Invalid(MALFORMED, true);
        }
        Duration allowed = skew.evaluate(call);
        if (allowed == null) {
            return new Validation.Unusable();
        }
        String failure = lifetime(claims, allowed, requireExpiration.evaluate(call));
        for (int i = 0; failure == null && i < rules.size(); i++) {
            failure = rules.get(i).violation(claims, call);
        }
        return failure == null ? new Validation.Valid(token.strip()) : new Validation.Invalid(failure, true);
    }

    private static String lifetime(JWTClaimsSet claims, Duration skew, boolean expirationRequired) {
        Instant now = Instant.now();
        Date expires = claims.getExpirationTime();
        if (expires == null && expirationRequired) {
            return NO_EXPIRATION;
        }
        if (expires != null && !now.isBefore(expires.toInstant().plus(skew))) {
            return EXPIRED;
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(skew).isBefore(notBefore.toInstant())) {
            return NOT_YET_VALID;
        }
        return null;
    }
}
