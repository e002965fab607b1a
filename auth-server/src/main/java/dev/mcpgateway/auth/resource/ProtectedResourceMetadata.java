package dev.mcpgateway.auth.resource;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9728 Protected Resource Metadata for one MCP server (checklist item 11). {@code resource} is the canonical
 * URL exactly as configured (VS Code compares it byte for byte with the URL the user typed); the document lives at
 * {@code /.well-known/oauth-protected-resource} followed by the resource's path.
 */
public record ProtectedResourceMetadata(String resource, List<String> authorizationServers, List<String> scopes,
                                        String resourceName) {

    public ProtectedResourceMetadata {
        if (resource == null || resource.isBlank()) {
            throw new IllegalArgumentException("resource is required");
        }
        if (authorizationServers == null || authorizationServers.isEmpty()) {
            throw new IllegalArgumentException("at least one authorization server is required");
        }
        authorizationServers = List.copyOf(authorizationServers);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("resource", resource);
        json.put("authorization_servers", authorizationServers);
        json.put("scopes_supported", scopes);
        json.put("bearer_methods_supported", List.of("header"));
        if (resourceName != null) {
            json.put("resource_name", resourceName);
        }
        return json;
    }

    /** Where this document is served: the well-known prefix inserted between host and path (RFC 9728 3.1). */
    public String metadataUrl() {
        return metadataUrlFor(resource);
    }

    public static String metadataUrlFor(String resource) {
        URI uri = URI.create(resource);
        String path = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        return origin + "/.well-known/oauth-protected-resource" + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The path part a server routes the document under, e.g. {@code /.well-known/oauth-protected-resource/mcp/x}. */
    public static String metadataPathFor(String resource) {
        URI metadata = URI.create(metadataUrlFor(resource));
        return metadata.getRawPath();
    }
}
