package dev.mcpgateway.gateway.config;

import dev.mcpgateway.openapi.UnionBodies;
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
 * @param serverVariables values for the spec's server URL variables (e.g. an Azure {@code endpoint}), over the
 *                        spec's defaults; may hold {@code ${ENV}} references
 * @param maxResponseBytes cap on a response body read from this API's backend, if not the default
 * @param unionBodies   how top-level oneOf/anyOf request bodies become tools ({@code argument}, {@code hoist} or
 *                      {@code split}: one tool per variant), if not the default (argument)
 */
public record ApiDefinition(String apiId, String openapi, Optional<String> serviceUrl,
                            Map<String, Object> credentials, Optional<Long> timeoutMillis,
                            Map<String, String> serverVariables, Optional<Integer> maxResponseBytes,
                            Optional<UnionBodies> unionBodies) {

    public ApiDefinition(String apiId, String openapi, Optional<String> serviceUrl, Map<String, Object> credentials,
                         Optional<Long> timeoutMillis, Map<String, String> serverVariables,
                         Optional<Integer> maxResponseBytes) {
        this(apiId, openapi, serviceUrl, credentials, timeoutMillis, serverVariables, maxResponseBytes,
                Optional.empty());
    }

    public ApiDefinition(String apiId, String openapi, Optional<String> serviceUrl, Map<String, Object> credentials,
                         Optional<Long> timeoutMillis, Map<String, String> serverVariables) {
        this(apiId, openapi, serviceUrl, credentials, timeoutMillis, serverVariables, Optional.empty());
    }

    public ApiDefinition(String apiId, String openapi, Optional<String> serviceUrl, Map<String, Object> credentials,
                         Optional<Long> timeoutMillis) {
        this(apiId, openapi, serviceUrl, credentials, timeoutMillis, Map.of());
    }

    public ApiDefinition {
        Objects.requireNonNull(apiId, "apiId");
        Objects.requireNonNull(openapi, "openapi");
        serviceUrl = serviceUrl == null ? Optional.empty() : serviceUrl;
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
        timeoutMillis = timeoutMillis == null ? Optional.empty() : timeoutMillis;
        serverVariables = serverVariables == null ? Map.of() : Map.copyOf(serverVariables);
        maxResponseBytes = maxResponseBytes == null ? Optional.empty() : maxResponseBytes;
        unionBodies = unionBodies == null ? Optional.empty() : unionBodies;
    }

    /** Credentials may hold literal secrets: only their keys are shown, and an inline spec only by its size. */
    @Override
    public String toString() {
        boolean inline = openapi.contains("\n") || openapi.startsWith("{");
        return "ApiDefinition[apiId=" + apiId + ", openapi=" + (inline ? "(inline, " + openapi.length() + " chars)"
                : openapi) + ", serviceUrl=" + serviceUrl.orElse("-") + ", credentials=" + credentials.keySet()
                + ", timeoutMillis=" + timeoutMillis.map(String::valueOf).orElse("-")
                + ", serverVariables=" + serverVariables
                + ", maxResponseBytes=" + maxResponseBytes.map(String::valueOf).orElse("-")
                + ", unionBodies=" + unionBodies.map(String::valueOf).orElse("-") + "]";
    }
}
