package dev.mcpgateway.gateway.policy.llm;

import io.micronaut.http.HttpRequest;
import java.util.List;

/** A request's headers and query parameters as expressions read them: values joined with {@code ","}, null if absent. */
final class RequestValues {

    private RequestValues() {
    }

    static String header(HttpRequest<?> request, String name) {
        return joined(request.getHeaders().getAll(name));
    }

    static String queryParameter(HttpRequest<?> request, String name) {
        return joined(request.getParameters().getAll(name));
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }
}
