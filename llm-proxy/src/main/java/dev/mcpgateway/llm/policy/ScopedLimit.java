package dev.mcpgateway.llm.policy;

import dev.mcpgateway.llm.consumer.Consumer;
import dev.mcpgateway.llm.limit.TokenLimitPolicy;
import java.util.List;

/** A token-limit policy and where it applies: some products, some deployments, or (both empty) every call. */
public record ScopedLimit(String name, TokenLimitPolicy policy, List<String> products, List<String> deployments) {

    public ScopedLimit {
        products = List.copyOf(products);
        deployments = List.copyOf(deployments);
    }

    public boolean appliesTo(Consumer consumer, String deployment) {
        return (products.isEmpty() || products.contains(consumer.productId()))
                && (deployments.isEmpty() || deployments.contains(deployment));
    }
}
