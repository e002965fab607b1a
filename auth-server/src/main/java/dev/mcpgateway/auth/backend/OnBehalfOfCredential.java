package dev.mcpgateway.auth.backend;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The backend is called as the signed-in user: a token for {@code scope} (Entra on-behalf-of, e.g.
 * {@code api://inventory/.default}) and/or {@code audience} (RFC 8693 token exchange) obtained from the user's upstream
 * session. It depends on who calls, so the tool executor resolves it per call; applied without a user it fails.
 */
public record OnBehalfOfCredential(Optional<String> scope, Optional<String> audience) implements BackendCredential {

    public OnBehalfOfCredential {
        if (scope.isEmpty() && audience.isEmpty()) {
            throw new IllegalArgumentException("scope or audience is required");
        }
    }

    @Override
    public OutboundRequest apply(OutboundRequest request) throws CredentialUnavailableException {
        throw new CredentialUnavailableException("an on-behalf-of credential needs a signed-in caller");
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("type", CredentialType.ON_BEHALF_OF.configName());
        scope.ifPresent(s -> description.put("scope", s));
        audience.ifPresent(a -> description.put("audience", a));
        return description;
    }
}
