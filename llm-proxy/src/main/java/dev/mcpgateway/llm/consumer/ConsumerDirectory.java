package dev.mcpgateway.llm.consumer;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;

/**
 * Products and subscriptions, empty at start and changed through this API, with an index from a key's hash to its
 * subscription so that a call costs one hash lookup. The index holds no key: the clear keys are only in the
 * {@link Subscription} records. Changes are copy-on-write: a call always sees one whole configuration, never a key
 * between its removal and its re-insertion.
 */
@Singleton
public class ConsumerDirectory {

    private record Snapshot(Map<String, Product> products, Map<String, Subscription> subscriptions,
                            Map<KeyHash, String> keyIndex) {
    }

    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of());

    public Optional<Product> product(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(snapshot.products().get(id));
    }

    public Collection<Product> products() {
        return List.copyOf(snapshot.products().values());
    }

    public synchronized void putProduct(Product product) {
        Map<String, Product> products = new HashMap<>(snapshot.products());
        products.put(product.id(), product);
        snapshot = new Snapshot(Map.copyOf(products), snapshot.subscriptions(), snapshot.keyIndex());
    }

    public synchronized boolean removeProduct(String id) {
        Map<String, Product> products = new HashMap<>(snapshot.products());
        boolean removed = products.remove(id) != null;
        snapshot = new Snapshot(Map.copyOf(products), snapshot.subscriptions(), snapshot.keyIndex());
        return removed;
    }

    public Optional<Subscription> subscription(String id) {
        return Optional.ofNullable(snapshot.subscriptions().get(id));
    }

    public Collection<Subscription> subscriptions() {
        return List.copyOf(snapshot.subscriptions().values());
    }

    /**
     * Adds or replaces a subscription.
     *
     * @throws IllegalArgumentException when its two keys are the same or a key belongs to another subscription
     */
    public synchronized void putSubscription(Subscription subscription) {
        Map<String, Subscription> subscriptions = new HashMap<>(snapshot.subscriptions());
        subscriptions.put(subscription.id(), subscription);
        replaceAll(snapshot.products().values(), subscriptions.values());
    }

    public synchronized boolean removeSubscription(String id) {
        Map<String, Subscription> subscriptions = new HashMap<>(snapshot.subscriptions());
        boolean removed = subscriptions.remove(id) != null;
        replaceAll(snapshot.products().values(), subscriptions.values());
        return removed;
    }

    /**
     * Replaces every product and subscription at once (a configuration change).
     *
     * @throws IllegalArgumentException when a subscription's two keys are the same or two subscriptions share a
     *                                  key; nothing changes then
     */
    public synchronized void replaceAll(Collection<Product> products, Collection<Subscription> subscriptions) {
        Map<KeyHash, String> index = new HashMap<>();
        Map<String, Subscription> byId = new HashMap<>();
        for (Subscription subscription : subscriptions) {
            if (subscription.primaryKey().equals(subscription.secondaryKey())) {
                throw new IllegalArgumentException("subscription '" + subscription.id()
                        + "': primary and secondary keys differ");
            }
            for (var key : List.of(subscription.primaryKey(), subscription.secondaryKey())) {
                String owner = index.putIfAbsent(KeyHash.of(key.reveal()), subscription.id());
                if (owner != null && !owner.equals(subscription.id())) {
                    throw new IllegalArgumentException("a key of subscription '" + subscription.id()
                            + "' is already in use");
                }
            }
            byId.put(subscription.id(), subscription);
        }
        Map<String, Product> productsById = new HashMap<>();
        products.forEach(p -> productsById.put(p.id(), p));
        snapshot = new Snapshot(Map.copyOf(productsById), Map.copyOf(byId), Map.copyOf(index));
    }

    /** The subscription one of whose keys this is. */
    public Optional<Subscription> byKey(String key) {
        Snapshot current = snapshot;
        return key == null ? Optional.empty()
                : Optional.ofNullable(current.keyIndex().get(KeyHash.of(key))).map(current.subscriptions()::get);
    }
}
