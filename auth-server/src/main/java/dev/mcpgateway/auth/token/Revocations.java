package dev.mcpgateway.auth.token;

import dev.mcpgateway.auth.resource.AccessTokenValidator;
import dev.mcpgateway.auth.store.AuthStateStore;
import java.time.Duration;
import java.time.Instant;

/**
 * Revoked grant families, single access tokens and whole clients. A family stays revoked as long as any of its
 * refresh tokens could live; a single access token ({@code jti}) only until it would have expired anyway; a deleted
 * client's tokens are refused if issued before the deletion (a later client with the same id, such as a metadata
 * document URL registered again, is not affected) until the last of them would have expired.
 */
public final class Revocations implements AccessTokenValidator.RevocationCheck {

    private static final String FAMILIES = "revoked-family";
    private static final String TOKENS = "revoked-jti";
    private static final String CLIENTS = "revoked-client";
    // the validator accepts tokens up to this much past their expiry
    private static final Duration SKEW = Duration.ofMinutes(2);

    private final AuthStateStore store;
    private final Duration familyLifetime;
    private final Duration accessTokenLifetime;

    public Revocations(AuthStateStore store, Duration familyLifetime, Duration accessTokenLifetime) {
        this.store = store;
        this.familyLifetime = familyLifetime;
        this.accessTokenLifetime = accessTokenLifetime;
    }

    public void revokeFamily(String familyId) {
        if (familyId != null) {
            store.put(FAMILIES, familyId, "1", familyLifetime);
        }
    }

    public void revokeAccessToken(String jti) {
        if (jti != null) {
            store.put(TOKENS, jti, "1", accessTokenLifetime);
        }
    }

    /** Every access token issued to {@code clientId} up to {@code at} is refused from now on. */
    public void revokeClient(String clientId, Instant at) {
        store.put(CLIENTS, clientId, Long.toString(at.getEpochSecond()), accessTokenLifetime.plus(SKEW));
    }

    public boolean isFamilyRevoked(String familyId) {
        return familyId != null && store.get(FAMILIES, familyId).isPresent();
    }

    @Override
    public boolean isRevoked(String jti, String familyId) {
        return (jti != null && store.get(TOKENS, jti).isPresent()) || isFamilyRevoked(familyId);
    }

    @Override
    public boolean isRevoked(String jti, String familyId, String clientId, Instant issuedAt) {
        if (isRevoked(jti, familyId)) {
            return true;
        }
        if (clientId == null) {
            return false;
        }
        // issued in the same second as the deletion counts as before it: iat has one-second resolution
        return store.get(CLIENTS, clientId)
                .map(Long::parseLong)
                .filter(deletedAt -> issuedAt == null || issuedAt.getEpochSecond() <= deletedAt)
                .isPresent();
    }
}
