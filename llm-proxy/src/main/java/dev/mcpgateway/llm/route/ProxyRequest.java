package dev.mcpgateway.llm.route;

import dev.mcpgateway.llm.api.LlmApi;
import dev.mcpgateway.llm.api.Operation;
import io.micronaut.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A call as the proxy sees it once routed: the API called, which operation, which deployment (from the Azure path
 * or the body's {@code model}), the caller's api-version, the body and the caller's headers, the headers its
 * policies set on the backend request (an empty list removes one; the backend's credential still goes last), and
 * the time its policies give the backend ({@code forward-request timeout}; null for the backend's own).
 */
public record ProxyRequest(LlmApi api, Operation operation, String deployment, String apiVersion,
                           RequestBody body, HttpHeaders headers, String clientAddress,
                           Map<String, List<String>> policyHeaders, Duration timeout) {

    public ProxyRequest {
        policyHeaders = Map.copyOf(policyHeaders);
    }

    public ProxyRequest(LlmApi api, Operation operation, String deployment, String apiVersion, RequestBody body,
                        HttpHeaders headers, String clientAddress) {
        this(api, operation, deployment, apiVersion, body, headers, clientAddress, Map.of(), null);
    }
}
