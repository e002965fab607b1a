package dev.mcpgateway.auth.web;

import io.micronaut.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Single-valued query parameters; a repeated one is dropped (RFC 6749 3.1: parameters must not repeat). */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static Map<String, String> of(HttpRequest<?> request) {
        Map<String, String> query = new HashMap<>();
        for (String name : request.getParameters().names()) {
            List<String> values = request.getParameters().getAll(name);
            if (values.size() == 1 && !values.getFirst().isEmpty()) {
                query.put(name, values.getFirst());
            }
        }
        return query;
    }
}
