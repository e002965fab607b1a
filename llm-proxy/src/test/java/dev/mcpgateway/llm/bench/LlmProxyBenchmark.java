package dev.mcpgateway.llm.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import dev.mcpgateway.testsupport.NodeTools;
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
 * -Dtest=LlmProxyBenchmark}; writes {@code llm-proxy/target/benchmarks-llm.md}.
 */
@Tag("bench")
class LlmProxyBenchmark {

    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";
    private static final String STREAM = "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";
    private static final int SEQUENTIAL = Integer.getInteger("bench.sequential", 2000);
    /**
     * Load at concurrency 16 before measuring. The proxy's JIT compiler was still busy after 3 s: a profile of the
     * c=10 window showed the C2 compiler thread using about as much CPU as an event loop.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 10));
    private static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("bench.seconds", 5));

    @Test
    void directVersusProxyVersusPortkey() throws Exception {
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
                List<String> rows = new ArrayList<>();
                Map<String, long[]> latency = new LinkedHashMap<>();
                Map<String, long[]> ttfc = new LinkedHashMap<>();
                for (Map.Entry<String, Load> t : targets.entrySet()) {
                    Load load = t.getValue();
                    load.sequential(CHAT, SEQUENTIAL);      // warm-up (JIT, connection pools)
                    load.throughput(CHAT, 16, WARM_UP);
                    latency.put(t.getKey(), load.sequential(CHAT, SEQUENTIAL));
                    ProcessHandle measured = switch (t.getKey()) {
                        case "our proxy" -> proxy.toHandle();
                        case "Portkey" -> portkey.toHandle();
                        default -> ProcessHandle.current();
                    };
                    long[] cpuBefore = cpuMicros(measured);
                    double c10 = load.throughput(CHAT, 10, WINDOW);
                    // CPU (user + system, the kernel's share of thread hand-offs included) per call at c=10;
                    // "direct" is the whole test JVM: the load generator and the fake backend together
                    long[] cpuAfter = cpuMicros(measured);
                    double calls = c10 * WINDOW.toMillis() / 1000.0;
                    String cpuPerCall = String.format("%d (%d user + %d sys)",
                            Math.round((cpuAfter[0] + cpuAfter[1] - cpuBefore[0] - cpuBefore[1]) / calls),
                            Math.round((cpuAfter[0] - cpuBefore[0]) / calls), Math.round((cpuAfter[1] - cpuBefore[1]) / calls));
                    double c64 = load.throughput(CHAT, 64, WINDOW);
                    String first;
                    try {
                        // as many warm-up calls as the non-streamed path gets: with 200, the proxy's stream-only code
                        // (Reactor operators, SSE framing, metering) was measured before the JIT had compiled it
                        load.firstChunk(STREAM, SEQUENTIAL);
                        ttfc.put(t.getKey(), load.firstChunk(STREAM, 500));
                        first = Long.toString(Load.percentile(ttfc.get(t.getKey()), 50));
                    } catch (IllegalStateException e) {
                        // Portkey 1.15.2 answers every stream with 500 ("immutable" headers in undici)
                        first = "failed: " + e.getMessage().replace('|', '/');
                    }
                    long[] l = latency.get(t.getKey());
                    String rss = switch (t.getKey()) {
                        case "our proxy" -> rssMb(proxy.pid());
                        case "Portkey" -> rssMb(portkey.pid());
                        default -> "n/a (in the test JVM)";
                    };
                    rows.add(String.format("| %s | %d | %d | %.0f | %s | %.0f | %s | %s |", t.getKey(),
                            Load.percentile(l, 50), Load.percentile(l, 99), c10, cpuPerCall, c64, first, rss));
                }
                long[] direct = latency.get("direct");
                long[] directFirst = ttfc.get("direct");
                StringBuilder md = new StringBuilder();
                md.append("| target | p50 µs (c=1) | p99 µs (c=1) | req/s c=10 | CPU µs/call c=10 | req/s c=64 | first chunk p50 µs | RSS |\n");
                md.append("|---|---|---|---|---|---|---|---|\n");
                rows.forEach(r -> md.append(r).append('\n'));
                md.append('\n');
                md.append(String.format("- load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim()));
                for (String name : List.of("our proxy", "Portkey")) {
                    md.append(String.format("- %s adds p50 %d µs, p99 %d µs at concurrency 1; first chunk %s%n",
                            name,
                            Load.percentile(latency.get(name), 50) - Load.percentile(direct, 50),
                            Load.percentile(latency.get(name), 99) - Load.percentile(direct, 99),
                            ttfc.containsKey(name) ? "+" + (Load.percentile(ttfc.get(name), 50)
                                    - Load.percentile(directFirst, 50)) + " µs (p50)" : "not measured (streaming failed)"));
                }
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

    private static Process startProxy(FakeOpenAiBackend fake) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xms32m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m",
                "-XX:MaxDirectMemorySize=64m",
                "-Xss512k"));
        String extra = System.getProperty("bench.proxyJvmArgs", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ProxyMain.class.getName(),
                "micronaut.server.port=" + freePort(), "micronaut.server.host=127.0.0.1",
                "llm.backends.fast.url=" + fake.baseUri() + "/v1", "llm.backends.fast.type=openai",
                "llm.backends.fast.api-key=bench-upstream-key", "llm.backends.fast.models=gpt-4o",
                "llm.subscriptions.bench.primary-key=" + ProxyFixture.KEY,
                "llm.subscriptions.bench.secondary-key=" + ProxyFixture.KEY + "-2"));
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

    /** {utime, stime} of a process and its children, from /proc/<pid>/stat, in microseconds. */
    private static long[] cpuMicros(ProcessHandle process) throws Exception {
        long user = 0;
        long system = 0;
        for (ProcessHandle p : java.util.stream.Stream.concat(java.util.stream.Stream.of(process), process.descendants()).toList()) {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            user += Long.parseLong(fields[11]);
            system += Long.parseLong(fields[12]);
        }
        return new long[] {user * 10_000, system * 10_000}; // USER_HZ is 100 on Linux
    }

    private static String rssMb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                long kb = Long.parseLong(line.replaceAll("\\D", ""));
                return (kb / 1024) + " MB";
            }
        }
        return "unknown";
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
