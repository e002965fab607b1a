package dev.mcpgateway.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on loopback speaking the OpenAI and Azure OpenAI wire formats (chat completions, completions,
 * embeddings, responses; JSON or SSE when {@code "stream": true}). Tests script its next answers (429 with
 * Retry-After, 500, hang, a cut stream, non-JSON) and read what it received.
 */
public final class FakeOpenAiBackend implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the backend does with one request. */
    public sealed interface Behaviour {
        /** A normal answer with this usage and this reply text (streamed in {@code chunks} pieces when asked). */
        record Ok(int promptTokens, int completionTokens, String text, int chunks) implements Behaviour {
        }

        record Status(int status, String retryAfterSeconds, String body) implements Behaviour {
        }

        /** Never answers (until the server closes). */
        record Hang() implements Behaviour {
        }

        /** Starts an SSE stream, sends {@code chunksBeforeCut} chunks, then drops the connection mid-body. */
        record CutStream(int chunksBeforeCut) implements Behaviour {
        }

        /** 200 with an HTML page instead of JSON. */
        record NonJson() implements Behaviour {
        }

        /** An SSE stream that sends its first event, then waits for {@code gate} before sending the rest. */
        record GatedStream(CountDownLatch gate) implements Behaviour {
        }

        /** 200 with exactly these bytes as {@code application/json} (pass-through checks). */
        record Raw(String body) implements Behaviour {
        }
    }

    public static Behaviour.Ok ok() {
        return new Behaviour.Ok(11, 7, "Hello from the fake backend.", 4);
    }

    public static Behaviour tooManyRequests(int retryAfterSeconds) {
        return new Behaviour.Status(429, Integer.toString(retryAfterSeconds),
                "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_error\",\"param\":null,\"code\":\"429\"}}");
    }

    public static Behaviour serverError() {
        return new Behaviour.Status(500, null,
                "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
    }

    /** One request as the backend received it; header names in lower case. */
    public record Received(String method, String path, String query, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedDeque<Behaviour> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Behaviour standing = ok();

    private FakeOpenAiBackend(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a backend; {@code name} appears in its answers ({@code "model"} suffix and {@code x-fake-backend}). */
    public static FakeOpenAiBackend start(String name) throws IOException {
        return new FakeOpenAiBackend(name);
    }

    /** {@code http://127.0.0.1:port}: the Azure-style root; OpenAI-style clients append {@code /v1}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next answers, in order; after them the standing behaviour applies. */
    public FakeOpenAiBackend thenRespond(Behaviour... behaviours) {
        script.addAll(List.of(behaviours));
        return this;
    }

    /** What every unscripted request gets (default {@link #ok()}). */
    public FakeOpenAiBackend always(Behaviour behaviour) {
        this.standing = behaviour;
        return this;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public int requestCount() {
        return received.size();
    }

    public void reset() {
        script.clear();
        received.clear();
        standing = ok();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            String text = new String(body, StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), headers, text));
            Behaviour behaviour = script.pollFirst();
            answer(exchange, behaviour != null ? behaviour : standing, text);
        } catch (IOException e) {
            // the client went away or the connection was cut on purpose
        }
    }

    private void answer(HttpExchange exchange, Behaviour behaviour, String body) throws IOException {
        exchange.getResponseHeaders().add("x-fake-backend", name);
        exchange.getResponseHeaders().add("x-request-id", "req-" + received.size());
        switch (behaviour) {
            case Behaviour.Hang h -> {
                try {
                    closed.await(10, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case Behaviour.Status s -> {
                if (s.retryAfterSeconds() != null) {
                    exchange.getResponseHeaders().add("Retry-After", s.retryAfterSeconds());
                }
                send(exchange, s.status(), "application/json", s.body().getBytes(StandardCharsets.UTF_8));
            }
            case Behaviour.NonJson n -> send(exchange, 200, "text/html",
                    "<html><body>502 Bad Gateway (nginx)</body></html>".getBytes(StandardCharsets.UTF_8));
            case Behaviour.CutStream c -> cutStream(exchange, c.chunksBeforeCut(), parse(body));
            case Behaviour.GatedStream g -> gatedStream(exchange, g.gate(), parse(body));
            case Behaviour.Raw r -> send(exchange, 200, "application/json", r.body().getBytes(StandardCharsets.UTF_8));
            case Behaviour.Ok ok -> ok(exchange, ok, exchange.getRequestURI().getPath(), parse(body));
        }
    }

    private void ok(HttpExchange exchange, Behaviour.Ok ok, String path, JsonNode request) throws IOException {
        String model = request.path("model").asText("deployment") ;
        if (path.endsWith("/embeddings")) {
            send(exchange, 200, "application/json", JSON.writeValueAsBytes(FakeOpenAiReplies.embeddings(model, ok)));
        } else if (request.path("stream").asBoolean(false)) {
            boolean usage = request.path("stream_options").path("include_usage").asBoolean(false);
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            if (path.endsWith("/responses")) {
                // the Responses API streams typed events and ends with response.completed (carrying usage), no [DONE]
                for (String[] event : FakeOpenAiReplies.responseStream(model, name, ok)) {
                    out.write(("event: " + event[0] + "\ndata: " + event[1] + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                return;
            }
            for (String event : FakeOpenAiReplies.chatStream(model, name, ok, usage, path.endsWith("/completions") && !path.endsWith("chat/completions"))) {
                out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } else if (path.endsWith("/responses")) {
            send(exchange, 200, "application/json", JSON.writeValueAsBytes(FakeOpenAiReplies.response(model, name, ok)));
        } else if (path.endsWith("/chat/completions")) {
            send(exchange, 200, "application/json", JSON.writeValueAsBytes(FakeOpenAiReplies.chat(model, name, ok)));
        } else {
            send(exchange, 200, "application/json", JSON.writeValueAsBytes(FakeOpenAiReplies.completion(model, name, ok)));
        }
    }

    private void cutStream(HttpExchange exchange, int chunks, JsonNode request) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        // a declared length far above what is sent: closing early is a truncated body to the client
        exchange.sendResponseHeaders(200, 1_000_000);
        OutputStream out = exchange.getResponseBody();
        List<String> events = FakeOpenAiReplies.chatStream(request.path("model").asText("deployment"), name,
                new Behaviour.Ok(5, 50, "this stream will be cut short before the end", 10), false, false);
        for (int i = 0; i < Math.min(chunks, events.size()); i++) {
            out.write(("data: " + events.get(i) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        throw new IOException("cut on purpose");
    }

    private void gatedStream(HttpExchange exchange, CountDownLatch gate, JsonNode request) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        List<String> events = FakeOpenAiReplies.chatStream(request.path("model").asText("deployment"), name, ok(), false, false);
        for (int i = 0; i < events.size(); i++) {
            out.write(("data: " + events.get(i) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (i == 0) {
                try {
                    if (!gate.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("gate never opened");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
