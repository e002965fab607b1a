package dev.mcpgateway.gateway.policy.limit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.policy.engine.PolicyEngine;
import dev.mcpgateway.testsupport.RedisServerFixture;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's engine applies the counting policies, on Redis counters when {@code redis.uri} is set. */
class CountingPoliciesWiringTest {

    @Test
    void withoutRedisTheEngineCountsInMemory(@TempDir Path dir) {
        try (GatewayFixture gateway = GatewayFixture.start(dir, Map.of())) {
            assertTrue(gateway.bean(PolicyEngine.class).elements()
                    .containsAll(Set.of("rate-limit", "rate-limit-by-key", "quota-by-key")));
            assertInstanceOf(InMemoryCallCounters.class, gateway.bean(CallCounters.class));
        }
    }

    @Test
    void withRedisEveryInstanceCountsInIt(@TempDir Path dir) {
        try (RedisServerFixture redis = RedisServerFixture.start();
             GatewayFixture gateway = GatewayFixture.start(dir, Map.of("redis.uri", redis.uri()))) {
            assertInstanceOf(RedisCallCounters.class, gateway.bean(CallCounters.class));
        }
    }
}
