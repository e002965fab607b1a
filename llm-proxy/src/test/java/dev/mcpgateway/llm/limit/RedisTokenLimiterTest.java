package dev.mcpgateway.llm.limit;

import dev.mcpgateway.testsupport.RedisPerClass;
import dev.mcpgateway.testsupport.RedisServerFixture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limiter contract against a real redis-server, each limiter with its own client and connection, as
 * separate gateway instances would have.
 */
class RedisTokenLimiterTest extends TokenLimiterContract {

    @RegisterExtension
    static final RedisPerClass REDIS = new RedisPerClass();

    private final List<RedisClient> clients = new ArrayList<>();

    @AfterEach
    void disconnect() {
        clients.forEach(RedisClient::shutdown);
    }

    @Override
    List<TokenLimiter> instances(Clock clock, int count) {
        List<TokenLimiter> limiters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RedisClient client = RedisClient.create(REDIS.uri());
            clients.add(client);
            limiters.add(new RedisTokenLimiter(client.connect(), clock, "test:limit:"));
        }
        return limiters;
    }

    @Test
    void keepsWorkingWhenRedisForgetsItsScripts() {
        TokenLimiter limiter = limiter();
        TokenLimitPolicy policy = TokenLimitPolicy.perMinute(100);
        try (StatefulRedisConnection<String, String> c = clients.getFirst().connect()) {
            c.sync().scriptFlush();
        }

        var admitted = assertInstanceOf(Admission.Admitted.class, limiter.admit("sub-a", policy, 60));
        limiter.settle(admitted.reservation(), 60);

        assertInstanceOf(Admission.Rejected.class, limiter.admit("sub-a", policy, 41));
    }

    @Test
    void countersExpireSoonAfterTheirWindow() {
        TokenLimiter limiter = limiter();
        limiter.admit("sub-a", TokenLimitPolicy.perMinute(100), 10);
        try (StatefulRedisConnection<String, String> c = clients.getFirst().connect()) {
            String key = c.sync().keys("test:limit:tpm:*").getFirst();
            long ttl = c.sync().pttl(key);
            // 45 s left in the minute plus the 2-minute grace for late settlements
            assertTrue(ttl > 0 && ttl <= 165_000, "ttl " + ttl);
        }
    }

    @Test
    void whenRedisIsUnreachableCountsOnThisInstanceInsteadOfFailingCalls() {
        RedisServerFixture doomed = RedisServerFixture.start();
        RedisClient client = RedisClient.create(doomed.uri());
        client.setDefaultTimeout(java.time.Duration.ofMillis(500));
        clients.add(client);
        TokenLimiter limiter = new RedisTokenLimiter(client.connect(), clock, "test:limit:");
        TokenLimitPolicy policy = TokenLimitPolicy.perMinute(100);
        limiter.admit("sub-a", policy, 90);
        doomed.close();

        var local = assertInstanceOf(Admission.Admitted.class, limiter.admit("sub-a", policy, 60));
        limiter.settle(local.reservation(), 80);

        assertTrue(local.reservation().local());
        assertInstanceOf(Admission.Rejected.class, limiter.admit("sub-a", policy, 21));
        assertInstanceOf(Admission.Admitted.class, limiter.admit("sub-a", policy, 20));
    }
}
