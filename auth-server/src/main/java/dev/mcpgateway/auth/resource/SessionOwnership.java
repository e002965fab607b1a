package dev.mcpgateway.auth.resource;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds an MCP session to the user who opened it (checklist item 14). A session id is never authentication: each
 * request is authenticated by its token first, then this check makes sure the token's subject (and client) own the
 * session, so a leaked or guessed session id is useless to another user.
 */
public final class SessionOwnership {

    private record Owner(String subject, String clientId) {
    }

    private final Map<String, Owner> owners = new ConcurrentHashMap<>();

    /** Records the owner when the session is created (at {@code initialize}). */
    public void bind(String sessionId, TokenPrincipal principal) {
        owners.put(sessionId, new Owner(principal.subject(), principal.clientId()));
    }

    /** True only when the session exists and belongs to the same subject through the same client. */
    public boolean isOwnedBy(String sessionId, TokenPrincipal principal) {
        Owner owner = sessionId == null ? null : owners.get(sessionId);
        return owner != null && owner.subject().equals(principal.subject())
                && Objects.equals(owner.clientId(), principal.clientId());
    }

    public void release(String sessionId) {
        owners.remove(sessionId);
    }
}
