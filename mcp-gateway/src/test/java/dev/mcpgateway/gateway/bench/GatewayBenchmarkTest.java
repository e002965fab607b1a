package dev.mcpgateway.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.gateway.fixtures.MiniMcpClient;
import dev.mcpgateway.samples.shop.SampleShopServer;
import dev.mcpgateway.testsupport.NodeTools;
import dev.mcpgateway.testsupport.bench.BenchMachine;
import dev.mcpgateway.testsupport.bench.CpuMeter;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Side by side in one run on loopback: the sample API called directly, the same operation as tools/call through the
 * gateway, and through @ivotoby/openapi-mcp-server pointed at the same API. The gateway runs in a JVM of its own
 * (fixed heap, serial GC, as many Netty event loops as cores), the peer in its Node process, the load generator and
 * the sample API in the test JVM; so the CPU time of each server per call is its own. The targets are measured in
 * interleaved rounds (direct, gateway, peer, direct, ...) so that load from other processes hits all of them alike;
 * the figures are the median round, and each round's gateway/peer ratio is shown. With {@code -Dbench.pin=true} the
 * load generator and the sample API share CPU 0 and the servers CPU 1.
 *
 * <p>{@code ./mvnw -B -ntp -pl mcp-gateway -am verify -Pbench -DskipITs -Dtest=GatewayBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.short=true]}
 */
@Tag("bench")
class GatewayBenchmarkTest {

    /** Short mode: about a minute of load in all, for stable ratios rather than tight absolutes. */
    private static final boolean SHORT = Boolean.getBoolean("bench.short");
    /** Concurrency 1 shows the latency each layer adds; 16 shows throughput under load. */
    private static final List<Integer> CONCURRENCIES = List.of(1, Integer.getInteger("bench.concurrency", 16));
    /**
     * Warm-up at concurrency 16 on each server, in chunks of {@link #WARM_UP} calls, until the server's JIT compiler
     * threads use under a tenth of its CPU in a chunk (at most {@link #WARM_UP_CHUNKS} chunks). Neither a time nor a
     * count is enough on its own: on a busy machine 8 s gave the gateway 2,000 calls, and even 6,000 calls left its JIT
     * with 1.5 ms of CPU per call in the window measured afterwards. Direct gets one chunk of a quarter.
     */
    private static final int WARM_UP = Integer.getInteger("bench.warmup", SHORT ? 3000 : 6000);
    private static final int WARM_UP_CHUNKS = Integer.getInteger("bench.warmupChunks", SHORT ? 6 : 10);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", SHORT ? 3 : 5);
    /** Measured calls per worker per round. */
    private static final int CALLS = Integer.getInteger("bench.calls", SHORT ? 150 : 500);
    private static final int EVENT_LOOPS = Integer.getInteger("bench.eventLoops",
            Runtime.getRuntime().availableProcessors());
    /** Load generator and sample API on CPU 0, the server under test on CPU 1 (taskset): off by default. */
    private static final boolean PIN = Boolean.getBoolean("bench.pin");

    private static final String DIRECT = "direct HTTP GET /products/{id}";
    private static final String GATEWAY = "tools/call via this gateway";
    private static final String PEER = "tools/call via @ivotoby/openapi-mcp-server 1.16.1";

