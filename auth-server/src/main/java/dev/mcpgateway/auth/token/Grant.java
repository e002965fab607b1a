package dev.mcpgateway.auth.token;

import java.util.List;

/**
 * What the user (or a machine client) granted one client: the audience ({@code resource}), scopes and identity.
 * Every token issued from one authorization shares the {@code familyId}, so reuse of a code or refresh token can
 * revoke all of them at once.
 */
public record Grant(String clientId, Identity identity, String resource, List<String> scopes, String familyId) {

    public Grant {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public String scope() {
        return String.join(" ", scopes);
    }
}
