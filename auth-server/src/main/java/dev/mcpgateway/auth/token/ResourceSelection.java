package dev.mcpgateway.auth.token;

import dev.mcpgateway.auth.config.ProtectedResource;
import dev.mcpgateway.auth.config.ProtectedResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 8707 resource indicators: the requested resource must be one of our MCP servers, or another resource of ours
 * that admits the client (else {@code invalid_target}); none requested means the default MCP server. Scopes are narrowed to what that server offers; asking for none (or
 * only OIDC scopes such as {@code offline_access}) grants the server's scopes.
 */
public final class ResourceSelection {

    private ResourceSelection() {
    }

    public static Optional<ProtectedResource> resolve(ProtectedResources resources, String requested,
                                                      String clientId) {
        Optional<ProtectedResource> resource = requested == null || requested.isBlank()
                ? resources.defaultResource() : resources.find(requested);
        // a resource kept from this client is as unknown to it as one that does not exist
        return resource.filter(r -> r.admits(clientId));
    }

    public static List<String> grantedScopes(ProtectedResource resource, String requestedScope) {
        if (requestedScope == null || requestedScope.isBlank()) {
            return resource.scopes();
        }
        List<String> granted = new ArrayList<>();
        for (String scope : requestedScope.trim().split("\\s+")) {
            if (resource.scopes().contains(scope) && !granted.contains(scope)) {
                granted.add(scope);
            }
        }
        return granted.isEmpty() ? resource.scopes() : granted;
    }
}
