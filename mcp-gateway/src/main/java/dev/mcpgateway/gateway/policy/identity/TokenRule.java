package dev.mcpgateway.gateway.policy.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;

/** One thing a token with a valid signature and lifetime must show: an audience, an issuer, claims. */
@FunctionalInterface
interface TokenRule {

    /** Null when the token's claims satisfy the rule, else the message the caller is refused with. */
    String violation(JWTClaimsSet claims, PolicyCall call);
}
