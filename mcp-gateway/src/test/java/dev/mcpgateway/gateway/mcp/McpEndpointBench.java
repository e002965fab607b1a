package dev.mcpgateway.gateway.mcp;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the MCP layer adds over plain HTTP on the same Micronaut server: a bare POST echo route against
 * {@code tools/call} of an echo tool through {@code /mcp/{server}} (session, JSON-RPC parse, dispatch, catalog,
 * serialization), sequential and at fixed concurrency, on loopback. Run with {@code -Pbench}; prints figures only.
 */
@Tag("bench")
@MicronautTest
@Property(name = "spec.name", value = "mcp-proto-bench")
class McpEndpointBench {

    static final int WARMUP = 3_000;
    static final int REQUESTS = 10_000;
    static final int CONCURRENCY = 8;

    @Inject
    EmbeddedServer server;

    /** The plain-HTTP baseline: same server, same JSON size, no MCP. */
    @Controller("/bench")
    @Requires(property = "spec.name", value = "mcp-proto-bench")
    static class EchoController {
        @Post(uri = "/echo", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
        String echo(@Body String body) {
            return body;
        }
    }

    @Test
    void mcpToolsCallAgainstPlainHttp() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String session = new McpHttpClient(server.getURI()).initialize("demo", "2025-11-25");
        String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}";
        HttpRequest mcp = HttpRequest.newBuilder(server.getURI().resolve("/mcp/demo"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25")
                .POST(HttpRequest.BodyPublishers.ofString(call)).build();
        HttpRequest plain = HttpRequest.newBuilder(URI.create(server.getURI() + "/bench/echo"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(call)).build();

        for (String name : List.of("plain", "mcp", "plain", "mcp")) {
            HttpRequest request = name.equals("mcp") ? mcp : plain;
            run(http, request, WARMUP, 1);
            long[] sequential = run(http, request, REQUESTS, 1);
            long start = System.nanoTime();
            run(http, request, REQUESTS, CONCURRENCY);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCH %-5s sequential p50 %.0f us p99 %.0f us; %d concurrent: %.0f req/s%n", name,
                    percentile(sequential, 50) / 1e3, percentile(sequential, 99) / 1e3, CONCURRENCY, REQUESTS / seconds);
        }
    }

    static long[] run(HttpClient http, HttpRequest request, int count, int concurrency) throws Exception {
        long[] latencies = new long[count];
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                int worker = w;
                workers.add(pool.submit(() -> {
                    for (int i = worker; i < count; i += concurrency) {
                        long t = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies[i] = System.nanoTime() - t;
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(response.statusCode() + " " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return latencies;
    }

    static double percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
