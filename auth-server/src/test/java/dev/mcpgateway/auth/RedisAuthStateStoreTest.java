package dev.mcpgateway.auth;

import dev.mcpgateway.auth.store.AuthStateStore;
import dev.mcpgateway.auth.store.RedisAuthStateStore;
import dev.mcpgateway.testsupport.RedisServerFixture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The scale-out store on a real redis-server: the same contract as the file store. */
class RedisAuthStateStoreTest extends AuthStateStoreContract {

    static RedisServerFixture redis;
    static RedisClient client;
    static StatefulRedisConnection<String, String> connection;

    private final RedisAuthStateStore store;

    RedisAuthStateStoreTest() {
        connection.sync().flushall();
        store = new RedisAuthStateStore(connection);
    }

    @BeforeAll
    static void startRedis() {
        redis = RedisServerFixture.start();
        client = RedisClient.create(redis.uri());
        connection = client.connect();
    }

    @AfterAll
    static void stopRedis() {
        connection.close();
        client.shutdown();
        redis.close();
    }

    @Override
    AuthStateStore store() {
        return store;
    }
}
