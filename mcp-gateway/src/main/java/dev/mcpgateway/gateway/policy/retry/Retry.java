package dev.mcpgateway.gateway.policy.retry;

import dev.mcpgateway.gateway.policy.attributes.Condition;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.PolicySequence;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.llm.retry.RetryPolicy;

/**
 * {@code retry}: runs its policies once, as APIM does, and leaves the call a {@link RetryPlan} that the surface
 * consults after each attempt of the backend call. Timing written as expressions is read here, once per call; a value
 * that is no valid number fails the call, as APIM fails a policy it cannot apply.
 */
record Retry(RetryTiming timing, Condition condition, PolicySequence policies) implements Policy {

    @Override
    public Decision apply(PolicyCall call) {
        RetryPolicy schedule = timing.schedule(call);
        if (schedule == null) {
            return new Decision.Refuse(Refusal.POLICY_FAILED);
        }
        Decision decision = policies.apply(call);
        if (decision instanceof Decision.Continue) {
            call.retry(new RetryPlan(condition, schedule, policies));
        }
        return decision;
    }

    @Override
    public boolean mayBlock() {
        return policies.mayBlock();
    }
}
