package dev.mcpgateway.llm.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** A closed-loop load generator: N callers each sending the next request as soon as the last one is answered. */
final class Load {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final Map<String, String> headers;

    Load(URI uri, Map<String, String> headers) {
        this.uri = uri;
        this.headers = headers;
    }

    private HttpRequest request(String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return b.build();
    }

    /** Latencies in microseconds of {@code n} sequential calls, sorted. */
    long[] sequential(String body, int n) throws Exception {
        long[] micros = new long[n];
        HttpRequest request = request(body);
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            micros[i] = (System.nanoTime() - t) / 1000;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + r.statusCode() + ": " + new String(r.body()));
            }
        }
        Arrays.sort(micros);
        return micros;
    }

    /** Microseconds to the first body byte of {@code n} sequential streamed calls, sorted. */
    long[] firstChunk(String body, int n) throws Exception {
        long[] micros = new long[n];
        HttpRequest request = request(body);
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(uri + " answered " + r.statusCode() + ": "
                            + new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
                if (in.read() < 0) {
                    throw new IllegalStateException(uri + " streamed nothing");
                }
                micros[i] = (System.nanoTime() - t) / 1000;
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        Arrays.sort(micros);
        return micros;
    }

    /** Completed calls per second with {@code concurrency} callers over {@code duration}. */
    double throughput(String body, int concurrency, Duration duration) throws Exception {
        HttpRequest request = request(body);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Thread[] callers = new Thread[concurrency];
        for (int i = 0; i < concurrency; i++) {
            callers[i] = Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                        (r.statusCode() == 200 ? done : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        long start = System.nanoTime();
        Thread.sleep(duration);
        running.set(false);
        long elapsed = System.nanoTime() - start;
        for (Thread t : callers) {
            t.join();
        }
        if (failed.get() > done.get() / 100) {
            throw new IllegalStateException(uri + ": " + failed.get() + " failed calls of " + done.get());
        }
        return done.get() / (elapsed / 1e9);
    }

    static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
