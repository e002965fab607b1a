package dev.mcpgateway.llm.route;

import io.micronaut.http.HttpHeaders;

/**
 * A call as the proxy sees it once routed: which operation, which deployment (from the Azure path or the body's
 * {@code model}), the caller's api-version, the body and the caller's headers.
 */
public record ProxyRequest(Operation operation, boolean azureStyle, String deployment, String apiVersion,
                           RequestBody body, HttpHeaders headers, String clientAddress) {
}
