package dev.mcpgateway.auth.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's headless Chromium driven over the DevTools protocol with nothing but the JDK's WebSocket client: open a
 * page, evaluate JavaScript in it (to read the DOM or click a button like a user), take a screenshot.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private HeadlessChromium(Process process, Path profile, int port) {
        this.process = process;
        this.profile = profile;
        this.port = port;
    }

    public static Path binary() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("Chromium is not installed: apt-get update && apt-get install -y chromium");
    }

    public static HeadlessChromium launch() throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        Process process = new ProcessBuilder(binary().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--window-size=1100,900", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile())
                .start();
        Path portFile = profile.resolve("DevToolsActivePort");
        for (int i = 0; i < 300 && !Files.exists(portFile); i++) {
            Thread.sleep(100);
        }
        if (!Files.exists(portFile)) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not open its DevTools port");
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).getFirst().trim());
        return new HeadlessChromium(process, profile, port);
    }

    /** Opens a new tab on {@code url} and connects to it. */
    public Page open(String url) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/json/new?" + URLEncoder.encode(url, StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String ws = JSON.readTree(created.body()).get("webSocketDebuggerUrl").asText();
        Page page = new Page();
        page.socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), page).get(10, TimeUnit.SECONDS);
        return page;
    }

    /** One tab. */
    public static final class Page implements WebSocket.Listener {
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;
        private final java.util.List<JsonNode> events = new java.util.concurrent.CopyOnWriteArrayList<>();

        /** DevTools events received so far (after enabling a domain with {@link #enable}). */
        public java.util.List<JsonNode> events() {
            return events;
        }

        public void enable(String domain) throws Exception {
            call(domain + ".enable", JSON.createObjectNode());
        }

        /** Waits (bounded) until the expression is truthy, e.g. the page finished loading. */
        public void waitFor(String expression) throws Exception {
            for (int i = 0; i < 200; i++) {
                if ("true".equals(evaluate("Boolean(" + expression + ")"))) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("page never satisfied: " + expression);
        }

        /** The string value of a JavaScript expression evaluated in the page. */
        public String evaluate(String expression) throws Exception {
            ObjectNode params = JSON.createObjectNode().put("expression", "Promise.resolve(" + expression + ").then(String)")
                    .put("returnByValue", true).put("awaitPromise", true);
            JsonNode result = call("Runtime.evaluate", params);
            if (result.has("exceptionDetails")) {
                return "exception: " + result.get("exceptionDetails");
            }
            return result.path("result").path("value").asText(null);
        }

        public void screenshot(Path file) throws Exception {
            JsonNode shot = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
        }

        private JsonNode call(String method, ObjectNode params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
            message.set("params", params);
            socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
            JsonNode response = answer.get(20, TimeUnit.SECONDS);
            if (response.has("error")) {
                throw new IllegalStateException(method + " failed: " + response.get("error"));
            }
            return response.get("result");
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    if (message.has("method")) {
                        events.add(message);
                    }
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> waiting = pending.remove(message.get("id").asInt());
                        if (waiting != null) {
                            waiting.complete(message);
                        }
                    }
                } catch (IOException ignored) {
                    // not a message we asked for
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
