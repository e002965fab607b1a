package dev.mcpgateway.auth.store;

import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.store.seal.SealingAuthStateStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hourly clean-up of expired files when the auth state lives on disk. */
@Singleton
@Requires(property = AuthServerConfig.ISSUER)
@Requires(property = AuthServerConfig.PREFIX + ".store", value = "file", defaultValue = "file")
public class FileStoreSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(FileStoreSweeper.class);

    private final AuthStateStore store;

    public FileStoreSweeper(AuthStateStore store) {
        this.store = store;
    }

    @Scheduled(initialDelay = "5m", fixedDelay = "1h")
    void sweep() {
        AuthStateStore files = store instanceof SealingAuthStateStore sealing ? sealing.underlying() : store;
        if (files instanceof FileAuthStateStore fileStore) {
            int removed = fileStore.sweep();
            LOG.debug("auth store sweep removed {} expired files", removed);
        }
    }
}
