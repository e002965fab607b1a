package dev.mcpgateway.llm.relay;

import dev.mcpgateway.llm.config.LlmSettings;
import dev.mcpgateway.llm.retry.RetryPolicy;
import io.micronaut.context.annotation.Context;

/** The proxy's retry policy, compiled from {@code llm.retry-*} at startup and replaceable at run time. */
@Context
public class RetryPolicyHolder {

    private volatile RetryPolicy policy;

    public RetryPolicyHolder(LlmSettings s) {
        try {
            this.policy = new RetryPolicy(s.getRetryCount(), RetryPolicy.Formula.parse(s.getRetryFormula()),
                    s.getRetryInterval(), s.getRetryDelta(), s.getRetryMaxInterval(), s.isRetryFirstFast());
        } catch (RuntimeException e) {
            throw new IllegalStateException("llm.retry-*: " + e.getMessage(), e);
        }
    }

    public RetryPolicy get() {
        return policy;
    }

    public void set(RetryPolicy policy) {
        this.policy = policy;
    }
}
