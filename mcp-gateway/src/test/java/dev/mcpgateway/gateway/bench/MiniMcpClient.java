package dev.mcpgateway.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The smallest Streamable HTTP MCP client that can drive a benchmark: one session, JSON or SSE answers, and answers
 * delivered on the GET stream after a 202 (what @ivotoby/openapi-mcp-server does for tools/call). It adds the same
 * client-side cost to every MCP server measured, so the comparison stays fair.
 */
final class MiniMcpClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI endpoint;
    private final AtomicInteger ids = new AtomicInteger();
    private String session;
    private String protocolVersion = "2025-06-18";
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private boolean streamOpen;

    MiniMcpClient(HttpClient http, URI endpoint) {
        this.http = http;
        this.endpoint = endpoint;
    }

    void initialize() throws IOException, InterruptedException {
        HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
        session = response.headers().firstValue("Mcp-Session-Id").orElse(null);
        JsonNode result = parse(response);
        protocolVersion = result.path("result").path("protocolVersion").asText(protocolVersion);
        post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        // open the server-to-client stream up front (every server gets the same), so an answer sent there is never
        // missed
        openStream();
    }

    JsonNode listTools() throws IOException, InterruptedException {
        return parse(post("{\"jsonrpc\":\"2.0\",\"id\":" + ids.incrementAndGet()
                + ",\"method\":\"tools/list\",\"params\":{}}")).path("result").path("tools");
    }

    /** One tools/call; returns the result node (fails on a JSON-RPC error). */
    JsonNode call(String tool, String argumentsJson) throws IOException, InterruptedException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> viaStream = new CompletableFuture<>();
        pending.put(id, viaStream);
        HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"id\":" + id
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + argumentsJson
                + "}}");
        JsonNode reply;
        try {
            if (response.statusCode() == 202) {
                openStream();
                reply = viaStream.get(30, TimeUnit.SECONDS);
            } else {
                reply = parse(response);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("no answer for request " + id, e);
        } finally {
            pending.remove(id);
        }
        if (reply.has("error")) {
            throw new IOException("tools/call failed: " + reply.get("error"));
        }
        return reply.get("result");
    }

    /** The server-to-client stream, opened on first need; answers found there complete the pending calls. */
    private synchronized void openStream() throws IOException, InterruptedException {
        if (streamOpen) {
            return;
        }
        streamOpen = true;
        CompletableFuture<Void> opened = new CompletableFuture<>();
        http.sendAsync(HttpRequest.newBuilder(endpoint).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session).header("MCP-Protocol-Version", protocolVersion).GET().build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
                    opened.complete(null);
                    try (Stream<String> lines = response.body()) {
                        lines.filter(line -> line.startsWith("data:")).forEach(line -> {
                            try {
                                JsonNode message = JSON.readTree(line.substring(5).strip());
                                CompletableFuture<JsonNode> waiting = pending.get(message.path("id").asInt(-1));
                                if (waiting != null) {
                                    waiting.complete(message);
                                }
                            } catch (IOException e) {
                                // not a JSON-RPC message: ignore
                            }
                        });
                    }
                });
        try {
            opened.get(1, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("GET stream did not open", e);
        } catch (java.util.concurrent.TimeoutException e) {
            // some servers send the stream's headers only with its first event; the request has arrived by now
        }
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", protocolVersion);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode parse(HttpResponse<String> response) throws IOException {
        String body = response.body();
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            String last = null;
            for (String line : body.split("\n")) {
                if (line.startsWith("data:")) {
                    last = line.substring(5).strip();
                }
            }
            body = last == null ? "{}" : last;
        }
        return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    }
}
