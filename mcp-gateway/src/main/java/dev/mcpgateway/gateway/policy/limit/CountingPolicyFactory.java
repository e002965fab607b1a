package dev.mcpgateway.gateway.policy.limit;

import dev.mcpgateway.gateway.policy.engine.PolicyFactory;

/** A factory of policies that count calls on the shared {@link CallCounters}: limits and quotas. */
abstract class CountingPolicyFactory implements PolicyFactory {

    protected final CallCounters counters;

    protected CountingPolicyFactory(CallCounters counters) {
        this.counters = counters;
    }

    @Override
    public final boolean countsCalls() {
        return true;
    }
}
