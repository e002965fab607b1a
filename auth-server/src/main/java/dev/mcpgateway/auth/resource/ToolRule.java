package dev.mcpgateway.auth.resource;

import java.util.List;

/**
 * An optional per-tool rule: the caller needs every scope in {@code scopes} and, when {@code anyOfRoles} or
 * {@code anyOfGroups} is non-empty, at least one of those roles or groups (Entra app roles / group object ids).
 */
public record ToolRule(String tool, List<String> scopes, List<String> anyOfRoles, List<String> anyOfGroups) {

    public ToolRule {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        anyOfRoles = anyOfRoles == null ? List.of() : List.copyOf(anyOfRoles);
        anyOfGroups = anyOfGroups == null ? List.of() : List.copyOf(anyOfGroups);
    }
}
