package dev.mcpgateway.auth.token;

import dev.mcpgateway.auth.config.ProtectedResource;
import dev.mcpgateway.auth.config.ProtectedResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 8707 resource indicators: the requested resource must be one of our MCP servers (else {@code invalid_target});
 * none requested means the default MCP server. Scopes are narrowed to what that server offers; asking for none (or
 * only OIDC scopes such as {@code offline_access}) grants the server's scopes.
 */
public final class ResourceSelection {

    private ResourceSelection() {
    }

    public static Optional<ProtectedResource> resolve(ProtectedResources resources, String requested) {
        if (requested == null || requested.isBlank()) {
            return resources.defaultResource();
        }
        return resources.find(requested);
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
