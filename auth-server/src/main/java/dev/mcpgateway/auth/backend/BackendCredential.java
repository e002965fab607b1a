package dev.mcpgateway.auth.backend;

import java.util.Map;

/**
 * How the gateway authenticates itself to one backend. One small class per credential type; each adds what its
 * scheme needs to an {@link OutboundRequest} and nothing else.
 */
public sealed interface BackendCredential
        permits NoCredential, ApiKeyCredential, BasicCredential, BearerCredential, FetchedTokenCredential,
        OnBehalfOfCredential, ApimCredential {

    /**
     * Returns the request with this credential added.
     *
     * @throws CredentialUnavailableException when the credential cannot be obtained right now (token endpoint down)
     */
    OutboundRequest apply(OutboundRequest request) throws CredentialUnavailableException;

    /** A description safe to show in admin responses and logs: the type and non-secret settings, never a secret. */
    Map<String, Object> describe();

    /**
     * Whether {@link #apply} may wait on the network (a token fetch): callers on an event loop must then apply it
     * on another thread.
     */
    default boolean mayBlock() {
        return false;
    }

    /** Forgets what was cached after the backend refused it (a 401), so the next {@link #apply} obtains it anew. */
    default void invalidate() {
    }
}
