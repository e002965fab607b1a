package dev.mcpgateway.openapi.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The exact request to send for one tool call. Credentials are not in it: the gateway adds them.
 *
 * @param method      upper-case HTTP method
 * @param uri         the full URI, already percent-encoded
 * @param headers     header lines in order, without Content-Type (see {@code contentType}); includes the
 *                    {@code Cookie} header when the operation has cookie parameters
 * @param body        the body bytes, null when no body is sent
 * @param contentType the Content-Type to send with the body (multipart boundary included), null without body
 */
public record HttpRequestPlan(String method, URI uri, List<HttpHeader> headers, byte[] body, String contentType) {

    public HttpRequestPlan {
        ParameterBinding.requireText(method, "method");
        method = method.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(uri, "uri");
        headers = List.copyOf(headers);
        if ((body == null) != (contentType == null)) {
            throw new IllegalArgumentException("body and contentType go together");
        }
        for (HttpHeader header : headers) {
            if (header.name().equalsIgnoreCase("Content-Type")) {
                throw new IllegalArgumentException("Content-Type belongs in contentType, not headers");
            }
        }
    }

    /** All values of a header, case-insensitively, in order. */
    public List<String> headerValues(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(HttpHeader::value).toList();
    }

    /** A java.net.http builder carrying method, URI, headers and body; the caller adds credentials and timeout. */
    public HttpRequest.Builder toRequestBuilder() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        headers.forEach(h -> builder.header(h.name(), h.value()));
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", contentType);
            builder.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return builder;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpRequestPlan that && method.equals(that.method) && uri.equals(that.uri)
                && headers.equals(that.headers) && Arrays.equals(body, that.body)
                && Objects.equals(contentType, that.contentType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, headers, Arrays.hashCode(body), contentType);
    }

    @Override
    public String toString() {
        // Header values may carry data the model supplied; bodies can be large. Show the shape, not the bytes.
        return "HttpRequestPlan[" + method + " " + uri + ", headers=" + headers.stream().map(HttpHeader::name).toList()
                + ", contentType=" + contentType + ", bodyBytes=" + (body == null ? 0 : body.length) + "]";
    }
}
