package dev.mcpgateway.gateway.policy.engine;

import java.util.List;

/**
 * Policies applied in order until one does not continue: a section of the effective policy, the branch of a
 * {@code choose}, the body of a {@code retry}.
 */
public final class PolicySequence implements Policy {

    private final Policy[] policies;
    private final boolean mayBlock;

    private PolicySequence(List<Policy> policies) {
        this.policies = policies.toArray(Policy[]::new);
        this.mayBlock = policies.stream().anyMatch(Policy::mayBlock);
    }

    public static PolicySequence of(List<Policy> policies) {
        return new PolicySequence(policies);
    }

    @Override
    public Decision apply(PolicyCall call) {
        for (Policy policy : policies) {
            Decision decision = policy.apply(call);
            if (!(decision instanceof Decision.Continue)) {
                return decision;
            }
        }
        return Decision.CONTINUE;
    }

    /** Whether any of the policies may wait on the network. */
    @Override
    public boolean mayBlock() {
        return mayBlock;
    }

    public boolean isEmpty() {
        return policies.length == 0;
    }
}
