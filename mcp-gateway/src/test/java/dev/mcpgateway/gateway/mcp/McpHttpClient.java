package dev.mcpgateway.gateway.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A raw MCP client over java.net.http for protocol tests: every header and byte is the test's choice. */
final class McpHttpClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCEPT_BOTH = "application/json, text/event-stream";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    McpHttpClient(URI base) {
        this.base = base;
    }

    HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (!headers.containsKey("Accept")) {
            request.header("Accept", ACCEPT_BOTH);
        }
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Initializes a session on {@code /mcp/{server}} and returns its id. */
    String initialize(String server, String version) {
        HttpResponse<String> response = post("/mcp/" + server, initializeBody(version), Map.of());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("initialize failed: " + response.statusCode() + " " + response.body());
        }
        String session = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post("/mcp/" + server, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", version));
        return session;
    }

    static String initializeBody(String version) {
        return """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"%s",
                "capabilities":{},"clientInfo":{"name":"protocol-test","version":"1.0"}}}""".formatted(version);
    }

    /** Opens an SSE stream; events arrive in the returned stream's queue as the server sends them. */
    SseStream openSse(HttpRequest.Builder request) {
        HttpResponse<Stream<String>> response = send(request.header("Accept", "text/event-stream"),
                HttpResponse.BodyHandlers.ofLines());
        return new SseStream(response);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One parsed server-sent event. */
    record Event(String id, String name, String data) {
        JsonNode json() {
            return McpHttpClient.json(data);
        }
    }

    /** An open SSE response read on a background thread; priming events (empty data) are skipped, as clients do. */
    static final class SseStream implements AutoCloseable {
        final HttpResponse<Stream<String>> response;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final Thread reader;
        private volatile boolean ended;

        SseStream(HttpResponse<Stream<String>> response) {
            this.response = response;
            this.reader = Thread.ofVirtual().start(() -> {
                String[] current = new String[3];
                StringBuilder data = new StringBuilder();
                try {
                    response.body().forEach(line -> {
                        if (line.isEmpty()) {
                            if (!data.isEmpty()) {
                                events.add(new Event(current[0], current[1], data.toString()));
                            }
                            current[0] = null;
                            current[1] = null;
                            data.setLength(0);
                        } else if (line.startsWith("id:")) {
                            current[0] = line.substring(3).strip();
                        } else if (line.startsWith("event:")) {
                            current[1] = line.substring(6).strip();
                        } else if (line.startsWith("data:")) {
                            if (!data.isEmpty()) {
                                data.append('\n');
                            }
                            data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
                        }
                    });
                } catch (UncheckedIOException e) {
                    // the test closed the stream
                } finally {
                    ended = true;
                }
            });
        }

        int status() {
            return response.statusCode();
        }

        /** The next event, waiting at most 10 s (a generous bound, not a timing assertion). */
        Event next() throws InterruptedException {
            Event event = events.poll(10, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no SSE event arrived (stream ended: " + ended + ")");
            }
            return event;
        }

        /** Whether the server ended the stream (waits for the end up to 10 s). */
        boolean endsSoon() throws InterruptedException {
            reader.join(Duration.ofSeconds(10));
            return ended;
        }

        Event poll(long millis) throws InterruptedException {
            return events.poll(millis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            reader.interrupt();
            try {
                response.body().close();
            } catch (RuntimeException e) {
                // already closed
            }
        }
    }
}
