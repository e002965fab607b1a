package dev.mcpgateway.openapi.http;

import java.util.Map;

final class RequestBuilder {
    private RequestBuilder() {
    }

    static HttpRequestPlan build(HttpBinding binding, Map<String, Object> arguments, BackendTarget target)
            throws InvalidArgumentsException {
        throw new UnsupportedOperationException("in progress");
    }
}
