package dev.mcpgateway.llm.consumer;

import java.util.List;
import java.util.Set;

/**
 * An APIM product: what a subscription grants. {@code apis} are the APIs linked to it; {@code deployments} limits
 * which deployment/model names its subscribers may call (empty = all). A product linked to no API grants every
 * model API, as products did before APIs could be linked.
 */
public record Product(String id, String displayName, boolean subscriptionRequired, State state, List<String> deployments,
                      Set<String> apis) {

    /** A product of every API. */
    public Product(String id, String displayName, boolean subscriptionRequired, State state, List<String> deployments) {
        this(id, displayName, subscriptionRequired, state, deployments, Set.of());
    }

    public Product {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a product has an id");
        }
        displayName = displayName == null ? id : displayName;
        state = state == null ? State.PUBLISHED : state;
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
        apis = apis == null ? Set.of() : Set.copyOf(apis);
    }

    public boolean grantsApi(String apiId) {
        return apis.isEmpty() || apis.contains(apiId);
    }

    public boolean allows(String deployment) {
        return deployments.isEmpty() || deployments.contains(deployment);
    }

    public enum State { PUBLISHED, NOT_PUBLISHED }
}
