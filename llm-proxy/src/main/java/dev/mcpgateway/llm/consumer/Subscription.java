package dev.mcpgateway.llm.consumer;

import dev.mcpgateway.auth.backend.Secret;
import java.util.Locale;

/**
 * An APIM subscription: its scope (a product, one API, or every API when both are null), an owner, two
 * interchangeable keys (rotate one while the other works).
 */
public record Subscription(String id, String displayName, String productId, String ownerId, State state,
                           Secret primaryKey, Secret secondaryKey, String apiId) {

    /** A subscription to a product (or to every API when {@code productId} is null). */
    public Subscription(String id, String displayName, String productId, String ownerId, State state,
                        Secret primaryKey, Secret secondaryKey) {
        this(id, displayName, productId, ownerId, state, primaryKey, secondaryKey, null);
    }

    public Subscription {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a subscription has an id");
        }
        if (primaryKey == null || secondaryKey == null) {
            throw new IllegalArgumentException("subscription '" + id + "' needs a primary and a secondary key");
        }
        displayName = displayName == null ? id : displayName;
        state = state == null ? State.ACTIVE : state;
    }

    public Subscription withKeys(Secret primary, Secret secondary) {
        return new Subscription(id, displayName, productId, ownerId, state, primary, secondary, apiId);
    }

    public enum State {
        ACTIVE, SUSPENDED, CANCELLED, EXPIRED, SUBMITTED, REJECTED;

        public static State parse(String text) {
            return text == null || text.isBlank() ? ACTIVE : valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }
}
