package dev.mcpgateway.llm.route;

import dev.mcpgateway.llm.cache.CachedResponse;
import dev.mcpgateway.llm.relay.HeaderFilter;
import dev.mcpgateway.llm.relay.UpstreamResponse;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.adapter.JdkFlowAdapter;
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

    /** Each upstream read becomes one downstream chunk as soon as it arrives. */
    static Flux<byte[]> chunks(UpstreamResponse upstream) {
        return JdkFlowAdapter.flowPublisherToFlux(upstream.stream())
                .timeout(upstream.idleTimeout())
                .map(ResponseWriter::concat)
                .filter(bytes -> bytes.length > 0);
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

    private static byte[] concat(List<ByteBuffer> buffers) {
        int size = 0;
        for (ByteBuffer b : buffers) {
            size += b.remaining();
        }
        byte[] out = new byte[size];
        int at = 0;
        for (ByteBuffer b : buffers) {
            int n = b.remaining();
            b.get(out, at, n);
            at += n;
        }
        return out;
    }
}
