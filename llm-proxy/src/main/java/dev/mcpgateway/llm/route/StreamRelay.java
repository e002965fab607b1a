package dev.mcpgateway.llm.route;

import dev.mcpgateway.llm.cache.CachedResponse;
import dev.mcpgateway.llm.relay.SseEvents;
import dev.mcpgateway.llm.usage.StreamUsage;
import dev.mcpgateway.llm.usage.StreamUsageMeter;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import dev.mcpgateway.llm.usage.Usage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SignalType;

/**
 * Relays an upstream SSE stream event by event as it arrives, metering usage on the way (and dropping the usage
 * chunk the proxy asked for on the caller's behalf), and completes the call once when the stream ends, is cut, or the
 * caller goes away. A complete stream is kept for the cache when the call is cacheable (up to a size cap).
 */
final class StreamRelay {

    private static final int MAX_CAPTURE = 1024 * 1024;

    private StreamRelay() {
    }

    /** Without reported usage the meter counted only the deltas: add the prompt estimate, computed now. */
    private static StreamUsage withPrompt(StreamUsage metered, LongSupplier promptEstimate) {
        if (metered.reported()) {
            return metered;
        }
        return new StreamUsage(Usage.of(promptEstimate.getAsLong(), metered.usage().completionTokens()), false,
                metered.complete());
    }

    static Flux<byte[]> relay(Flux<byte[]> upstream, int status, StreamUsageMeter meter, LongSupplier promptEstimate,
                              CallAccounting accounting, long sentAt) {
        SseEvents events = new SseEvents(meter::feed);
        ByteArrayOutputStream captured = accounting.caching() ? new ByteArrayOutputStream() : null;
        // taken when the first chunk goes out, recorded when the stream ends: registering a tagged timer costs more
        // than the relay itself, and the first chunk should not wait for it
        AtomicLong firstChunkAt = new AtomicLong();
        return upstream
                .concatWith(Flux.defer(() -> Flux.just(new byte[0])))
                .map(chunk -> chunk.length == 0 ? events.rest() : events.feed(chunk))
                .filter(bytes -> bytes.length > 0)
                .doOnNext(bytes -> {
                    if (firstChunkAt.get() == 0) {
                        firstChunkAt.set(System.nanoTime());
                    }
                    if (captured != null && captured.size() + bytes.length <= MAX_CAPTURE) {
                        captured.writeBytes(bytes);
                    }
                })
                .doFinally(signal -> {
                    StreamUsage usage = withPrompt(meter.result(), promptEstimate);
                    boolean whole = signal == SignalType.ON_COMPLETE && usage.complete()
                            && captured != null && captured.size() < MAX_CAPTURE;
                    long firstAt = firstChunkAt.get();
                    if (firstAt != 0) {
                        accounting.metrics().ifPresent(m -> m.recordTimeToFirstToken(accounting.dimensions(),
                                Duration.ofNanos(firstAt - sentAt)));
                    }
                    accounting.metrics().ifPresent(m -> m.recordRequestDuration(accounting.dimensions(),
                            Duration.ofNanos(System.nanoTime() - sentAt)));
                    accounting.finishLater(status, usage.usage(), !usage.reported(), whole
                            ? new CachedResponse(200, "text/event-stream", captured.toByteArray(), true) : null);
                });
    }
}
