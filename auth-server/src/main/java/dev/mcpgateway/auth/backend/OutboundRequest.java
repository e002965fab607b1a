package dev.mcpgateway.auth.backend;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of an outgoing backend request a credential may touch: the URI (for query keys) and the headers (for
 * header keys, cookies and Authorization). The gateway copies its request plan into one, lets the credential add to
 * it, and copies it back; method and body never pass through here.
 *
 * @param uri     the full request URI
 * @param headers ordered, multi-valued headers
 */
public record OutboundRequest(URI uri, List<Map.Entry<String, String>> headers) {

    public OutboundRequest {
        Objects.requireNonNull(uri, "uri");
        headers = List.copyOf(headers);
    }

    /** Replaces any header of that name (case-insensitive) with one value. */
    public OutboundRequest withHeader(String name, String value) {
        return withHeader(name, List.of(value));
    }

    /** Replaces any header of that name (case-insensitive) with these values, one header line each. */
    public OutboundRequest withHeader(String name, List<String> values) {
        List<Map.Entry<String, String>> copy = new ArrayList<>();
        for (Map.Entry<String, String> header : headers) {
            if (!header.getKey().equalsIgnoreCase(name)) {
                copy.add(header);
            }
        }
        values.forEach(value -> copy.add(Map.entry(name, value)));
        return new OutboundRequest(uri, copy);
    }

    /** Appends {@code name=value} to the query string, percent-encoded. */
    public OutboundRequest withQueryParameter(String name, String value) {
        String pair = encode(name) + "=" + encode(value);
        String raw = uri.toString();
        int fragment = raw.indexOf('#');
        String base = fragment < 0 ? raw : raw.substring(0, fragment);
        String tail = fragment < 0 ? "" : raw.substring(fragment);
        String separator = uri.getRawQuery() == null ? "?" : (base.endsWith("&") || base.endsWith("?") ? "" : "&");
        return new OutboundRequest(URI.create(base + separator + pair + tail), headers);
    }

    /** Adds a cookie, joining an existing Cookie header the way RFC 6265 wants (one header, {@code ; } separated). */
    public OutboundRequest withCookie(String name, String value) {
        String existing = null;
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase("Cookie")) {
                existing = header.getValue();
            }
        }
        String pair = name + "=" + value;
        return withHeader("Cookie", existing == null || existing.isBlank() ? pair : existing + "; " + pair);
    }

    /** All values of a header, case-insensitive, in order. */
    public List<String> header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
