package dev.mcpgateway.llm.consumer;

import java.util.List;

/**
 * An APIM product: what a subscription grants. {@code deployments} limits which deployment/model names its
 * subscribers may call (empty = all).
 */
public record Product(String id, String displayName, boolean subscriptionRequired, State state, List<String> deployments) {

    public Product {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a product has an id");
        }
        displayName = displayName == null ? id : displayName;
        state = state == null ? State.PUBLISHED : state;
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
    }

    public boolean allows(String deployment) {
        return deployments.isEmpty() || deployments.contains(deployment);
    }

    public enum State { PUBLISHED, NOT_PUBLISHED }
}
