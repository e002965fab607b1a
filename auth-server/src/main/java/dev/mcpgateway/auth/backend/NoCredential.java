package dev.mcpgateway.auth.backend;

import java.util.Map;

/** The backend needs no authentication: the request goes out as it is. */
public record NoCredential() implements BackendCredential {

    public static final NoCredential INSTANCE = new NoCredential();

    @Override
    public OutboundRequest apply(OutboundRequest request) {
        return request;
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("type", CredentialType.NONE.configName());
    }
}
