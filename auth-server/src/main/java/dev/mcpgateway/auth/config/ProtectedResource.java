package dev.mcpgateway.auth.config;

import java.util.List;
import java.util.Objects;

/**
 * An MCP server (or another API of the gateway) as the authorization server sees it: the audience of its tokens, the
 * scopes it understands and, for a privileged resource, the only clients tokens for it are issued to (empty: any
 * client). Without configured scopes an MCP server named {@code weather} gets the single scope {@code mcp:weather}.
 */
public record ProtectedResource(String name, String url, List<String> scopes, List<String> clients) {

    public ProtectedResource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("gateway.auth.resources." + name + ".url is blank");
        }
        scopes = scopes == null || scopes.isEmpty() ? List.of(defaultScope(name)) : List.copyOf(scopes);
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /** A resource any registered client may get tokens for. */
    public ProtectedResource(String name, String url, List<String> scopes) {
        this(name, url, scopes, List.of());
    }

    public static String defaultScope(String serverName) {
        return "mcp:" + serverName;
    }

    /** Whether tokens for this resource may be issued to (and accepted from) the client {@code clientId}. */
    public boolean admits(String clientId) {
        return clients.isEmpty() || clients.contains(clientId);
    }
}
