package dev.mcpgateway.gateway.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An API as the administrator declares it (gateway.yml or {@code PUT /admin/apis/{apiId}}), before compilation.
 *
 * @param apiId         the API's identifier
 * @param openapi       where the spec is: an http(s) URL, a file path, or the document itself (JSON or YAML text)
 * @param serviceUrl    replaces the spec's server URL, if set
 * @param credentials   the credentials block as declared (may hold {@code ${ENV}} references), empty for none
 * @param timeoutMillis per-call timeout for this API's backend, if not the default
 */
public record ApiDefinition(String apiId, String openapi, Optional<String> serviceUrl,
                            Map<String, Object> credentials, Optional<Long> timeoutMillis) {

    public ApiDefinition {
        Objects.requireNonNull(apiId, "apiId");
        Objects.requireNonNull(openapi, "openapi");
        serviceUrl = serviceUrl == null ? Optional.empty() : serviceUrl;
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
        timeoutMillis = timeoutMillis == null ? Optional.empty() : timeoutMillis;
    }
}
