package dev.mcpgateway.auth.backend;

import java.util.Map;
import java.util.Objects;

/** A static bearer token (RFC 6750) in the Authorization header. */
public record BearerCredential(Secret token) implements BackendCredential {

    public BearerCredential {
        Objects.requireNonNull(token, "token");
    }

    @Override
    public OutboundRequest apply(OutboundRequest request) {
        return request.withHeader("Authorization", "Bearer " + token.reveal());
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("type", CredentialType.BEARER.configName());
    }
}
