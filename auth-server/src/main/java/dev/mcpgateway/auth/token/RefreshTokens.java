package dev.mcpgateway.auth.token;

import dev.mcpgateway.auth.store.AuthStateStore;
import dev.mcpgateway.auth.store.Hashing;
import dev.mcpgateway.auth.store.Json;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Opaque refresh tokens, stored only as SHA-256 hashes. Redeeming one takes it (atomic, single use) and leaves a
 * "used" marker behind: presenting a used token again is reuse (a stolen copy or a replay), which revokes the
 * whole family (OAuth 2.1 4.3.1, checklist item 22).
 */
public final class RefreshTokens {

    private static final String LIVE = "refresh";
    private static final String USED = "refresh-used";

    private final AuthStateStore store;
    private final Revocations revocations;
    private final Duration lifetime;

    public RefreshTokens(AuthStateStore store, Revocations revocations, Duration lifetime) {
        this.store = store;
        this.revocations = revocations;
        this.lifetime = lifetime;
    }

    public String create(Grant grant) {
        String token = Hashing.randomToken(32);
        store.put(LIVE, Hashing.sha256Hex(token), Json.write(grant), lifetime);
        return token;
    }

    /** The grant the token stood for, if it was live, belongs to {@code clientId} and its family is not revoked. */
    public Optional<Grant> redeem(String token, String clientId) {
        String hash = Hashing.sha256Hex(token);
        Optional<String> live = store.take(LIVE, hash);
        if (live.isEmpty()) {
            store.get(USED, hash).ifPresent(revocations::revokeFamily);
            return Optional.empty();
        }
        Grant grant = Json.read(live.get(), Grant.class);
        store.put(USED, hash, grant.familyId(), lifetime);
        if (!grant.clientId().equals(clientId) || revocations.isFamilyRevoked(grant.familyId())) {
            return Optional.empty();
        }
        return Optional.of(grant);
    }

    /**
     * Revokes the families of every live refresh token whose grant matches (a deleted client, a withdrawn consent)
     * and deletes those tokens; the family revocation also stops the access tokens issued with them. Returns how
     * many families were revoked. Administration only: it reads every live refresh token.
     */
    public int revokeWhere(Predicate<Grant> matches) {
        return GrantSweep.revokeWhere(store, LIVE, json -> Json.read(json, Grant.class), matches, revocations);
    }

    /** RFC 7009 revocation: the token and every token of its family. Unknown tokens are ignored. */
    public void revoke(String token, String clientId) {
        String hash = Hashing.sha256Hex(token);
        store.get(LIVE, hash).map(json -> Json.read(json, Grant.class))
                .filter(grant -> grant.clientId().equals(clientId))
                .ifPresent(grant -> {
                    store.delete(LIVE, hash);
                    revocations.revokeFamily(grant.familyId());
                });
    }
}
