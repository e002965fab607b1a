package dev.mcpgateway.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.fixtures.MiniMcpClient;
import dev.mcpgateway.samples.shop.SampleShopServer;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import dev.mcpgateway.testsupport.bench.BenchMachine;
import dev.mcpgateway.testsupport.bench.CpuMeter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CPU a chain of five policies adds to a call, on the MCP path (tools/call) and the LLM path (chat completions),
 * side by side in one run against the same calls without policies. One gateway in a JVM of its own serves two MCP
 * servers over the same REST API (the sample shop, in the test JVM) and two Azure OpenAI APIs over the same fake
 * backend (in the test JVM); one server and one API of each pair carry the chain, whose five policies all run and
 * pass. The four targets are measured in rounds at concurrency 10, each pair back to back with the side measured
 * first alternating, and the gateway's CPU per call is read from /proc the way {@link CpuMeter} does. The chain's
 * cost is the difference of the two sides.
 *
 * <p>{@code ./mvnw -B -ntp -pl mcp-gateway -am verify -Pbench -DskipITs -Dtest=PolicyChainBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.short=true]}; figures on stdout and in
 * {@code mcp-gateway/target/bench-policies.md}.
 */
@Tag("bench")
class PolicyChainBenchmark {

    /** Short mode: about 90 s of load in all. */
    private static final boolean SHORT = Boolean.getBoolean("bench.short");
    /**
     * The same run with no policy on either side ({@code -Dbench.control=true}): what it reports as added is the
     * harness's own noise on this machine.
     */
    private static final boolean CONTROL = Boolean.getBoolean("bench.control");
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 10);
    /**
     * Warm-up in passes over the four targets of this many calls each, until the gateway's JIT compiler threads use
     * under a tenth of its CPU in a pass (at most {@link #WARM_UP_PASSES}).
     */
    private static final int WARM_UP = Integer.getInteger("bench.warmup", SHORT ? 1000 : 2000);
    private static final int WARM_UP_PASSES = Integer.getInteger("bench.warmupPasses", SHORT ? 24 : 40);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", SHORT ? 16 : 30);
    /** Measured calls per worker, per target and round. */
    private static final int CALLS = Integer.getInteger("bench.calls", SHORT ? 300 : 600);
    /** Unmeasured calls per worker right before each measured window: the switch from another target settles. */
    private static final int SETTLE = Math.max(10, CALLS / 10);
    private static final int EVENT_LOOPS = Integer.getInteger("bench.eventLoops",
            Runtime.getRuntime().availableProcessors());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEAM = "x-team";
    /** Five policies that all run and pass: {@code %s} is the path's limit, set far above what a run can spend. */
    private static final String CHAIN = """
            <policies>
                <inbound>
                    <base />
                    <set-variable name="team" value="@(context.Request.Headers.GetValueOrDefault("x-team", "none"))" />
                    <check-header name="x-team" failed-check-httpcode="403" failed-check-error-message="Unknown team"
                        ignore-case="true">
                        <value>bench</value>
                    </check-header>
                    <ip-filter action="allow">
                        <address-range from="127.0.0.0" to="127.255.255.255" />
                    </ip-filter>
                    <set-header name="x-team-seen" exists-action="override">
                        <value>@((string)context.Variables["team"])</value>
                    </set-header>
                    %s
                </inbound>
            </policies>""";
    private static final String RATE_LIMIT = """
            <rate-limit-by-key calls="1000000000" renewal-period="60"
                counter-key="@((string)context.Variables["team"])" />""";
    private static final String TOKEN_LIMIT = """
            <llm-token-limit counter-key="@((string)context.Variables["team"])" tokens-per-minute="1000000000"
                estimate-prompt-tokens="false" tokens-consumed-header-name="x-tokens-consumed" />""";
    private static final String CHAT_PATH = "/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
    private static final String ARGUMENTS = "{\"productId\":\"p-100\"}";
    private static final String CHAT = "{\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";

    @Test
    void fivePoliciesAgainstNoneOnToolCallsAndModelCalls(@TempDir Path dir) throws Exception {
        BenchMachine machine = BenchMachine.watch();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (SampleShopServer shop = SampleShopServer.start(0);
             FakeOpenAiBackend model = FakeOpenAiBackend.start("fast");
             GatewayProcess gateway = GatewayProcess.start(dir.resolve("data"), EVENT_LOOPS,
                     Path.of("target/bench-policies-gateway.log"))) {
            configure(gateway, shop.baseUrl(), model.baseUri());
            if (!CONTROL) {
                proveTheChainsRun(gateway, http);
            }
            String chain = CONTROL ? "none (control)" : "five";
            List<ChainCost.Target> targets = List.of(
                    new ChainCost.Target("MCP tools/call", "none", toolCalls(http, gateway.uri("/mcp/shop-plain"))),
                    new ChainCost.Target("MCP tools/call", chain, toolCalls(http, gateway.uri("/mcp/shop-policed"))),
                    new ChainCost.Target("LLM chat completion", "none", chats(http, gateway.uri("/plain" + CHAT_PATH))),
                    new ChainCost.Target("LLM chat completion", chain,
                            chats(http, gateway.uri("/policed" + CHAT_PATH))));
            StringBuilder out = new StringBuilder(machine.report());
            out.append(String.format("- gateway JVM: %s, %d Netty event loops (%s started); mode %s: warm-up in passes"
                            + " of %d calls per target until the JIT is quiet (at most %d), then %d rounds of %d calls"
                            + " per target at concurrency %d, each after %d unmeasured calls%n",
                    GatewayProcess.JVM_OPTIONS, EVENT_LOOPS, gateway.eventLoopsStarted(), SHORT ? "short" : "default",
                    WARM_UP, WARM_UP_PASSES, ROUNDS, CALLS * CONCURRENCY, CONCURRENCY, SETTLE * CONCURRENCY));
            out.append(warmUp(targets, gateway.handle()));
            ChainCost cost = new ChainCost(targets);
            for (int round = 0; round < ROUNDS; round++) {
                for (ChainCost.Target target : order(targets, round)) {
                    cost.add(round, target, measure(target, gateway.handle()));
                }
                model.reset(); // it keeps every request it received
            }
            out.append(cost.report()).append(machine.report());
            System.out.println(out);
            Files.writeString(Path.of("target/bench-policies.md"), out.toString());
        }
    }

    private static void configure(GatewayProcess gateway, URI shop, URI model) throws Exception {
        assertEquals(201, gateway.put("/admin/apis/shop",
                "{\"openapi\": \"classpath:specs/shop.yaml\", \"serviceUrl\": \"" + shop + "\"}"));
        for (String server : List.of("shop-plain", "shop-policed")) {
            assertEquals(201, gateway.put("/admin/mcp-servers/" + server, "{\"apiId\": \"shop\"}"));
        }
        assertEquals(201, gateway.put("/admin/backends/model", """
                {"properties": {"url": "%s", "protocol": "http", "credentials": {"header": {"api-key": ["k"]}}}}"""
                .formatted(model)));
        for (String path : List.of("plain", "policed")) {
            assertEquals(201, gateway.put("/admin/apis/chat-" + path, """
                    {"properties": {"type": "azure-openai", "path": "%s", "backendId": "/backends/model",
                     "subscriptionRequired": false}}""".formatted(path)));
        }
        if (!CONTROL) {
            assertEquals(201, gateway.put("/admin/apis/shop-policed/policies/policy", document(RATE_LIMIT)));
            assertEquals(201, gateway.put("/admin/apis/chat-policed/policies/policy", document(TOKEN_LIMIT)));
        }
    }

    private static String document(String limit) throws IOException {
        return JSON.writeValueAsString(Map.of("format", "rawxml", "value", CHAIN.formatted(limit)));
    }

    /**
     * Before anything is measured: a call from no team is refused on the policed server and API and served on the
     * others, and a policed chat call reports the tokens its fifth policy counted. The sequence stops at the first
     * policy that does not pass, so a measured call that succeeds has run all five.
     */
    private static void proveTheChainsRun(GatewayProcess gateway, HttpClient http) throws Exception {
        for (String server : List.of("shop-plain", "shop-policed")) {
            // the server's check-header guards its whole endpoint: the session starts as the team's, the call is
            // made as another team's, which only the tool's chain refuses
            MiniMcpClient otherTeam = new MiniMcpClient(http, gateway.uri("/mcp/" + server)).withHeader("x-team",
                    "bench");
            otherTeam.initialize();
            otherTeam.withHeader("x-team", "other");
            assertEquals(server.endsWith("policed"), otherTeam.call("getProduct", ARGUMENTS).path("isError")
                    .asBoolean(), server + ": refused for another team");
        }
        for (String api : List.of("plain", "policed")) {
            HttpResponse<String> noTeam = http.send(chat(gateway.uri("/" + api + CHAT_PATH)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(api.equals("policed") ? 403 : 200, noTeam.statusCode(), api + ": " + noTeam.body());
        }
        HttpResponse<String> counted = http.send(chat(gateway.uri("/policed" + CHAT_PATH)).header(TEAM, "bench")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, counted.statusCode(), counted.body());
        assertEquals("18", counted.headers().firstValue("x-tokens-consumed").orElse(null), "the fake's 11 + 7 tokens");
    }

    private static LoadRun.Workers toolCalls(HttpClient http, URI server) throws Exception {
        return new LoadRun.Workers(() -> {
            MiniMcpClient client = new MiniMcpClient(http, server).withHeader(TEAM, "bench");
            client.initialize();
            return () -> {
                JsonNode result = client.call("getProduct", ARGUMENTS);
                if (result == null || result.path("isError").asBoolean(false)) {
                    throw new IOException("tool call failed: " + result);
                }
            };
        }, CONCURRENCY);
    }

    private static LoadRun.Workers chats(HttpClient http, URI uri) throws Exception {
        HttpRequest request = chat(uri).header(TEAM, "bench").build();
        return new LoadRun.Workers(() -> () -> {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("chat completion failed: " + response.statusCode() + " " + response.body());
            }
        }, CONCURRENCY);
    }

    private static HttpRequest.Builder chat(URI uri) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT));
    }

    /** Warm-up passes (see {@link #WARM_UP}); the report line. */
    private static String warmUp(List<ChainCost.Target> targets, ProcessHandle gateway) throws Exception {
        long started = System.nanoTime();
        int passes = 0;
        CpuMeter.Used last;
        do {
            CpuMeter meter = CpuMeter.start(gateway);
            for (ChainCost.Target target : targets) {
                target.workers().run(WARM_UP / CONCURRENCY, false);
            }
            last = meter.used();
            passes++;
        } while (passes < WARM_UP_PASSES && last.jitMicros() * 10 > last.totalMicros());
        return String.format("- warm-up: %d passes, %d calls in %.1f s; last pass: JIT %.0f%% of the gateway's CPU%n",
                passes, passes * targets.size() * (WARM_UP / CONCURRENCY) * CONCURRENCY,
                (System.nanoTime() - started) / 1e9, 100.0 * last.jitMicros() / Math.max(1, last.totalMicros()));
    }

    /**
     * Each path's pair back to back, the side measured first alternating by round, so that each side follows the
     * other path's calls equally often: in a trial without any policy the window after the switch from the other
     * path was the slower one, by 13% in calls/s.
     */
    private static List<ChainCost.Target> order(List<ChainCost.Target> targets, int round) {
        List<ChainCost.Target> ordered = new ArrayList<>(targets);
        if (round % 2 == 1) {
            for (int i = 0; i + 1 < ordered.size(); i += 2) {
                Collections.swap(ordered, i, i + 1);
            }
        }
        return ordered;
    }

    private static ChainCost.Window measure(ChainCost.Target target, ProcessHandle gateway) throws Exception {
        target.workers().run(SETTLE, false);
        CpuMeter server = CpuMeter.start(gateway);
        CpuMeter testJvm = CpuMeter.start(ProcessHandle.current());
        long start = System.nanoTime();
        long[] latencies = target.workers().run(CALLS, true);
        return new ChainCost.Window(latencies, (System.nanoTime() - start) / 1e9, server.used(), testJvm.used());
    }
}
