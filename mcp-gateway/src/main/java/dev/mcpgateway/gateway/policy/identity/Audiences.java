package dev.mcpgateway.gateway.policy.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.expression.Expression;
import java.util.List;

/** {@code <audiences>}: the token's {@code aud} must hold one of them (each may be an expression). */
record Audiences(List<Expression> accepted) implements TokenRule {

    static final String NOT_ALLOWED = "JWT audience is not allowed. Access denied.";

    @Override
    public String violation(JWTClaimsSet claims, PolicyCall call) {
        List<String> audiences = claims.getAudience();
        for (Expression audience : accepted) {
            String text = audience.evaluateText(call);
            if (text != null && audiences.contains(text)) {
                return null;
            }
        }
        return NOT_ALLOWED;
    }
}
