package dev.mcpgateway.gateway.policy.llm;

import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.llm.policy.LlmCall;
import java.util.List;

/**
 * A policy configured as properties for some products and/or deployments only (empty: every call), which documents
 * would write at a product's scope or in a {@code choose}.
 */
record ScopedPolicy(List<String> products, List<String> deployments, Policy policy) implements Policy {

    ScopedPolicy {
        products = List.copyOf(products);
        deployments = List.copyOf(deployments);
    }

    @Override
    public Decision apply(PolicyCall call) {
        LlmCall llm = LlmCallFacts.of(call).call();
        boolean applies = (products.isEmpty() || products.contains(llm.consumer().productId()))
                && (deployments.isEmpty() || deployments.contains(llm.deployment()));
        return applies ? policy.apply(call) : Decision.CONTINUE;
    }

    @Override
    public boolean mayBlock() {
        return policy.mayBlock();
    }
}
