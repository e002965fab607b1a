package dev.mcpgateway.gateway.policy.headers;

import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Refusal;

/** {@code set-header}: on the request to the backend (inbound, backend) or on the caller's response. */
record SetHeader(Assignment assignment, boolean onResponse) implements Policy {

    @Override
    public Decision apply(PolicyCall call) {
        ValueTarget target = onResponse ? ValueTarget.responseHeaders(call) : ValueTarget.requestHeaders(call);
        return assignment.apply(call, target) ? Decision.CONTINUE : new Decision.Refuse(Refusal.POLICY_FAILED);
    }
}
