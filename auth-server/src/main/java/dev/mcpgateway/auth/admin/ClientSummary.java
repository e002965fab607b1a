package dev.mcpgateway.auth.admin;

import dev.mcpgateway.auth.client.RegisteredClient;
import java.util.List;

/** A registered client as an operator sees it: everything it registered with, and never its secret or hash. */
public record ClientSummary(String clientId, String clientName, List<String> redirectUris, List<String> grantTypes,
                            String tokenEndpointAuthMethod, String applicationType, long issuedAt,
                            boolean confidential) {

    public static ClientSummary of(RegisteredClient client) {
        return new ClientSummary(client.clientId(), client.clientName(), client.redirectUris(), client.grantTypes(),
                client.tokenEndpointAuthMethod(), client.applicationType(), client.issuedAt(), client.isConfidential());
    }
}
