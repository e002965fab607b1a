package dev.mcpgateway.auth.backend;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom to ask for a client-credentials token.
 *
 * @param tokenEndpoint the authorization server's token endpoint
 * @param clientId      the gateway's client id at that server
 * @param clientSecret  its secret (sent with HTTP Basic client authentication)
 * @param scope         the scope to ask for, if any (space separated)
 * @param timeout       connect and read timeout for the token request
 */
public record ClientCredentialsSettings(URI tokenEndpoint, String clientId, Secret clientSecret,
                                        Optional<String> scope, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public ClientCredentialsSettings {
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        scope = scope == null ? Optional.empty() : scope;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", CredentialType.CLIENT_CREDENTIALS.configName());
        out.put("tokenUrl", tokenEndpoint.toString());
        out.put("clientId", clientId);
        scope.ifPresent(s -> out.put("scope", s));
        return out;
    }
}
