package dev.mcpgateway.auth.backend;

import java.util.Map;
import java.util.Objects;

/**
 * A bearer token the gateway fetches for itself: OAuth 2.0 client credentials, or an Azure managed identity (APIM's
 * {@code authentication-managed-identity}, where no secret is configured at all). Applying it may wait on the token
 * endpoint, so it never runs on an event loop; a backend's 401 makes the next call fetch a new token.
 */
public record FetchedTokenCredential(AccessTokenSource tokens) implements BackendCredential {

    public FetchedTokenCredential {
        Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public OutboundRequest apply(OutboundRequest request) throws CredentialUnavailableException {
        return request.withHeader("Authorization", "Bearer " + tokens.accessToken().reveal());
    }

    @Override
    public Map<String, Object> describe() {
        return tokens.describe();
    }

    @Override
    public boolean mayBlock() {
        return true;
    }

    @Override
    public void invalidate() {
        tokens.invalidate();
    }
}
