package dev.mcpgateway.auth.token;

import java.util.List;

/**
 * Who the token speaks for, as mapped from the upstream identity provider (Entra ID or any OIDC provider).
 * {@code tenantId} is Entra's {@code tid}; {@code groups} and {@code roles} feed per-tool rules.
 */
public record Identity(String subject, String name, String email, String tenantId,
                       List<String> groups, List<String> roles) {

    public Identity {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("an identity needs a subject");
        }
        groups = groups == null ? List.of() : List.copyOf(groups);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** A machine client acting for itself (client credentials grant). */
    public static Identity ofClient(String clientId) {
        return new Identity(clientId, null, null, null, List.of(), List.of());
    }
}
