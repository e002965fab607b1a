package dev.mcpgateway.llm.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import dev.mcpgateway.testsupport.NodeTools;
import dev.mcpgateway.testsupport.bench.BenchMachine;
import dev.mcpgateway.testsupport.bench.CpuMeter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Direct vs our proxy vs Portkey's gateway, on loopback in one run, all against the same fast fake backend.
 * Run with {@code ./mvnw -B -ntp -pl llm-proxy -am verify -Pbench -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=LlmProxyBenchmark [-Dbench.short=true]}; writes {@code llm-proxy/target/benchmarks-llm.md}. Each run
 * prints the machine (cores, CPU, load average before and after, steal), the warm-up, CPU per call of every target
 * and the c=10 ratios of each interleaved round.
 */
@Tag("bench")
class LlmProxyBenchmark {

    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";
    private static final String STREAM = "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";
    /** Short mode: stable ratios in about a minute of load, fewer samples for the tails. */
    private static final boolean SHORT = Boolean.getBoolean("bench.short");
    private static final int SEQUENTIAL = Integer.getInteger("bench.sequential", SHORT ? 600 : 2000);
    /**
     * Load at concurrency 16 before measuring. The proxy's JIT compiler was still busy after 3 s: a profile of the
     * c=10 window showed the C2 compiler thread using about as much CPU as an event loop.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", SHORT ? 5 : 10));
    private static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("bench.seconds", SHORT ? 2 : 5));
    /** Interleaved c=10 windows per target (direct, proxy, Portkey, direct, ...): load from elsewhere hits all alike. */
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** The proxy's Netty event loops: one per core (Netty's default is two per core). */
    private static final int EVENT_LOOPS = Integer.getInteger("bench.eventLoops", Runtime.getRuntime().availableProcessors());
    /** Load generator and fake backend on CPU 0, the proxies under test on CPU 1 (taskset): off by default. */
    private static final boolean PIN = Boolean.getBoolean("bench.pin");
    private static final List<String> PROXY_JVM = List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC",
            "-XX:ReservedCodeCacheSize=64m", "-XX:MaxDirectMemorySize=64m", "-Xss512k");

    @Test
    void directVersusProxyVersusPortkey() throws Exception {
        BenchMachine machine = BenchMachine.watch();
        Path root = NodeTools.repositoryRoot();
        ensureBenchPeers(root.resolve("tools/bench"));
        try (FakeOpenAiBackend fake = FakeOpenAiBackend.start("fast")) {
            Process proxy = startProxy(fake);
            Process portkey = startPortkey(root);
            try {
                int proxyPort = awaitReady(proxy);
                int portkeyPort = awaitPort(portkey, portkeyPortOf(portkey));
                Map<String, Load> targets = new LinkedHashMap<>();
                targets.put("direct", new Load(URI.create(fake.baseUri() + "/v1/chat/completions"), Map.of()));
                targets.put("our proxy", new Load(URI.create("http://127.0.0.1:" + proxyPort + "/v1/chat/completions"),
                        Map.of("api-key", ProxyFixture.KEY)));
                targets.put("Portkey", new Load(URI.create("http://127.0.0.1:" + portkeyPort + "/v1/chat/completions"),
                        Map.of("x-portkey-provider", "openai", "x-portkey-custom-host", fake.baseUri() + "/v1",
                                "Authorization", "Bearer bench")));
                Map<String, ProcessHandle> servers = Map.of("our proxy", proxy.toHandle(), "Portkey", portkey.toHandle(),
                        "direct", ProcessHandle.current());
                StringBuilder md = new StringBuilder(machine.report());
                md.append(String.format("- mode %s; proxy JVM %s, %d Netty event loops; per target: %d sequential calls "
                                + "and windows of %d s at concurrency 16 of warm-up, %d interleaved c=10 windows of %d s%n",
                        SHORT ? "short" : "default", String.join(" ", PROXY_JVM), EVENT_LOOPS, SEQUENTIAL,
                        WARM_UP.toSeconds(), ROUNDS, WINDOW.toSeconds()));
                if (PIN) {
                    md.append(String.format("- pinning: load generator and fake backend %s; proxy %s; Portkey %s%n",
                            BenchMachine.pin(ProcessHandle.current(), "0"), BenchMachine.pin(proxy.toHandle(), "1"),
                            BenchMachine.pin(portkey.toHandle(), "1")));
                }
                Map<String, long[]> latency = new LinkedHashMap<>();
                for (Map.Entry<String, Load> t : targets.entrySet()) {
                    Load load = t.getValue();
                    load.sequential(CHAT, SEQUENTIAL);      // warm-up (JIT, connection pools)
                    md.append(warmUp(t.getKey(), load, servers.get(t.getKey())));
                    latency.put(t.getKey(), load.sequential(CHAT, SEQUENTIAL));
                }
                // CPU (user + system, the kernel's share of thread hand-offs included) per call at c=10; "direct" is
                // the whole test JVM: the load generator and the fake backend together
                Map<String, double[]> c10 = new LinkedHashMap<>();
                Map<String, CpuMeter.Used> cpu = new LinkedHashMap<>();
                Map<String, Double> calls = new LinkedHashMap<>();
                for (int round = 0; round < ROUNDS; round++) {
                    for (Map.Entry<String, Load> t : targets.entrySet()) {
                        CpuMeter meter = CpuMeter.start(servers.get(t.getKey()));
                        double perSecond = t.getValue().throughput(CHAT, 10, WINDOW);
                        cpu.merge(t.getKey(), meter.used(), CpuMeter.Used::plus);
                        calls.merge(t.getKey(), perSecond * WINDOW.toMillis() / 1000.0, Double::sum);
                        c10.computeIfAbsent(t.getKey(), k -> new double[ROUNDS])[round] = perSecond;
                    }
                }
                List<String> rows = new ArrayList<>();
                Map<String, long[]> ttfc = new LinkedHashMap<>();
                for (Map.Entry<String, Load> t : targets.entrySet()) {
                    Load load = t.getValue();
                    double c64 = load.throughput(CHAT, 64, WINDOW);
                    String first;
                    try {
                        // as many warm-up calls as the non-streamed path gets: with 200, the proxy's stream-only code
                        // (Reactor operators, SSE framing, metering) was measured before the JIT had compiled it
                        load.firstChunk(STREAM, SEQUENTIAL);
                        ttfc.put(t.getKey(), load.firstChunk(STREAM, SHORT ? 300 : 500));
                        first = Long.toString(Load.percentile(ttfc.get(t.getKey()), 50));
                    } catch (IllegalStateException e) {
                        // Portkey 1.15.2 answers every stream with 500 ("immutable" headers in undici)
                        first = "failed: " + e.getMessage().replace('|', '/');
                    }
                    long[] l = latency.get(t.getKey());
                    String rss = switch (t.getKey()) {
                        case "our proxy" -> BenchMachine.rss(proxy.pid());
                        case "Portkey" -> BenchMachine.rss(portkey.pid());
                        default -> "n/a (in the test JVM)";
                    };
                    rows.add(String.format("| %s | %d | %d | %.0f | %s | %s | %.0f | %s | %s |", t.getKey(),
                            Load.percentile(l, 50), Load.percentile(l, 99), median(c10.get(t.getKey())),
                            rounds(c10.get(t.getKey()), "%.0f"),
                            cpu.get(t.getKey()).perCall(Math.round(calls.get(t.getKey()))), c64, first, rss));
                }
                long[] direct = latency.get("direct");
                long[] directFirst = ttfc.get("direct");
                md.append("\n| target | p50 µs (c=1) | p99 µs (c=1) | req/s c=10 (median) | req/s c=10 rounds "
                        + "| CPU µs/call c=10 | req/s c=64 | first chunk p50 µs | RSS |\n");
                md.append("|---|---|---|---|---|---|---|---|---|\n");
                rows.forEach(r -> md.append(r).append('\n'));
                md.append('\n');
                double[] toDirect = divide(c10.get("our proxy"), c10.get("direct"));
                double[] toPortkey = divide(c10.get("our proxy"), c10.get("Portkey"));
                md.append(String.format("- c=10: our proxy **%.2fx** direct (rounds %s), **%.2fx** Portkey (rounds %s)%n",
                        median(c10.get("our proxy")) / median(c10.get("direct")), rounds(toDirect, "%.2f"),
                        median(c10.get("our proxy")) / median(c10.get("Portkey")), rounds(toPortkey, "%.2f")));
                for (String name : List.of("our proxy", "Portkey")) {
                    md.append(String.format("- %s adds p50 %d µs, p99 %d µs at concurrency 1; first chunk %s%n",
                            name,
                            Load.percentile(latency.get(name), 50) - Load.percentile(direct, 50),
                            Load.percentile(latency.get(name), 99) - Load.percentile(direct, 99),
                            ttfc.containsKey(name) ? "+" + (Load.percentile(ttfc.get(name), 50)
                                    - Load.percentile(directFirst, 50)) + " µs (p50)" : "not measured (streaming failed)"));
                }
                md.append(machine.report());
                System.out.println(md);
                Path out = root.resolve("llm-proxy/target/benchmarks-llm.md");
                Files.createDirectories(out.getParent());
                Files.writeString(out, md.toString());
            } finally {
                proxy.destroy();
                portkey.descendants().forEach(ProcessHandle::destroy);
                portkey.destroy();
                proxy.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Load at concurrency 16 in windows of {@link #WARM_UP} until the server's JIT compiler threads use under a tenth
     * of its CPU in a window (at most four windows): on a busy machine a fixed time left the proxy compiling while it
     * was measured. Portkey (Node) and the test JVM are warmed for one window.
     */
    private static String warmUp(String name, Load load, ProcessHandle server) throws Exception {
        int windows = 0;
        CpuMeter.Used last;
        do {
            CpuMeter meter = CpuMeter.start(server);
            load.throughput(CHAT, 16, WARM_UP);
            last = meter.used();
            windows++;
        } while (name.equals("our proxy") && windows < 4 && last.jitMicros() * 10 > last.totalMicros());
        return String.format("- warm-up %s: %d × %d s at c=16; last window: JIT %.0f%% of its CPU%n", name, windows,
                WARM_UP.toSeconds(), 100.0 * last.jitMicros() / Math.max(1, last.totalMicros()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double[] divide(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] / b[i];
        }
        return out;
    }

    private static String rounds(double[] values, String format) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.isEmpty() ? "" : " / ").append(String.format(format, v));
        }
        return s.toString();
    }

    private static Process startProxy(FakeOpenAiBackend fake) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(PROXY_JVM);
        String extra = System.getProperty("bench.proxyJvmArgs", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ProxyMain.class.getName(),
                "micronaut.server.port=" + freePort(), "micronaut.server.host=127.0.0.1",
                "micronaut.netty.event-loops.default.num-threads=" + EVENT_LOOPS,
                ProxyMain.BACKEND_URL + "=" + fake.baseUri() + "/v1", ProxyMain.KEY + "=" + ProxyFixture.KEY));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static int awaitReady(Process proxy) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder early = new StringBuilder();
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                Thread.ofVirtual().start(() -> drain(out, Path.of("target/bench-proxy.log")));
                return Integer.parseInt(line.substring(6).trim());
            }
            early.append(line).append('\n');
        }
        throw new IllegalStateException("the proxy JVM exited before it was ready:\n" + early);
    }

    private static int portkeyPort;

    private static Process startPortkey(Path root) throws Exception {
        portkeyPort = freePort();
        Path server = root.resolve("tools/bench/node_modules/@portkey-ai/gateway/build/start-server.js");
        Process p = new ProcessBuilder(NodeTools.node22().toString(), server.toString(), "--port=" + portkeyPort, "--headless")
                .directory(root.resolve("tools/bench").toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p;
    }

    private static int portkeyPortOf(Process p) {
        return portkeyPort;
    }

    private static int awaitPort(Process process, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), "Portkey exited at start-up");
            try (Socket s = new Socket("127.0.0.1", port)) {
                return port;
            } catch (java.io.IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Portkey did not listen on " + port);
    }

    private static void ensureBenchPeers(Path bench) throws Exception {
        if (Files.isDirectory(bench.resolve("node_modules/@portkey-ai/gateway"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(bench.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(npm.waitFor(10, TimeUnit.MINUTES) && npm.exitValue() == 0, "npm ci in tools/bench failed");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void drain(BufferedReader out, Path log) {
        try (var writer = Files.newBufferedWriter(log)) {
            String line;
            while ((line = out.readLine()) != null) {
                writer.write(line);
                writer.newLine();
                writer.flush();
            }
        } catch (java.io.IOException ignored) {
            // the child ended
        }
    }
}
