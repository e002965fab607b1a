package dev.mcpgateway.llm.route;

import dev.mcpgateway.llm.cache.CachedResponse;
import dev.mcpgateway.llm.relay.HeaderFilter;
import dev.mcpgateway.llm.relay.UpstreamResponse;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/** Turns a backend's answer into the caller's response: status, safe headers, body bytes or live SSE chunks. */
final class ResponseWriter {

    private ResponseWriter() {
    }

    /** Any upstream status is relayed, including ones outside the standard set (a provider's 529 overload). */
    static MutableHttpResponse<?> write(UpstreamResponse upstream) {
        return withHeaders(HttpResponse.<byte[]>ok().status(upstream.status()).body(upstream.body()), upstream);
    }

    static MutableHttpResponse<?> stream(UpstreamResponse upstream, Publisher<byte[]> body) {
        return withHeaders(HttpResponse.<Publisher<byte[]>>ok().status(upstream.status()).body(body), upstream);
    }

    /** A cache hit: the stored bytes (JSON, or a whole SSE stream replayed as one), marked as a hit. */
    static MutableHttpResponse<?> cached(CachedResponse hit) {
        return HttpResponse.<byte[]>status(HttpStatus.valueOf(hit.status()))
                .contentType(hit.contentType())
                .header("x-cache", "HIT")
                .body(hit.body());
    }

    /** Each upstream read becomes one downstream chunk as soon as it arrives (the stream enforces its idle timeout). */
    static Flux<byte[]> chunks(UpstreamResponse upstream) {
        return Flux.from(upstream.stream()).filter(bytes -> bytes.length > 0);
    }

    private static <T> MutableHttpResponse<T> withHeaders(MutableHttpResponse<T> response, UpstreamResponse upstream) {
        upstream.headers().map().forEach((name, values) -> {
            if (HeaderFilter.forwardDownstream(name)) {
                values.forEach(v -> response.getHeaders().add(name, v));
            }
        });
        response.contentType(upstream.contentType());
        return response;
    }
}
