package dev.mcpgateway.auth.config;

import java.util.List;
import java.util.Objects;

/**
 * An MCP server as the authorization server sees it: the audience of its tokens and the scopes it understands.
 * Without configured scopes an MCP server named {@code weather} gets the single scope {@code mcp:weather}.
 */
public record ProtectedResource(String name, String url, List<String> scopes) {

    public ProtectedResource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("gateway.auth.resources." + name + ".url is blank");
        }
        scopes = scopes == null || scopes.isEmpty() ? List.of(defaultScope(name)) : List.copyOf(scopes);
    }

    public static String defaultScope(String serverName) {
        return "mcp:" + serverName;
    }
}
