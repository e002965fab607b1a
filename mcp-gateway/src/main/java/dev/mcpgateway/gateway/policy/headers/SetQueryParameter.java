package dev.mcpgateway.gateway.policy.headers;

import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Refusal;

/** {@code set-query-parameter}: on the query of the request to the backend. */
record SetQueryParameter(Assignment assignment) implements Policy {

    @Override
    public Decision apply(PolicyCall call) {
        return assignment.apply(call, ValueTarget.requestQuery(call)) ? Decision.CONTINUE
                : new Decision.Refuse(Refusal.POLICY_FAILED);
    }
}
