package dev.mcpgateway.auth.store.seal;

import dev.mcpgateway.auth.store.AuthStateStore;
import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a store with sealing on. At start-up it only reads: when the store already holds sealed secrets, the key
 * must be there and be the one they were sealed with, or start-up stops with the setting named. The only start-up
 * writes seal the permanent records an earlier version left in clear; otherwise nothing is written until the first
 * secret is stored (then the key file, if generated, and the check record).
 */
public final class StoreSealing {

    public static final String SETTING = "gateway.auth.store-key";
    private static final Logger LOG = LoggerFactory.getLogger(StoreSealing.class);

    private StoreSealing() {
    }

    /**
     * A sealer under the key configured (base64 of 32 bytes) or kept in {@code dataDir}, for secrets kept outside
     * the auth store; the running gateway shares the auth store's ({@link SealingAuthStateStore#sealer()}).
     */
    public static Sealer sealer(String configuredKey, Path dataDir) {
        return new Sealer(new StoreKeySource(configuredKey, dataDir));
    }

    public static SealingAuthStateStore open(AuthStateStore raw, String configuredKey, Path dataDir, boolean shared) {
        StoreKeySource keys = new StoreKeySource(configuredKey, dataDir);
        SealingAuthStateStore store = new SealingAuthStateStore(raw, new Sealer(keys),
                SealingAuthStateStore.SECRET_NAMESPACES);
        boolean keyHere = keys.existing().isPresent();
        store.checkOpens().ifPresent(opens -> {
            if (!keyHere) {
                throw new ConfigurationException(SETTING + ": the auth store holds sealed secrets but no store key is"
                        + " configured and " + keys.file() + " does not exist. Set GATEWAY_AUTH_STORE_KEY to the key"
                        + " they were sealed with, or restore that file.");
            }
            if (!opens) {
                throw new ConfigurationException(SETTING + ": the auth store's secrets were sealed with another key"
                        + " than the one from " + (keys.isConfigured() ? SETTING : keys.file().toString())
                        + ". Start with the key they were sealed with (GATEWAY_AUTH_STORE_KEY, or the "
                        + StoreKey.FILE_NAME + " file of the data directory that sealed them); instances sharing one"
                        + " Redis must share the key.");
            }
        });
        // records an earlier version kept in clear: sealed now, before any request can race a rotation
        for (String record : new String[] {"signing", "cookie-hmac"}) {
            if (store.migrate(record)) {
                LOG.info("auth store: sealed the '{}' record an earlier version stored in clear", record);
            }
        }
        if (keys.isConfigured()) {
            LOG.info("auth store: secrets (signing keys, upstream tokens) are sealed with AES-256-GCM under {}", SETTING);
        } else {
            LOG.info("auth store: secrets (signing keys, upstream tokens) are sealed with AES-256-GCM under the key in"
                    + " {} ({}); set {} (GATEWAY_AUTH_STORE_KEY) to supply your own", keys.file(),
                    keyHere ? "owner-only" : "generated, owner-only, when the first secret is stored", SETTING);
            if (shared) {
                LOG.warn("auth store: the store is shared (Redis) but its key is local to this instance; give every"
                        + " instance the same {} (GATEWAY_AUTH_STORE_KEY)", SETTING);
            }
        }
        return store;
    }
}
