package dev.mcpgateway.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.MiniMcpClient;
import dev.mcpgateway.samples.shop.SampleShopServer;
import dev.mcpgateway.testsupport.NodeTools;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Side by side in one run on loopback: the sample API called directly, the same operation as tools/call through the
 * gateway, and through @ivotoby/openapi-mcp-server pointed at the same API. Run with
 * {@code ./mvnw -B -ntp -pl mcp-gateway -am verify -Pbench -Dtest=GatewayBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class GatewayBenchmarkTest {

    /** Concurrency 1 shows the latency each layer adds; 16 shows throughput under load. */
    private static final List<Integer> CONCURRENCIES = List.of(1, Integer.getInteger("bench.concurrency", 16));
    /** Warm-up calls in all (split between workers): enough for the JIT to compile every layer's hot path. */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 3000);
    private static final int CALLS = Integer.getInteger("bench.calls", 2000);

    @Test
    void directVersusGatewayVersusOpenapiMcpServer(@TempDir Path dir) throws Exception {
        Path bench = NodeTools.repositoryRoot().resolve("tools/bench");
        assertTrue(Files.isDirectory(bench.resolve("node_modules")), "run `npm ci` in tools/bench first");
        Path spec = dir.resolve("shop.yaml");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SampleShopServer.SPEC_RESOURCE)) {
            Files.write(spec, in.readAllBytes());
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<LoadRun.Figures> figures = new ArrayList<>();
        try (SampleShopServer shop = SampleShopServer.start(0);
             GatewayFixture gateway = GatewayFixture.start(dir.resolve("data"), Map.of())) {
            assertEquals(201, gateway.admin("PUT", "/admin/apis/shop", "{\"openapi\": \"classpath:specs/shop.yaml\","
                    + " \"serviceUrl\": \"" + shop.baseUrl() + "\"}").status());
            assertEquals(201, gateway.admin("PUT", "/admin/mcp-servers/shop", "{\"apiId\": \"shop\"}").status());
            int peerPort = freePort();
            Process peer = new ProcessBuilder(bench.resolve("node_modules/.bin/node").toString(),
                    bench.resolve("node_modules/.bin/openapi-mcp-server").toRealPath().toString(),
                    "--transport", "http", "--host", "127.0.0.1", "--port", String.valueOf(peerPort),
                    "--path", "/mcp", "--api-base-url", shop.baseUrl().toString(), "--openapi-spec", spec.toString())
                    .directory(bench.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("peer.log").toFile()).start();
            try {
                URI peerUri = URI.create("http://127.0.0.1:" + peerPort + "/mcp");
                String peerTool = awaitPeerTool(http, peerUri, dir.resolve("peer.log"));
                URI direct = shop.baseUrl().resolve("/products/p-100");
                String args = "{\"productId\":\"p-100\"}";

                for (int concurrency : CONCURRENCIES) {
                    figures.add(LoadRun.measure("direct HTTP GET /products/{id}", () -> () -> {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(direct).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            throw new IOException("status " + r.statusCode());
                        }
                    }, concurrency, Math.max(100, WARMUP / concurrency), CALLS));
                    figures.add(LoadRun.measure("tools/call via this gateway", () -> {
                        MiniMcpClient client = new MiniMcpClient(http, gateway.uri("/mcp/shop"));
                        client.initialize();
                        return () -> requireOk(client.call("getProduct", args));
                    }, concurrency, Math.max(100, WARMUP / concurrency), CALLS));
                    figures.add(LoadRun.measure("tools/call via @ivotoby/openapi-mcp-server 1.16.1", () -> {
                        MiniMcpClient client = new MiniMcpClient(http, peerUri);
                        client.initialize();
                        return () -> requireOk(client.call(peerTool, args));
                    }, concurrency, Math.max(100, WARMUP / concurrency), CALLS));
                }
            } finally {
                peer.descendants().forEach(ProcessHandle::destroyForcibly);
                peer.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        report(figures);
    }

    private static void requireOk(JsonNode result) throws IOException {
        if (result == null || result.path("isError").asBoolean(false)) {
            throw new IOException("tool call failed: " + result);
        }
    }

    private static String awaitPeerTool(HttpClient http, URI uri, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                MiniMcpClient client = new MiniMcpClient(http, uri);
                client.initialize();
                for (JsonNode tool : client.listTools()) {
                    String name = tool.path("name").asText();
                    if (name.toLowerCase().replaceAll("[^a-z]", "").contains("getproduct")
                            && !name.toLowerCase().contains("search")) {
                        return name;
                    }
                }
                throw new AssertionError("the peer has no getProduct tool: " + client.listTools());
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the peer did not start: " + Files.readString(log), e);
                }
                Thread.sleep(500);
            }
        }
    }

    private static void report(List<LoadRun.Figures> figures) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("| path | concurrency | calls | p50 ms | p99 ms | calls/s |\n|---|---|---|---|---|---|\n");
        figures.forEach(f -> out.append(f.row()).append('\n'));
        for (int i = 0; i + 2 < figures.size(); i += 3) {
            LoadRun.Figures direct = figures.get(i);
            LoadRun.Figures ours = figures.get(i + 1);
            LoadRun.Figures peer = figures.get(i + 2);
            out.append(String.format("%nconcurrency %d: gateway-added p50 %.3f ms; gateway throughput / direct %.2f; "
                            + "gateway throughput / openapi-mcp-server %.2f; openapi-mcp-server p50 / gateway p50 %.2f",
                    direct.concurrency(), ours.p50Millis() - direct.p50Millis(), ours.perSecond() / direct.perSecond(),
                    ours.perSecond() / peer.perSecond(), peer.p50Millis() / ours.p50Millis()));
        }
        out.append('\n');
        System.out.println(out);
        Path target = Path.of("target/bench-gateway.md");
        Files.writeString(target, out.toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
