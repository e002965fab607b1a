package dev.mcpgateway.auth.backend;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/** HTTP Basic authentication (RFC 7617), UTF-8 encoded. */
public record BasicCredential(String username, Secret password) implements BackendCredential {

    public BasicCredential {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public OutboundRequest apply(OutboundRequest request) {
        String pair = username + ":" + password.reveal();
        return request.withHeader("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("type", CredentialType.BASIC.configName(), "username", username);
    }
}
