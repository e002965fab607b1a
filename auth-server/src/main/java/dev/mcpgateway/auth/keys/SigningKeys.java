package dev.mcpgateway.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
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
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The RSA keys tokens are signed with. The newest key signs; a key is replaced once older than the rotation period,
 * and a replaced key stays published in the JWKS until every token it signed has expired (rotation period + the
 * longest token lifetime), so rotation never breaks a valid token. Keys live in the store (shared by instances) and
 * are cached in memory for a short while; an unknown key id forces a reload so another instance's new key is found.
 */
public final class SigningKeys {

    static final String NAMESPACE = "keys";
    static final String KEY = "signing";
    private static final Duration CACHE = Duration.ofSeconds(60);

    private final AuthStateStore store;
    private final Clock clock;
    private final Duration rotation;
    private final Duration tokenLifetime;
    private volatile Snapshot snapshot;

    private record Snapshot(List<RSAKey> keys, Instant loadedAt) {
    }

    public SigningKeys(AuthStateStore store, Clock clock, Duration rotation, Duration tokenLifetime) {
        this.store = store;
        this.clock = clock;
        this.rotation = rotation;
        this.tokenLifetime = tokenLifetime;
    }

    /** The key to sign with now, generating or rotating as needed. */
    public synchronized RSAKey current() {
        Instant now = clock.instant();
        List<RSAKey> keys = keys(false);
        RSAKey newest = newest(keys);
        if (newest != null && createdAt(newest).plus(rotation).isAfter(now)) {
            return newest;
        }
        // rotate: re-read first so that of several instances only the first one adds a key
        keys = keys(true);
        newest = newest(keys);
        if (newest != null && createdAt(newest).plus(rotation).isAfter(now)) {
            return newest;
        }
        List<RSAKey> next = new ArrayList<>(keys);
        RSAKey fresh = generate(now);
        next.add(fresh);
        next.removeIf(k -> !createdAt(k).plus(rotation).plus(tokenLifetime).isAfter(now));
        save(next);
        return fresh;
    }

    /** The public keys still valid for verification: the current one and retired ones whose tokens may live. */
    public JWKSet publicKeys() {
        RSAKey signing = current();
        return publicSet(live(keys(false), signing));
    }

    /** Like {@link #publicKeys()}, but re-read from the store first (a token names a key id we do not know yet). */
    public JWKSet reloadedPublicKeys() {
        List<RSAKey> keys = keys(true);
        return publicSet(live(keys, newest(keys)));
    }

    /** The signing key and the retired keys whose tokens may still be valid; older ones are no longer trusted. */
    private List<RSAKey> live(List<RSAKey> keys, RSAKey signing) {
        Instant now = clock.instant();
        return keys.stream()
                .filter(k -> k == signing || createdAt(k).plus(rotation).plus(tokenLifetime).isAfter(now))
                .toList();
    }

    /** What an operator may see of a key (never its private part); {@code publishedUntil} is null for the signer. */
    public record KeyInfo(String kid, Instant createdAt, Instant publishedUntil, boolean signing) {
    }

    /** The keys in the JWKS now, newest first, read afresh from the store. */
    public List<KeyInfo> describe() {
        List<RSAKey> keys = keys(true);
        RSAKey signing = newest(keys);
        // kept in creation order: reversed, newest first
        return live(keys, signing).reversed().stream()
                .map(k -> new KeyInfo(k.getKeyID(), createdAt(k),
                        k == signing ? null : createdAt(k).plus(rotation).plus(tokenLifetime), k == signing))
                .toList();
    }

    /** Forces a new signing key now (operators rotate on suspicion of compromise). */
    public synchronized RSAKey rotateNow() {
        List<RSAKey> next = new ArrayList<>(keys(true));
        RSAKey fresh = generate(clock.instant());
        next.add(fresh);
        save(next);
        return fresh;
    }

    private List<RSAKey> keys(boolean reload) {
        Snapshot known = snapshot;
        if (!reload && known != null && known.loadedAt().plus(CACHE).isAfter(clock.instant())) {
            return known.keys();
        }
        List<RSAKey> keys = new ArrayList<>();
        store.get(NAMESPACE, KEY).ifPresent(text -> {
            try {
                for (JWK jwk : JWKSet.parse(text).getKeys()) {
                    keys.add(jwk.toRSAKey());
                }
            } catch (ParseException e) {
                throw new IllegalStateException("stored signing keys are unreadable", e);
            }
        });
        snapshot = new Snapshot(List.copyOf(keys), clock.instant());
        return snapshot.keys();
    }

    private void save(List<RSAKey> keys) {
        // private keys are stored: the data directory / Redis must be protected like any secret store
        store.put(NAMESPACE, KEY, new JWKSet(new ArrayList<JWK>(keys)).toString(false), null);
        snapshot = new Snapshot(List.copyOf(keys), clock.instant());
    }

    private static JWKSet publicSet(List<RSAKey> keys) {
        return new JWKSet(new ArrayList<JWK>(keys.stream().map(RSAKey::toPublicJWK).toList()));
    }

    /**
     * The most recently created key. Creation times have one-second resolution (JWK {@code iat}), so a key rotated in
     * within the same second ties with its predecessor: keys are kept in creation order, and the later one wins.
     */
    private static RSAKey newest(List<RSAKey> keys) {
        RSAKey newest = null;
        for (RSAKey key : keys) {
            if (newest == null || !createdAt(key).isBefore(createdAt(newest))) {
                newest = key;
            }
        }
        return newest;
    }

    private static Instant createdAt(RSAKey key) {
        return key.getIssueTime() == null ? Instant.EPOCH : key.getIssueTime().toInstant();
    }

    private RSAKey generate(Instant now) {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .issueTime(Date.from(now))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }
}
