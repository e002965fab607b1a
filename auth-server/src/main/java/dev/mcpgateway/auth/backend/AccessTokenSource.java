package dev.mcpgateway.auth.backend;

import java.util.Map;

/**
 * Where a {@link FetchedTokenCredential} gets its access token: fetched over the network (a token endpoint, Azure's
 * identity endpoint) and cached until shortly before it expires.
 */
public sealed interface AccessTokenSource permits ClientCredentialsTokenSource, ManagedIdentityTokenSource {

    /** The current access token, fetching a new one when there is none or it is about to expire. */
    Secret accessToken() throws CredentialUnavailableException;

    /** Forgets the cached token (the backend refused it), so the next call fetches a new one. */
    void invalidate();

    /** The non-secret settings, for admin answers and logs. */
    Map<String, Object> describe();
}
