package dev.mcpgateway.auth.token;

import dev.mcpgateway.auth.store.AuthStateStore;
import java.time.Duration;

/**
 * Revoked grant families and single access tokens. A family stays revoked as long as any of its refresh tokens
 * could live; a single access token ({@code jti}) only until it would have expired anyway.
 */
public final class Revocations {

    private static final String FAMILIES = "revoked-family";
    private static final String TOKENS = "revoked-jti";

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

    public boolean isFamilyRevoked(String familyId) {
        return familyId != null && store.get(FAMILIES, familyId).isPresent();
    }

    public boolean isRevoked(String jti, String familyId) {
        return (jti != null && store.get(TOKENS, jti).isPresent()) || isFamilyRevoked(familyId);
    }
}
