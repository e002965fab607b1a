package dev.mcpgateway.auth.client;

import dev.mcpgateway.auth.store.Hashing;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Client authentication at {@code /token} and {@code /revoke}: {@code client_secret_basic},
 * {@code client_secret_post}, or none (public clients name themselves with {@code client_id}). An unknown client or a
 * wrong secret yields empty, which the endpoint renders as 401 {@code invalid_client} so clients re-register.
 */
public final class ClientAuthenticator {

    private final Clients clients;

    public ClientAuthenticator(Clients clients) {
        this.clients = clients;
    }

    public Optional<RegisteredClient> authenticate(String authorizationHeader, Map<String, String> form) {
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        if (authorizationHeader != null && authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = decodeBasic(authorizationHeader.substring(6).trim());
            if (pair == null || (clientId != null && !clientId.equals(pair[0]))) {
                return Optional.empty();
            }
            clientId = pair[0];
            secret = pair[1];
        }
        if (clientId == null) {
            return Optional.empty();
        }
        Optional<RegisteredClient> client = clients.find(clientId);
        if (client.isEmpty()) {
            return Optional.empty();
        }
        if (client.get().isConfidential()) {
            boolean ok = secret != null && Hashing.constantTimeEquals(Hashing.sha256Hex(secret), client.get().secretHash());
            return ok ? client : Optional.empty();
        }
        return secret == null ? client : Optional.empty();
    }

    private static String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            // RFC 6749 2.3.1: both parts are form-urlencoded before Base64
            return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
