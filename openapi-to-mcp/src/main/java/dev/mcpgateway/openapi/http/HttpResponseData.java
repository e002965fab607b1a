package dev.mcpgateway.openapi.http;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the backend answered, as the gateway read it.
 *
 * @param status    HTTP status code
 * @param headers   header values by name; lookups are case-insensitive
 * @param body      the bytes read (possibly empty, never null)
 * @param truncated true when the gateway stopped reading at its size cap, so {@code body} is incomplete
 */
public record HttpResponseData(int status, Map<String, List<String>> headers, byte[] body, boolean truncated) {

    public HttpResponseData {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status out of range: " + status);
        }
        var sorted = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> sorted.merge(name, List.copyOf(values), (a, b) -> {
            var merged = new java.util.ArrayList<>(a);
            merged.addAll(b);
            return List.copyOf(merged);
        }));
        headers = Collections.unmodifiableMap(sorted);
        body = body == null ? new byte[0] : body;
    }

    public static HttpResponseData of(int status, Map<String, List<String>> headers, byte[] body) {
        return new HttpResponseData(status, headers, body, false);
    }

    /** From a java.net.http response whose body was read whole. */
    public static HttpResponseData from(HttpResponse<byte[]> response) {
        return of(response.statusCode(), response.headers().map(), response.body());
    }

    public Optional<String> firstHeader(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpResponseData that && status == that.status && truncated == that.truncated
                && headers.equals(that.headers) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(body) * 31 + status;
    }

    @Override
    public String toString() {
        return "HttpResponseData[" + status + ", bodyBytes=" + body.length + ", truncated=" + truncated + "]";
    }
}
