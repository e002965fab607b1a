package dev.mcpgateway.auth.store.seal;

import dev.mcpgateway.auth.store.AuthStateStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Seals the values of the secret namespaces (private signing keys, the cookie HMAC key, upstream tokens) before they
 * reach the underlying store, files or Redis, and opens them on the way back. Other namespaces hold hashes or
 * non-secret records and pass through. A value stored before sealing existed is read as it is; {@link #migrate}
 * re-writes a permanent one sealed (start-up does it for the known permanent records).
 * The first sealed write also leaves a sealed check record, by which a later start-up recognises a wrong key.
 */
public final class SealingAuthStateStore implements AuthStateStore {

    /** Where secrets live: signing keys and the cookie key ({@code keys}) and users' upstream tokens. */
    public static final Set<String> SECRET_NAMESPACES = Set.of("keys", "upstream-tokens");
    static final String PERMANENT_NAMESPACE = "keys";
    static final String CHECK_KEY = "store-key-check";
    static final String CHECK_VALUE = "mcp-gateway auth store key check";

    private final AuthStateStore store;
    private final Sealer sealer;
    private final Set<String> sealed;
    private volatile boolean checkWritten;

    SealingAuthStateStore(AuthStateStore store, Sealer sealer, Set<String> sealedNamespaces) {
        this.store = store;
        this.sealer = sealer;
        this.sealed = Set.copyOf(sealedNamespaces);
    }

    /** The sealer under the store key, for other secrets the gateway keeps at rest (its resources' secret values). */
    public Sealer sealer() {
        return sealer;
    }

    @Override
    public void put(String namespace, String key, String value, Duration ttl) {
        if (!sealed.contains(namespace)) {
            store.put(namespace, key, value, ttl);
            return;
        }
        writeCheck();
        store.put(namespace, key, sealer.seal(namespace, value), ttl);
    }

    @Override
    public Optional<String> get(String namespace, String key) {
        return store.get(namespace, key).map(v -> open(namespace, v));
    }

    @Override
    public Optional<String> take(String namespace, String key) {
        return store.take(namespace, key).map(v -> open(namespace, v));
    }

    @Override
    public void delete(String namespace, String key) {
        store.delete(namespace, key);
    }

    @Override
    public List<String> values(String namespace) {
        return store.values(namespace).stream().map(v -> open(namespace, v)).toList();
    }

    @Override
    public int removeIf(String namespace, Predicate<String> matches) {
        return store.removeIf(namespace, v -> matches.test(open(namespace, v)));
    }

    /** Re-writes a permanent record (no expiry) stored in clear by an earlier version sealed; true when it did. */
    boolean migrate(String key) {
        Optional<String> raw = store.get(PERMANENT_NAMESPACE, key);
        if (raw.isEmpty() || Sealer.isSealed(raw.get())) {
            return false;
        }
        put(PERMANENT_NAMESPACE, key, raw.get(), null);
        return true;
    }

    /** The store underneath (files or Redis). */
    public AuthStateStore underlying() {
        return store;
    }

    /** True when the check record exists and opens with our key; empty when there is none yet. */
    Optional<Boolean> checkOpens() {
        Optional<String> raw = store.get(PERMANENT_NAMESPACE, CHECK_KEY);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CHECK_VALUE.equals(sealer.unseal(PERMANENT_NAMESPACE, raw.get())));
        } catch (WrongStoreKeyException e) {
            return Optional.of(false);
        }
    }

    private void writeCheck() {
        if (!checkWritten) {
            if (store.get(PERMANENT_NAMESPACE, CHECK_KEY).isEmpty()) {
                store.put(PERMANENT_NAMESPACE, CHECK_KEY, sealer.seal(PERMANENT_NAMESPACE, CHECK_VALUE), null);
            }
            checkWritten = true;
        }
    }

    private String open(String namespace, String value) {
        return sealed.contains(namespace) ? sealer.unseal(namespace, value) : value;
    }
}
