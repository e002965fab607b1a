package dev.mcpgateway.llm.consumer;

/**
 * Who is calling, as the token limits, metrics and cache partitions see it. {@link #anonymous} when subscriptions are
 * not required and none was presented.
 */
public record Consumer(String subscriptionId, String productId, String ownerId, String clientAddress) {

    public static Consumer anonymous(String clientAddress) {
        return new Consumer(null, null, null, clientAddress);
    }

    public boolean isAnonymous() {
        return subscriptionId == null;
    }
}
