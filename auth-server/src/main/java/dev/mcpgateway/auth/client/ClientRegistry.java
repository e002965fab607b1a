package dev.mcpgateway.auth.client;

import dev.mcpgateway.auth.store.AuthStateStore;
import dev.mcpgateway.auth.store.Json;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Dynamically registered clients, by client id. */
public final class ClientRegistry {

    private static final String NAMESPACE = "client";

    private final AuthStateStore store;

    public ClientRegistry(AuthStateStore store) {
        this.store = store;
    }

    public void save(RegisteredClient client) {
        store.put(NAMESPACE, client.clientId(), Json.write(client), null);
    }

    public Optional<RegisteredClient> find(String clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        return store.get(NAMESPACE, clientId).map(json -> Json.read(json, RegisteredClient.class));
    }

    /** Every registered client, oldest first. Reads the whole namespace: for administration only. */
    public List<RegisteredClient> all() {
        return store.values(NAMESPACE).stream().map(json -> Json.read(json, RegisteredClient.class))
                .sorted(Comparator.comparingLong(RegisteredClient::issuedAt).thenComparing(RegisteredClient::clientId))
                .toList();
    }

    public void delete(String clientId) {
        store.delete(NAMESPACE, clientId);
    }
}
