package dev.mcpgateway.gateway.policy.flow;

import dev.mcpgateway.gateway.policy.attributes.Condition;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.PolicySequence;
import java.util.List;

/** {@code choose}: the policies of the first {@code when} whose condition holds, else those of {@code otherwise}. */
record Choose(List<Branch> branches, PolicySequence otherwise) implements Policy {

    record Branch(Condition condition, PolicySequence policies) {
    }

    @Override
    public Decision apply(PolicyCall call) {
        for (Branch branch : branches) {
            if (branch.condition().evaluate(call)) {
                return branch.policies().apply(call);
            }
        }
        return otherwise.apply(call);
    }

    @Override
    public boolean mayBlock() {
        return otherwise.mayBlock() || branches.stream().anyMatch(branch -> branch.policies().mayBlock());
    }
}
