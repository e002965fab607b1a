package dev.mcpgateway.gateway.access;

import dev.mcpgateway.auth.config.ProtectedResource;
import dev.mcpgateway.auth.config.ResourceProperties;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The canonical URL and scopes of each MCP server as a protected resource: {@code gateway.auth.resources.<name>}
 * when configured (the URL users paste, byte for byte), else {@code <public base>/mcp/<name>} with scope
 * {@code mcp:<name>}. The public base is {@code gateway.auth.resource-base-url}, defaulting to the issuer.
 */
@Singleton
public class ResourceDirectory {

    private final Map<String, ResourceProperties> configured;
    private final String base;

    public ResourceDirectory(List<ResourceProperties> configured,
                             @Value("${gateway.auth.resource-base-url:}") String baseUrl,
                             @Value("${gateway.auth.issuer:}") String issuer,
                             @Value("${gateway.auth.remote-issuer:}") String remoteIssuer) {
        String base = !baseUrl.isBlank() ? baseUrl : !issuer.isBlank() ? issuer : remoteIssuer;
        this.configured = configured.stream().collect(Collectors.toMap(ResourceProperties::getName,
                Function.identity()));
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public ProtectedResource resource(String server) {
        ResourceProperties properties = configured.get(server);
        String url = properties != null && properties.getUrl() != null && !properties.getUrl().isBlank()
                ? properties.getUrl() : base + "/mcp/" + server;
        return new ProtectedResource(server, url, properties == null ? List.of() : properties.getScopes());
    }

    /** Servers configured under {@code gateway.auth.resources}, whether or not the catalog has them yet. */
    public List<ProtectedResource> configured() {
        return configured.keySet().stream().sorted().map(this::resource).toList();
    }
}
