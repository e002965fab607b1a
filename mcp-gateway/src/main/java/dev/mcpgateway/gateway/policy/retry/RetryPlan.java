package dev.mcpgateway.gateway.policy.retry;

import dev.mcpgateway.gateway.policy.attributes.Condition;
import dev.mcpgateway.gateway.policy.engine.BackendRetry;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.PolicySequence;
import dev.mcpgateway.llm.retry.RetryDecision;
import dev.mcpgateway.llm.retry.RetryPolicy;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One call's retry: while the condition holds for the attempt's answer ({@code context.Response.StatusCode} reads its
 * status) and retries remain, wait per the schedule, then run the retry's policies again before the next attempt.
 */
record RetryPlan(Condition condition, RetryPolicy schedule, PolicySequence policies) implements BackendRetry {

    @Override
    public RetryDecision after(PolicyCall call, int attempt) {
        return condition.evaluate(call) ? schedule.decide(attempt, ThreadLocalRandom.current()) : RetryDecision.stop();
    }

    @Override
    public Decision again(PolicyCall call) {
        return policies.apply(call);
    }
}
