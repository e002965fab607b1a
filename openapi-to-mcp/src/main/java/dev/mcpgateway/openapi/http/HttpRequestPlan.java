package dev.mcpgateway.openapi.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
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

    /** This plan with one more header line (e.g. a credential the gateway holds). */
    public HttpRequestPlan withHeader(String name, String value) {
        var more = new ArrayList<>(headers);
        more.add(new HttpHeader(name, value));
        return new HttpRequestPlan(method, uri, more, body, contentType);
    }

    /** This plan with a query parameter appended, percent-encoded like every other query value. */
    public HttpRequestPlan withQueryParameter(String name, String value) {
        String pair = PercentEncoder.STRICT.encode(name) + "=" + PercentEncoder.STRICT.encode(value);
        String raw = uri.toString();
        int hash = raw.indexOf('#');
        String head = hash < 0 ? raw : raw.substring(0, hash);
        String separator = uri.getRawQuery() == null ? "?" : "&";
        return new HttpRequestPlan(method, URI.create(head + separator + pair + (hash < 0 ? "" : raw.substring(hash))),
                headers, body, contentType);
    }

    /** This plan with a cookie added to its single Cookie header. */
    public HttpRequestPlan withCookie(String name, String value) {
        String pair = PercentEncoder.STRICT.encode(name) + "=" + PercentEncoder.STRICT.encode(value);
        var merged = new ArrayList<HttpHeader>();
        boolean added = false;
        for (HttpHeader header : headers) {
            if (!added && header.name().equalsIgnoreCase("Cookie")) {
                merged.add(new HttpHeader(header.name(), header.value() + "; " + pair));
                added = true;
            } else {
                merged.add(header);
            }
        }
        if (!added) {
            merged.add(new HttpHeader("Cookie", pair));
        }
        return new HttpRequestPlan(method, uri, merged, body, contentType);
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
