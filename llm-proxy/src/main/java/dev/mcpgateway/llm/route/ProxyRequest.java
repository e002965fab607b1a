package dev.mcpgateway.llm.route;

import dev.mcpgateway.llm.api.LlmApi;
import dev.mcpgateway.llm.api.Operation;
import io.micronaut.http.HttpHeaders;

/**
 * A call as the proxy sees it once routed: the API called, which operation, which deployment (from the Azure path
 * or the body's {@code model}), the caller's api-version, the body and the caller's headers.
 */
public record ProxyRequest(LlmApi api, Operation operation, String deployment, String apiVersion,
                           RequestBody body, HttpHeaders headers, String clientAddress) {
}
