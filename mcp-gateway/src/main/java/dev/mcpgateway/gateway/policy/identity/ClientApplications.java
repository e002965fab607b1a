package dev.mcpgateway.gateway.policy.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import java.util.Set;

/**
 * {@code <client-application-ids>}: the application the token was issued to, which Entra names in {@code azp} (v2.0
 * tokens) or {@code appid} (v1.0 tokens), must be one of them.
 */
record ClientApplications(Set<String> accepted) implements TokenRule {

    static final String NOT_ALLOWED = "JWT was issued to a client application that is not allowed. Access denied.";

    @Override
    public String violation(JWTClaimsSet claims, PolicyCall call) {
        Object client = claims.getClaim("azp") != null ? claims.getClaim("azp") : claims.getClaim("appid");
        return client instanceof String id && accepted.contains(id) ? null : NOT_ALLOWED;
    }
}
