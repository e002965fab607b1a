package dev.mcpgateway.auth.resource;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A validated access token's caller: who, through which client, with which scopes and identity claims. */
public record TokenPrincipal(String subject, String clientId, String audience, Set<String> scopes,
                             List<String> groups, List<String> roles, Map<String, Object> claims) {

    public TokenPrincipal {
        scopes = Set.copyOf(scopes);
        groups = List.copyOf(groups);
        roles = List.copyOf(roles);
        claims = Map.copyOf(claims);
    }

    public boolean hasScopes(java.util.Collection<String> required) {
        return scopes.containsAll(required);
    }
}
