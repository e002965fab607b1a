package dev.mcpgateway.gateway.policy.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.expression.Expression;
import java.util.List;

/**
 * The token's {@code iss} must be one of the {@code <issuers>} written, or, when none is, one of the issuers its
 * OpenID providers name: a key published by a provider only vouches for tokens of that provider.
 */
record Issuers(List<Expression> written, List<OpenIdProvider> providers) implements TokenRule {

    static final String NOT_ALLOWED = "JWT issuer is not allowed. Access denied.";

    @Override
    public String violation(JWTClaimsSet claims, PolicyCall call) {
        String issuer = claims.getIssuer();
        if (issuer == null) {
            return NOT_ALLOWED;
        }
        if (!written.isEmpty()) {
            return written.stream().anyMatch(accepted -> issuer.equals(accepted.evaluateText(call))) ? null
                    : NOT_ALLOWED;
        }
        return providers.stream().anyMatch(provider -> issuer.equals(provider.issuer())) ? null : NOT_ALLOWED;
    }
}
