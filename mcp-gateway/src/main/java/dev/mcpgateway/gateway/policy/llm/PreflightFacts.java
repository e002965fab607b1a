package dev.mcpgateway.gateway.policy.llm;

import dev.mcpgateway.gateway.policy.engine.CallFacts;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.ContextValue;
import dev.mcpgateway.llm.api.LlmApi;
import dev.mcpgateway.llm.api.Operation;
import io.micronaut.http.HttpRequest;

/** A browser's CORS preflight of a model API's operation: no key, so no subscription, product or user. */
record PreflightFacts(LlmApi api, Operation operation, HttpRequest<?> request) implements CallFacts {

    @Override
    public Surface surface() {
        return Surface.LLM;
    }

    @Override
    public String value(ContextValue value) {
        return switch (value) {
            case API_ID, API_NAME -> api.id();
            case API_PATH -> api.path();
            case OPERATION_ID -> operation.id();
            case REQUEST_IP_ADDRESS -> request.getRemoteAddress().getAddress().getHostAddress();
            case REQUEST_METHOD -> request.getMethodName();
            case REQUEST_URL_PATH -> request.getPath();
            default -> null;
        };
    }

    @Override
    public String header(String name) {
        return RequestValues.header(request, name);
    }

    @Override
    public String queryParameter(String name) {
        return RequestValues.queryParameter(request, name);
    }
}
