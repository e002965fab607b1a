package dev.mcpgateway.auth.backend;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which token to ask Azure's managed identity endpoint for (APIM's {@code authentication-managed-identity}).
 *
 * @param resource the audience of the token, e.g. {@code https://cognitiveservices.azure.com}
 * @param clientId the client id of a user-assigned identity; empty for the system-assigned one
 * @param endpoint where the tokens come from
 * @param timeout  connect and read timeout for the token request
 */
public record ManagedIdentitySettings(String resource, Optional<String> clientId, IdentityEndpoint endpoint,
                                      Duration timeout) {

    public ManagedIdentitySettings {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(endpoint, "endpoint");
        clientId = clientId == null ? Optional.empty() : clientId;
        Objects.requireNonNull(timeout, "timeout");
    }

    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", CredentialType.MANAGED_IDENTITY.configName());
        out.put("resource", resource);
        clientId.ifPresent(id -> out.put("clientId", id));
        return out;
    }
}
