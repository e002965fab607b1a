package dev.mcpgateway.auth.backend;

import java.util.Map;
import java.util.Objects;

/**
 * An API key sent in a header, a query parameter or a cookie.
 *
 * @param in   where the key goes
 * @param name the header, parameter or cookie name
 * @param key  the key
 */
public record ApiKeyCredential(Location in, String name, Secret key) implements BackendCredential {

    /** Where an API key travels, as OpenAPI's apiKey scheme names it. */
    public enum Location { HEADER, QUERY, COOKIE }

    public ApiKeyCredential {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public OutboundRequest apply(OutboundRequest request) {
        return switch (in) {
            case HEADER -> request.withHeader(name, key.reveal());
            case QUERY -> request.withQueryParameter(name, key.reveal());
            case COOKIE -> request.withCookie(name, key.reveal());
        };
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("type", CredentialType.API_KEY.configName(), "in", in.name().toLowerCase(), "name", name);
    }
}
