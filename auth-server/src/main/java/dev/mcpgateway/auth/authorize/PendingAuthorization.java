package dev.mcpgateway.auth.authorize;

import java.util.List;

/**
 * A validated authorization request waiting for consent and the upstream login. Held server-side under a random
 * id for the login time only; the browser carries just the id. {@code consentId} names the consent the browser gave
 * (fresh on the consent page, or the remembered one), recorded for the user once the login names them.
 */
public record PendingAuthorization(String id, String clientId, String clientName, String redirectUri,
                                   boolean redirectUriGiven, String state, String codeChallenge, String resource,
                                   String resourceName, List<String> scopes, String consentId) {

    public PendingAuthorization {
        scopes = List.copyOf(scopes);
    }

    public PendingAuthorization withConsentId(String consent) {
        return new PendingAuthorization(id, clientId, clientName, redirectUri, redirectUriGiven, state, codeChallenge,
                resource, resourceName, scopes, consent);
    }
}
