package dev.mcpgateway.auth.token;

import dev.mcpgateway.auth.store.AuthStateStore;
import dev.mcpgateway.auth.store.Hashing;
import dev.mcpgateway.auth.store.Json;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Authorization codes: short-lived, single use, stored hashed, bound to client, redirect URI and PKCE challenge.
 * A second redemption finds the "used" marker and revokes the family the first redemption started (RFC 6749
 * 4.1.2, checklist item 19).
 */
public final class AuthorizationCodes {

    private static final String LIVE = "code";
    private static final String USED = "code-used";

    private final AuthStateStore store;
    private final Revocations revocations;
    private final Duration lifetime;
    private final Duration usedMarkerLifetime;

    public AuthorizationCodes(AuthStateStore store, Revocations revocations, Duration lifetime,
                              Duration usedMarkerLifetime) {
        this.store = store;
        this.revocations = revocations;
        this.lifetime = lifetime;
        this.usedMarkerLifetime = usedMarkerLifetime;
    }

    /** What a code stands for until redeemed; {@code redirectUri} is null when the client did not send one. */
    public record PendingCode(Grant grant, String redirectUri, String codeChallenge) {
    }

    public String create(PendingCode pending) {
        String code = Hashing.randomToken(32);
        store.put(LIVE, Hashing.sha256Hex(code), Json.write(pending), lifetime);
        return code;
    }

    /** Revokes and deletes the codes not yet redeemed whose grant matches; see {@link RefreshTokens#revokeWhere}. */
    public int revokeWhere(Predicate<Grant> matches) {
        return GrantSweep.revokeWhere(store, LIVE, json -> Json.read(json, PendingCode.class).grant(), matches,
                revocations);
    }

    /** Takes the code; empty if unknown, expired or already redeemed (then its family is revoked). */
    public Optional<PendingCode> redeem(String code) {
        String hash = Hashing.sha256Hex(code);
        Optional<String> live = store.take(LIVE, hash);
        if (live.isEmpty()) {
            store.get(USED, hash).ifPresent(revocations::revokeFamily);
            return Optional.empty();
        }
        PendingCode pending = Json.read(live.get(), PendingCode.class);
        store.put(USED, hash, pending.grant().familyId(), usedMarkerLifetime);
        return Optional.of(pending);
    }
}
