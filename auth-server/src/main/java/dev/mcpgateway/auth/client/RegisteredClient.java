package dev.mcpgateway.auth.client;

import java.util.List;

/**
 * A client known to the authorization server, registered dynamically (RFC 7591) or described by a Client ID
 * Metadata Document. Only the secret's hash is kept; public clients have none.
 */
public record RegisteredClient(String clientId, String secretHash, String clientName, List<String> redirectUris,
                               List<String> grantTypes, String tokenEndpointAuthMethod, String applicationType,
                               long issuedAt) {

    public RegisteredClient {
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        grantTypes = grantTypes == null ? List.of() : List.copyOf(grantTypes);
    }

    public boolean isConfidential() {
        return secretHash != null;
    }

    public boolean allowsGrant(String grantType) {
        return grantTypes.contains(grantType);
    }

    /** The name to show on the consent page: the client's own name, or its id when it gave none. */
    public String displayName() {
        return clientName == null || clientName.isBlank() ? clientId : clientName;
    }
}
