package dev.mcpgateway.openapi.http;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where the gateway sends calls of one API: chosen by the admin per API or per call, never by the model.
 *
 * @param baseUrl         replaces the spec's server URL entirely when present (e.g. {@code http://127.0.0.1:8080/v3});
 *                        the operation path is appended to it
 * @param serverVariables values for the server URL's variables, overriding their defaults
 */
public record BackendTarget(Optional<URI> baseUrl, Map<String, String> serverVariables) {

    private static final BackendTarget SPEC_DEFAULTS = new BackendTarget(Optional.empty(), Map.of());

    public BackendTarget {
        java.util.Objects.requireNonNull(baseUrl, "baseUrl");
        serverVariables = Map.copyOf(serverVariables);
        baseUrl.ifPresent(uri -> {
            if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL");
            }
        });
    }

    /** The spec's server with its default variables. */
    public static BackendTarget specDefaults() {
        return SPEC_DEFAULTS;
    }

    public static BackendTarget baseUrl(URI baseUrl) {
        return new BackendTarget(Optional.of(baseUrl), Map.of());
    }

    public static BackendTarget variables(Map<String, String> serverVariables) {
        return new BackendTarget(Optional.empty(), serverVariables);
    }
}
