package dev.mcpgateway.gateway.policy.flow;

import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;

/** {@code mock-response}: the same answer for every call, built at load. */
record MockResponse(Decision.Respond answer) implements Policy {

    @Override
    public Decision apply(PolicyCall call) {
        return answer;
    }
}
