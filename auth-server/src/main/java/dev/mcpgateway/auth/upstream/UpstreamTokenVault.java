package dev.mcpgateway.auth.upstream;

import dev.mcpgateway.auth.store.AuthStateStore;
import dev.mcpgateway.auth.store.Json;
import java.time.Duration;
import java.util.Optional;

/** Upstream tokens per user (our subject), for the credential manager's on-behalf-of exchange. */
public final class UpstreamTokenVault {

    private static final String NAMESPACE = "upstream-tokens";

    private final AuthStateStore store;
    private final Duration lifetime;

    public UpstreamTokenVault(AuthStateStore store, Duration lifetime) {
        this.store = store;
        this.lifetime = lifetime;
    }

    public void keep(String subject, UpstreamTokens tokens) {
        store.put(NAMESPACE, subject, Json.write(tokens), lifetime);
    }

    public Optional<UpstreamTokens> find(String subject) {
        return store.get(NAMESPACE, subject).map(json -> Json.read(json, UpstreamTokens.class));
    }
}
