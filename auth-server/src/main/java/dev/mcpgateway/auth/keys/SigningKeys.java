package dev.mcpgateway.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.mcpgateway.auth.store.AuthStateStore;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The RSA keys tokens are signed with. The newest key signs; a key is replaced once older than the rotation period,
 * and a replaced key stays published in the JWKS until every token it signed has expired (rotation period + the
 * longest token lifetime), so rotation never breaks a valid token.
 */
public final class SigningKeys {

    static final String NAMESPACE = "keys";
    static final String KEY = "signing";

    private final AuthStateStore store;
    private final Clock clock;
    private final Duration rotation;
    private final Duration tokenLifetime;

    public SigningKeys(AuthStateStore store, Clock clock, Duration rotation, Duration tokenLifetime) {
        this.store = store;
        this.clock = clock;
        this.rotation = rotation;
        this.tokenLifetime = tokenLifetime;
    }

    /** The key to sign with now, generating or rotating as needed. */
    public synchronized RSAKey current() {
        List<StoredKey> keys = load();
        Instant now = clock.instant();
        StoredKey newest = keys.stream().max(Comparator.comparing(StoredKey::createdAt)).orElse(null);
        if (newest == null || !newest.createdAt().plus(rotation).isAfter(now)) {
            newest = new StoredKey(generate(), now);
            keys.add(newest);
        }
        keys.removeIf(k -> !k.createdAt().plus(rotation).plus(tokenLifetime).isAfter(now));
        save(keys);
        return newest.key();
    }

    /** The public keys still valid for verification: the current one and retired ones whose tokens may live. */
    public JWKSet publicKeys() {
        current();
        return new JWKSet(new ArrayList<>(load().stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.key().toPublicJWK()).toList()));
    }

    /** Forces a new signing key now (operators rotate on suspicion of compromise; tests prove the overlap). */
    public synchronized RSAKey rotateNow() {
        List<StoredKey> keys = load();
        StoredKey fresh = new StoredKey(generate(), clock.instant());
        keys.add(fresh);
        save(keys);
        return fresh.key();
    }

    private List<StoredKey> load() {
        List<StoredKey> keys = new ArrayList<>();
        store.get(NAMESPACE, KEY).ifPresent(text -> {
            try {
                JWKSet set = JWKSet.parse(text);
                for (var jwk : set.getKeys()) {
                    Instant created = jwk.getIssueTime() == null ? Instant.EPOCH : jwk.getIssueTime().toInstant();
                    keys.add(new StoredKey(jwk.toRSAKey(), created));
                }
            } catch (ParseException e) {
                throw new IllegalStateException("stored signing keys are unreadable", e);
            }
        });
        return keys;
    }

    private void save(List<StoredKey> keys) {
        // private keys are stored: the data directory / Redis must be protected like any secret store
        JWKSet set = new JWKSet(new ArrayList<>(keys.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.key()).toList()));
        store.put(NAMESPACE, KEY, set.toString(false), null);
    }

    private RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .issueTime(java.util.Date.from(clock.instant()))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }

    private record StoredKey(RSAKey key, Instant createdAt) {
    }
}
