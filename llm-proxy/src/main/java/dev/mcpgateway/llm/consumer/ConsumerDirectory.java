package dev.mcpgateway.llm.consumer;

import dev.mcpgateway.auth.backend.Secret;
import dev.mcpgateway.llm.config.ProductProperties;
import dev.mcpgateway.llm.config.SubscriptionProperties;
import io.micronaut.context.annotation.Context;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Products and subscriptions, seeded from {@code llm.products} / {@code llm.subscriptions} and changed through the
 * admin API, with an index from key to subscription so that a call costs one hash lookup.
 */
@Context
public class ConsumerDirectory {

    private final Map<String, Product> products = new ConcurrentHashMap<>();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, String> keyIndex = new ConcurrentHashMap<>();

    public ConsumerDirectory(List<ProductProperties> products, List<SubscriptionProperties> subscriptions) {
        for (ProductProperties p : products) {
            try {
                putProduct(new Product(p.getId(), p.getDisplayName(), p.isSubscriptionRequired(),
                        "notpublished".equalsIgnoreCase(String.valueOf(p.getState()).replace("-", "").replace("_", ""))
                                ? Product.State.NOT_PUBLISHED : Product.State.PUBLISHED,
                        p.getDeployments()));
            } catch (RuntimeException e) {
                throw new IllegalStateException("llm.products." + p.getId() + ": " + e.getMessage(), e);
            }
        }
        for (SubscriptionProperties s : subscriptions) {
            try {
                putSubscription(new Subscription(s.getId(), s.getDisplayName(), s.getProduct(), s.getOwner(),
                        Subscription.State.parse(s.getState()),
                        s.getPrimaryKey() != null ? Secret.of(s.getPrimaryKey()) : Keys.generate(),
                        s.getSecondaryKey() != null ? Secret.of(s.getSecondaryKey()) : Keys.generate()));
            } catch (RuntimeException e) {
                throw new IllegalStateException("llm.subscriptions." + s.getId() + ": " + e.getMessage(), e);
            }
        }
    }

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

    public synchronized void putSubscription(Subscription subscription) {
        if (subscription.primaryKey().reveal().equals(subscription.secondaryKey().reveal())) {
            throw new IllegalArgumentException("subscription '" + subscription.id() + "': primary and secondary keys differ");
        }
        // checked before anything changes, so a refused update leaves the subscription as it was
        for (Secret key : List.of(subscription.primaryKey(), subscription.secondaryKey())) {
            String owner = keyIndex.get(key.reveal());
            if (owner != null && !owner.equals(subscription.id())) {
                throw new IllegalArgumentException("a key of subscription '" + subscription.id() + "' is already in use");
            }
        }
        removeSubscription(subscription.id());
        subscriptions.put(subscription.id(), subscription);
        keyIndex.put(subscription.primaryKey().reveal(), subscription.id());
        keyIndex.put(subscription.secondaryKey().reveal(), subscription.id());
    }

    public synchronized boolean removeSubscription(String id) {
        Subscription old = subscriptions.remove(id);
        if (old != null) {
            keyIndex.remove(old.primaryKey().reveal());
            keyIndex.remove(old.secondaryKey().reveal());
        }
        return old != null;
    }

    public Optional<Subscription> byKey(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(keyIndex.get(key)).map(subscriptions::get);
    }
}
