package dev.mcpgateway.gateway.access;

import dev.mcpgateway.testsupport.RedisServerFixture;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** The authorization server's admin routes with its state on a real redis-server. */
class AuthAdminRoutesOnRedisStoreTest extends AuthAdminRoutesContract {

    private RedisServerFixture redis;

    @Override
    Map<String, Object> storeProperties() {
        redis = RedisServerFixture.start();
        return Map.of("gateway.auth.store", "redis", "redis.uri", redis.uri());
    }

    @AfterAll
    void stopRedis() {
        redis.close();
    }
}
