package dev.mcpgateway.gateway.bench;

import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark's gateway in a JVM of its own ({@link GatewayMain}), so that its CPU time is its own; configured
 * through its admin API. Its output after READY goes to a log file.
 */
final class GatewayProcess implements AutoCloseable {

    /** The gateway JVM's options: a fixed heap and serial GC, so that runs compare ({@code -Dbench.gatewayJvm}). */
    static final String JVM_OPTIONS = System.getProperty("bench.gatewayJvm",
            "-Xms256m -Xmx256m -XX:+UseSerialGC -XX:+AlwaysPreTouch -Xss512k");

    private final Process process;
    private final URI base;
    private final String eventLoopsStarted;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private GatewayProcess(Process process, String[] ready) {
        this.process = process;
        this.base = URI.create("http://127.0.0.1:" + ready[1]);
        this.eventLoopsStarted = ready[2];
    }

    /** Starts the gateway with {@link #JVM_OPTIONS} and this many Netty event loops, and waits until it listens. */
    static GatewayProcess start(Path dataDir, int eventLoops, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(JVM_OPTIONS.trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), GatewayMain.class.getName(),
                dataDir.toString(), "micronaut.netty.event-loops.default.num-threads=" + eventLoops));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            return new GatewayProcess(process, awaitReady(process, log));
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The READY line's fields: "READY", port, event-loop threads started. */
    private static String[] awaitReady(Process process, Path log) throws IOException {
        BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder early = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("READY ")) {
                Thread.ofVirtual().start(() -> drain(lines, log));
                return line.trim().split(" ");
            }
            early.append(line).append('\n');
        }
        throw new IllegalStateException("the gateway JVM exited before it was ready:\n" + early);
    }

    private static void drain(BufferedReader lines, Path log) {
        try (var writer = Files.newBufferedWriter(log)) {
            String line;
            while ((line = lines.readLine()) != null) {
                writer.write(line);
                writer.newLine();
            }
        } catch (IOException ignored) {
            // the gateway ended
        }
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** How many Netty event-loop threads had started when it was ready. */
    String eventLoopsStarted() {
        return eventLoopsStarted;
    }

    /** {@code PUT} of an admin resource; the status. */
    int put(String path, String body) throws IOException, InterruptedException {
        return admin(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")).statusCode();
    }

    private HttpResponse<String> admin(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + GatewayFixture.ADMIN_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(20, TimeUnit.SECONDS);
    }
}
