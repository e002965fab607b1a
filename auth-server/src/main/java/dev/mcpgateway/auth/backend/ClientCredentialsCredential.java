package dev.mcpgateway.auth.backend;

import java.util.Map;
import java.util.Objects;

/** An OAuth 2.0 access token obtained with the client credentials grant, sent as a bearer token. */
public record ClientCredentialsCredential(ClientCredentialsTokenSource tokens) implements BackendCredential {

    public ClientCredentialsCredential {
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

    @Override
    public boolean mayBlock() {
        return true;
    }

    @Override
    public void invalidate() {
        tokens.invalidate();
    }
}
