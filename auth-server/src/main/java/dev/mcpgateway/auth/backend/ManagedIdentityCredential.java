package dev.mcpgateway.auth.backend;

import java.util.Map;
import java.util.Objects;

/**
 * An Azure managed identity token for one resource, sent as a bearer token: APIM's
 * {@code authentication-managed-identity}. No secret is configured at all; the platform vouches for the gateway.
 */
public record ManagedIdentityCredential(ManagedIdentityTokenSource tokens) implements BackendCredential {

    public ManagedIdentityCredential {
        Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public OutboundRequest apply(OutboundRequest request) throws CredentialUnavailableException {
        return request.withHeader("Authorization", "Bearer " + tokens.accessToken().reveal());
    }

    @Override
    public Map<String, Object> describe() {
        return tokens.settings().describe();
    }
}