    @Test
    void directVersusGatewayVersusOpenapiMcpServer(@TempDir Path dir) throws Exception {
        BenchMachine machine = BenchMachine.watch();
        Path bench = NodeTools.repositoryRoot().resolve("tools/bench");
        assertTrue(Files.isDirectory(bench.resolve("node_modules")), "run `npm ci` in tools/bench first");
        Path spec = dir.resolve("shop.yaml");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SampleShopServer.SPEC_RESOURCE)) {
            Files.write(spec, in.readAllBytes());
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        StringBuilder out = new StringBuilder();
        try (SampleShopServer shop = SampleShopServer.start(0)) {
            GatewayProcess gateway = GatewayProcess.start(dir.resolve("data"), EVENT_LOOPS,
                    Path.of("target/bench-gateway-jvm.log"));
            int peerPort = freePort();
            Process peer = new ProcessBuilder(bench.resolve("node_modules/.bin/node").toString(),
                    bench.resolve("node_modules/.bin/openapi-mcp-server").toRealPath().toString(),
                    "--transport", "http", "--host", "127.0.0.1", "--port", String.valueOf(peerPort),
                    "--path", "/mcp", "--api-base-url", shop.baseUrl().toString(), "--openapi-spec", spec.toString())
                    .directory(bench.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("peer.log").toFile()).start();
            try {
                assertEquals(201, gateway.put("/admin/apis/shop", "{\"openapi\": \"classpath:specs/shop.yaml\","
                        + " \"serviceUrl\": \"" + shop.baseUrl() + "\"}"));
                assertEquals(201, gateway.put("/admin/mcp-servers/shop", "{\"apiId\": \"shop\"}"));
                URI peerUri = URI.create("http://127.0.0.1:" + peerPort + "/mcp");
                String peerTool = awaitPeerTool(http, peerUri, dir.resolve("peer.log"));
                URI direct = shop.baseUrl().resolve("/products/p-100");
                String args = "{\"productId\":\"p-100\"}";

                Map<String, Target> targets = new LinkedHashMap<>();
                targets.put(DIRECT, new Target(null, () -> () -> {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(direct).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IOException("status " + r.statusCode());
                    }
                }));
                targets.put(GATEWAY, new Target(gateway.handle(), () -> {
                    MiniMcpClient client = new MiniMcpClient(http, gateway.uri("/mcp/shop"));
                    client.initialize();
                    return () -> requireOk(client.call("getProduct", args));
                }));
                targets.put(PEER, new Target(peer.toHandle(), () -> {
                    MiniMcpClient client = new MiniMcpClient(http, peerUri);
                    client.initialize();
                    return () -> requireOk(client.call(peerTool, args));
                }));

                out.append(machine.report());
                if (PIN) {
                    out.append(String.format("- pinning: load generator and sample API %s; gateway %s; peer %s%n",
                            BenchMachine.pin(ProcessHandle.current(), "0"), BenchMachine.pin(gateway.handle(), "1"),
                            BenchMachine.pin(peer.toHandle(), "1")));
                }
                out.append(String.format("- gateway JVM: %s, %d Netty event loops (%s started at READY); mode %s: "
                                + "warm-up in chunks of %d calls at concurrency 16 until the JIT is quiet (at most %d), "
                                + "then %d interleaved rounds of %d calls per worker%n",
                        GatewayProcess.JVM_OPTIONS, EVENT_LOOPS, gateway.eventLoopsStarted(),
                        SHORT ? "short" : "default", WARM_UP, WARM_UP_CHUNKS, ROUNDS, CALLS));
                for (Map.Entry<String, Target> t : targets.entrySet()) {
                    out.append(warmUp(t.getKey(), t.getValue()));
                }
                List<Result> results = new ArrayList<>();
                for (int concurrency : CONCURRENCIES) {
                    results.addAll(measure(targets, concurrency));
                }
                report(out, results, machine);
            } finally {
                peer.descendants().forEach(ProcessHandle::destroyForcibly);
                peer.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                gateway.close();
            }
        }
    }

    /** A target: the server process whose CPU is counted (null: the test JVM serves it), and its workers' calls. */
    private record Target(ProcessHandle server, LoadRun.CallFactory factory) {
    }

    /** One target at one concurrency over all rounds. */
    private record Result(String name, int concurrency, long calls, double p50, double p99, double[] perSecond,
                          String serverCpu, String testJvmCpu) {

        double medianPerSecond() {
            double[] sorted = perSecond.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }

    /** Warms one target up (see {@link #WARM_UP}); the report line. */
    private static String warmUp(String name, Target target) throws Exception {
        LoadRun.Workers workers = new LoadRun.Workers(target.factory(), 16);
        if (target.server() == null) {
            workers.run(WARM_UP / 4 / 16, false);
            return String.format("- warm-up %s: %d calls%n", name, WARM_UP / 4);
        }
        long started = System.nanoTime();
        int chunks = 0;
        CpuMeter.Used last;
        do {
            CpuMeter meter = CpuMeter.start(target.server());
            workers.run(WARM_UP / 16, false);
            last = meter.used();
            chunks++;
        } while (chunks < WARM_UP_CHUNKS && last.jitMicros() * 10 > last.totalMicros());
        return String.format("- warm-up %s: %d calls in %.1f s; last chunk: JIT %.0f%% of the server's CPU%n", name,
                chunks * (WARM_UP / 16) * 16, (System.nanoTime() - started) / 1e9,
                100.0 * last.jitMicros() / Math.max(1, last.totalMicros()));
    }

    private static List<Result> measure(Map<String, Target> targets, int concurrency) throws Exception {
        Map<String, LoadRun.Workers> workers = new LinkedHashMap<>();
        for (Map.Entry<String, Target> t : targets.entrySet()) {
            workers.put(t.getKey(), new LoadRun.Workers(t.getValue().factory(), concurrency));
            workers.get(t.getKey()).run(Math.max(20, 200 / concurrency), false); // the new sessions' first calls
        }
        Map<String, List<long[]>> latencies = new LinkedHashMap<>();
        Map<String, double[]> perSecond = new LinkedHashMap<>();
        Map<String, CpuMeter.Used> serverCpu = new LinkedHashMap<>();
        Map<String, CpuMeter.Used> testCpu = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, Target> t : targets.entrySet()) {
                String name = t.getKey();
                CpuMeter server = t.getValue().server() == null ? null : CpuMeter.start(t.getValue().server());
                CpuMeter test = CpuMeter.start(ProcessHandle.current());
                long start = System.nanoTime();
                long[] measured = workers.get(name).run(CALLS, true);
                long elapsed = System.nanoTime() - start;
                latencies.computeIfAbsent(name, k -> new ArrayList<>()).add(measured);
                perSecond.computeIfAbsent(name, k -> new double[ROUNDS])[round] = measured.length / (elapsed / 1e9);
                if (server != null) {
                    serverCpu.merge(name, server.used(), CpuMeter.Used::plus);
                }
                testCpu.merge(name, test.used(), CpuMeter.Used::plus);
            }
        }
        List<Result> results = new ArrayList<>();
        for (String name : targets.keySet()) {
            long[] all = latencies.get(name).stream().flatMapToLong(Arrays::stream).sorted().toArray();
            results.add(new Result(name, concurrency, all.length, LoadRun.percentileMillis(all, 0.50),
                    LoadRun.percentileMillis(all, 0.99), perSecond.get(name),
                    serverCpu.containsKey(name) ? serverCpu.get(name).perCall(all.length) : "(in the test JVM)",
                    testCpu.get(name).perCall(all.length)));
        }
        return results;
    }

    private static void report(StringBuilder out, List<Result> results, BenchMachine machine) throws IOException {
        out.append("\n| path | concurrency | calls | p50 ms | p99 ms | calls/s (median round) | calls/s rounds | "
                + "server CPU µs/call | test JVM CPU µs/call (client + sample API) |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            out.append(String.format("| %s | %d | %d | %.3f | %.3f | %.0f | %s | %s | %s |%n", r.name(), r.concurrency(),
                    r.calls(), r.p50(), r.p99(), r.medianPerSecond(), rounds(r.perSecond()), r.serverCpu(),
                    r.testJvmCpu()));
        }
        out.append('\n');
        for (int i = 0; i + 2 < results.size(); i += 3) {
            Result direct = results.get(i);
            Result ours = results.get(i + 1);
            Result peer = results.get(i + 2);
            double[] perRound = new double[ours.perSecond().length];
            for (int r = 0; r < perRound.length; r++) {
                perRound[r] = ours.perSecond()[r] / peer.perSecond()[r];
            }
            out.append(String.format("- concurrency %d: gateway-added p50 **%.3f ms**; throughput **%.2fx** the peer "
                            + "(rounds: %s), **%.2fx** direct; peer p50 / gateway p50 %.2f%n",
                    direct.concurrency(), ours.p50() - direct.p50(), ours.medianPerSecond() / peer.medianPerSecond(),
                    ratios(perRound), ours.medianPerSecond() / direct.medianPerSecond(), peer.p50() / ours.p50()));
        }
        out.append(machine.report());
        System.out.println(out);
        Files.writeString(Path.of("target/bench-gateway.md"), out.toString());
    }

    private static String rounds(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.isEmpty() ? "" : " / ").append(Math.round(v));
        }
        return s.toString();
    }

    private static String ratios(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.isEmpty() ? "" : ", ").append(String.format("%.2f", v));
        }
        return s.toString();
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
