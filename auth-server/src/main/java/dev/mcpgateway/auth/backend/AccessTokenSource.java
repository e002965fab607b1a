package dev.mcpgateway.auth.backend;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Where a {@link FetchedTokenCredential} gets its access token: fetched over the network (a token endpoint, Azure's
 * identity endpoint) and kept by a {@link TokenCache} until shortly before it expires, so a burst of calls costs the
 * endpoint one request.
 */
public abstract sealed class AccessTokenSource permits ClientCredentialsTokenSource, ManagedIdentityTokenSource {

    private final TokenCache cache;

    AccessTokenSource(Clock clock) {
        this.cache = new TokenCache(this::fetch, clock);
    }

    /** The current access token, fetching a new one when there is none or it is about to expire. */
    public Secret accessToken() throws CredentialUnavailableException {
        return cache.get();
    }

    /** Forgets the cached token (the backend refused it), so the next call fetches a new one. */
    public void invalidate() {
        cache.invalidate();
    }

    /** The non-secret settings, for admin answers and logs. */
    public abstract Map<String, Object> describe();

    /** One request to the endpoint. */
    abstract TokenCache.FetchedToken fetch(Instant requestedAt) throws CredentialUnavailableException;
}
