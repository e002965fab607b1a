package dev.mcpgateway.gateway.policy.identity;

import dev.mcpgateway.auth.backend.CredentialUnavailableException;
import dev.mcpgateway.auth.backend.ManagedIdentityTokenSource;
import dev.mcpgateway.gateway.policy.attributes.Condition;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code authentication-managed-identity}: a token for the resource from Azure's identity endpoint (kept until
 * shortly before it expires) goes to the backend as {@code Authorization: Bearer}, or, when
 * {@code output-token-variable-name} is written, into that variable only, for the policies after it to use. Without
 * a token the call fails with 500, unless {@code ignore-error} lets it go on without one.
 */
record AuthenticationManagedIdentity(ManagedIdentityTokenSource tokens, String outputVariable,
                                     Condition ignoreError) implements Policy {

    static final Refusal UNAVAILABLE = Refusal.of(500, "managed_identity_unavailable",
            "The gateway could not obtain a token to call the backend.");
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationManagedIdentity.class);

    @Override
    public Decision apply(PolicyCall call) {
        String token;
        try {
            token = tokens.accessToken().reveal();
        } catch (CredentialUnavailableException e) {
            // the message never holds a secret or the endpoint's answer (CredentialUnavailableException's contract)
            LOG.warn("authentication-managed-identity for {}: {}", tokens.settings().resource(), e.getMessage());
            return ignoreError.evaluate(call) ? Decision.CONTINUE : new Decision.Refuse(UNAVAILABLE);
        }
        if (outputVariable != null) {
            call.setVariable(outputVariable, token);
        } else {
            call.setRequestHeader("Authorization", List.of("Bearer " + token));
        }
        return Decision.CONTINUE;
    }

    @Override
    public boolean mayBlock() {
        return true;
    }
}
