package dev.mcpgateway.llm.consumer;

import dev.mcpgateway.auth.backend.Secret;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Products and subscriptions, empty at start and changed through this API, with an index from a key's hash to its
 * subscription so that a call costs one hash lookup. The index holds no key: the clear keys are only in the
 * {@link Subscription} records.
 */
@Singleton
public class ConsumerDirectory {

    private final Map<String, Product> products = new ConcurrentHashMap<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<KeyHash, String> keyIndex = new ConcurrentHashMap<>();

    public Optional<Product> product(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(products.get(id));
    }

    public Collection<Product> products() {
        return List.copyOf(products.values());
    }

    public void putProduct(Product product) {
        products.put(product.id(), product);
    }

    public boolean removeProduct(String id) {
        return products.remove(id) != null;
    }

    public Optional<Subscription> subscription(String id) {
        return Optional.ofNullable(subscriptions.get(id));
    }

    public Collection<Subscription> subscriptions() {
        return List.copyOf(subscriptions.values());
    }

    /**
     * Adds or replaces a subscription.
     *
     * @throws IllegalArgumentException when its two keys are the same or a key belongs to another subscription
     */
    public synchronized void putSubscription(Subscription subscription) {
        if (subscription.primaryKey().equals(subscription.secondaryKey())) {
            throw new IllegalArgumentException("subscription '" + subscription.id() + "': primary and secondary keys differ");
        }
        KeyHash primary = KeyHash.of(subscription.primaryKey().reveal());
        KeyHash secondary = KeyHash.of(subscription.secondaryKey().reveal());
        // checked before anything changes, so a refused update leaves the subscription as it was
        for (KeyHash key : List.of(primary, secondary)) {
            String owner = keyIndex.get(key);
            if (owner != null && !owner.equals(subscription.id())) {
                throw new IllegalArgumentException("a key of subscription '" + subscription.id() + "' is already in use");
            }
        }
        removeSubscription(subscription.id());
        subscriptions.put(subscription.id(), subscription);
        keyIndex.put(primary, subscription.id());
        keyIndex.put(secondary, subscription.id());
    }

    public synchronized boolean removeSubscription(String id) {
        Subscription old = subscriptions.remove(id);
        if (old != null) {
            keyIndex.remove(KeyHash.of(old.primaryKey().reveal()));
            keyIndex.remove(KeyHash.of(old.secondaryKey().reveal()));
        }
        return old != null;
    }

    /** The subscription one of whose keys this is. */
    public Optional<Subscription> byKey(String key) {
        return key == null ? Optional.empty()
                : Optional.ofNullable(keyIndex.get(KeyHash.of(key))).map(subscriptions::get);
    }
}
