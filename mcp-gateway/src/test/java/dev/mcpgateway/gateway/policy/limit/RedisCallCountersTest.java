package dev.mcpgateway.gateway.policy.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.testsupport.RedisPerClass;
import dev.mcpgateway.testsupport.RedisServerFixture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract against a real redis-server, each counters instance with its own connection, as separate gateway
 * instances would have them.
 */
class RedisCallCountersTest extends CallCountersContract {

    @RegisterExtension
    static final RedisPerClass REDIS = new RedisPerClass();

    private static RedisClient client;

    @BeforeAll
    static void createClient() {
        client = RedisClient.create(REDIS.uri());
        client.setDefaultTimeout(Duration.ofMillis(500));
    }

    @AfterAll
    static void shutDownClient() {
        client.shutdown();
    }

    @Override
    List<CallCounters> instances(Clock clock, int count) {
        return IntStream.range(0, count)
                .<CallCounters>mapToObj(i -> new RedisCallCounters(client.connect(), clock, "test:limit:")).toList();
    }

    @Test
    void eachWindowIsOneKeyThatExpiresSoonAfterTheWindowEnds() {
        counters().admit("sub-a", List.of(calls(10, 1)));

        try (StatefulRedisConnection<String, String> admin = client.connect()) {
            List<String> keys = admin.sync().keys("test:limit:*");
            long start = Instant.parse("2026-03-10T12:00:00Z").getEpochSecond();
            assertEquals(List.of("test:limit:{sub-a}:calls:60:" + start), keys);
            long ttl = admin.sync().pttl(keys.getFirst());
            // 45 s left in the window plus a minute's grace
            assertTrue(ttl > 100_000 && ttl <= 105_000, "ttl " + ttl);
        }
    }

    @Test
    void aWindowWithoutEndKeepsItsKey() {
        counters().admit("sub-a", List.of(new Charge("calls", new Window(Instant.EPOCH, 0), 10, 1)));

        try (StatefulRedisConnection<String, String> admin = client.connect()) {
            assertEquals(-1, admin.sync().pttl(admin.sync().keys("test:limit:*").getFirst()));
        }
    }

    @Test
    void keepsCountingWhenRedisForgetsItsScripts() {
        CallCounters counters = counters();
        counters.admit("k", List.of(calls(2, 1)));
        try (StatefulRedisConnection<String, String> admin = client.connect()) {
            admin.sync().scriptFlush();
        }

        assertTrue(counters.admit("k", List.of(calls(2, 1))).admitted());
        assertFalse(counters.admit("k", List.of(calls(2, 1))).admitted());
    }

    @Test
    void whenRedisIsUnreachableCountsOnThisInstanceInsteadOfFailingCalls() {
        RedisServerFixture doomed = RedisServerFixture.start();
        RedisClient doomedClient = RedisClient.create(doomed.uri());
        doomedClient.setDefaultTimeout(Duration.ofMillis(500));
        try {
            CallCounters counters = new RedisCallCounters(doomedClient.connect(), clock, "test:limit:");
            counters.admit("k", List.of(calls(2, 1)));
            doomed.close();

            assertTrue(counters.admit("k", List.of(calls(2, 1))).admitted());
            assertTrue(counters.admit("k", List.of(calls(2, 1))).admitted());
            counters.add("k", calls(2, 1));
            assertFalse(counters.admit("k", List.of(calls(2, 0))).admitted());
        } finally {
            doomedClient.shutdown();
        }
    }

    @Test
    void mayBlock() {
        assertTrue(counters().mayBlock());
    }
}
