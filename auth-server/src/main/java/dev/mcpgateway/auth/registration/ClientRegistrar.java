package dev.mcpgateway.auth.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.client.RegistrationError;
import dev.mcpgateway.auth.client.ClientRegistry;
import dev.mcpgateway.auth.client.RedirectUris;
import dev.mcpgateway.auth.client.RegisteredClient;
import dev.mcpgateway.auth.store.Hashing;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * RFC 7591 registration, lenient the way real MCP clients need: unknown fields and grant types we do not offer
 * (VS Code asks for the device code grant) are dropped, not refused. Redirect URIs are held to the registration
 * rules; a client asking for a secret (client_secret_basic/post) becomes confidential and may use
 * client_credentials.
 */
public final class ClientRegistrar {

    static final Set<String> SUPPORTED_GRANTS = Set.of("authorization_code", "refresh_token", "client_credentials");

    private final ClientRegistry registry;
    private final Clock clock;

    public ClientRegistrar(ClientRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** The outcome: a registered client (with its one-time-visible secret), or an RFC 7591 error. */
    public record Outcome(RegisteredClient client, String clientSecret, ErrorObject error, String description) {
        static Outcome refused(ErrorObject error, String description) {
            return new Outcome(null, null, error, description);
        }
    }

    public Outcome register(JsonNode request) {
        if (request == null || !request.isObject()) {
            return Outcome.refused(RegistrationError.INVALID_CLIENT_METADATA, "the body must be a JSON object");
        }
        String authMethod = text(request, "token_endpoint_auth_method", "none");
        if (!List.of("none", "client_secret_basic", "client_secret_post").contains(authMethod)) {
            return Outcome.refused(RegistrationError.INVALID_CLIENT_METADATA,
                    "token_endpoint_auth_method must be none, client_secret_basic or client_secret_post");
        }
        boolean confidential = !authMethod.equals("none");
        Set<String> grants = new LinkedHashSet<>();
        JsonNode requestedGrants = request.path("grant_types");
        if (requestedGrants.isArray() && !requestedGrants.isEmpty()) {
            requestedGrants.forEach(g -> {
                if (g.isTextual() && SUPPORTED_GRANTS.contains(g.asText())) {
                    grants.add(g.asText());
                }
            });
        } else {
            grants.add("authorization_code");
            grants.add("refresh_token");
        }
        if (!confidential) {
            grants.remove("client_credentials");
        }
        if (grants.contains("authorization_code")) {
            grants.add("refresh_token");
        }
        List<String> redirects = new ArrayList<>();
        JsonNode uris = request.path("redirect_uris");
        if (!uris.isMissingNode() && !uris.isArray()) {
            return Outcome.refused(RegistrationError.INVALID_CLIENT_METADATA, "redirect_uris must be an array");
        }
        for (JsonNode uri : uris) {
            String why = uri.isTextual() ? RedirectUris.whyNotRegistrable(uri.asText()) : "redirect URIs must be strings";
            if (why != null) {
                return Outcome.refused(RegistrationError.INVALID_REDIRECT_URI, why);
            }
            redirects.add(uri.asText());
        }
        if (grants.contains("authorization_code") && redirects.isEmpty()) {
            return Outcome.refused(RegistrationError.INVALID_REDIRECT_URI, "redirect_uris is required");
        }
        if (grants.isEmpty()) {
            return Outcome.refused(RegistrationError.INVALID_CLIENT_METADATA, "no supported grant type was requested");
        }
        String secret = confidential ? Hashing.randomToken(32) : null;
        RegisteredClient client = new RegisteredClient(UUID.randomUUID().toString(),
                secret == null ? null : Hashing.sha256Hex(secret), boundedName(text(request, "client_name", null)),
                redirects, List.copyOf(grants), authMethod, text(request, "application_type", "web"),
                clock.instant().getEpochSecond());
        registry.save(client);
        return new Outcome(client, secret, null, null);
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : fallback;
    }

    private static String boundedName(String name) {
        return name == null || name.length() <= 100 ? name : name.substring(0, 100);
    }
}
