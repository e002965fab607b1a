package dev.mcpgateway.llm.consumer;

import java.util.Map;

/**
 * Who is calling, as the token limits, metrics and cache partitions see it. {@link #anonymous} when subscriptions are
 * not required and none was presented. {@code claims} are the validated gateway token's claims (empty for a
 * subscription key), read by the policies.
 */
public record Consumer(String subscriptionId, String productId, String ownerId, String clientAddress,
                       Map<String, Object> claims) {

    public Consumer {
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }

    public Consumer(String subscriptionId, String productId, String ownerId, String clientAddress) {
        this(subscriptionId, productId, ownerId, clientAddress, Map.of());
    }

    public static Consumer anonymous(String clientAddress) {
        return new Consumer(null, null, null, clientAddress);
    }

    public boolean isAnonymous() {
        return subscriptionId == null;
    }

    /** A caller identified by a gateway access token (whose claims it carries) rather than a subscription key. */
    public boolean isTokenCaller() {
        return !claims.isEmpty();
    }
}
