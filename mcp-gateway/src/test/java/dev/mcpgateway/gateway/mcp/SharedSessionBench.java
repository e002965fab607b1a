package dev.mcpgateway.gateway.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What sharing sessions through Redis adds to a session request: the same {@code ping} and {@code tools/call}
 * (sample shop) over real HTTP, sequentially, against a gateway with in-memory sessions and against one with Redis
 * sessions (one real Redis on loopback). Run with {@code -Pbench}; prints figures only.
 */
@Tag("bench")
class SharedSessionBench {

    static final int WARMUP = 1_000;
    static final int MEASURED = 3_000;
    static final String V = "2025-11-25";

    @Test
    void sessionRequestsWithMemoryAndWithRedisSessions(@TempDir Path dir) throws Exception {
        try (TwoInstances shared = new TwoInstances(dir.resolve("redis"), Map.of());
             GatewayFixture local = GatewayFixture.start(dir.resolve("memory"), Map.of())) {
            String api = "{\"openapi\": \"classpath:specs/shop.yaml\", \"serviceUrl\": \"" + shared.shop.baseUrl() + "\"}";
            assertEquals(201, local.admin("PUT", "/admin/apis/shop", api).status());
            assertEquals(201, local.admin("PUT", "/admin/mcp-servers/shop", "{\"apiId\": \"shop\"}").status());
            for (String method : new String[] {"ping", "tools/call"}) {
                double[] memory = measure(new McpHttpClient(local.uri("/")), method);
                double[] redis = measure(shared.clientOfA(), method);
                System.out.printf("BENCH %-10s memory p50 %.3f ms p99 %.3f ms | redis p50 %.3f ms p99 %.3f ms | "
                        + "added p50 %.3f ms%n", method, memory[0], memory[1], redis[0], redis[1], redis[0] - memory[0]);
            }
        }
    }

    private static double[] measure(McpHttpClient client, String method) {
        String id = client.initialize("shop", V);
        Map<String, String> headers = Map.of("Mcp-Session-Id", id, "MCP-Protocol-Version", V);
        String body = method.equals("ping") ? "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"
                : "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"getProduct\","
                + "\"arguments\":{\"productId\":\"p-100\"}}}";
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            long start = System.nanoTime();
            int status = client.post("/mcp/shop", body, headers).statusCode();
            if (i >= WARMUP) {
                nanos[i - WARMUP] = System.nanoTime() - start;
            }
            assertEquals(200, status);
        }
        Arrays.sort(nanos);
        return new double[] {nanos[MEASURED / 2] / 1e6, nanos[MEASURED * 99 / 100] / 1e6};
    }
}
