package dev.mcpgateway.gateway.execution;

import java.util.List;
import java.util.Map;

/**
 * What a call's policies change on the request to the backend: headers and query parameters by name, an empty list
 * removing one. The API's credential is applied after them, so no policy can replace it.
 */
public record RequestChanges(Map<String, List<String>> headers, Map<String, List<String>> query) {

    public static final RequestChanges NONE = new RequestChanges(Map.of(), Map.of());

    public RequestChanges {
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
    }

    public boolean isEmpty() {
        return headers.isEmpty() && query.isEmpty();
    }
}
