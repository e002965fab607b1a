package dev.mcpgateway.llm.state;

import java.util.Set;

/**
 * The LLM proxy's admin resources, in the order they must be applied (a pool names backends, a route names a pool
 * or backend, a subscription names a product). {@link #collection()} is the admin path segment and the store's
 * collection name; {@link #yamlKey()} is the key under gateway.yml's {@code llm:}.
 */
public enum LlmKind {
    BACKENDS("backends", "backends", Set.of("url", "type", "credentials", "timeout", "deployment", "apiVersion",
            "circuitBreaker", "models")),
    POOLS("backend-pools", "pools", Set.of("backends", "sessionAffinity", "affinityName", "models")),
    ROUTES("llm-routes", "routes", Set.of("target")),
    PRODUCTS("products", "products", Set.of("displayName", "subscriptionRequired", "state", "deployments")),
    SUBSCRIPTIONS("subscriptions", "subscriptions", Set.of("displayName", "scope", "productId", "ownerId", "state",
            "primaryKey", "secondaryKey"));

    private final String collection;
    private final String yamlKey;
    private final Set<String> fields;

    LlmKind(String collection, String yamlKey, Set<String> fields) {
        this.collection = collection;
        this.yamlKey = yamlKey;
        this.fields = fields;
    }

    /** The fields a document of this kind may have: gateway.yml rejects any other, naming it. */
    public Set<String> fields() {
        return fields;
    }

    public String collection() {
        return collection;
    }

    public String yamlKey() {
        return yamlKey;
    }
}
