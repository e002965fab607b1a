package dev.mcpgateway.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 and a free port that answers every request with what it received, as JSON:
 * {@code {"method", "path" (raw, still percent-encoded), "query" (raw or null), "headers": {lower-case name:
 * [values]}, "body" (UTF-8 text), "bodyBase64"}}. Every request is also recorded for direct assertions.
 * A path can instead be given a canned response ({@link #respond}) to test how callers handle statuses,
 * content types and bodies.
 */
public final class EchoHttpServer implements AutoCloseable {

    /** One request exactly as it arrived. */
    public record Received(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                           byte[] body) {

        /** All values of a header (names compared case-insensitively), empty when absent. */
        public List<String> header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A canned answer for one path. */
    public record CannedResponse(int status, Map<String, String> headers, byte[] body) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, CannedResponse> canned = new ConcurrentHashMap<>();

    private EchoHttpServer(HttpServer server) {
        this.server = server;
    }

    public static EchoHttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            EchoHttpServer echo = new EchoHttpServer(server);
            server.createContext("/", echo::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return echo;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the echo server", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, without trailing slash. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers requests to exactly this raw path with a fixed response instead of the echo. */
    public void respond(String rawPath, int status, Map<String, String> headers, byte[] body) {
        canned.put(rawPath, new CannedResponse(status, Map.copyOf(headers), body.clone()));
    }

    /** The requests received so far, oldest first. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The most recent request; fails when none arrived. */
    public Received last() {
        if (received.isEmpty()) {
            throw new IllegalStateException("no request received");
        }
        return received.getLast();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), lowerCase(exchange.getRequestHeaders()), body);
            received.add(request);
            CannedResponse answer = canned.get(request.rawPath());
            if (answer != null) {
                answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                send(exchange, answer.status(), answer.body());
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            send(exchange, 200, MAPPER.writeValueAsBytes(toJson(request)));
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean empty = body.length == 0 || status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            exchange.getResponseBody().write(body);
        }
    }

    private static ObjectNode toJson(Received request) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("method", request.method());
        json.put("path", request.rawPath());
        json.put("query", request.rawQuery());
        ObjectNode headers = json.putObject("headers");
        request.headers().forEach((name, values) -> {
            ArrayNode array = headers.putArray(name);
            values.forEach(array::add);
        });
        json.put("body", request.bodyText());
        json.put("bodyBase64", Base64.getEncoder().encodeToString(request.body()));
        return json;
    }

    private static Map<String, List<String>> lowerCase(Headers headers) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        headers.forEach((name, values) -> out.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT),
                k -> new ArrayList<>()).addAll(values));
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
