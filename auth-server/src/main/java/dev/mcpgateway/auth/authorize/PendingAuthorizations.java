package dev.mcpgateway.auth.authorize;

import dev.mcpgateway.auth.store.AuthStateStore;
import dev.mcpgateway.auth.store.Json;
import java.time.Duration;
import java.util.Optional;

/** Pending authorization requests, by id; each is consumed once (approve, deny or callback). */
public final class PendingAuthorizations {

    private static final String NAMESPACE = "pending-authorization";

    private final AuthStateStore store;
    private final Duration lifetime;

    public PendingAuthorizations(AuthStateStore store, Duration lifetime) {
        this.store = store;
        this.lifetime = lifetime;
    }

    public void save(PendingAuthorization pending) {
        store.put(NAMESPACE, pending.id(), Json.write(pending), lifetime);
    }

    public Optional<PendingAuthorization> find(String id) {
        return id == null ? Optional.empty()
                : store.get(NAMESPACE, id).map(json -> Json.read(json, PendingAuthorization.class));
    }

    public Optional<PendingAuthorization> take(String id) {
        return id == null ? Optional.empty()
                : store.take(NAMESPACE, id).map(json -> Json.read(json, PendingAuthorization.class));
    }
}
