package dev.mcpgateway.llm.relay;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A backend's answer: status and headers, then either the whole body or (for SSE) a stream of chunks as the
 * connection reads them, which is abandoned when no chunk arrives for {@code idleTimeout} (the backend's timeout).
 */
public record UpstreamResponse(String backendId, int status, HttpHeaders headers, byte[] body,
                               Publisher<byte[]> stream, Duration idleTimeout) {

    public boolean isStream() {
        return stream != null;
    }

    public String contentType() {
        return headers.firstValue("content-type").orElse("application/json");
    }

    /** The backend's Retry-After (delta-seconds form, or OpenAI's {@code retry-after-ms}). */
    public Optional<Duration> retryAfter() {
        Optional<String> ms = headers.firstValue("retry-after-ms");
        if (ms.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis((long) Double.parseDouble(ms.get().trim())));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        return headers.firstValue("retry-after").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** An answer retried away is never relayed: a stream is cancelled so that its connection is freed. */
    public void release() {
        if (stream != null) {
            stream.subscribe(new Subscriber<>() {
                @Override
                public void onSubscribe(Subscription subscription) {
                    subscription.cancel();
                }

                @Override
                public void onNext(byte[] item) {
                }

                @Override
                public void onError(Throwable throwable) {
                }

                @Override
                public void onComplete() {
                }
            });
        }
    }
}
