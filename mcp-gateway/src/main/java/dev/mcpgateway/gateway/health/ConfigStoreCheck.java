package dev.mcpgateway.gateway.health;

import dev.mcpgateway.gateway.store.ConfigStore;
import jakarta.inject.Singleton;

/** The configuration store (the data directory, or the Redis shared by every instance) can be reached. */
@Singleton
final class ConfigStoreCheck implements ReadinessCheck {

    private final ConfigStore store;

    ConfigStoreCheck(ConfigStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "config-store";
    }

    @Override
    public boolean ready() {
        return store.reachable();
    }
}
