package dev.mcpgateway.auth.store.seal;

import io.micronaut.context.exceptions.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the store key comes from: the setting when given, else {@code <data-dir>/store.key}, generated the first
 * time a secret is stored (not at start-up: a gateway that never stores a secret writes nothing).
 */
final class StoreKeySource {

    private static final Logger LOG = LoggerFactory.getLogger(StoreSealing.class);

    private final String configured;
    private final Path dir;
    private volatile StoreKey key;

    StoreKeySource(String configured, Path dir) {
        this.configured = configured == null || configured.isBlank() ? null : configured;
        this.dir = dir;
    }

    boolean isConfigured() {
        return configured != null;
    }

    Path file() {
        return dir.resolve(StoreKey.FILE_NAME);
    }

    /** The key if there is one already (configured, or its file exists); never creates one. */
    Optional<StoreKey> existing() {
        StoreKey known = key;
        if (known != null) {
            return Optional.of(known);
        }
        if (configured != null) {
            key = parse(() -> StoreKey.configured(configured, StoreSealing.SETTING));
            return Optional.of(key);
        }
        if (!Files.exists(file())) {
            return Optional.empty();
        }
        return Optional.of(obtain());
    }

    /** The key, generated into the data directory (owner-only) when there is none yet. */
    synchronized StoreKey obtain() {
        if (key != null) {
            return key;
        }
        if (configured != null) {
            return existing().orElseThrow();
        }
        boolean[] created = new boolean[1];
        key = parse(() -> {
            try {
                return StoreKey.fromFile(dir, created);
            } catch (IOException e) {
                throw new UncheckedIOException("auth store: cannot read or create the store key under " + dir, e);
            }
        });
        if (created[0]) {
            LOG.info("auth store: generated now in {} (owner-only) the AES-256 key sealing stored secrets; set {}"
                    + " (GATEWAY_AUTH_STORE_KEY) to supply your own, and keep the file with the data", file(),
                    StoreSealing.SETTING);
        }
        return key;
    }

    private static StoreKey parse(java.util.function.Supplier<StoreKey> reader) {
        try {
            return reader.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }
}
