package dev.mcpgateway.auth.authorize;

import java.util.List;

/**
 * A validated authorization request waiting for consent and the upstream login. Held server-side under a random
 * id for the login time only; the browser carries just the id.
 */
public record PendingAuthorization(String id, String clientId, String clientName, String redirectUri,
                                   boolean redirectUriGiven, String state, String codeChallenge, String resource,
                                   String resourceName, List<String> scopes) {

    public PendingAuthorization {
        scopes = List.copyOf(scopes);
    }
}
