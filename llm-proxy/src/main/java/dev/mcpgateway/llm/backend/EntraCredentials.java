package dev.mcpgateway.llm.backend;

import dev.mcpgateway.auth.backend.ClientCredentialsSettings;
import dev.mcpgateway.auth.backend.ClientCredentialsTokenSource;
import dev.mcpgateway.auth.backend.Secret;
import java.net.URI;
import java.util.Optional;

/**
 * Builds a client-credentials {@link Credential} from configuration. Entra defaults: {@code tenant-id} gives the
 * token URL {@code https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token}, and the scope defaults to Azure
 * OpenAI's {@code https://cognitiveservices.azure.com/.default}. Any OAuth server works with {@code token-url}.
 */
public final class EntraCredentials {

    public static final String AZURE_OPENAI_SCOPE = "https://cognitiveservices.azure.com/.default";

    private EntraCredentials() {
    }

    public static Credential.ClientCredentials of(String tokenUrl, String tenantId, String clientId, String clientSecret,
                                                  String scope) {
        if (tokenUrl == null && tenantId == null) {
            throw new IllegalArgumentException("client-credentials needs token-url or tenant-id");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("client-credentials.client-id is required");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("client-credentials.client-secret is required");
        }
        URI endpoint = URI.create(tokenUrl != null ? tokenUrl
                : "https://login.microsoftonline.com/" + tenantId + "/oauth2/v2.0/token");
        ClientCredentialsSettings settings = new ClientCredentialsSettings(endpoint, clientId,
                Secret.of(clientSecret),
                Optional.of(scope == null || scope.isBlank() ? AZURE_OPENAI_SCOPE : scope), null);
        return new Credential.ClientCredentials(new ClientCredentialsTokenSource(settings));
    }
}
