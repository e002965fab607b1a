package dev.mcpgateway.gateway.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.samples.shop.SampleShopServer;
import dev.mcpgateway.testsupport.RedisServerFixture;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway instances sharing one real Redis: a change made through one instance's admin API is stored in Redis,
 * reaches the other instance (whose clients are told), and outlives both.
 */
class SharedRedisStoreTest {

    private static Map<String, Object> redis(RedisServerFixture server) {
        return Map.of("gateway.store.type", "redis", "gateway.store.redis-uri", server.uri());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void aChangeOnOneInstanceReachesTheOtherAndSurvivesBoth(@TempDir Path dir) throws Exception {
        try (RedisServerFixture server = RedisServerFixture.start();
             SampleShopServer shop = SampleShopServer.start(0)) {
            String api = "{\"openapi\": \"classpath:specs/shop.yaml\", \"serviceUrl\": \"" + shop.baseUrl() + "\"}";
            try (GatewayFixture first = GatewayFixture.start(dir.resolve("a"), redis(server));
                 GatewayFixture second = GatewayFixture.start(dir.resolve("b"), redis(server))) {
                List<String> heardBySecond = new CopyOnWriteArrayList<>();
                second.catalog().onToolsChanged(heardBySecond::add);

                assertEquals(201, first.admin("PUT", "/admin/apis/shop", api).status());
                assertEquals(201, first.admin("PUT", "/admin/mcp-servers/shop",
                        "{\"apiId\": \"shop\", \"operations\": [\"getProduct\"]}").status());
                await(() -> second.catalog().find("shop").isPresent(), "the second instance serves shop");
                await(() -> heardBySecond.contains("shop"), "the second instance's listeners hear about shop");
                assertEquals(200, second.admin("GET", "/admin/apis/shop", null).status());

                // a change made on the second instance flows back to the first
                assertEquals(200, second.admin("PUT", "/admin/mcp-servers/shop",
                        "{\"apiId\": \"shop\", \"operations\": [\"getProduct\", \"getCart\"]}").status());
                await(() -> first.catalog().find("shop").map(s -> s.tools().size() == 2).orElse(false),
                        "the first instance sees two tools");

                assertEquals(204, first.admin("DELETE", "/admin/mcp-servers/shop", null).status());
                await(() -> second.catalog().find("shop").isEmpty(), "the second instance stops serving shop");
                assertEquals(201, first.admin("PUT", "/admin/mcp-servers/shop", "{\"apiId\": \"shop\"}").status());
                await(() -> second.catalog().find("shop").isPresent(), "the server is back on the second");
            }
            try (GatewayFixture restarted = GatewayFixture.start(dir.resolve("c"), redis(server))) {
                List<McpSchema.Tool> tools = restarted.catalog().find("shop").orElseThrow().tools();
                assertEquals(5, tools.size());
                assertTrue(restarted.admin("GET", "/admin/apis", null).body().contains("Sample Shop"));
            }
        }
    }
}
